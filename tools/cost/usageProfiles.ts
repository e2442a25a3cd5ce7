/**
 * Usage profiles per tier: the quantities a plan cannot know (traffic, log volume, backup size),
 * derived from the users seed 002 sizes each tier for. A usage file overrides any key.
 *
 * Assumptions (documented so a reader can disagree with one number, not the whole estimate):
 * - users: the top of each tier's range (`usersServed.max`: small 500, medium 5,000); an open-ended
 *   tier at four times its lower bound (large: 20,000).
 * - 3,000 requests per user per month (30 sessions of ~100 requests).
 * - 0.1 GiB served by the CDN per user per month (~3.4 MB per session: assets, API JSON).
 * - NAT egress: 50 GiB of image pulls and updates, plus 20% of CDN traffic (origin calls out).
 * - Logs: 10 GiB base (control plane, WAF, database) plus 10 MiB per user (flow logs grow with traffic).
 * - ALB: 1 LCU per 2,500 users on average, at least 1.
 * - Vector DB backups: not a usage figure any more: the estimator derives the snapshot chain from the
 *   plan's retention and `dailyChangeFraction` (core/cost/snapshotChain.ts; 2.62x the volume for the
 *   default 48 hourly / 35 daily / 13 weekly points at 2% a day).
 * - RDS backups beyond the free allowance (100% of provisioned storage): none at ~2% daily churn
 *   over 30 days.
 * - Cache snapshots: half of each node's memory per retained day.
 * - App file store (seed 002 "Cache Files: Compressed JSON with embeddings"): 50 MiB kept per user
 *   (~20 analysed sites of ~2.5 MB each: page text and 1,536-float embeddings, gzipped), 10 MiB
 *   written per user a month (4 new analyses), 20 PUTs and 300 GETs per user a month (one request
 *   in ten reads a cached analysis).
 * - Static assets: deploys rewrite 1 GiB a month.
 * - Access logs: ~500 bytes per logged request, kept 90 days (CloudFront's logs, and S3 server
 *   access logs of the file store; replica buckets log the replication writes in the DR region).
 * - Database data: 60% of allocated storage, the share at which 30 days of backups (a full copy
 *   plus 2% a day) still fit RDS's free allowance, as `rdsExtraBackupGiB` assumes.
 * - Stateful volumes hold their provisioned size; 2% of data changes a day.
 * - Drills: an hour to restore before the validation window starts.
 *
 * Observability (issue 15; what each tier runs is the tier row's `observability` block):
 * - Alert notifications: 300 a month (alarm and OK messages of a few incidents and flapping alarms);
 *   SNS bills them by the million, so the figure only needs its order of magnitude.
 * - Container Insights (enhanced observability bills every metric datapoint it collects, once a
 *   minute): 30 per node and 35 per pod including its containers, counted from the enhanced EKS
 *   metric tables (container-insights-eks metrics pages, read 2026-11-30; verify against the first
 *   bill). Node and pod counts come from the plan.
 * - Container logs: 5 GiB of system pods plus one ~300-byte access-log line per request.
 * - Prometheus: the scraper keeps only the series the rules read (components/managedPrometheus.ts):
 *   ~150 counted for medium (HPA, waiting containers, 9 volume series, PgBouncer pools, `up`);
 *   500 (medium) and 1,000 (large) leave room for label churn. 1 billion query samples a month:
 *   the rules each minute (~0.45 billion) plus dashboards.
 * - Grafana: 1 editor and 2 viewers up to 5,000 users (medium), 2 editors and 5 viewers above
 *   (large) (AMG bills active users; a workspace bills at least one editor). Prometheus series the
 *   same way: 500 up to 5,000 users, 1,000 above.
 * - X-Ray: requests x the tier's trace sampling percent (large: 5% of 60M).
 *
 * The bill's shape (issue 17):
 * - CDN viewers by CloudFront price group (`CDN_VIEWERS`): the tiers up to medium serve a North
 *   American and European audience (60% / 40%); large serves worldwide, which is why its
 *   distribution uses PriceClass_All. Traffic outside a distribution's price class is billed at
 *   the US/Europe rate of the edges that serve it.
 * - Database CPU: 40% average on the primary. Only burstable classes (small's db.t3.large, whose
 *   baseline is 30% of each vCPU) bill the surplus as CPU credits; a sustained 100% would add
 *   2 vCPU x 70% x 730 h x $0.075 = $76.65 a month.
 * - Traffic between availability zones: two thirds of the backend traffic (with three zones, a
 *   pod's database, cache or vector DB is in another zone two times out of three), at 20 KiB of
 *   backend traffic per request.
 * - KMS: 100,000 requests a month per key (data keys for volumes and snapshots, Secrets Manager
 *   decrypts, EKS envelope encryption; S3 uses bucket keys).
 */
import { CDN_SHARE_KEYS, UsageProfile } from "../../core/cost/usage";
import { TIER_NAMES, TIERS, TierName, TierSizing } from "../../infra/tiers";

