/**
 * Usage: the quantities a plan cannot know (traffic, log volume, backup size). The estimator takes
 * them as data; the tools derive a profile per tier (tools/cost/usageProfiles.ts) and let a usage
 * file override any key.
 */

export interface UsageProfile {
    users: number;
    requests: number;
    cdnDataOutGiB: number;
    natDataGiB: number;
    albLcu: number;
    logIngestGiB: number;
    s3StaticGiB: number;
    s3LogsGiB: number;
    rdsExtraBackupGiB: number;
    cacheSnapshotGiB: number;
    secretsApiCallsPerSecret: number;
    /** App file store: data stored (GiB), data written a month (GiB, what replication carries), PUT-class and GET requests a month. */
    s3FileStoreGiB: number;
    s3FileStoreWriteGiB: number;
    s3FileStorePutRequests: number;
    s3FileStoreGetRequests: number;
    /** Static assets rewritten a month by deploys (GiB, what replication carries). */
    s3StaticWriteGiB: number;
    /** Server access logs of the replica buckets, kept in the DR region's log bucket (GiB). */
    s3DrLogsGiB: number;
    /** Data held by the database (GiB): its backups, replicated backups and restored drills scale with it. */
    rdsDataGiB: number;
    /** Data on the stateful services' volumes (GiB): their cross-region copies and drills scale with it. */
    vectorVolumeGiB: number;
    /**
     * Share of that data rewritten a day: incremental snapshots and copies carry it. The volume
     * backups store `vectorVolumeGiB` x the snapshot-chain factor of the plan's retention at this
     * rate (core/cost/snapshotChain.ts).
     */
    dailyChangeFraction: number;
    /** Hours a drill spends restoring before AWS Backup's validation window starts (the restored copy runs meanwhile). */
    restoreDrillHours: number;
    /** Alarm and OK notifications published per month, over all alert topics. */
    alertNotifications: number;
    /** Container Insights observations per node and minute (enhanced observability bills each). */
    containerInsightsObservationsPerNode: number;
    /** ... and per pod and minute, its containers' included. */
    containerInsightsObservationsPerPod: number;
    /** GiB of container logs (stdout/stderr) shipped to CloudWatch Logs per month. */
    containerLogIngestGiB: number;
    /** Active Prometheus series the managed scraper sends (after its keep-lists). */
    prometheusActiveSeries: number;
    /** Query samples processed per month (rule evaluation and dashboards). */
    prometheusQuerySamples: number;
    /** Managed Grafana users who edit (billed at least one per workspace) and who only view. */
    grafanaEditors: number;
    grafanaViewers: number;
    /** Traces recorded by X-Ray per month (after sampling). */
    xrayTracesRecorded: number;
    /**
     * Where the CDN's viewers are: the share of its traffic (bytes and requests) served from each
     * CloudFront price group. The shares add up to 1. Traffic from a group outside the
     * distribution's price class is served, and billed, by the US/Europe edges.
     */
    cdnTrafficShareUs: number;
    cdnTrafficShareEurope: number;
    cdnTrafficShareMiddleEastAfrica: number;
    cdnTrafficShareSouthAmerica: number;
    cdnTrafficShareJapan: number;
    cdnTrafficShareAustralia: number;
    cdnTrafficShareAsia: number;
    cdnTrafficShareIndia: number;
    /** Average CPU of the database's primary, percent of its vCPUs: a burstable class bills the share above its baseline as CPU credits. */
    databaseCpuPercent: number;
    /** GiB a month that crosses availability zones inside the region (pods to the database, cache and vector DB in other zones), counted once; AWS bills it in both directions. */
    crossAzGiB: number;
    /** KMS API requests a month per customer managed key (envelope encryption of volumes, secrets, snapshots, S3 without bucket keys). */
    kmsRequestsPerKey: number;
}

