import { strict as assert } from "assert";
import { deploy } from "../../infra/program";
import { listStacks } from "../../tools/offline/project";
import { planShippedStack, project, resourcesOf, runProgram } from "../harness";
import { kubernetesObjects, validateKubernetesObject } from "../k8sModels";

describe("program", () => {
    it("exports what a user needs: cluster name, kubeconfig (secret), app endpoint", async () => {
        const outputs = (await planShippedStack("medium")).outputs;
        assert.equal(outputs.clusterName, "web-medium");
        assert.equal(outputs.kubeconfig, "[secret]");
        assert.match(String(outputs.appServiceEndpoint), /^http:\/\/internal-.+\.elb\.amazonaws\.com$/);
        assert.equal(outputs.appInternalUrl, "http://web.web.svc.cluster.local");
    });

    it("emits Kubernetes objects that validate against the official OpenAPI models, in every stack", async () => {
        for (const stack of listStacks(project)) {
            const run = await planShippedStack(stack);
            const objects = kubernetesObjects(run.preview.steps);
            if (run.preview.config?.["tiered-infra:platform"] !== "local") assert.ok(objects.length >= 5, `${stack}: ${objects.length} objects`);
            for (const { urn, object } of objects) {
                try {
                    validateKubernetesObject(object);
                } catch (e) {
                    assert.fail(`${urn}: ${(e as Error).message}`);
                }
            }
        }
    });

    it("catches an invalid object (the validation is not vacuous)", () => {
        assert.throws(() => validateKubernetesObject({ apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", spec: { minReplicas: "three" } }));
    });
});

/** Every string under a secret-looking key, anywhere in a plan's inputs, that is not `[secret]`. */
function plaintextSecrets(value: unknown, path = ""): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => plaintextSecrets(v, `${path}[${i}]`));
    if (value === null || typeof value !== "object") return [];
    const obj = value as Record<string, unknown>;
    // Container env entries: { name: "X_PASSWORD", value: "..." } is a literal secret.
    if (typeof obj.name === "string" && typeof obj.value === "string" && /(password|secret|token|api_?key)/i.test(obj.name) && obj.value !== "[secret]") {
        return [`${path}=${obj.name}`];
    }
    return Object.entries(obj).flatMap(([k, v]) => {
        const here = `${path}.${k}`;
        if (typeof v === "string" && /(password|passwd|authtoken|token|secretstring|apikey|api_key|privatekey)$/i.test(k) && v !== "[secret]") return [`${here}=${v}`];
        return plaintextSecrets(v, here);
    });
}

describe("secrets in the plan", () => {
    const canary = "canary-Zx81-do-not-leak";
    const secretConfig = {
        "tiered-infra:appSecrets": JSON.stringify({ OPENAI_API_KEY: canary }),
    };

    it("no password or token appears in plain text in any registered resource, in any stack", async () => {
        for (const stack of listStacks(project)) {
            const leaks = (await planShippedStack(stack)).preview.steps.flatMap((s) => plaintextSecrets(s.newState?.inputs, s.urn));
            assert.deepEqual(leaks, [], stack);
        }
    });

    it("the detector is not vacuous: a literal password is caught", () => {
        assert.equal(plaintextSecrets({ env: [{ name: "DB_PASSWORD", value: "hunter2" }] }).length, 1);
        assert.equal(plaintextSecrets({ password: "hunter2" }).length, 1);
    });

    it("an application secret reaches Secrets Manager as [secret] and the pod only by reference", async () => {
        const run = await runProgram(deploy, { stack: "small", config: secretConfig, secretKeys: ["tiered-infra:appSecrets"] });
        assert.ok(!JSON.stringify(run.preview).includes(canary), "the canary leaked into the plan");
        const r = resourcesOf(run);
        assert.equal(r.one("aws:secretsmanager/secretVersion:SecretVersion").inputs.secretString, "[secret]");
        const secret = r.one("aws:secretsmanager/secret:Secret").inputs;
        assert.match(secret.kmsKeyId, /^arn:aws:kms:/);
        assert.equal(secret.recoveryWindowInDays, 30);
        const env = r.one("kubernetes:apps/v1:Deployment", "small-deployment").inputs.spec.template.spec.containers[0].env;
        assert.deepEqual(env.find((e: any) => e.name === "OPENAI_API_KEY"), { name: "OPENAI_API_KEY", valueFrom: { secretKeyRef: { name: "app-secrets", key: "OPENAI_API_KEY" } } });
        const synced = r.ofType("kubernetes:external-secrets.io/v1:ExternalSecret").map((e) => e.inputs.spec.target.name).sort();
        assert.deepEqual(synced, ["app-secrets", "db-credentials"]);
    });

    it("wires the app to the pooler, cache and vector DB by endpoint, and to credentials by reference", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const env = r.one("kubernetes:apps/v1:Deployment", "medium-deployment").inputs.spec.template.spec.containers[0].env;
        const byName = Object.fromEntries(env.map((e: any) => [e.name, e]));
        assert.equal(byName.DATABASE_HOST.value, "pgbouncer.web.svc.cluster.local");
        assert.match(byName.REDIS_HOST.value, /^master\..+\.cache\.amazonaws\.com$/);
        assert.equal(byName.REDIS_TLS.value, "true");
        assert.equal(byName.VECTOR_DB_URL.value, "http://chroma.web.svc.cluster.local:8000");
        assert.deepEqual(byName.DATABASE_PASSWORD.valueFrom, { secretKeyRef: { name: "db-credentials", key: "password" } });
        const pooler = r.one("kubernetes:apps/v1:Deployment", "pgbouncer").inputs.spec.template.spec.containers[0].env;
        const p = Object.fromEntries(pooler.map((e: any) => [e.name, e.value ?? e.valueFrom]));
        assert.match(p.DB_HOST, /\.rds\.amazonaws\.com$/);
        assert.deepEqual([p.MAX_CLIENT_CONN, p.DEFAULT_POOL_SIZE, p.SERVER_TLS_SSLMODE], ["250", "40", "require"]);
        const eso = r.one("kubernetes:external-secrets.io/v1:ExternalSecret", "db-credentials").inputs;
        assert.match(eso.spec.data[0].remoteRef.key, /^arn:aws:secretsmanager:.+:secret:rds!db-/);
    });

    it("sizes the pooler per tier (seed 002: 100 to 500 client connections)", async () => {
        const clients: string[] = [];
        for (const tier of ["small", "medium", "large"]) {
            const env = resourcesOf(await planShippedStack(tier)).one("kubernetes:apps/v1:Deployment", "pgbouncer").inputs.spec.template.spec.containers[0].env;
            clients.push(env.find((e: any) => e.name === "MAX_CLIENT_CONN").value);
        }
        assert.deepEqual(clients, ["100", "250", "500"]);
    });

    it("switches the large tier to a managed vector service: no vector nodes, URL by secret reference", async () => {
        const run = await runProgram(deploy, {
            stack: "large",
            config: {
                "tiered-infra:sizing": JSON.stringify({ vectorDb: { mode: "managed" } }),
                "tiered-infra:managedVectorDb": JSON.stringify({ provider: "pinecone", monthlyFeeUsd: 500 }),
                "tiered-infra:appSecrets": JSON.stringify({ VECTOR_DB_URL: "https://index.example.pinecone.io" }),
            },
            secretKeys: ["tiered-infra:appSecrets"],
        });
        const r = resourcesOf(run);
        assert.equal(r.ofType("kubernetes:apps/v1:StatefulSet").length, 0);
        assert.equal(r.ofType("aws:eks/nodeGroup:NodeGroup").length, 1);
        assert.deepEqual(r.ofType("aws:backup/plan:Plan").map((p) => p.name), ["web-large-db-plan"], "only the database's plan: no vector volumes to back up");
        const env = r.one("kubernetes:apps/v1:Deployment", "large-deployment").inputs.spec.template.spec.containers[0].env;
        assert.deepEqual(env.find((e: any) => e.name === "VECTOR_DB_URL").valueFrom, { secretKeyRef: { name: "app-secrets", key: "VECTOR_DB_URL" } });
    });
});
