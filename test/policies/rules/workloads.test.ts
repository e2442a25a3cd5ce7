/** Workload policies (policies/rules/workloads.ts) in process: probes and bounds, security context, Docker health. */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, ResourcePolicyDefinition } from "../../../policies/definitions";
import { dockerHealth, probesAndLimits, restrictedSecurityContext } from "../../../policies/rules/workloads";
import { resourceSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const D = "kubernetes:apps/v1:Deployment";
const check = (p: ResourcePolicyDefinition, type: string, props: Record<string, any>): Finding[] => p.check(resourceSubject(type, props), {});
const GOOD = { readinessProbe: { httpGet: { path: "/h" } }, livenessProbe: { httpGet: { path: "/h" } }, resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "128Mi" } } };
const dep = (containers: unknown, initContainers: unknown = [], pod: Record<string, unknown> = {}) => ({ spec: { template: { spec: { containers, initContainers, ...pod } } } });

describe("workload policies (checks)", () => {
    it("long-running containers need both probes, CPU and memory requests and a memory limit", () => {
        assert.deepEqual(check(probesAndLimits, D, dep([{ name: "app", ...GOOD }], [{ name: "init" }])), []);
        assert.deepEqual(check(probesAndLimits, D, dep([{ name: "app" }])), ["container app lacks readinessProbe, livenessProbe, CPU request, memory request, memory limit"]);
        assert.deepEqual(check(probesAndLimits, D, dep([{ name: "app", ...GOOD, livenessProbe: undefined }])), ["container app lacks livenessProbe"]);
        assert.deepEqual(check(probesAndLimits, D, dep([{ name: "app", ...GOOD, resources: { requests: { cpu: "1" }, limits: { cpu: "1" } } }])), ["container app lacks memory request, memory limit"]);
        assert.deepEqual(check(probesAndLimits, D, dep(U)), [{ undecided: "spec.template.spec.containers" }]);
    });

    it("batch containers need no probes, only requests and a memory limit", () => {
        const job = { spec: { template: { spec: { containers: [{ name: "job" }] } } } };
        assert.deepEqual(check(probesAndLimits, "kubernetes:batch/v1:Job", job), ["container job lacks CPU request, memory request, memory limit"]);
        const cron = { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "cron", resources: GOOD.resources }] } } } } } };
        assert.deepEqual(check(probesAndLimits, "kubernetes:batch/v1:CronJob", cron), []);
    });

    it("containers run as non-root (pod or container), without escalation, never privileged", () => {
        const safe = { allowPrivilegeEscalation: false };
        assert.deepEqual(check(restrictedSecurityContext, D, dep([{ name: "app", securityContext: { ...safe, runAsNonRoot: true } }])), []);
        assert.deepEqual(check(restrictedSecurityContext, D, dep([{ name: "app", securityContext: safe }], [], { securityContext: { runAsNonRoot: true } })), []);
        assert.deepEqual(check(restrictedSecurityContext, D, dep([{ name: "app" }], [{ name: "init", securityContext: { ...safe, runAsNonRoot: true, privileged: true } }])), [
            "container app may run as root, allows privilege escalation",
            "container init is privileged",
        ]);
        assert.deepEqual(check(restrictedSecurityContext, D, dep([{ name: "app", securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: true, privileged: false } }])), ["container app allows privilege escalation"]);
    });

    it("is undecided on an unknown switch, and still reports what it knows", () => {
        assert.deepEqual(check(restrictedSecurityContext, D, dep([{ name: "app", securityContext: { runAsNonRoot: U, allowPrivilegeEscalation: U, privileged: U } }])), [
            { undecided: "spec.template.spec.containers[0].securityContext.runAsNonRoot" },
            { undecided: "spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation" },
            { undecided: "spec.template.spec.containers[0].securityContext.privileged" },
        ]);
        assert.deepEqual(check(restrictedSecurityContext, D, dep([{ name: "app", securityContext: { allowPrivilegeEscalation: true } }], [], { securityContext: { runAsNonRoot: U } })), [
            "container app allows privilege escalation",
            { undecided: "spec.template.spec.securityContext.runAsNonRoot" },
        ]);
        assert.deepEqual(check(restrictedSecurityContext, "kubernetes:core/v1:Pod", { spec: U }), [{ undecided: "spec" }]);
    });

    it("Docker containers have a health check and restart on failure", () => {
        const C = "docker:index/container:Container";
        for (const restart of ["always", "unless-stopped", "on-failure"]) assert.deepEqual(check(dockerHealth, C, { healthcheck: { tests: ["CMD", "true"] }, restart }), [], restart);
        assert.deepEqual(check(dockerHealth, C, { healthcheck: { tests: [] }, restart: "no" }), ["no health check", "restart policy is no"]);
        assert.deepEqual(check(dockerHealth, C, {}), ["no health check", "restart policy is no"]);
        assert.deepEqual(check(dockerHealth, C, { healthcheck: { tests: U }, restart: U }), [{ undecided: "healthcheck.tests" }, { undecided: "restart" }]);
    });
});