/** The usage keys of the CDN's traffic mix, by CloudFront price group. */
export const CDN_SHARE_KEYS = {
    us: "cdnTrafficShareUs",
    europe: "cdnTrafficShareEurope",
    middleEastAfrica: "cdnTrafficShareMiddleEastAfrica",
    southAmerica: "cdnTrafficShareSouthAmerica",
    japan: "cdnTrafficShareJapan",
    australia: "cdnTrafficShareAustralia",
    asia: "cdnTrafficShareAsia",
    india: "cdnTrafficShareIndia",
} as const satisfies Record<string, keyof UsageProfile>;

export const USAGE_KEYS: readonly (keyof UsageProfile)[] = [
    "users", "requests", "cdnDataOutGiB", "natDataGiB", "albLcu", "logIngestGiB", "s3StaticGiB", "s3LogsGiB",
    "rdsExtraBackupGiB", "cacheSnapshotGiB", "secretsApiCallsPerSecret",
    "s3FileStoreGiB", "s3FileStoreWriteGiB", "s3FileStorePutRequests", "s3FileStoreGetRequests", "s3StaticWriteGiB", "s3DrLogsGiB",
    "rdsDataGiB", "vectorVolumeGiB", "dailyChangeFraction", "restoreDrillHours",
    "alertNotifications", "containerInsightsObservationsPerNode", "containerInsightsObservationsPerPod", "containerLogIngestGiB",
    "prometheusActiveSeries", "prometheusQuerySamples", "grafanaEditors", "grafanaViewers", "xrayTracesRecorded",
    ...Object.values(CDN_SHARE_KEYS), "databaseCpuPercent", "crossAzGiB", "kmsRequestsPerKey",
];

/**
 * The profile of a stack with no tier (a preview of another project): every figure unknown (NaN), so
 * usage-based items stay unpriced, never guessed, until a usage file gives them.
 */
export const NO_USAGE: UsageProfile = Object.fromEntries(USAGE_KEYS.map((k) => [k, Number.NaN])) as unknown as UsageProfile;

/** Applies overrides, refusing unknown keys and non-numbers with the key named. */
export function withOverrides(base: UsageProfile, overrides: Record<string, unknown>, where: string): UsageProfile {
    const out = { ...base };
    const problems: string[] = [];
    for (const [k, v] of Object.entries(overrides)) {
        if (!(USAGE_KEYS as readonly string[]).includes(k)) problems.push(`${where}.${k}: is not a usage key; known keys: ${USAGE_KEYS.join(", ")}`);
        // YAML reads 1e400 as Infinity (and .nan as NaN), which JSON would print as null.
        else if (typeof v === "number" && !Number.isFinite(v)) problems.push(`${where}.${k}: ${v} is not a finite number (too large to hold, or .inf/.nan); expected a number >= 0`);
        else if (typeof v !== "number" || v < 0) problems.push(`${where}.${k}: ${JSON.stringify(v)} is not allowed; expected a number >= 0`);
        else out[k as keyof UsageProfile] = v;
    }
    if (problems.length === 0) problems.push(...mixProblems(out, where));
    if (problems.length) throw new UsageError(problems);
    return out;
}

/** Shares are fractions, percentages at most 100, and a traffic mix that is given adds up to 1. */
function mixProblems(u: UsageProfile, where: string): string[] {
    const problems: string[] = [];
    const shares = Object.values(CDN_SHARE_KEYS);
    for (const k of [...shares, "dailyChangeFraction"] as const) if (u[k] > 1) problems.push(`${where}.${k}: ${u[k]} is not allowed; expected a fraction between 0 and 1`);
    if (u.databaseCpuPercent > 100) problems.push(`${where}.databaseCpuPercent: ${u.databaseCpuPercent} is not allowed; expected a percentage between 0 and 100`);
    const total = shares.reduce((n, k) => n + u[k], 0);
    if (Number.isFinite(total) && Math.abs(total - 1) > 0.001) problems.push(`${where}: the CDN traffic shares (${shares.join(", ")}) add up to ${Math.round(total * 1000) / 1000}; they must add up to 1`);
    return problems;
}

export class UsageError extends Error {
    constructor(public readonly problems: string[]) {
        super(`invalid usage:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "UsageError";
    }
}
