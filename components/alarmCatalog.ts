/**
 * The recommended alarms, as data: one row per alarm a resource of the platform gets, with its
 * metric, statistic, comparison, threshold (absolute, or a share of the resource's capacity),
 * period, evaluation periods, datapoints, missing-data treatment, severity, and where each figure
 * comes from. The Observability component applies the rows to every resource the stack creates; a
 * stack overrides a row under `tiered-infra:observability.alarms.<id>` (infra/config.ts).
 *
 * Sources (read 2026-11-30 unless noted; see ../scratch/obs-dr/observability.md for the research):
 * - AWS: CloudWatch "Recommended alarms" (Best_Practice_Recommended_Alarms_AWS_Services.html). The
 *   page's per-metric values were read through console-exported recommended-alarm Terraform, which
 *   carries the page's Intent and Threshold Justification verbatim; missing-data treatment comes
 *   from those exports (the page does not list it).
 * - Cloud Posse: terraform-aws-rds-cloudwatch-sns-alarms README @00ecdf83, alarms.tf @00535163.
 * - `confidence`: `verified` = read in a stored copy of the source; `verify` = the AWS page's
 *   values from recollection, not found in a stored copy (re-check before relying on them);
 *   `custom` = no authoritative value exists, the rationale is ours.
 */

export type AlarmTarget =
    /** Every RDS instance (primary and replicas). */
    | "database"
    /** Every member cluster (node) of the ElastiCache replication group. */
    | "cacheNode"
    /** The origin ALB (and its target group). */
    | "loadBalancer"
    /** The CloudFront distribution (metrics in us-east-1). */
    | "distribution"
    /** The CloudFront-scoped WAF web ACL (metrics in us-east-1). */
    | "webAcl"
    | "natGateway"
    /** The EKS cluster, through Container Insights. */
    | "cluster"
    /** The app's Kubernetes service, through Container Insights. */
    | "appService"
    /** The Route 53 health check of the public health path (metrics in us-east-1). */
    | "uptimeCheck";

/** Which resources of a target kind a row applies to. */
export type AlarmCondition = "primary" | "replica" | "burstable" | "replicated";

/** Capacity figures a threshold may be a share of; the component supplies them per resource. */
export type CapacityKey =
    | "allocatedStorageBytes"
    | "memoryBytes"
    | "maxConnections"
    | "connectionLimit"
    | "originReadTimeoutMs"
    | "maxReplicas";

export type Comparison = "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
export type MissingData = "missing" | "ignore" | "breaching" | "notBreaching";
export type Severity = "critical" | "warning";
export type Confidence = "verified" | "verify" | "custom";

export type Threshold = { value: number } | { share: number; of: CapacityKey };

export interface AlarmSpec {
    /** Stable key: alarm names, overrides and tests use it. */
    id: string;
    target: AlarmTarget;
    when?: AlarmCondition;
    /** What firing means, for people reading the alarm. */
    summary: string;
    namespace: string;
    /** One metric, or several combined by `expression` (metric math; each metric is billed). */
    metric: string | { expression: string; metrics: Record<string, string> };
    /** `Average`, `Sum`, `Minimum`, `Maximum`, or a percentile such as `p99`. */
    statistic: string;
    comparison: Comparison;
    threshold: Threshold;
    periodSeconds: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
    treatMissingData: MissingData;
    severity: Severity;
    /** Part of the coverage policy's required set for its target (monitoring-alarm-coverage). */
    required?: boolean;
    source: string;
    confidence: Confidence;
    /** When the source was read (YYYY-MM-DD). */
    date: string;
}

const AWS_PAGE = "AWS CloudWatch 'Recommended alarms' (Best_Practice_Recommended_Alarms_AWS_Services.html) via console-exported recommended-alarm Terraform";
const AWS_RECALLED = "AWS CloudWatch 'Recommended alarms' page, values from recollection: not found in a stored copy";
const CLOUD_POSSE = "cloudposse/terraform-aws-rds-cloudwatch-sns-alarms README @00ecdf83 (threshold and rationale)";
const READ = "2026-11-30";

/** Seconds of one metric period; AWS's recommendations are per minute unless noted. */
const MINUTE = 60;

