import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import YAML from "yaml";
import { Severity } from "./alarmCatalog";
import { retainedLogGroup } from "./logs";
import { alertmanagerDefinition, RuleSizing, rulesYaml, SCRAPE_JOBS } from "./prometheusRules";
import { COMPONENT_TYPES } from "./types";

/**
 * kube-state-metrics Helm chart, pinned: prometheus-community/helm-charts `charts/kube-state-metrics`,
 * 6.3.0 (the newest release seen in public references, read 2026-11-30). The managed scraper does
 * not ship it, and the HPA and crash-loop rules need it.
 */
export const KUBE_STATE_METRICS = { chart: "kube-state-metrics", repo: "https://prometheus-community.github.io/helm-charts", version: "6.3.0" };

/** Requests of the kube-state-metrics pod (ours; it watches a few hundred objects). */
export const KUBE_STATE_METRICS_POD = { cpuMillicores: 50, memoryMiB: 128 };

/** The only kube-state-metrics series the rules read: everything else is not scraped, so not billed. */
export const KUBE_STATE_METRICS_ALLOWLIST = [
    "kube_horizontalpodautoscaler_status_current_replicas",
    "kube_horizontalpodautoscaler_spec_max_replicas",
    "kube_pod_container_status_waiting_reason",
];
const KUBELET_KEEP = "kubelet_volume_stats_(available|capacity|used)_bytes";
const PGBOUNCER_KEEP = "pgbouncer_pools_(client_active|client_waiting|server_active)_connections|pgbouncer_up";

/** The user the scraper's role maps to in the cluster (AMP user guide, "AMP-collector-how-to", read 2026-11-30). */
export const SCRAPER_USER = "aps-collector-user";

export interface ManagedPrometheusArgs {
    region: string;
    clusterName: pulumi.Input<string>;
    clusterArn: pulumi.Input<string>;
    /** Subnets and security group the scraper's network interfaces use (the nodes' private subnets, the cluster security group). */
    subnetIds: pulumi.Input<string>[];
    securityGroupId: pulumi.Input<string>;
    /** Namespace for kube-state-metrics. */
    namespace: pulumi.Input<string>;
    scrapeIntervalSeconds: number;
    rules: RuleSizing;
    logRetentionDays: number;
    /** Node selector of the pool kube-state-metrics runs on. */
    nodeSelector?: Record<string, string>;
    /** Kubernetes provider of the cluster. */
    kubernetes: k8s.Provider;
}

/**
 * Amazon Managed Service for Prometheus fed by the agentless managed scraper (no collector pods to
 * run): the scraper reaches the cluster as `aps-collector-user` through an EKS access entry and a
 * read-only ClusterRole, and scrapes only what the rules read (kube-state-metrics, kubelet volume
 * stats, the PgBouncer exporters), dropping every other series before it is billed. Rule and
 * Alertmanager logs go to a retained log group; `route()` sends alerts to the alert topics.
 */
export class ManagedPrometheus extends pulumi.ComponentResource {
    public readonly workspaceArn: pulumi.Output<string>;
    public readonly workspaceId: pulumi.Output<string>;
    public readonly queryEndpoint: pulumi.Output<string>;
    private readonly name: string;
    private readonly region: string;

    constructor(name: string, args: ManagedPrometheusArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.managedPrometheus, name, {}, opts);
        const parent = { parent: this };
        const k8sOpts = { parent: this, provider: args.kubernetes };
        this.name = name;
        this.region = args.region;

        // AMP vends its logs; names under /aws/vendedlogs/ keep the account's log resource policy small.
        const logs = retainedLogGroup(`${name}-amp-logs`, { name: `/aws/vendedlogs/prometheus/${name}`, retentionDays: args.logRetentionDays }, parent);
        const workspace = new aws.amp.Workspace(`${name}-amp`, {
            alias: name,
            loggingConfiguration: { logGroupArn: pulumi.interpolate`${logs.arn}:*` },
        }, { parent: this, ignoreChanges: ["tags[\"AMPAgentlessScraper\"]"] });
        this.workspaceArn = workspace.arn;
        this.workspaceId = workspace.id;
        this.queryEndpoint = workspace.prometheusEndpoint;

        new aws.amp.RuleGroupNamespace(`${name}-rules`, { workspaceId: workspace.id, name: "tiered-infra", data: rulesYaml(args.rules, "kubernetes") }, parent);

