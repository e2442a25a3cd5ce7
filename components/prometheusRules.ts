/**
 * Prometheus recording and alert rules and the Alertmanager routing, as data, shared by Amazon Managed Service for
 * Prometheus (medium, large) and the local tier's Prometheus (where a rule's metrics exist there).
 *
 * Sources (read 2026-11-30): kube-prometheus `manifests/kubernetesControlPlane-prometheusRule.yaml`
 * @047d5049 (KubePodCrashLooping, KubeHpaMaxedOut, KubePersistentVolumeFillingUp, current forms);
 * prometheus-community/pgbouncer_exporter README @04d7f14f (metric names); AMP user guide
 * "AMP-alertmanager-receiver-config" (SNS is the only receiver; `sigv4.region` is required).
 * The PgBouncer thresholds are ours, sized from the tier row.
 */
import YAML from "yaml";
import { Severity } from "./alarmCatalog";

/** Scrape job names: the rules select on them, so the scrape configs must use exactly these. */
export const SCRAPE_JOBS = { kubeStateMetrics: "kube-state-metrics", kubelet: "kubelet", pgbouncer: "pgbouncer" } as const;

/** Where a rule's metrics exist. */
export type RuleScope = "kubernetes" | "local";

export interface AlertRule {
    alert: string;
    expr: string;
    for: string;
    severity: Severity;
    summary: string;
    scopes: readonly RuleScope[];
}

export interface RuleSizing {
    /** Client connections one PgBouncer accepts (tier row `pooler.maxClientConnections`). */
    poolerMaxClientConnections: number;
    /** Server connections per database/user pair (tier row `pooler.defaultPoolSize`). */
    poolerDefaultPoolSize: number;
}

const ksm = `job="${SCRAPE_JOBS.kubeStateMetrics}"`;
const kubelet = `job="${SCRAPE_JOBS.kubelet}"`;
const pgb = `job="${SCRAPE_JOBS.pgbouncer}"`;

export interface RecordingRule {
    record: string;
    expr: string;
}

/**
 * Series the alerts and dashboards share, computed once per evaluation (Prometheus naming:
 * `level:metric:operation`). They are few: each is one more active series AMP bills.
 */
export const RECORDING_RULES: readonly RecordingRule[] = [
    {
        record: "persistentvolumeclaim:kubelet_volume_stats_available:ratio",
        expr: `kubelet_volume_stats_available_bytes{${kubelet}} / kubelet_volume_stats_capacity_bytes{${kubelet}}`,
    },
    {
        record: "pod:pgbouncer_client_connections:sum",
        expr: `sum by (pod) (pgbouncer_pools_client_active_connections{${pgb}} + pgbouncer_pools_client_waiting_connections{${pgb}})`,
    },
];
const volumeFree = RECORDING_RULES[0].record;

