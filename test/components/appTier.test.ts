import { strict as assert } from "assert";
import { AppTier } from "../../components/appTier";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

const EXPECTED_HPA: Record<string, [number, number]> = { small: [3, 5], medium: [5, 10], large: [10, 50] };

describe("AppTier", () => {
    for (const tier of TIER_NAMES) {
        it(`${tier}: autoscales on CPU 70% / memory 80% within the tier's bounds`, async () => {
            const hpa = resourcesOf(await planShippedStack(tier)).one("kubernetes:autoscaling/v2:HorizontalPodAutoscaler").inputs;
            assert.deepEqual([hpa.spec.minReplicas, hpa.spec.maxReplicas], EXPECTED_HPA[tier]);
            const targets = Object.fromEntries(hpa.spec.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization]));
            assert.deepEqual(targets, { cpu: 70, memory: 80 });
            assert.deepEqual([hpa.spec.behavior.scaleUp.stabilizationWindowSeconds, hpa.spec.behavior.scaleDown.stabilizationWindowSeconds], [120, 300]);
        });

        it(`${tier}: requests the tier's pod size, probes the health path and rolls out with zero unavailable`, async () => {
            const dep = resourcesOf(await planShippedStack(tier)).one("kubernetes:apps/v1:Deployment", `${tier}-deployment`).inputs;
            const c = dep.spec.template.spec.containers[0];
            const row = TIERS[tier].app;
            assert.deepEqual(c.resources.requests, { cpu: `${row.cpuMillicores}m`, memory: `${row.memoryMiB}Mi` });
            assert.deepEqual(c.resources.limits, c.resources.requests);
            for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) assert.equal(c[probe].httpGet.path, "/_stcore/health");
            assert.equal(dep.spec.strategy.rollingUpdate.maxUnavailable, 0);
            assert.equal(dep.spec.replicas, row.minReplicas);
            assert.equal(c.image, "ghcr.io/example/website-analyzer:1.0.0");
        });
    }

    it("spreads pods across zones and runs them non-root on a read-only root filesystem", async () => {
        const spec = resourcesOf(await planShippedStack("medium")).one("kubernetes:apps/v1:Deployment", "medium-deployment").inputs.spec.template.spec;
        const zone = spec.topologySpreadConstraints.find((t: any) => t.topologyKey === "topology.kubernetes.io/zone");
        assert.deepEqual([zone.maxSkew, zone.whenUnsatisfiable], [1, "DoNotSchedule"]);
        assert.equal(spec.securityContext.runAsNonRoot, true);
        const sc = spec.containers[0].securityContext;
        assert.deepEqual([sc.readOnlyRootFilesystem, sc.allowPrivilegeEscalation, sc.capabilities.drop], [true, false, ["ALL"]]);
        assert.deepEqual(spec.nodeSelector, { "tiered-infra/pool": "app" });
    });

    it("takes plain env from config and secrets only by reference", async () => {
        const r = resourcesOf(await runProgram(async () => {
            new AppTier("a", {
                appName: "a", namespace: "ns", image: "img", tag: "1", port: 8080, healthPath: "/h", minReplicas: 1, maxReplicas: 2,
                targetCpuPercent: 70, targetMemoryPercent: 80, cpuMillicores: 100, memoryMiB: 128,
                env: { CORS_ORIGIN: "https://a.example.com" }, secretEnv: { API_KEY: { secretName: "app-secrets", key: "API_KEY" } },
            });
            return {};
        }));
        const env = r.one("kubernetes:apps/v1:Deployment").inputs.spec.template.spec.containers[0].env;
        assert.deepEqual(env, [
            { name: "CORS_ORIGIN", value: "https://a.example.com" },
            { name: "API_KEY", valueFrom: { secretKeyRef: { name: "app-secrets", key: "API_KEY" } } },
        ]);
    });

    it("exposes a NodePort Service for the origin load balancer and a PodDisruptionBudget", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const svc = r.one("kubernetes:core/v1:Service", "small-service").inputs.spec;
        assert.equal(svc.type, "NodePort");
        assert.equal(svc.ports[0].nodePort, 30080);
        assert.equal(r.one("kubernetes:policy/v1:PodDisruptionBudget", "small-pdb").inputs.spec.maxUnavailable, 1);
    });

    it("refuses a NodePort outside the Kubernetes range", async () => {
        await assert.rejects(runProgram(async () => {
            new AppTier("a", { appName: "a", namespace: "ns", image: "i", tag: "1", port: 80, healthPath: "/", minReplicas: 1, maxReplicas: 1, targetCpuPercent: 70, targetMemoryPercent: 80, cpuMillicores: 100, memoryMiB: 128, nodePort: 8080 });
            return {};
        }), /nodePort 8080 is outside 30000-32767/);
    });
});