/** Users an open-ended tier is priced for, as a multiple of its lower bound. */
const OPEN_ENDED_USERS_FACTOR = 4;
const MIB = 1 / 1024;
/** Bytes an access-log line takes, and how long the log buckets keep them (months). */
const LOG_LINE_BYTES = 500;
const LOG_MONTHS = 3;
/** Above this many users a platform has the larger team and the busier metrics (large, or any tier added above medium). */
const LARGE_PLATFORM_USERS = 5000;
/** Active series after the scraper's keep-lists, and Grafana's editors and viewers, for a platform of `users`. */
const prometheusSeries = (users: number) => (users > LARGE_PLATFORM_USERS ? 1000 : 500);
/** Where the CDN's viewers are (price group shares, adding up to 1): North America and Europe, or worldwide above `LARGE_PLATFORM_USERS`. */
const CDN_VIEWERS = {
    regional: { us: 0.6, europe: 0.4, middleEastAfrica: 0, southAmerica: 0, japan: 0, australia: 0, asia: 0, india: 0 },
    worldwide: { us: 0.45, europe: 0.3, middleEastAfrica: 0.02, southAmerica: 0.03, japan: 0.05, australia: 0.03, asia: 0.08, india: 0.04 },
} as const;
/** Backend bytes per request (API JSON, database rows, cache values, vectors), and the share that crosses zones with three of them. */
const BACKEND_KIB_PER_REQUEST = 20;
const CROSS_AZ_SHARE = 2 / 3;
const grafanaUsers = (users: number) => (users > LARGE_PLATFORM_USERS ? { editors: 2, viewers: 5 } : { editors: 1, viewers: 2 });

export function usageFor(tier: TierName): UsageProfile {
    const row: TierSizing = TIERS[tier];
    const users = row.usersServed.max ?? row.usersServed.min * OPEN_ENDED_USERS_FACTOR;
    const requests = users * 3000;
    const cdnDataOutGiB = users * 0.1;
    const filePuts = users * 20;
    const fileGets = users * 300;
    const staticWriteGiB = 1;
    const logGiB = (lines: number) => (lines * LOG_LINE_BYTES * LOG_MONTHS) / 2 ** 30;
    return {
        users,
        requests,
        cdnDataOutGiB,
        natDataGiB: 50 + 0.2 * cdnDataOutGiB,
        albLcu: Math.max(1, users / 2500),
        logIngestGiB: 10 + users * 0.01,
        s3StaticGiB: 10,
        s3LogsGiB: logGiB(requests + filePuts + fileGets),
        rdsExtraBackupGiB: 0,
        cacheSnapshotGiB: row.cache.memoryGiB * 0.5 * row.cache.snapshotRetentionDays,
        secretsApiCallsPerSecret: 2 * 24 * 30, // External Secrets refreshes hourly; 2 reads an hour
        s3FileStoreGiB: users * 50 * MIB,
        s3FileStoreWriteGiB: users * 10 * MIB,
        s3FileStorePutRequests: filePuts,
        s3FileStoreGetRequests: fileGets,
        s3StaticWriteGiB: staticWriteGiB,
        s3DrLogsGiB: logGiB(filePuts),
        rdsDataGiB: row.database.allocatedStorageGiB * 0.6,
        vectorVolumeGiB: row.vectorDb.mode === "selfHosted" ? row.vectorDb.storageGiB * row.vectorDb.replicas : 0,
        dailyChangeFraction: 0.02,
        restoreDrillHours: 1,
        alertNotifications: 300,
        containerInsightsObservationsPerNode: row.observability.containerInsights ? 30 : 0,
        containerInsightsObservationsPerPod: row.observability.containerInsights ? 35 : 0,
        containerLogIngestGiB: row.observability.containerInsights ? 5 + (requests * 300) / 2 ** 30 : 0,
        prometheusActiveSeries: row.observability.prometheus ? prometheusSeries(users) : 0,
        prometheusQuerySamples: row.observability.prometheus ? 1e9 : 0,
        grafanaEditors: row.observability.grafana ? grafanaUsers(users).editors : 0,
        grafanaViewers: row.observability.grafana ? grafanaUsers(users).viewers : 0,
        xrayTracesRecorded: (requests * row.observability.traceSamplingPercent) / 100,
        ...cdnShares(users > LARGE_PLATFORM_USERS ? CDN_VIEWERS.worldwide : CDN_VIEWERS.regional),
        databaseCpuPercent: 40,
        crossAzGiB: (requests * BACKEND_KIB_PER_REQUEST * CROSS_AZ_SHARE) / 2 ** 20,
        kmsRequestsPerKey: 100_000,
    };
}

function cdnShares(mix: Record<keyof typeof CDN_SHARE_KEYS, number>): Record<(typeof CDN_SHARE_KEYS)[keyof typeof CDN_SHARE_KEYS], number> {
    return Object.fromEntries(Object.entries(CDN_SHARE_KEYS).map(([group, key]) => [key, mix[group as keyof typeof CDN_SHARE_KEYS]])) as Record<(typeof CDN_SHARE_KEYS)[keyof typeof CDN_SHARE_KEYS], number>;
}

export const TIER_USAGE: Record<TierName, UsageProfile> = Object.fromEntries(TIER_NAMES.map((t) => [t, usageFor(t)])) as Record<TierName, UsageProfile>;