export const ALARM_CATALOG: readonly AlarmSpec[] = [
    // --- RDS PostgreSQL: every instance -----------------------------------------------------
    {
        id: "rds-cpu", target: "database", summary: "database CPU above 90% for 5 minutes",
        namespace: "AWS/RDS", metric: "CPUUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { value: 90 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "breaching", severity: "warning", required: true,
        source: `${AWS_PAGE}; Cloud Posse alarms at 80% (queuing theory); AWS's 90% over 5 of 5 minutes tolerates spikes`, confidence: "verified", date: READ,
    },
    {
        id: "rds-freeable-memory", target: "database", summary: "database freeable memory below 25% of the class's memory for 15 minutes",
        namespace: "AWS/RDS", metric: "FreeableMemory", statistic: "Average", comparison: "LessThanThreshold", threshold: { share: 0.25, of: "memoryBytes" },
        periodSeconds: MINUTE, evaluationPeriods: 15, datapointsToAlarm: 15, treatMissingData: "breaching", severity: "critical", required: true,
        source: `${AWS_PAGE} ('should not go below 25% of total memory for prolonged periods')`, confidence: "verified", date: READ,
    },
    {
        id: "rds-free-storage", target: "database", summary: "database free storage below 10% of the allocated storage",
        namespace: "AWS/RDS", metric: "FreeStorageSpace", statistic: "Minimum", comparison: "LessThanThreshold", threshold: { share: 0.1, of: "allocatedStorageBytes" },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "breaching", severity: "critical", required: true,
        // Storage autoscaling adds space when free space falls below 10% of the *current* size; the
        // threshold is 10% of the tier's *initial* size, so it fires when autoscaling did not keep up
        // or reached maxAllocatedStorage, which is what an operator must act on.
        source: `${AWS_PAGE} (10% of allocated storage); Cloud Posse: 'or 10% of capacity'`, confidence: "verified", date: READ,
    },
    {
        id: "rds-connections", target: "database", summary: "database connections above 90% of max_connections",
        namespace: "AWS/RDS", metric: "DatabaseConnections", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { share: 0.9, of: "maxConnections" },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "breaching", severity: "critical", required: true,
        source: `${AWS_PAGE} (90-95% of max_connections); max_connections from the RDS PostgreSQL default (see maxConnectionsOf)`, confidence: "verified", date: READ,
    },
    {
        id: "rds-read-latency", target: "database", summary: "database disk read latency p90 above 20 ms for 5 minutes",
        namespace: "AWS/RDS", metric: "ReadLatency", statistic: "p90", comparison: "GreaterThanThreshold", threshold: { value: 0.02 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "missing", severity: "warning",
        source: `${AWS_PAGE} ('> 20 ms is likely a cause for investigation'; unit seconds)`, confidence: "verified", date: READ,
    },
    {
        id: "rds-write-latency", target: "database", summary: "database disk write latency p90 above 20 ms for 5 minutes",
        namespace: "AWS/RDS", metric: "WriteLatency", statistic: "p90", comparison: "GreaterThanThreshold", threshold: { value: 0.02 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "missing", severity: "warning",
        source: `${AWS_PAGE} ('> 20 ms is likely a cause for investigation'; unit seconds)`, confidence: "verified", date: READ,
    },
    {
        id: "rds-transaction-ids", target: "database", when: "primary", summary: "PostgreSQL transaction IDs above 1 billion: autovacuum is not preventing wraparound",
        namespace: "AWS/RDS", metric: "MaximumUsedTransactionIDs", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { value: 1_000_000_000 },
        periodSeconds: MINUTE, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "missing", severity: "critical",
        source: AWS_PAGE, confidence: "verified", date: READ,
    },
    {
        id: "rds-replica-lag", target: "database", when: "replica", summary: "read replica more than 60 s behind for 10 minutes",
        namespace: "AWS/RDS", metric: "ReplicaLag", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: { value: 60 },
        periodSeconds: MINUTE, evaluationPeriods: 10, datapointsToAlarm: 10, treatMissingData: "missing", severity: "warning", required: true,
        source: AWS_RECALLED, confidence: "verify", date: READ,
    },
    {
        // gp3 storage reports no BurstBalance (gp2 only), so the burstable alarm is the CPU credit one.
        id: "rds-cpu-credits", target: "database", when: "burstable", summary: "burstable database below 20 CPU credits",
        namespace: "AWS/RDS", metric: "CPUCreditBalance", statistic: "Average", comparison: "LessThanThreshold", threshold: { value: 20 },
        periodSeconds: 600, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "missing", severity: "warning",
        source: `${CLOUD_POSSE}: 20 credits leave time to fix the load, add capacity or leave the burstable class (module default period 600 s, 1 of 1)`, confidence: "verified", date: READ,
    },

    // --- ElastiCache (Valkey): every node ----------------------------------------------------
    {
        id: "cache-engine-cpu", target: "cacheNode", summary: "cache engine thread above 90% CPU for 5 minutes",
        namespace: "AWS/ElastiCache", metric: "EngineCPUUtilization", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { value: 90 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "missing", severity: "warning", required: true,
        source: AWS_PAGE, confidence: "verified", date: READ,
    },
    {
        id: "cache-memory", target: "cacheNode", summary: "cache memory above 80% of maxmemory for 5 minutes",
        namespace: "AWS/ElastiCache", metric: "DatabaseMemoryUsagePercentage", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { value: 80 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "missing", severity: "warning", required: true,
        // AWS gives no number ('critical level for the app'); 80% leaves room before evictions of
        // sessions and rate-limit counters start.
        source: `${AWS_PAGE} (metric, period, datapoints); threshold ours`, confidence: "custom", date: READ,
    },
    {
        id: "cache-evictions", target: "cacheNode", summary: "cache evicting keys every minute for 5 minutes",
        namespace: "AWS/ElastiCache", metric: "Evictions", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: { value: 0 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching", severity: "warning",
        // The cache holds sessions and rate limits (seed 002): an evicted key is a logged-out user
        // or a forgotten quota, not just a cache miss.
        source: "custom: not among the AWS page's ElastiCache alarms in the stored export", confidence: "custom", date: READ,
    },
    {
        id: "cache-connections", target: "cacheNode", summary: "cache connections above 80% of the 65,000 per-node limit for 10 minutes",
        namespace: "AWS/ElastiCache", metric: "CurrConnections", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { share: 0.8, of: "connectionLimit" },
        periodSeconds: MINUTE, evaluationPeriods: 10, datapointsToAlarm: 10, treatMissingData: "missing", severity: "warning",
        source: `${AWS_PAGE} (metric, period, 'up to 65,000 concurrent connections per node'); 80% share ours`, confidence: "custom", date: READ,
    },
    {
        id: "cache-replication-lag", target: "cacheNode", when: "replicated", summary: "cache replica more than 30 s behind for 15 minutes",
        namespace: "AWS/ElastiCache", metric: "ReplicationLag", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { value: 30 },
        // Only replicas report the metric and roles swap on failover: every node gets the alarm and
        // the primary's missing data is not a breach.
        periodSeconds: MINUTE, evaluationPeriods: 15, datapointsToAlarm: 15, treatMissingData: "notBreaching", severity: "warning",
        source: `${AWS_PAGE} (metric, period, datapoints; 'application tolerance'); 30 s ours`, confidence: "custom", date: READ,
    },

    // --- Origin ALB ----------------------------------------------------------------------------
    {
        id: "alb-target-5xx", target: "loadBalancer", summary: "more than 5% of requests answered 5xx by the app for 5 minutes",
        namespace: "AWS/ApplicationELB", metric: { expression: "100*FILL(m1,0)/m2", metrics: { m1: "HTTPCode_Target_5XX_Count", m2: "RequestCount" } },
        statistic: "Sum", comparison: "GreaterThanThreshold", threshold: { value: 5 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching", severity: "critical", required: true,
        // A rate, not a count: the same row fits 500 and 20,000 users.
        source: `${AWS_RECALLED}; as a share of RequestCount per the research notes`, confidence: "verify", date: READ,
    },
    {
        id: "alb-elb-5xx", target: "loadBalancer", summary: "more than 5% of requests answered 5xx by the load balancer (no healthy target, timeouts)",
        namespace: "AWS/ApplicationELB", metric: { expression: "100*FILL(m1,0)/m2", metrics: { m1: "HTTPCode_ELB_5XX_Count", m2: "RequestCount" } },
        statistic: "Sum", comparison: "GreaterThanThreshold", threshold: { value: 5 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching", severity: "critical", required: true,
        source: AWS_RECALLED, confidence: "verify", date: READ,
    },
    {
        id: "alb-unhealthy-hosts", target: "loadBalancer", summary: "an app node failing the load balancer's health check for 3 minutes",
        namespace: "AWS/ApplicationELB", metric: "UnHealthyHostCount", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: { value: 0 },
        periodSeconds: MINUTE, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing", severity: "warning", required: true,
        source: AWS_RECALLED, confidence: "verify", date: READ,
    },
    {
        id: "alb-latency-p99", target: "loadBalancer", summary: "app response time p99 above 4 s for 5 minutes",
        namespace: "AWS/ApplicationELB", metric: "TargetResponseTime", statistic: "p99", comparison: "GreaterThanThreshold", threshold: { value: 4 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "missing", severity: "warning", required: true,
        // Seed 002 "Query Response: <2 seconds for most questions": the slowest 1% at twice that.
        source: `${AWS_RECALLED} (metric); threshold from seed 002 'Query Response: <2 seconds for most questions', doubled for p99`, confidence: "custom", date: READ,
    },

    // --- CloudFront (us-east-1) ------------------------------------------------------------------
    {
        id: "cdn-5xx-rate", target: "distribution", summary: "more than 1% of viewer requests answered 5xx for 5 minutes",
        namespace: "AWS/CloudFront", metric: "5xxErrorRate", statistic: "Average", comparison: "GreaterThanThreshold", threshold: { value: 1 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching", severity: "critical", required: true,
        // AWS: 'tolerance, > 0 so transient errors do not page'; 1% sustained is 10x seed 001's 99.9% budget.
        source: `${AWS_PAGE}; 1% ours`, confidence: "verified", date: READ,
    },
    {
        id: "cdn-origin-latency", target: "distribution", summary: "origin latency p90 above 80% of the origin read timeout (504s are near)",
        namespace: "AWS/CloudFront", metric: "OriginLatency", statistic: "p90", comparison: "GreaterThanThreshold", threshold: { share: 0.8, of: "originReadTimeoutMs" },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching", severity: "warning", required: true,
        source: `${AWS_PAGE} ('~80% of the origin response timeout'; needs the distribution's additional metrics)`, confidence: "verified", date: READ,
    },

    // --- WAF (us-east-1) --------------------------------------------------------------------------
    {
        id: "waf-blocked-surge", target: "webAcl", summary: "more than 20% of requests blocked by the WAF for 15 minutes (attack, or rules blocking users)",
        namespace: "AWS/WAFV2", metric: { expression: "100*FILL(m1,0)/(FILL(m1,0)+FILL(m2,0)+1)", metrics: { m1: "BlockedRequests", m2: "AllowedRequests" } },
        statistic: "Sum", comparison: "GreaterThanThreshold", threshold: { value: 20 },
        periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "notBreaching", severity: "warning",
        // A share of traffic rather than a count: absolute counts vary by orders of magnitude between tiers.
        source: "custom: no AWS recommendation found; pattern from public Terraform (research notes A1)", confidence: "custom", date: READ,
    },

    // --- NAT gateways -----------------------------------------------------------------------------
    {
        id: "nat-port-allocation", target: "natGateway", summary: "NAT gateway failing to allocate source ports for 15 minutes (egress connections fail)",
        namespace: "AWS/NATGateway", metric: "ErrorPortAllocation", statistic: "Sum", comparison: "GreaterThanThreshold", threshold: { value: 0 },
        periodSeconds: MINUTE, evaluationPeriods: 15, datapointsToAlarm: 15, treatMissingData: "missing", severity: "critical",
        source: AWS_PAGE, confidence: "verified", date: READ,
    },
    {
        id: "nat-packets-dropped", target: "natGateway", summary: "NAT gateway dropping more than 0.01% of packets for 5 minutes",
        namespace: "AWS/NATGateway", metric: { expression: "100*FILL(m1,0)/(m2+m3)", metrics: { m1: "PacketsDropCount", m2: "PacketsInFromSource", m3: "PacketsInFromDestination" } },
        statistic: "Sum", comparison: "GreaterThanThreshold", threshold: { value: 0.01 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching", severity: "warning",
        source: `${AWS_PAGE} ('0.01% of total NAT traffic')`, confidence: "verified", date: READ,
    },

    // --- EKS through Container Insights ----------------------------------------------------------
    {
        id: "node-cpu", target: "cluster", summary: "a node above 80% CPU for 3 minutes",
        namespace: "ContainerInsights", metric: "node_cpu_utilization", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: { value: 80 },
        periodSeconds: MINUTE, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing", severity: "warning",
        source: `${AWS_RECALLED} ('Amazon EKS with Container Insights'); metric names: container-insights-eks-classic-metrics.html`, confidence: "verify", date: READ,
    },
    {
        id: "node-memory", target: "cluster", summary: "a node above 80% memory for 3 minutes",
        namespace: "ContainerInsights", metric: "node_memory_utilization", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: { value: 80 },
        periodSeconds: MINUTE, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing", severity: "warning",
        source: `${AWS_RECALLED} ('Amazon EKS with Container Insights')`, confidence: "verify", date: READ,
    },
    {
        id: "node-disk", target: "cluster", summary: "a node's file system above 90% for 3 minutes (kubelet evicts pods at disk pressure)",
        namespace: "ContainerInsights", metric: "node_filesystem_utilization", statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: { value: 90 },
        periodSeconds: MINUTE, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "missing", severity: "warning",
        source: `${AWS_RECALLED} ('Amazon EKS with Container Insights')`, confidence: "verify", date: READ,
    },
    {
        id: "node-failed", target: "cluster", summary: "a node with a failing condition for 5 minutes",
        namespace: "ContainerInsights", metric: "cluster_failed_node_count", statistic: "Maximum", comparison: "GreaterThanOrEqualToThreshold", threshold: { value: 1 },
        periodSeconds: MINUTE, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "missing", severity: "critical",
        source: "custom; metric defined in container-insights-eks-classic-metrics.html", confidence: "custom", date: READ,
    },
    {
        id: "app-restarts", target: "appService", summary: "app containers restarting in each of the last 15 minutes (crash loop)",
        // The metric counts restarts since the pod started: DIFF turns it into new restarts per period.
        namespace: "ContainerInsights", metric: { expression: "DIFF(m1)", metrics: { m1: "pod_number_of_container_restarts" } },
        statistic: "Maximum", comparison: "GreaterThanThreshold", threshold: { value: 0 },
        periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "notBreaching", severity: "warning",
        source: "custom: CloudWatch analogue of kubernetes-mixin KubePodCrashLooping (kube-prometheus @047d5049, for: 15m)", confidence: "custom", date: READ,
    },
    {
        id: "app-at-max-replicas", target: "appService", summary: "the app at its HPA maximum for 15 minutes: it cannot scale further",
        namespace: "ContainerInsights", metric: "service_number_of_running_pods", statistic: "Minimum", comparison: "GreaterThanOrEqualToThreshold", threshold: { share: 1, of: "maxReplicas" },
        periodSeconds: MINUTE, evaluationPeriods: 15, datapointsToAlarm: 15, treatMissingData: "notBreaching", severity: "warning",
        source: "custom: CloudWatch analogue of kubernetes-mixin KubeHpaMaxedOut (for: 15m); threshold is the tier's app.maxReplicas", confidence: "custom", date: READ,
    },

    // --- Uptime (us-east-1) ------------------------------------------------------------------------
    {
        id: "uptime", target: "uptimeCheck", summary: "the public health path failing from Route 53's checkers for 3 minutes",
        namespace: "AWS/Route53", metric: "HealthCheckStatus", statistic: "Minimum", comparison: "LessThanThreshold", threshold: { value: 1 },
        periodSeconds: MINUTE, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: "breaching", severity: "critical",
        // Seed 001's 99.9% SLA allows 43.8 minutes of downtime a month: paging after 3 leaves the
        // rest of the budget for the fix.
        source: "custom: seed 001 'Uptime Monitoring: 99.9% uptime SLA'; Route 53 health-check metrics are published in us-east-1 only", confidence: "custom", date: READ,
    },
];

export const ALARM_IDS = ALARM_CATALOG.map((a) => a.id);

/**
 * Memory of the RDS classes the tiers use, GiB (AWS "DB instance class hardware specifications",
 * db.t3 / db.m6g / db.r6g / db.r5 tables, from recollection 2026-11-30: verify before adding classes).
 * A class missing here is a config error: its memory and connection alarms could not be sized.
 */
export const DB_CLASS_MEMORY_GIB: Readonly<Record<string, number>> = {
    "db.t3.medium": 4,
    "db.t3.large": 8,
    "db.t3.xlarge": 16,
    "db.t4g.large": 8,
    "db.m6g.large": 8,
    "db.m6g.xlarge": 16,
    "db.m6g.2xlarge": 32,
    "db.r6g.large": 16,
    "db.r6g.xlarge": 32,
    "db.r6g.2xlarge": 64,
    "db.r6g.4xlarge": 128,
    "db.r5.xlarge": 32,
};

/** Burstable RDS classes earn CPU credits (db.t*). */
export function isBurstableClass(instanceClass: string): boolean {
    return /^db\.t\d/.test(instanceClass);
}

/**
 * PostgreSQL's default max_connections on RDS: LEAST({DBInstanceClassMemory/9531392}, 5000) (RDS
 * default parameter group for postgres; research notes A1, not re-verified 2026-11-30). The class's
 * nominal memory slightly overstates DBInstanceClassMemory, so 90% of this is a little early, not late.
 */
export function maxConnectionsOf(instanceClass: string): number | undefined {
    const gib = DB_CLASS_MEMORY_GIB[instanceClass];
    return gib === undefined ? undefined : Math.min(Math.floor((gib * 2 ** 30) / 9_531_392), 5000);
}

/** ElastiCache's per-node connection ceiling (AWS recommended alarms, CurrConnections, read 2026-11-30). */
export const CACHE_NODE_CONNECTION_LIMIT = 65_000;

/** What a stack may change of a row (`tiered-infra:observability.alarms.<id>`). */
export interface AlarmOverride {
    /** false removes the alarm (the coverage policy then reports a required one as missing). */
    enabled?: boolean;
    /** An absolute threshold, in the metric's unit. */
    threshold?: number;
    /** A share of the row's capacity figure (rows whose threshold is a share only). */
    share?: number;
    periodSeconds?: number;
    evaluationPeriods?: number;
    datapointsToAlarm?: number;
    treatMissingData?: MissingData;
    severity?: Severity;
}

/** A row with a stack's override applied (the override is validated in stack config). */
export function withOverride(spec: AlarmSpec, o: AlarmOverride | undefined): AlarmSpec & { enabled: boolean } {
    if (!o) return { ...spec, enabled: true };
    const threshold: Threshold = o.threshold !== undefined ? { value: o.threshold } : o.share !== undefined && "of" in spec.threshold ? { share: o.share, of: spec.threshold.of } : spec.threshold;
    return {
        ...spec,
        threshold,
        periodSeconds: o.periodSeconds ?? spec.periodSeconds,
        evaluationPeriods: o.evaluationPeriods ?? spec.evaluationPeriods,
        datapointsToAlarm: o.datapointsToAlarm ?? Math.min(spec.datapointsToAlarm, o.evaluationPeriods ?? spec.evaluationPeriods),
        treatMissingData: o.treatMissingData ?? spec.treatMissingData,
        severity: o.severity ?? spec.severity,
        enabled: o.enabled ?? true,
    };
}

/** The threshold of a row for one resource, from its capacity figures. */
export function thresholdFor(spec: AlarmSpec, capacity: Partial<Record<CapacityKey, number>>): number {
    if ("value" in spec.threshold) return spec.threshold.value;
    const of = capacity[spec.threshold.of];
    if (of === undefined) throw new Error(`alarm ${spec.id}: its threshold is a share of ${spec.threshold.of}, which this resource does not provide`);
    // Counts and bytes are whole numbers; a share of a count rounds down so the alarm fires no later.
    return Number.isInteger(of) ? Math.floor(spec.threshold.share * of) : spec.threshold.share * of;
}

/** Rows of a target kind that apply to a resource with these conditions. */
export function rowsFor(target: AlarmTarget, holds: ReadonlySet<AlarmCondition> = new Set()): AlarmSpec[] {
    return ALARM_CATALOG.filter((a) => a.target === target && (a.when === undefined || holds.has(a.when)));
}

/** Metric names a resource kind must have alarms on (the coverage policy's defaults mirror these). */
export function requiredMetrics(target: AlarmTarget, when?: AlarmCondition): string[] {
    return ALARM_CATALOG.filter((a) => a.required && a.target === target && a.when === when).flatMap((a) => (typeof a.metric === "string" ? [a.metric] : [Object.values(a.metric.metrics)[0]]));
}
