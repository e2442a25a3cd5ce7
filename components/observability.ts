import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
    AlarmCondition, AlarmOverride, AlarmSpec, AlarmTarget, CACHE_NODE_CONNECTION_LIMIT, CapacityKey, DB_CLASS_MEMORY_GIB, isBurstableClass,
    maxConnectionsOf, rowsFor, Severity, thresholdFor, withOverride,
} from "./alarmCatalog";
import { AlertTopics } from "./alertTopics";
import { serviceAccountRole } from "./irsa";
import { retainedLogGroup } from "./logs";
import { KUBE_STATE_METRICS_POD, ManagedPrometheus } from "./managedPrometheus";
import { PodShape } from "./nodeSizing";
import { RuleSizing } from "./prometheusRules";
import { TRACE_COLLECTOR_POD, TRACE_COLLECTOR_REPLICAS } from "./traceCollector";
import { COMPONENT_TYPES } from "./types";

/** What a tier runs (the `observability` block of the tier row, infra/tiers.ts). */
export interface ObservabilitySizing {
    containerInsights: boolean;
    prometheus: boolean;
    scrapeIntervalSeconds: number;
    grafana: boolean;
    traceSamplingPercent: number;
    uptimeCheckIntervalSeconds: 10 | 30;
}

/**
 * Requests of the `amazon-cloudwatch-observability` add-on's per-node pods: the CloudWatch agent
 * (250m / 128Mi) and Fluent Bit (50m / 25Mi), from the add-on's chart defaults
 * (aws-observability/helm-charts `charts/amazon-cloudwatch-observability/values.yaml` @00bd626a,
 * read 2026-11-30). They tolerate every taint, so they run on every node, stateful ones included.
 */
export const CONTAINER_INSIGHTS_DAEMONSETS: PodShape = { cpuMillicores: 250 + 50, memoryMiB: 128 + 25 };
/** The add-on's operator (same chart, `manager.resources`). */
const CLOUDWATCH_OPERATOR_POD = { cpuMillicores: 100, memoryMiB: 64 };

/** Container Insights log groups (written by the add-on's Fluent Bit and agent); pre-created so they expire. */
export const CONTAINER_INSIGHTS_LOG_TYPES = ["application", "dataplane", "host", "performance"];

/** Pods the observability stack adds to the app nodes, for node sizing. */
export function observabilityPods(sizing: ObservabilitySizing): Array<{ name: string; count: number; pod: PodShape }> {
    return [
        ...(sizing.containerInsights ? [{ name: "cloudwatch-agent-operator", count: 1, pod: CLOUDWATCH_OPERATOR_POD }] : []),
        ...(sizing.prometheus ? [{ name: "kube-state-metrics", count: 1, pod: KUBE_STATE_METRICS_POD }] : []),
        ...(sizing.traceSamplingPercent > 0 ? [{ name: "adot-collector", count: TRACE_COLLECTOR_REPLICAS, pod: TRACE_COLLECTOR_POD }] : []),
    ];
}

export interface ObservedDatabase {
    identifier: pulumi.Input<string>;
    instanceClass: string;
    allocatedStorageGiB: number;
    role: "primary" | "replica";
}

