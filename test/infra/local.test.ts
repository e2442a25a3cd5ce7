import { strict as assert } from "assert";
import { proxyConfig } from "../../infra/local";
import YAML from "yaml";
import { deploy } from "../../infra/program";
import { planShippedStack, Resources, resourcesOf, runProgram } from "../harness";

const CONTAINER = "docker:index/container:Container";

function containers(r: Resources): Record<string, any> {
    return Object.fromEntries(r.ofType(CONTAINER).map((c) => [c.inputs.name, c.inputs]));
}
const role = (c: any) => c.labels.find((l: any) => l.label === "tiered-infra.role")?.value;
const envOf = (c: any): Record<string, string> => Object.fromEntries(c.envs.filter((e: string) => e !== "[secret]").map((e: string) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));

describe("local tier (Docker)", () => {
    it("runs the app, PostgreSQL, Valkey, ChromaDB, a frontend and nginx on one network", async () => {
        const r = resourcesOf(await planShippedStack("local"));
        const c = containers(r);
        assert.deepEqual(Object.keys(c).sort(), ["web", "web-cache", "web-chroma", "web-frontend", "web-postgres", "web-proxy"]);
        assert.deepEqual(c["web-postgres"].networksAdvanced[0].aliases, ["postgres"], "the app reaches stores by short alias");
        const network = r.one("docker:index/network:Network").inputs.name;
        for (const x of Object.values(c)) assert.deepEqual(x.networksAdvanced.map((n: any) => n.name), [network]);
    });

    it("publishes seed 003's ports (nginx 80, backend 12015, frontend 12016) and keeps data stores private", async () => {
        const c = containers(resourcesOf(await planShippedStack("local")));
        const published = (x: any) => (x.ports ?? []).map((p: any) => `${p.external}->${p.internal}`);
        assert.deepEqual(published(c["web-proxy"]), ["80->80"]);
        assert.deepEqual(published(c.web), ["12015->12015"]);
        assert.deepEqual(published(c["web-frontend"]), ["12016->12016"]);
        for (const store of ["web-postgres", "web-cache", "web-chroma"]) {
            assert.deepEqual(published(c[store]), [], `${store} is private`);
            assert.equal(role(c[store]), "data");
        }
    });

    it("routes /api/ to the backend and the rest to the frontend", async () => {
        const c = containers(resourcesOf(await planShippedStack("local")));
        const conf = c["web-proxy"].uploads.find((u: any) => u.file === "/etc/nginx/conf.d/default.conf").content;
        assert.equal(conf, proxyConfig("web:12015", "frontend:12016"));
        assert.match(conf, /location \/api\/ \{ proxy_pass http:\/\/web:12015;/);
        assert.match(conf, /location \/ \{ proxy_pass http:\/\/frontend:12016;/);
    });

    it("gives every container a health check and a restart policy", async () => {
        for (const [name, x] of Object.entries(containers(resourcesOf(await planShippedStack("local"))))) {
            assert.ok(x.healthcheck.tests.length >= 2, `${name} health check`);
            assert.equal(x.restart, "unless-stopped", name);
        }
    });

    it("keeps data on named volumes mounted into the stores and the app", async () => {
        const r = resourcesOf(await planShippedStack("local"));
        const volumes = new Set(r.ofType("docker:index/volume:Volume").map((v) => v.inputs.name));
        const c = containers(r);
        const mounts = (x: any) => x.volumes.map((v: any) => `${v.volumeName}:${v.containerPath}`);
        assert.deepEqual(mounts(c["web-postgres"]), ["web-postgres-data:/var/lib/postgresql/data"]);
        assert.deepEqual(mounts(c["web-chroma"]), ["web-chroma-data:/data"]);
        assert.deepEqual(mounts(c.web), ["web-app-data:/app/data"]);
        for (const x of [c["web-postgres"], c["web-cache"], c["web-chroma"], c.web]) for (const v of x.volumes) assert.ok(volumes.has(v.volumeName));
    });

    it("hands secrets to containers as files, never as environment values or plain text", async () => {
        const run = await planShippedStack("local");
        const c = containers(resourcesOf(run));
        assert.equal(envOf(c["web-postgres"]).POSTGRES_PASSWORD_FILE, "/run/secrets/postgres_password");
        assert.equal(envOf(c["web-postgres"]).POSTGRES_PASSWORD, undefined);
        assert.equal(c["web-postgres"].uploads.find((u: any) => u.file === "/run/secrets/postgres_password").content, "[secret]");
        assert.equal(envOf(c.web).DATABASE_PASSWORD_FILE, "/run/secrets/database_password");
        assert.equal(envOf(c.web).REDIS_PASSWORD_FILE, "/run/secrets/redis_password");
        const passwords = resourcesOf(run).ofType("random:index/randomPassword:RandomPassword");
        assert.ok(passwords.length >= 2);
        assert.ok(!JSON.stringify(run.preview).includes("offline-"), "no generated value in the plan");
    });

    it("costs nothing", async () => {
        assert.match(JSON.stringify((await planShippedStack("local")).preview.tieredInfra), /"platform":"local"/);
    });
});

describe("seed systems as stacks", () => {
    it("seed 000 on AWS: InfluxDB 2 with a 30-day sensor_data bucket, token by reference, /health probes", async () => {
        const r = resourcesOf(await planShippedStack("seed000-aws"));
        const sts = r.one("kubernetes:apps/v1:StatefulSet").inputs;
        const env = Object.fromEntries(sts.spec.template.spec.containers[0].env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
        assert.deepEqual([env.DOCKER_INFLUXDB_INIT_BUCKET, env.DOCKER_INFLUXDB_INIT_RETENTION], ["sensor_data", "30d"]);
        assert.deepEqual(env.DOCKER_INFLUXDB_INIT_ADMIN_TOKEN, { secretKeyRef: { name: "app-secrets", key: "INFLUX_TOKEN" } });
        const app = r.one("kubernetes:apps/v1:Deployment", "pm-seed000-aws-deployment").inputs.spec.template.spec.containers[0];
        assert.equal(app.readinessProbe.httpGet.path, "/health");
        const appEnv = Object.fromEntries(app.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
        assert.equal(appEnv.INFLUX_URL, "http://influxdb.pm.svc.cluster.local:8086");
        assert.deepEqual(appEnv.INFLUX_TOKEN, { secretKeyRef: { name: "app-secrets", key: "INFLUX_TOKEN" } });
        assert.equal(appEnv.CORS_ORIGIN, "https://pm.example.com");
        assert.equal(r.ofType("aws:rds/instance:Instance").length + r.ofType("aws:elasticache/replicationGroup:ReplicationGroup").length, 0, "no database or cache in this system");
    });

    it("seed 000 locally: InfluxDB private, its password and token as files", async () => {
        const c = containers(resourcesOf(await planShippedStack("seed000-local")));
        assert.deepEqual(c["pm-influxdb"].ports ?? [], []);
        assert.equal(envOf(c["pm-influxdb"]).DOCKER_INFLUXDB_INIT_RETENTION, "30d");
        // One convention for every local container: `<NAME>_FILE` -> /run/secrets/<name>, mode 0444, content secret.
        for (const [container, env] of [["pm-influxdb", "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"], ["pm-influxdb", "DOCKER_INFLUXDB_INIT_PASSWORD"], ["pm", "INFLUX_TOKEN"]]) {
            const file = `/run/secrets/${env.toLowerCase()}`;
            assert.equal(envOf(c[container])[`${env}_FILE`], file, `${container} ${env}_FILE`);
            assert.deepEqual(c[container].uploads.find((u: any) => u.file === file), { file, content: "[secret]", permissions: "0444" }, `${container} ${file}`);
            assert.equal(envOf(c[container])[env], undefined, `${container} gets no ${env} value`);
        }
    });

    it("seed 001 on AWS: API autoscaling 1-5 on CPU 70% / memory 80%, private Dgraph with daily backups, ADMIN_API_KEY by reference", async () => {
        const r = resourcesOf(await planShippedStack("seed001-aws"));
        const hpa = r.one("kubernetes:autoscaling/v2:HorizontalPodAutoscaler").inputs.spec;
        assert.deepEqual([hpa.minReplicas, hpa.maxReplicas], [1, 5]);
        assert.deepEqual(hpa.metrics.map((m: any) => m.resource.target.averageUtilization), [70, 80]);
        const app = r.one("kubernetes:apps/v1:Deployment", "graph-seed001-aws-deployment").inputs.spec.template.spec.containers[0];
        assert.equal(app.livenessProbe.httpGet.path, "/api/health");
        const appEnv = Object.fromEntries(app.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
        assert.deepEqual(appEnv.ADMIN_API_KEY, { secretKeyRef: { name: "app-secrets", key: "ADMIN_API_KEY" } });
        assert.equal(appEnv.CORS_ORIGIN, "https://makeitmakesense.example.com");
        assert.equal(appEnv.DGRAPH_BASE_URL, "http://dgraph.graph.svc.cluster.local:8080");
        const svc = r.one("kubernetes:core/v1:Service", "dgraph-client").inputs.spec;
        assert.equal(svc.type, "ClusterIP");
        assert.equal(r.one("kubernetes:apps/v1:StatefulSet").inputs.spec.volumeClaimTemplates[0].spec.resources.requests.storage, "10Gi");
        assert.ok(r.one("aws:backup/plan:Plan").inputs.rules.some((x: any) => x.ruleName === "daily"));
    });

    it("seed 001 locally: Dgraph private on a named volume, ADMIN_API_KEY as a file", async () => {
        const c = containers(resourcesOf(await planShippedStack("seed001-local")));
        assert.deepEqual(c["graph-dgraph"].ports ?? [], []);
        assert.deepEqual(c["graph-dgraph"].volumes.map((v: any) => v.volumeName), ["graph-dgraph-data"]);
        assert.equal(envOf(c.graph).ADMIN_API_KEY_FILE, "/run/secrets/admin_api_key");
        assert.equal(envOf(c.graph).CORS_ORIGIN, "http://localhost:5173");
    });

    it("adds Prometheus and Grafana on request, on 127.0.0.1 only, with the local rules and a generated admin password as a file", async () => {
        const run = await runProgram(deploy, { stack: "local", config: { "tiered-infra:observability": JSON.stringify({ local: true }) } });
        const c = containers(resourcesOf(run));
        const published = (x: any) => (x.ports ?? []).map((p: any) => `${p.ip}:${p.external}->${p.internal}`);
        assert.deepEqual(published(c["web-prometheus"]), ["127.0.0.1:19090->9090"]);
        assert.deepEqual(published(c["web-grafana"]), ["127.0.0.1:13000->3000"]);
        const upload = (x: any, file: string) => x.uploads.find((u: any) => u.file === file)?.content;
        const rules = YAML.parse(upload(c["web-prometheus"], "/etc/prometheus/rules.yml")).groups[0].rules.map((r: any) => r.alert);
        assert.deepEqual(rules, ["ScrapeTargetDown"]);
        assert.deepEqual(YAML.parse(upload(c["web-prometheus"], "/etc/prometheus/prometheus.yml")).rule_files, ["/etc/prometheus/rules.yml"]);
        assert.equal(YAML.parse(upload(c["web-grafana"], "/etc/grafana/provisioning/datasources/prometheus.yaml")).datasources[0].url, "http://prometheus:9090");
        const env = envOf(c["web-grafana"]);
        assert.equal(env.GF_SECURITY_ADMIN_PASSWORD__FILE, "/run/secrets/grafana_admin_password");
        assert.equal(env.GF_SECURITY_ADMIN_PASSWORD, undefined, "never an environment value");
        assert.equal(upload(c["web-grafana"], "/run/secrets/grafana_admin_password"), "[secret]");
        assert.equal(run.outputs.grafanaUrl, "http://localhost:13000");
        // Off by default: the shipped local stack runs no monitoring containers.
        assert.equal(containers(resourcesOf(await planShippedStack("local")))["web-grafana"], undefined);
    });
});
