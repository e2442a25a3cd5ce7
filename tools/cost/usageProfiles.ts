/**
 * Usage profiles per tier: the quantities a plan cannot know (traffic, log volume, backup size),
 * derived from the users seed 002 sizes each tier for. A usage file overrides any key.
 *
 * Assumptions (documented so a reader can disagree with one number, not the whole estimate):
 * - users: the top of each tier's range (small 500, medium 5,000); large, open-ended, at 20,000.
 * - 3,000 requests per user per month (30 sessions of ~100 requests).
 * - 0.1 GiB served by the CDN per user per month (~3.4 MB per session: assets, API JSON).
 * - NAT egress: 50 GiB of image pulls and updates, plus 20% of CDN traffic (origin calls out).
 * - Logs: 10 GiB base (control plane, WAF, database) plus 10 MiB per user (flow logs grow with traffic).
 * - ALB: 1 LCU per 2,500 users on average, at least 1.
 * - Vector DB backups: incremental EBS snapshots hold ~1.5x the volume over 35 days of dailies and
 *   52 weeklies (churn ~2%/day); volume size and replicas come from the tier table.
 * - RDS backups beyond the free allowance (100% of provisioned storage): none at ~2% daily churn
 *   over 30 days.
 * - Cache snapshots: half of each node's memory per retained day.
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
 * - Grafana: medium 1 editor and 2 viewers, large 2 editors and 5 viewers (AMG bills active users;
 *   a workspace bills at least one editor).
 * - X-Ray: requests x the tier's trace sampling percent (large: 5% of 60M).
 */
import { UsageProfile } from "../../core/cost/usage";
import { TIER_NAMES, TIERS, TierName } from "../../infra/tiers";

const USERS: Record<TierName, number> = { small: 500, medium: 5000, large: 20000 };
const PROMETHEUS_SERIES: Record<TierName, number> = { small: 500, medium: 500, large: 1000 };
const GRAFANA_USERS: Record<TierName, { editors: number; viewers: number }> = { small: { editors: 1, viewers: 2 }, medium: { editors: 1, viewers: 2 }, large: { editors: 2, viewers: 5 } };

export function usageFor(tier: TierName): UsageProfile {
    const users = USERS[tier];
    const row = TIERS[tier];
    const requests = users * 3000;
    const cdnDataOutGiB = users * 0.1;
    return {
        users,
        requests,
        cdnDataOutGiB,
        natDataGiB: 50 + 0.2 * cdnDataOutGiB,
        albLcu: Math.max(1, users / 2500),
        logIngestGiB: 10 + users * 0.01,
        s3StaticGiB: 10,
        // CloudFront standard logs: ~500 bytes a request, kept 90 days.
        s3LogsGiB: (requests * 500 * 3) / 2 ** 30,
        vectorBackupGiB: row.vectorDb.mode === "selfHosted" ? row.vectorDb.storageGiB * row.vectorDb.replicas * 1.5 : 0,
        rdsExtraBackupGiB: 0,
        cacheSnapshotGiB: row.cache.memoryGiB * 0.5 * row.cache.snapshotRetentionDays,
        secretsApiCallsPerSecret: 2 * 24 * 30, // External Secrets refreshes hourly; 2 reads an hour
        alertNotifications: 300,
        containerInsightsObservationsPerNode: row.observability.containerInsights ? 30 : 0,
        containerInsightsObservationsPerPod: row.observability.containerInsights ? 35 : 0,
        containerLogIngestGiB: row.observability.containerInsights ? 5 + (requests * 300) / 2 ** 30 : 0,
        prometheusActiveSeries: row.observability.prometheus ? PROMETHEUS_SERIES[tier] : 0,
        prometheusQuerySamples: row.observability.prometheus ? 1e9 : 0,
        grafanaEditors: row.observability.grafana ? GRAFANA_USERS[tier].editors : 0,
        grafanaViewers: row.observability.grafana ? GRAFANA_USERS[tier].viewers : 0,
        xrayTracesRecorded: (requests * row.observability.traceSamplingPercent) / 100,
    };
}

export const TIER_USAGE: Record<TierName, UsageProfile> = Object.fromEntries(TIER_NAMES.map((t) => [t, usageFor(t)])) as Record<TierName, UsageProfile>;