export interface ObservabilityArgs {
    /** The stack's region; CloudFront, WAF and Route 53 metrics live in us-east-1 whatever it is. */
    region: string;
    sizing: ObservabilitySizing;
    /**
     * Who is alerted (emails, a PagerDuty URL), and the name prefix of the stack's EventBridge rules
     * that may publish to the topics too (e.g. components/restoreDrills.ts). Default: no rules.
     */
    alerting: { emails: string[]; pagerDutyUrl?: pulumi.Input<string>; eventRuleNamePrefix?: string };
    /** Per-row changes by alarm id (validated in stack config). Default none. */
    alarmOverrides?: Partial<Record<string, AlarmOverride>>;
    logRetentionDays: number;
    /** Provider in us-east-1 for the edge alarms (and their topics when the stack is elsewhere). */
    usEast1: aws.Provider;
    cluster: {
        name: pulumi.Input<string>;
        arn: pulumi.Input<string>;
        oidcProviderArn: pulumi.Input<string>;
        oidcIssuerUrl: pulumi.Input<string>;
        subnetIds: pulumi.Input<string>[];
        securityGroupId: pulumi.Input<string>;
        kubernetes: k8s.Provider;
        /** Resources the add-on waits for (the node groups: its pods need nodes). */
        ready: pulumi.Resource[];
    };
    app: { name: string; namespace: string; serviceName: string; maxReplicas: number };
    /** Namespace for kube-state-metrics (required with `sizing.prometheus`). */
    toolsNamespace?: pulumi.Input<string>;
    /** Where system pods of the observability stack run. */
    nodeSelector?: Record<string, string>;
    databases: ObservedDatabase[];
    cache?: { replicationGroupId: pulumi.Input<string>; nodes: number };
    loadBalancer?: { arnSuffix: pulumi.Input<string>; targetGroupArnSuffix: pulumi.Input<string> };
    distribution?: { id: pulumi.Input<string>; originReadTimeoutSeconds: number };
    /** The web ACL's CloudWatch metric name (its `visibilityConfig.metricName`: the WebACL dimension). */
    webAclMetricName?: pulumi.Input<string>;
    natGatewayIds: pulumi.Input<string>[];
    /** The public health endpoint through the CDN. */
    uptime?: { host: pulumi.Input<string>; path: string };
    /** PgBouncer sizing for the Prometheus rules (no pooler: no PgBouncer rules fire). */
    rules: RuleSizing;
    /** Pod names on the dashboard: the pooler's and the stateful services' Kubernetes services. */
    dashboardServices: { pooler?: string; stateful: string[] };
}

interface AlarmTargetInstance {
    /** Distinguishes resources of one kind in alarm names (`replica-0`, `001`, `nat-1`). */
    suffix?: string;
    dimensions: Record<string, pulumi.Input<string>>;
    holds?: ReadonlySet<AlarmCondition>;
    capacity?: Partial<Record<CapacityKey, number>>;
    /** Per-metric dimension choice (ALB: load-balancer-level metrics take no TargetGroup). */
    dimensionsFor?: (metric: string) => Record<string, pulumi.Input<string>>;
    edge?: boolean;
}

/**
 * Everything that makes a stack operable, not only created: alert routing (encrypted critical and
 * warning topics, email and PagerDuty subscribers), the recommended alarms of alarmCatalog.ts on
 * every resource the stack creates, a Route 53 health check of the public health path, one
 * CloudWatch dashboard of golden signals, Container Insights through the
 * `amazon-cloudwatch-observability` add-on (log groups pre-created with the stack's retention), and,
 * per tier, Amazon Managed Service for Prometheus with its rules, Amazon Managed Grafana (IAM
 * Identity Center sign-in, no API keys) and traces through an ADOT collector to X-Ray.
 */
export class Observability extends pulumi.ComponentResource {
    public readonly criticalTopicArn: pulumi.Output<string>;
    public readonly warningTopicArn: pulumi.Output<string>;
    public readonly dashboardName?: pulumi.Output<string>;
    public readonly grafanaEndpoint?: pulumi.Output<string>;
    public readonly prometheusEndpoint?: pulumi.Output<string>;
    private readonly alarmArns: pulumi.Output<string>[] = [];

    constructor(private readonly name: string, private readonly args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.observability, name, {}, opts);
        const parent = { parent: this };
        const sizing = args.sizing;
        const edgeIsHome = args.region === "us-east-1";

        if (sizing.prometheus && args.toolsNamespace === undefined) throw new pulumi.RunError(`Observability ${name}: Prometheus needs toolsNamespace for kube-state-metrics`);
        const prometheus = sizing.prometheus
            ? new ManagedPrometheus(`${name}-prometheus`, {
                region: args.region,
                clusterName: args.cluster.name,
                clusterArn: args.cluster.arn,
                subnetIds: args.cluster.subnetIds,
                securityGroupId: args.cluster.securityGroupId,
                namespace: args.toolsNamespace!,
                scrapeIntervalSeconds: sizing.scrapeIntervalSeconds,
                rules: args.rules,
                logRetentionDays: args.logRetentionDays,
                nodeSelector: args.nodeSelector,
                kubernetes: args.cluster.kubernetes,
            }, parent)
            : undefined;

