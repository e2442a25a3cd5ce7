/**
 * Monitoring: every data store, load balancer and distribution the stack creates has the alarms an
 * operator needs, every alarm tells someone, and alert topics are encrypted.
 *
 * Alarms are linked to what they watch by their dimensions where the values are known (an RDS
 * identifier, a cache member id) and otherwise by the engine's dependencies: in a first real preview
 * the ids are unknown, but an alarm whose dimension is an output of the RDS instance depends on it.
 * A value known only at apply that decides a verdict is reported as such ("decided at apply"), never
 * as a violation and never as a pass; an odd value never crashes the check.
 */
import { UNKNOWN_MARKER } from "../../core/plan/previewJson";
import { StackFinding, StackPolicyDefinition, StackSubject } from "../definitions";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "aws:sns/topic:Topic";
const RDS = "aws:rds/instance:Instance";
const CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const CDN = "aws:cloudfront/distribution:Distribution";

/** Metric names a watched resource must have an alarm on (mirrors the `required` rows of components/alarmCatalog.ts; a test keeps them equal). */
export interface RequiredMetrics {
    database: string[];
    databaseReplica: string[];
    cache: string[];
    loadBalancer: string[];
    distribution: string[];
}

export const DEFAULT_REQUIRED_METRICS: RequiredMetrics = {
    database: ["CPUUtilization", "FreeableMemory", "FreeStorageSpace", "DatabaseConnections"],
    databaseReplica: ["ReplicaLag"],
    cache: ["EngineCPUUtilization", "DatabaseMemoryUsagePercentage"],
    loadBalancer: ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "UnHealthyHostCount", "TargetResponseTime"],
    distribution: ["5xxErrorRate", "OriginLatency"],
};

/** Namespace each watched type's metrics live in: an alarm counts for a resource only with metrics of it. */
const NAMESPACE: Record<string, string> = { [RDS]: "AWS/RDS", [CACHE]: "AWS/ElastiCache", [LB]: "AWS/ApplicationELB", [CDN]: "AWS/CloudFront" };

const isObject = (v: unknown): v is Record<string, any> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A value the engine has not decided yet (or the SDK could not show). */
const undecided = (v: unknown) => v === UNKNOWN_MARKER || (v !== undefined && v !== null && typeof v !== "string" && !Array.isArray(v) && !isObject(v));

interface AlarmMetric {
    namespace?: string;
    metricName?: string;
    dimensions: Record<string, unknown>;
}

/** The metrics an alarm reads (single metric or metric math), with the path of the part that cannot be read yet, if any. */
function alarmMetrics(alarm: StackSubject): { metrics: AlarmMetric[]; unreadable?: string } {
    const p = isObject(alarm.props) ? alarm.props : {};
    // A metric whose name or namespace is known only at apply cannot be counted for any resource yet.
    const read = (m: Record<string, any>): AlarmMetric | undefined =>
        typeof m.metricName === "string" && m.metricName !== UNKNOWN_MARKER && !undecided(m.namespace)
            ? { namespace: typeof m.namespace === "string" ? m.namespace : undefined, metricName: m.metricName, dimensions: isObject(m.dimensions) ? m.dimensions : {} }
            : undefined;
    /** The part of a metric known only at apply, if any (a metric merely missing its name covers nothing, and is not undecided). */
    const unreadablePart = (m: Record<string, any>, at: string) => (undecided(m.namespace) ? `${at}namespace` : undecided(m.metricName) ? `${at}metricName` : undefined);
    if (p.metricQueries !== undefined) {
        if (!Array.isArray(p.metricQueries)) return { metrics: [], unreadable: "metricQueries" };
        const metrics: AlarmMetric[] = [];
        let unreadable: string | undefined;
        p.metricQueries.forEach((q: unknown, i: number) => {
            if (!isObject(q)) {
                if (undecided(q)) unreadable ??= `metricQueries[${i}]`;
                return;
            }
            if (q.metric === undefined) return;
            const m = isObject(q.metric) ? read(q.metric) : undefined;
            if (m) metrics.push(m);
            else unreadable ??= isObject(q.metric) ? unreadablePart(q.metric, `metricQueries[${i}].metric.`) : undecided(q.metric) ? `metricQueries[${i}].metric` : undefined;
        });
        return { metrics, unreadable };
    }
    const single = read(p);
    return single ? { metrics: [single] } : { metrics: [], unreadable: unreadablePart(p, "") };
}