        // Read-only access for the scraper (the Observability Accelerator's clusterrolebinding.yaml @bb9d276a).
        const role = new k8s.rbac.v1.ClusterRole(`${name}-scraper`, {
            metadata: { name: "aps-collector-role" },
            rules: [
                { apiGroups: [""], resources: ["nodes", "nodes/proxy", "nodes/metrics", "services", "endpoints", "pods", "ingresses", "configmaps"], verbs: ["describe", "get", "list", "watch"] },
                { apiGroups: ["extensions", "networking.k8s.io"], resources: ["ingresses/status", "ingresses"], verbs: ["describe", "get", "list", "watch"] },
                { nonResourceURLs: ["/metrics"], verbs: ["get"] },
            ],
        }, k8sOpts);
        new k8s.rbac.v1.ClusterRoleBinding(`${name}-scraper`, {
            metadata: { name: "aps-collector-user-role-binding" },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role.metadata.name },
            subjects: [{ kind: "User", name: SCRAPER_USER, apiGroup: "rbac.authorization.k8s.io" }],
        }, k8sOpts);

        const ksm = new k8s.helm.v3.Release(`${name}-kube-state-metrics`, {
            chart: KUBE_STATE_METRICS.chart,
            version: KUBE_STATE_METRICS.version,
            repositoryOpts: { repo: KUBE_STATE_METRICS.repo },
            namespace: args.namespace,
            values: {
                metricAllowlist: KUBE_STATE_METRICS_ALLOWLIST,
                resources: {
                    requests: { cpu: `${KUBE_STATE_METRICS_POD.cpuMillicores}m`, memory: `${KUBE_STATE_METRICS_POD.memoryMiB}Mi` },
                    limits: { memory: `${KUBE_STATE_METRICS_POD.memoryMiB * 2}Mi` },
                },
                nodeSelector: args.nodeSelector,
            },
        }, k8sOpts);

        const scraper = new aws.amp.Scraper(`${name}-scraper`, {
            alias: `${name}-scraper`,
            source: { eks: { clusterArn: args.clusterArn, subnetIds: args.subnetIds, securityGroupIds: [args.securityGroupId] } },
            destination: { amp: { workspaceArn: workspace.arn } },
            scrapeConfiguration: scrapeConfiguration(args.scrapeIntervalSeconds),
        }, { parent: this, dependsOn: [ksm] });
        new aws.eks.AccessEntry(`${name}-scraper`, { clusterName: args.clusterName, principalArn: scraper.roleArn, userName: SCRAPER_USER }, parent);

        this.registerOutputs({ workspaceArn: this.workspaceArn, queryEndpoint: this.queryEndpoint });
    }

    /** Routes the workspace's alerts: `critical` to the critical topic, the rest to the warning topic. */
    route(topicArns: Record<Severity, pulumi.Input<string>>): aws.amp.AlertManagerDefinition {
        return new aws.amp.AlertManagerDefinition(`${this.name}-alertmanager`, {
            workspaceId: this.workspaceId,
            definition: pulumi.all([topicArns.critical, topicArns.warning]).apply(([critical, warning]) => alertmanagerDefinition(this.region, { critical, warning })),
        }, { parent: this });
    }
}

/**
 * The scraper's Prometheus configuration: three jobs, each keeping only the series the rules read.
 * Kubelet metrics come through the API server's node proxy, the way AWS's default scraper
 * configuration reaches them (`aws.amp.getDefaultScraperConfiguration`, research notes A3).
 */
export function scrapeConfiguration(intervalSeconds: number): string {
    const keep = (regex: string) => [{ source_labels: ["__name__"], regex, action: "keep" }];
    return YAML.stringify({
        global: { scrape_interval: `${intervalSeconds}s`, scrape_timeout: `${Math.min(10, intervalSeconds)}s` },
        scrape_configs: [
            {
                job_name: SCRAPE_JOBS.kubeStateMetrics,
                kubernetes_sd_configs: [{ role: "endpoints" }],
                relabel_configs: [{ source_labels: ["__meta_kubernetes_service_label_app_kubernetes_io_name"], regex: "kube-state-metrics", action: "keep" }],
                metric_relabel_configs: keep(KUBE_STATE_METRICS_ALLOWLIST.join("|")),
            },
            {
                job_name: SCRAPE_JOBS.kubelet,
                scheme: "https",
                kubernetes_sd_configs: [{ role: "node" }],
                relabel_configs: [
                    { target_label: "__address__", replacement: "kubernetes.default.svc:443" },
                    { source_labels: ["__meta_kubernetes_node_name"], regex: "(.+)", target_label: "__metrics_path__", replacement: "/api/v1/nodes/$1/proxy/metrics" },
                ],
                metric_relabel_configs: keep(KUBELET_KEEP),
            },
            {
                job_name: SCRAPE_JOBS.pgbouncer,
                kubernetes_sd_configs: [{ role: "pod" }],
                relabel_configs: [
                    { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_name"], regex: "pgbouncer", action: "keep" },
                    { source_labels: ["__meta_kubernetes_pod_container_port_name"], regex: "metrics", action: "keep" },
                    { source_labels: ["__meta_kubernetes_pod_name"], target_label: "pod" },
                ],
                metric_relabel_configs: keep(PGBOUNCER_KEEP),
            },
        ],
    });
}