/** The alert rules, sized from the tier row where a threshold is a capacity. */
export function alertRules(sizing: RuleSizing): AlertRule[] {
    const clientLimit = Math.floor(0.8 * sizing.poolerMaxClientConnections);
    return [
        {
            alert: "KubePodCrashLooping", scopes: ["kubernetes"], severity: "warning", for: "15m",
            expr: `max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff", ${ksm}}[5m]) >= 1`,
            summary: "Pod {{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is in CrashLoopBackOff.",
        },
        {
            alert: "KubeHpaMaxedOut", scopes: ["kubernetes"], severity: "warning", for: "15m",
            expr: `kube_horizontalpodautoscaler_status_current_replicas{${ksm}} == kube_horizontalpodautoscaler_spec_max_replicas{${ksm}}`,
            summary: "HPA {{ $labels.namespace }}/{{ $labels.horizontalpodautoscaler }} has run at its maximum replicas for 15 minutes.",
        },
        {
            // Covers the vector DB's volumes (and every other PVC); kube-prometheus's `unless` clauses
            // for read-only and excluded claims are left out: this platform has neither.
            alert: "PersistentVolumeFillingUp", scopes: ["kubernetes"], severity: "critical", for: "1m",
            expr: `${volumeFree} < 0.03 and kubelet_volume_stats_used_bytes{${kubelet}} > 0`,
            summary: "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has less than 3% space left.",
        },
        {
            alert: "PersistentVolumeFillingUp", scopes: ["kubernetes"], severity: "warning", for: "1h",
            expr: `${volumeFree} < 0.15 and kubelet_volume_stats_used_bytes{${kubelet}} > 0 and predict_linear(kubelet_volume_stats_available_bytes{${kubelet}}[6h], 4 * 24 * 3600) < 0`,
            summary: "Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} is predicted to fill within 4 days.",
        },
        {
            alert: "PgBouncerDown", scopes: ["kubernetes"], severity: "critical", for: "2m",
            expr: `up{${pgb}} == 0`,
            summary: "PgBouncer {{ $labels.pod }} cannot be scraped: the pooler or its exporter is down.",
        },
        {
            alert: "PgBouncerClientsWaiting", scopes: ["kubernetes"], severity: "warning", for: "5m",
            expr: `sum by (pod) (pgbouncer_pools_client_waiting_connections{${pgb}}) > 0`,
            summary: "Clients of PgBouncer {{ $labels.pod }} have waited for a server connection for 5 minutes.",
        },
        {
            alert: "PgBouncerClientSaturation", scopes: ["kubernetes"], severity: "warning", for: "10m",
            expr: `${RECORDING_RULES[1].record} > ${clientLimit}`,
            summary: `PgBouncer {{ $labels.pod }} holds more than 80% of its ${sizing.poolerMaxClientConnections} client connections.`,
        },
        {
            alert: "PgBouncerServerPoolFull", scopes: ["kubernetes"], severity: "warning", for: "10m",
            expr: `max by (pod, database) (pgbouncer_pools_server_active_connections{${pgb}}) >= ${sizing.poolerDefaultPoolSize}`,
            summary: `PgBouncer {{ $labels.pod }} uses all ${sizing.poolerDefaultPoolSize} server connections of {{ $labels.database }}.`,
        },
        {
            alert: "ScrapeTargetDown", scopes: ["kubernetes", "local"], severity: "warning", for: "5m",
            expr: "up == 0",
            summary: "{{ $labels.job }} target {{ $labels.instance }} has been down for 5 minutes.",
        },
    ];
}

/** The rules of one scope as a Prometheus rules file (`groups:`): the recordings first, then the alerts. */
export function rulesYaml(sizing: RuleSizing, scope: RuleScope): string {
    const rules = alertRules(sizing).filter((r) => r.scopes.includes(scope));
    return YAML.stringify({
        groups: [
            ...(scope === "kubernetes" ? [{ name: "tiered-infra-records", rules: RECORDING_RULES.map((r) => ({ record: r.record, expr: r.expr })) }] : []),
            {
                name: "tiered-infra",
                rules: rules.map((r) => ({ alert: r.alert, expr: r.expr, for: r.for, labels: { severity: r.severity }, annotations: { summary: r.summary } })),
            },
        ],
    });
}

/**
 * AMP's Alertmanager definition: `critical` alerts to the critical topic, everything else to the
 * warning topic. AMP takes the configuration as a string under `alertmanager_config`.
 */
export function alertmanagerDefinition(region: string, topicArns: Record<Severity, string>): string {
    const receiver = (severity: Severity) => ({
        name: severity,
        sns_configs: [{
            topic_arn: topicArns[severity],
            sigv4: { region },
            // Without a subject the default template can exceed SNS's 100-character limit.
            subject: `[${severity}] {{ .CommonLabels.alertname }}`,
            attributes: { severity },
        }],
    });
    const config = {
        route: {
            receiver: "warning",
            group_by: ["alertname", "namespace"],
            group_wait: "30s",
            group_interval: "5m",
            repeat_interval: "4h",
            routes: [{ matchers: ['severity="critical"'], receiver: "critical" }],
        },
        receivers: [receiver("critical"), receiver("warning")],
    };
    return YAML.stringify({ alertmanager_config: YAML.stringify(config) });
}
