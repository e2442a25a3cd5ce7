/**
 * us-west-2: on-demand list prices (USD), one line per catalog key with its source and date. Generated
 * 2026-11-30 from the research files /work/scratch/prices{,2}/regional-prices.json (both passes
 * merged; see their NOTES.md for how each figure was read and checked), then the lines every
 * region shares from ./sources (transfer between regions and zones, S3 RTC, KMS requests, public
 * IPv4). A key missing here is
 * not priced in us-west-2: the estimator reports it, never borrows another region's price.
 */
import type { RegionPrices } from "../price";
import { BILL_2025_05_WAF_REQUESTS, BILL_2025_05_WAF_RULE, BILL_2025_05_WAF_WEBACL, BOAVIZTA_ELASTICACHE, IC_DT, INTER_AZ, KMS_REQUESTS, PUBLIC_IPV4, S3_RTC, SKYPILOT, VANTAGE_RDS_2020 } from "./sources";

/** AWS Billing bill text, period 2021-07, with us-west-2 lines (GitHub README 'AWS Bill Update Notifier', read_file id 10502187076). */
const BILL_USW2 = { source: "AWS bill line items, period 2021-07, quoted in a public 'AWS Bill Update Notifier' README: 'USW2-...' usage types", date: "2021-07" };
/** AWS Billing bill text, period 2025-05 (rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0). */
const BILL_2025_05_DR_LINES = { source: "AWS bill line items, period 2025-05 (rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0)", date: "2025-05" };

const BILL_2025_05_CW_LOGS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.50 per GB custom log data ingested in Standard log class - US West (Oregon)'", date: "2025-05" };
const BILL_2025_05_2 = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): US West (Oregon) '$0.004 per 10,000 GET and all other requests' (= $0.0004 per 1k)", date: "2025-05" };
const BILL_2025_05_3 = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): US West (Oregon) '$0.023 per GB - first 50 TB / month of storage used'", date: "2025-05" };
const BILL_2025_05_SECRETSMANAGER_APICALLS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): USW2-AWSSecretsManagerAPIRequest '$0.05 per 10000 API Requests'", date: "2025-05" };