interface Coverage {
    metrics: Set<string>;
    /** Alarms linked to the resource whose metric cannot be read yet: they may cover what is missing. */
    unreadable: Array<{ urn: string; path: string }>;
}

/**
 * Watched resources an alarm's dimensions name, where both values are known: an RDS identifier, or
 * a cache member id `<replication group id>-NNN`. Indexed, so linking stays linear in the stack.
 */
function dimensionIndex(watched: StackSubject[]): (metric: AlarmMetric) => StackSubject | undefined {
    const known = (v: unknown): v is string => typeof v === "string" && v !== "" && v !== UNKNOWN_MARKER;
    const byIdentifier = new Map<string, StackSubject>();
    const byGroup = new Map<string, StackSubject>();
    for (const r of watched) {
        const props = isObject(r.props) ? r.props : {};
        if (r.type === RDS && known(props.identifier)) byIdentifier.set(props.identifier, r);
        if (r.type === CACHE && known(props.replicationGroupId)) byGroup.set(props.replicationGroupId, r);
    }
    return (m) => {
        const id = m.dimensions.DBInstanceIdentifier;
        if (known(id)) return byIdentifier.get(id);
        const member = m.dimensions.CacheClusterId;
        if (known(member)) return byGroup.get(member.replace(/-\d+$/, ""));
        return undefined;
    };
}

/** Metric names covered per watched resource, by dimension or by dependency. */
function coverageOf(resources: StackSubject[], alarms: StackSubject[]): Map<string, Coverage> {
    const coverage = new Map<string, Coverage>();
    const watched = resources.filter((r) => NAMESPACE[r.type] !== undefined);
    const byUrn = new Map(watched.map((r) => [r.urn, r]));
    const named = dimensionIndex(watched);
    for (const r of watched) coverage.set(r.urn, { metrics: new Set(), unreadable: [] });
    for (const alarm of alarms) {
        const { metrics, unreadable } = alarmMetrics(alarm);
        const linked = new Set<StackSubject>();
        for (const d of Array.isArray(alarm.dependencies) ? alarm.dependencies : []) {
            const r = byUrn.get(d);
            if (r) linked.add(r);
        }
        for (const m of metrics) {
            const r = named(m);
            if (r && (m.namespace === undefined || m.namespace === NAMESPACE[r.type])) linked.add(r);
        }
        for (const r of linked) {
            const c = coverage.get(r.urn)!;
            for (const m of metrics) if (m.metricName && (m.namespace === undefined || m.namespace === NAMESPACE[r.type])) c.metrics.add(m.metricName);
            if (unreadable) c.unreadable.push({ urn: alarm.urn, path: unreadable });
        }
    }
    return coverage;
}

function required(r: StackSubject, c: RequiredMetrics): string[] {
    const props = isObject(r.props) ? r.props : {};
    switch (r.type) {
        case RDS: {
            // A replica names its source; an unknown source is still a replica.
            const replica = props.replicateSourceDb !== undefined && props.replicateSourceDb !== null && props.replicateSourceDb !== "";
            return [...c.database, ...(replica ? c.databaseReplica : [])];
        }
        case CACHE: return c.cache;
        case LB: return props.loadBalancerType === "network" || props.loadBalancerType === "gateway" ? [] : c.loadBalancer;
        case CDN: return c.distribution;
        default: return [];
    }
}

