import { strict as assert } from "assert";
import YAML from "yaml";
import { DB_CLASS_MEMORY_GIB, maxConnectionsOf } from "../../components/alarmCatalog";
import { ORIGIN_READ_TIMEOUT_SECONDS } from "../../components/cdn";
import { deploy } from "../../infra/program";
import { TIERS, TierName } from "../../infra/tiers";
import { planShippedStack, Resources, resourcesOf, runProgram } from "../harness";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const GiB = 2 ** 30;

type Alarm = { name: string; urn: string; inputs: any };

/** Metric names an alarm reads, and the dimensions of its (first) metric. */
function metricsOf(a: Alarm): { names: string[]; dims: Record<string, string> } {
    const queries: any[] = a.inputs.metricQueries ?? [];
    if (queries.length === 0) return { names: [a.inputs.metricName], dims: a.inputs.dimensions ?? {} };
    const metrics = queries.filter((q) => q.metric).map((q) => q.metric);
    return { names: metrics.map((m) => m.metricName), dims: metrics[0].dimensions ?? {} };
}

/** Alarms whose dimension `key` equals `value`, by metric name. */
function alarmsOn(r: Resources, key: string, value: string): Map<string, Alarm> {
    const out = new Map<string, Alarm>();
    for (const a of r.ofType(ALARM)) {
        const { names, dims } = metricsOf(a);
        if (dims[key] === value) for (const n of names) out.set(n, a);
    }
    return out;
}

function hasAll(found: Map<string, Alarm>, metrics: string[], what: string): void {
    assert.deepEqual(metrics.filter((m) => !found.has(m)), [], `${what} lacks alarms on these metrics`);
}

const TIER_STACKS: TierName[] = ["small", "medium", "large"];