        const topicArgs = { alarmNamePrefix: name, emails: args.alerting.emails, pagerDutyUrl: args.alerting.pagerDutyUrl };
        const topics = new AlertTopics(name, { ...topicArgs, region: args.region, prometheusWorkspaceArn: prometheus?.workspaceArn, eventRuleNamePrefix: args.alerting.eventRuleNamePrefix }, parent);
        // Alarms notify topics of their own region only: edge alarms get topics in us-east-1 when the stack is elsewhere.
        const edgeTopics = edgeIsHome ? topics : new AlertTopics(`${name}-edge`, { ...topicArgs, region: "us-east-1" }, { parent: this, providers: { aws: args.usEast1 } });
        this.criticalTopicArn = topics.topicArns.critical;
        this.warningTopicArn = topics.topicArns.warning;
        prometheus?.route(topics.topicArns);

        // --- Alarms on every resource -----------------------------------------------------------
        let replica = 0;
        args.databases.forEach((db) => {
            const memoryGiB = DB_CLASS_MEMORY_GIB[db.instanceClass];
            const maxConnections = maxConnectionsOf(db.instanceClass);
            if (memoryGiB === undefined || maxConnections === undefined) {
                throw new pulumi.RunError(`Observability ${name}: no memory figure for ${db.instanceClass} in components/alarmCatalog.ts; its alarms cannot be sized`);
            }
            const holds = new Set<AlarmCondition>([db.role, ...(isBurstableClass(db.instanceClass) ? ["burstable" as const] : [])]);
            this.alarmsFor("database", {
                suffix: db.role === "primary" ? undefined : `replica-${replica++}`,
                dimensions: { DBInstanceIdentifier: db.identifier },
                holds,
                capacity: { memoryBytes: memoryGiB * 2 ** 30, allocatedStorageBytes: db.allocatedStorageGiB * 2 ** 30, maxConnections },
            }, topics);
        });
        if (args.cache) {
            const cache = args.cache;
            for (let n = 1; n <= cache.nodes; n++) {
                const member = String(n).padStart(3, "0");
                this.alarmsFor("cacheNode", {
                    suffix: member,
                    // Members of a replication group are `<group id>-001`, `-002`, ... (ElastiCache naming).
                    dimensions: { CacheClusterId: pulumi.interpolate`${cache.replicationGroupId}-${member}` },
                    holds: new Set<AlarmCondition>(cache.nodes > 1 ? ["replicated"] : []),
                    capacity: { connectionLimit: CACHE_NODE_CONNECTION_LIMIT },
                }, topics);
            }
        }
        if (args.loadBalancer) {
            const lb = args.loadBalancer;
            this.alarmsFor("loadBalancer", {
                dimensions: { LoadBalancer: lb.arnSuffix, TargetGroup: lb.targetGroupArnSuffix },
                // Metrics the load balancer itself answers for carry no TargetGroup dimension.
                dimensionsFor: (metric): Record<string, pulumi.Input<string>> => (metric.startsWith("HTTPCode_ELB_") ? { LoadBalancer: lb.arnSuffix } : { LoadBalancer: lb.arnSuffix, TargetGroup: lb.targetGroupArnSuffix }),
            }, topics);
        }
        args.natGatewayIds.forEach((id, i) => this.alarmsFor("natGateway", { suffix: `nat-${i}`, dimensions: { NatGatewayId: id } }, topics));
        if (sizing.containerInsights) {
            this.alarmsFor("cluster", { dimensions: { ClusterName: args.cluster.name } }, topics);
            this.alarmsFor("appService", {
                dimensions: { ClusterName: args.cluster.name, Namespace: args.app.namespace },
                dimensionsFor: (metric) => ({
                    ClusterName: args.cluster.name,
                    Namespace: args.app.namespace,
                    ...(metric.startsWith("service_") ? { Service: args.app.serviceName } : { PodName: args.app.name }),
                }),
                capacity: { maxReplicas: args.app.maxReplicas },
            }, topics);
        }
        const edgeOpts = edgeIsHome ? parent : { parent: this, provider: args.usEast1 };
        if (args.distribution) {
            // OriginLatency (and the other per-status rates) exist only with the distribution's additional metrics.
            new aws.cloudfront.MonitoringSubscription(`${name}-cdn-metrics`, {
                distributionId: args.distribution.id,
                monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
            }, edgeOpts);
            this.alarmsFor("distribution", {
                dimensions: { DistributionId: args.distribution.id, Region: "Global" },
                capacity: { originReadTimeoutMs: args.distribution.originReadTimeoutSeconds * 1000 },
                edge: true,
            }, edgeTopics);
        }
        if (args.webAclMetricName) this.alarmsFor("webAcl", { dimensions: { WebACL: args.webAclMetricName, Rule: "ALL" }, edge: true }, edgeTopics);
        if (args.uptime) {
            const check = new aws.route53.HealthCheck(`${name}-health-check`, {
                type: "HTTPS",
                fqdn: args.uptime.host,
                port: 443,
                resourcePath: args.uptime.path,
                enableSni: true,
                requestInterval: sizing.uptimeCheckIntervalSeconds,
                failureThreshold: 3,
                referenceName: name.slice(0, 64),
                tags: { Name: `${name} public health path` },
            }, parent);
            this.alarmsFor("uptimeCheck", { dimensions: { HealthCheckId: check.id }, edge: true }, edgeTopics);
        }