export const US_WEST_2: RegionPrices = {
    "cloudwatch.logs.ingestion": { price: 0.5, unit: "GB", ...BILL_2025_05_CW_LOGS },
    "ec2.c7g.2xlarge": { price: 0.29, unit: "hour", ...SKYPILOT },
    "ec2.c7g.4xlarge": { price: 0.58, unit: "hour", ...SKYPILOT },
    "ec2.c7g.8xlarge": { price: 1.16, unit: "hour", ...SKYPILOT },
    "ec2.c7g.large": { price: 0.0725, unit: "hour", ...SKYPILOT },
    "ec2.c7g.xlarge": { price: 0.145, unit: "hour", ...SKYPILOT },
    "ec2.c7i.2xlarge": { price: 0.357, unit: "hour", ...SKYPILOT },
    "ec2.c7i.4xlarge": { price: 0.714, unit: "hour", ...SKYPILOT },
    "ec2.c7i.8xlarge": { price: 1.428, unit: "hour", ...SKYPILOT },
    "ec2.c7i.large": { price: 0.08925, unit: "hour", ...SKYPILOT },
    "ec2.c7i.xlarge": { price: 0.1785, unit: "hour", ...SKYPILOT },
    "ec2.m7g.2xlarge": { price: 0.3264, unit: "hour", ...SKYPILOT },
    "ec2.m7g.4xlarge": { price: 0.6528, unit: "hour", ...SKYPILOT },
    "ec2.m7g.8xlarge": { price: 1.3056, unit: "hour", ...SKYPILOT },
    "ec2.m7g.large": { price: 0.0816, unit: "hour", ...SKYPILOT },
    "ec2.m7g.xlarge": { price: 0.1632, unit: "hour", ...SKYPILOT },
    "ec2.m7i.2xlarge": { price: 0.4032, unit: "hour", ...SKYPILOT },
    "ec2.m7i.4xlarge": { price: 0.8064, unit: "hour", ...SKYPILOT },
    "ec2.m7i.8xlarge": { price: 1.6128, unit: "hour", ...SKYPILOT },
    "ec2.m7i.large": { price: 0.1008, unit: "hour", ...SKYPILOT },
    "ec2.m7i.xlarge": { price: 0.2016, unit: "hour", ...SKYPILOT },
    "ec2.r7g.2xlarge": { price: 0.4284, unit: "hour", ...SKYPILOT },
    "ec2.r7g.4xlarge": { price: 0.8568, unit: "hour", ...SKYPILOT },
    "ec2.r7g.8xlarge": { price: 1.7136, unit: "hour", ...SKYPILOT },
    "ec2.r7g.large": { price: 0.1071, unit: "hour", ...SKYPILOT },
    "ec2.r7g.xlarge": { price: 0.2142, unit: "hour", ...SKYPILOT },
    "ec2.r7i.2xlarge": { price: 0.5292, unit: "hour", ...SKYPILOT },
    "ec2.r7i.4xlarge": { price: 1.0584, unit: "hour", ...SKYPILOT },
    "ec2.r7i.8xlarge": { price: 2.1168, unit: "hour", ...SKYPILOT },
    "ec2.r7i.large": { price: 0.1323, unit: "hour", ...SKYPILOT },
    "ec2.r7i.xlarge": { price: 0.2646, unit: "hour", ...SKYPILOT },
    "eks.controlPlane.extended": { price: 0.6, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "eks.controlPlane.standard": { price: 0.1, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "elasticache.redis.cache.r6g.large": { price: 0.206, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r6g.xlarge": { price: 0.411, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r7g.large": { price: 0.219, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.medium": { price: 0.065, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.small": { price: 0.032, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m6g.large": { price: 0.1192, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m7g.large": { price: 0.1264, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.large": { price: 0.1648, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.xlarge": { price: 0.3288, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r7g.large": { price: 0.1752, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t3.medium": { price: 0.0544, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.medium": { price: 0.052, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.small": { price: 0.0256, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "rds.postgres.db.r5.xlarge.singleAz": { price: 0.5, unit: "hour", ...VANTAGE_RDS_2020, verify: true },
    "secretsmanager.apiCalls": { price: 0.05, unit: "10k requests", ...BILL_2025_05_SECRETSMANAGER_APICALLS },
    "waf.botControl.month": { price: 10, unit: "month", source: "c3x.dev/blog/aws-waf-cost-explained ('Bot Control: ~$10/month plus $1 per million requests analyzed'; third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.botControl.requests": { price: 1, unit: "1M requests", source: "c3x.dev/blog/aws-waf-cost-explained (third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.requests": { price: 0.6, unit: "1M requests", ...BILL_2025_05_WAF_REQUESTS },
    "waf.rule": { price: 1, unit: "month", ...BILL_2025_05_WAF_RULE },
    "waf.webAcl": { price: 5, unit: "month", ...BILL_2025_05_WAF_WEBACL },
    // Lines the catalog held before the regional research (what a DR copy of a us-east-1 stack consumes).
    "s3.standard.storage": { price: 0.023, unit: "GB-month", ...BILL_2025_05_DR_LINES },
    "s3.getRequests": { price: 0.0004, unit: "1k requests", ...BILL_2025_05_DR_LINES },
    "s3.putRequests": { price: 0.005, unit: "1k requests", ...BILL_USW2 },
    "backup.ebsSnapshot.storage": { price: 0.05, unit: "GB-month", ...BILL_USW2 },
    "kms.key": { price: 1, unit: "month", source: "aws.amazon.com/kms/pricing (stored copy): 'Each AWS KMS key that you create in KMS costs $1/month', no regional qualifier; cloudburn.io confirms it against that page, March 2026", date: "2026-03" },
    "rds.backupStorage": { price: 0.095, unit: "GB-month", source: "us-east-1's rate; for us-west-2 only a secondary note (a public cost review quoting USW2-RDS:ChargedBackupUsage at $0.095/GB-month)", date: "2026-11", verify: true },
    "dataTransfer.interRegion": { price: 0.02, unit: "GB", ...IC_DT },
    "dataTransfer.interAz": { price: 0.01, unit: "GB", ...INTER_AZ },
    "s3.replicationTimeControl": { price: 0.015, unit: "GB", ...S3_RTC },
    "kms.requests": { price: 0.03, unit: "10k requests", ...KMS_REQUESTS, verify: true },
    "vpc.publicIpv4": { price: 0.005, unit: "hour", ...PUBLIC_IPV4, verify: true },
};