describe("Observability (alarm inventory per tier)", function () {
    this.timeout(60_000);

    for (const tier of TIER_STACKS) {
        describe(tier, () => {
            const row = TIERS[tier];
            let r: Resources;
            before(async () => {
                r = resourcesOf(await planShippedStack(tier));
            });

            it("alarms every RDS instance on CPU, memory, storage, connections and latency, scaled to its class and storage", () => {
                const instances = r.ofType("aws:rds/instance:Instance");
                assert.equal(instances.length, 1 + row.database.readReplicas);
                for (const db of instances) {
                    const found = alarmsOn(r, "DBInstanceIdentifier", db.inputs.identifier);
                    const replica = Boolean(db.inputs.replicateSourceDb);
                    hasAll(found, ["CPUUtilization", "FreeableMemory", "FreeStorageSpace", "DatabaseConnections", "ReadLatency", "WriteLatency"], db.name);
                    hasAll(found, replica ? ["ReplicaLag"] : ["MaximumUsedTransactionIDs"], db.name);
                    assert.equal(found.has("CPUCreditBalance"), row.database.instanceClass.startsWith("db.t"), `${db.name}: credit alarm only on burstable classes`);
                    // Thresholds come from the tier's sizing, not from one fixed number.
                    assert.equal(found.get("FreeableMemory")!.inputs.threshold, Math.floor(0.25 * DB_CLASS_MEMORY_GIB[row.database.instanceClass] * GiB));
                    assert.equal(found.get("FreeStorageSpace")!.inputs.threshold, Math.floor(0.1 * row.database.allocatedStorageGiB * GiB));
                    assert.equal(found.get("DatabaseConnections")!.inputs.threshold, Math.floor(0.9 * maxConnectionsOf(row.database.instanceClass)!));
                    assert.equal(found.get("FreeStorageSpace")!.inputs.statistic, "Minimum");
                    assert.equal(found.get("ReadLatency")!.inputs.extendedStatistic, "p90");
                }
            });

            it("alarms every cache node on engine CPU, memory, evictions and connections (replication lag with replicas)", () => {
                const group = r.one("aws:elasticache/replicationGroup:ReplicationGroup").inputs;
                for (let n = 1; n <= row.cache.nodes; n++) {
                    const member = `${group.replicationGroupId}-${String(n).padStart(3, "0")}`;
                    const found = alarmsOn(r, "CacheClusterId", member);
                    hasAll(found, ["EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "Evictions", "CurrConnections"], member);
                    assert.equal(found.has("ReplicationLag"), row.cache.nodes > 1, member);
                }
            });

            it("alarms the origin ALB on 5xx rates, unhealthy hosts and p99 latency, and the CDN on 5xx rate and origin latency", () => {
                const lbAlarms = r.ofType(ALARM).filter((a) => metricsOf(a).dims.LoadBalancer?.startsWith("app/"));
                const lbMetrics = new Set(lbAlarms.flatMap((a) => metricsOf(a).names));
                for (const m of ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "RequestCount", "UnHealthyHostCount", "TargetResponseTime"]) assert.ok(lbMetrics.has(m), m);
                const p99 = lbAlarms.find((a) => a.inputs.metricName === "TargetResponseTime")!;
                assert.equal(p99.inputs.extendedStatistic, "p99");
                const elb5xx = lbAlarms.find((a) => metricsOf(a).names.includes("HTTPCode_ELB_5XX_Count"))!;
                assert.equal(metricsOf(elb5xx).dims.TargetGroup, undefined, "load-balancer-level metrics carry no TargetGroup");

                const cdn = alarmsOn(r, "Region", "Global");
                hasAll(cdn, ["5xxErrorRate", "OriginLatency"], "the distribution");
                assert.equal(cdn.get("OriginLatency")!.inputs.threshold, 0.8 * ORIGIN_READ_TIMEOUT_SECONDS * 1000);
                assert.equal(r.ofType("aws:cloudfront/monitoringSubscription:MonitoringSubscription").length, 1, "OriginLatency needs the additional metrics");
            });

            it("alarms every NAT gateway, the WAF, the nodes and the app (HPA at its maximum for 15 minutes)", () => {
                for (const nat of r.ofType("aws:ec2/natGateway:NatGateway")) {
                    const id = r.ofType(ALARM).filter((a) => a.name.endsWith(`-${nat.name.split("-").slice(-2).join("-")}`));
                    assert.ok(id.length >= 2, `${nat.name}: ${id.length} alarms`);
                }
                assert.equal(r.ofType("aws:ec2/natGateway:NatGateway").length, row.network.natGateways === "perAz" ? row.network.azCount : 1);
                const waf = r.ofType(ALARM).filter((a) => metricsOf(a).dims.WebACL);
                assert.equal(waf.length, 1);
                assert.ok(metricsOf(waf[0]).names.includes("BlockedRequests"));
                const hpa = r.ofType(ALARM).find((a) => a.inputs.metricName === "service_number_of_running_pods")!;
                assert.deepEqual([hpa.inputs.threshold, hpa.inputs.evaluationPeriods, hpa.inputs.comparisonOperator], [row.app.maxReplicas, 15, "GreaterThanOrEqualToThreshold"]);
                for (const m of ["node_cpu_utilization", "node_memory_utilization", "node_filesystem_utilization", "cluster_failed_node_count"]) {
                    assert.ok(r.ofType(ALARM).some((a) => a.inputs.metricName === m), m);
                }
            });

            it("sends every alarm (and its recovery) to an encrypted topic of its severity", () => {
                const topics = r.ofType("aws:sns/topic:Topic");
                assert.deepEqual(topics.map((t) => t.inputs.name).sort(), [`web-${tier}-alerts-critical`, `web-${tier}-alerts-warning`]);
                for (const t of topics) assert.match(t.inputs.kmsMasterKeyId, /^arn:aws:kms:/, `${t.name} is encrypted with our key`);
                const alarms = r.ofType(ALARM);
                assert.ok(alarms.length >= 25, `${alarms.length} alarms`);
                for (const a of alarms) {
                    const severity = a.inputs.tags["tiered-infra:severity"];
                    const topic = `arn:aws:sns:us-east-1:123456789012:web-${tier}-alerts-${severity}`;
                    assert.deepEqual([a.inputs.alarmActions, a.inputs.okActions], [[topic], [topic]], a.name);
                }
                const subscriptions = r.ofType("aws:sns/topicSubscription:TopicSubscription");
                assert.deepEqual(subscriptions.map((s) => `${s.inputs.protocol}:${s.inputs.endpoint}`), ["email:ops@example.com", "email:ops@example.com"]);
                // The key lets CloudWatch alarms of this stack, and nothing else of the account, use it.
                const key = r.ofType("aws:kms/key:Key").find((k) => k.name.endsWith("-alerts"))!;
                const cw = JSON.parse(key.inputs.policy).Statement.find((s: any) => s.Principal.Service === "cloudwatch.amazonaws.com");
                assert.deepEqual(cw.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-${tier}-*` } });
            });

            it("checks the public health path through the CDN from Route 53 and pages when it fails", () => {
                const check = r.one("aws:route53/healthCheck:HealthCheck").inputs;
                assert.deepEqual([check.type, check.fqdn, check.resourcePath, check.port], ["HTTPS", "app.example.com", "/_stcore/health", 443]);
                const uptime = r.ofType(ALARM).find((a) => a.inputs.metricName === "HealthCheckStatus")!;
                assert.deepEqual([uptime.inputs.namespace, uptime.inputs.tags["tiered-infra:severity"]], ["AWS/Route53", "critical"]);
            });

            it("collects Container Insights through the add-on into log groups that expire, and draws one dashboard", () => {
                const addon = r.ofType("aws:eks/addon:Addon").find((a) => a.inputs.addonName === "amazon-cloudwatch-observability")!.inputs;
                const values = JSON.parse(addon.configurationValues);
                assert.equal(values.agent.config.logs.metrics_collected.kubernetes.enhanced_container_insights, true);
                assert.equal(values.agent.config.logs.metrics_collected.application_signals, undefined, "Application Signals (billed apart) stays off");
                assert.match(addon.serviceAccountRoleArn, /^arn:aws:iam::/);
                const groups = r.ofType("aws:cloudwatch/logGroup:LogGroup").filter((g) => g.inputs.name.startsWith("/aws/containerinsights/"));
                assert.deepEqual(groups.map((g) => [g.inputs.name, g.inputs.retentionInDays]).sort(), ["application", "dataplane", "host", "performance"].map((t) => [`/aws/containerinsights/web-${tier}/${t}`, 30]));
                const body = JSON.parse(r.one("aws:cloudwatch/dashboard:Dashboard").inputs.dashboardBody);
                const titles = body.widgets.map((w: any) => w.properties.title).join(" | ");
                for (const t of ["CDN", "ALB", "Pods", "PgBouncer", "Database primary", "Cache", "chroma"]) assert.ok(titles.includes(t), `${t} in ${titles}`);
                assert.equal(body.widgets[0].properties.alarms.length, r.ofType(ALARM).length, "the alarm widget shows every alarm");
            });

            it(`${row.observability.prometheus ? "runs" : "does not run"} Managed Prometheus and Grafana, as the tier row says`, () => {
                const prometheus = r.ofType("aws:amp/workspace:Workspace");
                const grafana = r.ofType("aws:grafana/workspace:Workspace");
                assert.equal(prometheus.length, row.observability.prometheus ? 1 : 0);
                assert.equal(grafana.length, row.observability.grafana ? 1 : 0);
                if (!row.observability.prometheus) return;
                const scraper = r.one("aws:amp/scraper:Scraper").inputs;
                assert.match(scraper.source.eks.clusterArn, new RegExp(`:cluster/web-${tier}$`));
                const scrape = YAML.parse(scraper.scrapeConfiguration);
                assert.equal(scrape.global.scrape_interval, `${row.observability.scrapeIntervalSeconds}s`);
                assert.deepEqual(scrape.scrape_configs.map((j: any) => j.job_name), ["kube-state-metrics", "kubelet", "pgbouncer"]);
                for (const job of scrape.scrape_configs) assert.equal(job.metric_relabel_configs[0].action, "keep", `${job.job_name} keeps only what the rules read`);
                assert.equal(r.one("aws:eks/accessEntry:AccessEntry").inputs.userName, "aps-collector-user");

                const rules = YAML.parse(r.one("aws:amp/ruleGroupNamespace:RuleGroupNamespace").inputs.data).groups.find((g: any) => g.name === "tiered-infra").rules;
                const byName = (n: string) => rules.filter((x: any) => x.alert === n);
                for (const n of ["KubePodCrashLooping", "KubeHpaMaxedOut", "PersistentVolumeFillingUp", "PgBouncerClientSaturation"]) assert.ok(byName(n).length > 0, n);
                assert.match(byName("PgBouncerClientSaturation")[0].expr, new RegExp(`> ${Math.floor(0.8 * row.pooler.maxClientConnections)}$`), "sized from the tier's pooler");
                const am = YAML.parse(YAML.parse(r.one("aws:amp/alertManagerDefinition:AlertManagerDefinition").inputs.definition).alertmanager_config);
                assert.deepEqual(am.receivers.map((x: any) => [x.name, x.sns_configs[0].topic_arn, x.sns_configs[0].sigv4.region]), [
                    ["critical", `arn:aws:sns:us-east-1:123456789012:web-${tier}-alerts-critical`, "us-east-1"],
                    ["warning", `arn:aws:sns:us-east-1:123456789012:web-${tier}-alerts-warning`, "us-east-1"],
                ]);
                const pooler = r.one("kubernetes:apps/v1:Deployment", "pgbouncer").inputs.spec.template.spec.containers;
                assert.deepEqual(pooler.map((c: any) => c.name), ["pgbouncer", "exporter"], "the rules' PgBouncer metrics come from a sidecar");

                const ws = grafana[0].inputs;
                assert.deepEqual([ws.authenticationProviders, ws.permissionType, ws.accountAccessType], [["AWS_SSO"], "CUSTOMER_MANAGED", "CURRENT_ACCOUNT"]);
                assert.deepEqual(ws.dataSources, ["CLOUDWATCH", "PROMETHEUS", ...(row.observability.traceSamplingPercent > 0 ? ["XRAY"] : [])]);
                const keyTypes = r.steps.map((s) => s.newState?.type ?? "").filter((t) => /grafana\/(workspaceApiKey|workspaceServiceAccountToken)/.test(t));
                assert.deepEqual(keyTypes, [], "no Grafana API key in state");
                // Alertmanager may publish, and only this workspace's.
                const key = r.ofType("aws:kms/key:Key").find((k) => k.name.endsWith("-alerts"))!;
                const aps = JSON.parse(key.inputs.policy).Statement.find((s: any) => s.Principal.Service === "aps.amazonaws.com");
                assert.match(aps.Condition.ArnLike["aws:SourceArn"], /^arn:aws:aps:us-east-1:123456789012:workspace\/ws-/);
            });

            it(`${row.observability.traceSamplingPercent > 0 ? "traces" : "does not trace"} through an ADOT collector to X-Ray`, () => {
                const collector = r.ofType("kubernetes:apps/v1:Deployment").filter((d) => d.name.endsWith("-adot"));
                assert.equal(collector.length, row.observability.traceSamplingPercent > 0 ? 1 : 0);
                const appEnv = r.one("kubernetes:apps/v1:Deployment", `${tier}-deployment`).inputs.spec.template.spec.containers[0].env;
                const otlp = appEnv.find((e: any) => e.name === "OTEL_EXPORTER_OTLP_ENDPOINT");
                if (row.observability.traceSamplingPercent === 0) return assert.equal(otlp, undefined);
                assert.equal(otlp.value, "http://adot-collector.observability.svc.cluster.local:4317");
                const config = YAML.parse(r.one("kubernetes:core/v1:ConfigMap", "-adot").inputs.data["config.yaml"]);
                assert.equal(config.processors.probabilistic_sampler.sampling_percentage, row.observability.traceSamplingPercent);
                assert.deepEqual(config.service.pipelines.traces.exporters, ["awsxray"]);
                assert.equal(r.ofType("aws:xray/group:Group").length, 1);
            });
        });
    }
});

describe("Observability (stack choices)", function () {
    this.timeout(60_000);

    it("pages PagerDuty on critical alarms only, with the URL kept secret in the plan", async () => {
        const url = "https://events.pagerduty.com/integration/canary-Pd77/enqueue";
        const run = await runProgram(deploy, {
            config: { "tiered-infra:alerting": JSON.stringify({ emails: ["ops@example.com"], pagerDutyUrl: url }) },
            secretKeys: ["tiered-infra:alerting"],
        });
        const subs = resourcesOf(run).ofType("aws:sns/topicSubscription:TopicSubscription");
        const pd = subs.filter((s) => s.inputs.protocol === "https");
        assert.equal(pd.length, 1);
        assert.equal(pd[0].inputs.endpoint, "[secret]");
        assert.match(pd[0].name, /-critical-pagerduty$/);
        assert.ok(!JSON.stringify(run.preview).includes("canary-Pd77"), "the URL appears nowhere in the plan");
    });

    it("applies a stack's overrides of the alarm table: a new threshold, a removed row", async () => {
        const run = await runProgram(deploy, { config: { "tiered-infra:observability": JSON.stringify({ alarms: { "rds-cpu": { threshold: 75, severity: "critical" }, "cache-evictions": { enabled: false } } }) } });
        const alarms = resourcesOf(run).ofType(ALARM);
        const cpu = alarms.find((a) => a.name === "web-small-rds-cpu")!;
        assert.deepEqual([cpu.inputs.threshold, cpu.inputs.alarmActions], [75, ["arn:aws:sns:us-east-1:123456789012:web-small-alerts-critical"]]);
        assert.equal(alarms.filter((a) => a.inputs.metricName === "Evictions").length, 0);
    });

    it("puts the edge alarms and their own topics in us-east-1 when the stack lives elsewhere", async () => {
        const run = await runProgram(deploy, { config: { "aws:region": "eu-west-1" } });
        const r = resourcesOf(run);
        const usEast1 = run.preview.steps.find((s) => s.newState?.type === "pulumi:providers:aws" && s.newState.inputs.region === "us-east-1")!.urn;
        const onEdge = (a: { urn: string }) => run.preview.steps.find((s) => s.urn === a.urn)!.provider?.startsWith(usEast1);
        const edge = r.ofType(ALARM).filter((a) => ["AWS/CloudFront", "AWS/Route53", "AWS/WAFV2"].includes(a.inputs.namespace ?? a.inputs.metricQueries?.[1]?.metric?.namespace));
        assert.equal(edge.length, 4);
        for (const a of edge) {
            assert.ok(onEdge(a), `${a.name} is created in us-east-1`);
            assert.match(a.inputs.alarmActions[0], /^arn:aws:sns:us-east-1:.*-edge-alerts-/);
        }
        const regional = r.ofType(ALARM).filter((a) => a.inputs.namespace === "AWS/RDS");
        for (const a of regional) assert.match(a.inputs.alarmActions[0], /^arn:aws:sns:eu-west-1:/);
        assert.equal(r.ofType("aws:sns/topic:Topic").length, 4);
    });
});