/** Every alarm/topic/coverage finding of a stack; pure, never throws on odd values. */
export function monitoringFindings(resources: StackSubject[], c: { requiredMetrics?: Partial<RequiredMetrics> }): StackFinding[] {
    // A partial override keeps the defaults of the kinds it does not name.
    const requiredMetrics = Object.fromEntries(Object.entries(DEFAULT_REQUIRED_METRICS).map(([k, v]) => {
        const given = c.requiredMetrics?.[k as keyof RequiredMetrics];
        return [k, Array.isArray(given) ? given.filter((x) => typeof x === "string") : v];
    })) as unknown as RequiredMetrics;
    const list = Array.isArray(resources) ? resources.filter((r) => isObject(r) && typeof r.type === "string") : [];
    const alarms = list.filter((r) => r.type === ALARM);
    const topics = list.filter((r) => r.type === TOPIC);
    const findings: StackFinding[] = [];

    const encrypted = new Map<string, boolean>();
    for (const t of topics) {
        const key = isObject(t.props) ? t.props.kmsMasterKeyId : undefined;
        // An unknown key is the output of another resource (a key's ARN): set, so encrypted.
        const ok = (typeof key === "string" && key !== "") || undecided(key);
        encrypted.set(t.urn, ok);
        if (!ok) findings.push({ urn: t.urn, message: `alert topic ${t.name} is not encrypted: set kmsMasterKeyId to a customer-managed key whose policy lets CloudWatch publish` });
    }

    for (const a of alarms) {
        const actions = isObject(a.props) ? a.props.alarmActions : undefined;
        // A list known only at apply may be empty; a known list with unknown members is not (a topic's ARN).
        if (undecided(actions)) {
            findings.push({ urn: a.urn, undecided: "alarmActions" });
            continue;
        }
        if (!Array.isArray(actions) || actions.length === 0) {
            findings.push({ urn: a.urn, message: `alarm ${a.name} has no alarm action: it changes state and tells nobody` });
            continue;
        }
        const topicDeps = (Array.isArray(a.dependencies) ? a.dependencies : []).filter((d) => encrypted.has(d));
        if (topicDeps.length > 0 && topicDeps.every((d) => !encrypted.get(d))) {
            findings.push({ urn: a.urn, message: `alarm ${a.name} notifies only unencrypted topics` });
        }
    }

    const coverage = coverageOf(list, alarms);
    for (const r of list) {
        const need = required(r, requiredMetrics);
        const cov = coverage.get(r.urn);
        if (!cov || need.length === 0) continue;
        const missing = need.filter((m) => !cov.metrics.has(m));
        if (missing.length === 0) continue;
        if (cov.unreadable.length > 0) findings.push(...cov.unreadable.map((u) => ({ urn: u.urn, undecided: u.path })));
        else findings.push({ urn: r.urn, message: `${r.name} has no alarm on ${missing.join(", ")}` });
    }
    return findings;
}

export const alarmCoverage: StackPolicyDefinition<{ requiredMetrics?: Partial<RequiredMetrics> }> = {
    kind: "stack",
    name: "monitoring-alarm-coverage",
    description: "Every database, cache, load balancer and distribution has its recommended alarms; every alarm notifies an encrypted topic.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "observability",
    source: "seed 002 'Monitoring Stack', 'Alerting: PagerDuty integration for critical issues'; AWS CloudWatch recommended alarms",
    remediation: "Create the missing alarms with alarm actions on an SNS topic encrypted by a customer-managed KMS key (components/observability.ts does this for every resource it is given), or waive the resource with a reason.",
    config: {
        requiredMetrics: {
            type: "object",
            description: "Metric names each kind of resource must have an alarm on (databaseReplica adds to database for read replicas).",
            default: DEFAULT_REQUIRED_METRICS,
            properties: Object.fromEntries(Object.keys(DEFAULT_REQUIRED_METRICS).map((k) => [k, { type: "array", items: { type: "string" } }])),
            additionalProperties: false,
        },
    },
    checkStack: (resources, c) => monitoringFindings(resources, c),
};

export const MONITORING_POLICIES = [alarmCoverage];