        // --- Metrics and logs collection ------------------------------------------------------------
        if (sizing.containerInsights) this.containerInsights();
        if (sizing.grafana) this.grafanaEndpoint = this.grafana(prometheus !== undefined);
        this.prometheusEndpoint = prometheus?.queryEndpoint;

        this.dashboardName = this.dashboard();
        this.registerOutputs({ criticalTopicArn: this.criticalTopicArn, warningTopicArn: this.warningTopicArn, dashboardName: this.dashboardName });
    }

    /** One alarm per applicable catalog row for one resource. */
    private alarmsFor(target: AlarmTarget, t: AlarmTargetInstance, topics: AlertTopics): void {
        for (const row of rowsFor(target, t.holds)) {
            const spec = withOverride(row, this.args.alarmOverrides?.[row.id]);
            if (!spec.enabled) continue;
            this.alarm(spec, t, topics.topicArns[spec.severity as Severity]);
        }
    }

    private alarm(spec: AlarmSpec, t: AlarmTargetInstance, topicArn: pulumi.Output<string>): void {
        const alarmName = `${this.name}-${spec.id}${t.suffix ? `-${t.suffix}` : ""}`;
        const dims = (metric: string) => t.dimensionsFor?.(metric) ?? t.dimensions;
        const percentile = /^p\d+(\.\d+)?$/.test(spec.statistic);
        const metric = typeof spec.metric === "string"
            ? {
                namespace: spec.namespace,
                metricName: spec.metric,
                dimensions: dims(spec.metric),
                period: spec.periodSeconds,
                ...(percentile ? { extendedStatistic: spec.statistic } : { statistic: spec.statistic }),
            }
            : (() => {
                const metrics = Object.entries(spec.metric.metrics);
                // A ratio of load-balancer metrics uses the numerator's dimensions for every term.
                const shared = dims(metrics[0][1]);
                return {
                    metricQueries: [
                        { id: "e1", expression: spec.metric.expression, label: spec.summary.slice(0, 100), returnData: true },
                        ...metrics.map(([id, metricName]) => ({
                            id,
                            returnData: false,
                            metric: { namespace: spec.namespace, metricName, dimensions: shared, period: spec.periodSeconds, stat: spec.statistic },
                        })),
                    ],
                };
            })();
        const alarm = new aws.cloudwatch.MetricAlarm(alarmName, {
            name: alarmName,
            alarmDescription: `${spec.summary}. Source: ${spec.source} (${spec.confidence}, read ${spec.date}).`.slice(0, 1024),
            comparisonOperator: spec.comparison,
            threshold: thresholdFor(spec, t.capacity ?? {}),
            evaluationPeriods: spec.evaluationPeriods,
            datapointsToAlarm: spec.datapointsToAlarm,
            treatMissingData: spec.treatMissingData,
            alarmActions: [topicArn],
            okActions: [topicArn],
            tags: { "tiered-infra:alarm": spec.id, "tiered-infra:severity": spec.severity },
            ...metric,
        }, t.edge && this.args.region !== "us-east-1" ? { parent: this, provider: this.args.usEast1 } : { parent: this });
        this.alarmArns.push(alarm.arn);
    }

    /** The add-on with Container Insights (enhanced) and container logs; Application Signals stays off (billed apart). */
    private containerInsights(): void {
        const args = this.args;
        const parent = { parent: this };
        const logGroups = CONTAINER_INSIGHTS_LOG_TYPES.map((type) =>
            retainedLogGroup(`${this.name}-containerinsights-${type}`, {
                name: pulumi.interpolate`/aws/containerinsights/${args.cluster.name}/${type}`,
                retentionDays: args.logRetentionDays,
            }, parent));
        const role = serviceAccountRole(`${this.name}-cloudwatch-agent`, {
            oidcProviderArn: args.cluster.oidcProviderArn,
            oidcIssuerUrl: args.cluster.oidcIssuerUrl,
            namespace: "amazon-cloudwatch",
            serviceAccount: "cloudwatch-agent",
            managedPolicyArns: ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"],
        }, parent);
        new aws.eks.Addon(`${this.name}-cloudwatch-observability`, {
            clusterName: args.cluster.name,
            addonName: "amazon-cloudwatch-observability",
            serviceAccountRoleArn: role.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
            configurationValues: JSON.stringify({
                agent: { config: { logs: { metrics_collected: { kubernetes: { enhanced_container_insights: true } } } } },
                containerLogs: { enabled: true },
            }),
        }, { parent: this, dependsOn: [...logGroups, ...args.cluster.ready] });
    }

    /** Managed Grafana: IAM Identity Center sign-in, a role that may only read the stack's metrics and traces. */
    private grafana(prometheus: boolean): pulumi.Output<string> {
        const parent = { parent: this };
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const tracing = this.args.sizing.traceSamplingPercent > 0;
        const role = new aws.iam.Role(`${this.name}-grafana`, {
            assumeRolePolicy: account.apply((acct) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Principal: { Service: "grafana.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": acct } },
                }],
            })),
        }, parent);
        const policies = [
            "arn:aws:iam::aws:policy/service-role/AmazonGrafanaCloudWatchAccess",
            ...(prometheus ? ["arn:aws:iam::aws:policy/AmazonPrometheusQueryAccess"] : []),
            ...(tracing ? ["arn:aws:iam::aws:policy/AWSXrayReadOnlyAccess"] : []),
        ];
        policies.forEach((policyArn, i) => new aws.iam.RolePolicyAttachment(`${this.name}-grafana-${i}`, { role: role.name, policyArn }, parent));
        const workspace = new aws.grafana.Workspace(`${this.name}-grafana`, {
            name: this.name,
            description: `Dashboards of ${this.name}`,
            accountAccessType: "CURRENT_ACCOUNT",
            authenticationProviders: ["AWS_SSO"],
            permissionType: "CUSTOMER_MANAGED",
            roleArn: role.arn,
            dataSources: ["CLOUDWATCH", ...(prometheus ? ["PROMETHEUS"] : []), ...(tracing ? ["XRAY"] : [])],
        }, parent);
        return workspace.endpoint;
    }

    /** One dashboard: requests, errors, latency and saturation from the CDN down to the data tier. */
    private dashboard(): pulumi.Output<string> {
        const a = this.args;
        const cluster = a.cluster.name;
        const ns = a.app.namespace;
        type Widget = { title: string; metrics: pulumi.Input<unknown>[][]; region?: string; stat?: string };
        const widgets: Widget[] = [];
        if (a.distribution) {
            const d = ["DistributionId", a.distribution.id, "Region", "Global"];
            widgets.push({ title: "CDN: requests", metrics: [["AWS/CloudFront", "Requests", ...d]], region: "us-east-1", stat: "Sum" });
            widgets.push({ title: "CDN: 5xx error rate (%)", metrics: [["AWS/CloudFront", "5xxErrorRate", ...d]], region: "us-east-1" });
            widgets.push({ title: "CDN: origin latency p90 (ms)", metrics: [["AWS/CloudFront", "OriginLatency", ...d, { stat: "p90" }]], region: "us-east-1" });
        }
        if (a.loadBalancer) {
            const lb = ["LoadBalancer", a.loadBalancer.arnSuffix];
            const tg = [...lb, "TargetGroup", a.loadBalancer.targetGroupArnSuffix];
            widgets.push({ title: "ALB: requests and 5xx", metrics: [["AWS/ApplicationELB", "RequestCount", ...lb], ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...tg], ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", ...lb]], stat: "Sum" });
            widgets.push({ title: "ALB: response time p99 (s)", metrics: [["AWS/ApplicationELB", "TargetResponseTime", ...tg, { stat: "p99" }]] });
        }
        if (a.sizing.containerInsights) {
            const svc = (service: string) => ["ClusterName", cluster, "Namespace", ns, "Service", service];
            widgets.push({ title: "Pods: app replicas", metrics: [["ContainerInsights", "service_number_of_running_pods", ...svc(a.app.serviceName)]] });
            widgets.push({ title: "Pods: app CPU and memory (% of request)", metrics: [["ContainerInsights", "pod_cpu_utilization_over_pod_limit", ...svc(a.app.serviceName)], ["ContainerInsights", "pod_memory_utilization_over_pod_limit", ...svc(a.app.serviceName)]] });
            if (a.dashboardServices.pooler) {
                // PgBouncer is single-threaded: CPU against its limit is its saturation.
                widgets.push({ title: "PgBouncer: CPU (% of limit)", metrics: [["ContainerInsights", "pod_cpu_utilization_over_pod_limit", ...svc(a.dashboardServices.pooler)]] });
            }
            for (const s of a.dashboardServices.stateful) {
                widgets.push({ title: `${s}: CPU and memory (% of limit)`, metrics: [["ContainerInsights", "pod_cpu_utilization_over_pod_limit", ...svc(s)], ["ContainerInsights", "pod_memory_utilization_over_pod_limit", ...svc(s)]] });
            }
        }
        for (const db of a.databases) {
            const d = ["DBInstanceIdentifier", db.identifier];
            widgets.push({ title: `Database ${db.role}: CPU, connections`, metrics: [["AWS/RDS", "CPUUtilization", ...d], ["AWS/RDS", "DatabaseConnections", ...d, { yAxis: "right" }]] });
            widgets.push({ title: `Database ${db.role}: read and write latency (s)`, metrics: [["AWS/RDS", "ReadLatency", ...d], ["AWS/RDS", "WriteLatency", ...d]] });
        }
        if (a.cache) {
            const members = [...Array(a.cache.nodes).keys()].map((i) => pulumi.interpolate`${a.cache!.replicationGroupId}-${String(i + 1).padStart(3, "0")}`);
            widgets.push({ title: "Cache: engine CPU (%)", metrics: members.map((m) => ["AWS/ElastiCache", "EngineCPUUtilization", "CacheClusterId", m]) });
            widgets.push({ title: "Cache: memory used (%)", metrics: members.map((m) => ["AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "CacheClusterId", m]) });
        }
        const body = pulumi.all([pulumi.output(widgets.map((w) => w.metrics)), pulumi.all(this.alarmArns)]).apply(([metrics, alarms]) => JSON.stringify({
            widgets: [
                { type: "alarm", x: 0, y: 0, width: 24, height: 4, properties: { title: "Alarms", alarms: alarms.slice(0, 100) } },
                ...widgets.map((w, i) => ({
                    type: "metric",
                    x: (i % 3) * 8,
                    y: 4 + Math.floor(i / 3) * 6,
                    width: 8,
                    height: 6,
                    properties: { title: w.title, metrics: metrics[i], region: w.region ?? a.region, stat: w.stat ?? "Average", period: 60, view: "timeSeries" },
                })),
            ],
        }));
        return new aws.cloudwatch.Dashboard(`${this.name}-golden-signals`, { dashboardName: `${this.name}-golden-signals`, dashboardBody: body }, { parent: this }).dashboardName;
    }
}
