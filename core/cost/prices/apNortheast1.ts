/**
 * ap-northeast-1: on-demand list prices (USD), one line per catalog key with its source and date. Generated
 * 2026-11-30 from the research files /work/scratch/prices{,2}/regional-prices.json (both passes
 * merged; see their NOTES.md for how each figure was read and checked), then the lines every
 * region shares from ./sources (transfer between regions and zones, S3 RTC, KMS requests, public
 * IPv4). A key missing here is
 * not priced in ap-northeast-1: the estimator reports it, never borrows another region's price.
 */
import type { RegionPrices } from "../price";
import { BILL_2025_05_WAF_REQUESTS, BILL_2025_05_WAF_RULE, BILL_2025_05_WAF_WEBACL, BOAVIZTA_ELASTICACHE, IC_DT, INTER_AZ, KMS_PAGE, KMS_REQUESTS, S3_RTC, SKYPILOT, VANTAGE_RDS_2020 } from "./sources";

const PRICE_LIST_JP_EBS_GP3 = { source: "GitHub markdown '外部事実の出典 (2026-09-11 確認)' (repository not identifiable; read_file id 71291640744); quotes AWS Price List Bulk API PriceDescription strings for ap-northeast-1, offer versions 2026091x: '$0.096 per GB-month of General Purpose (gp3) provisioned storage - Asia Pacific (Tokyo)'", date: "2026-09" };
const BILL_2025_05_SECRETSMANAGER_APICALLS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): APN1-AWSSecretsManagerAPIRequest '$0.05 per 10000 API Requests'", date: "2025-05" };
const PRICE_LIST_JP_SECRETSMANAGER_SECRET = { source: "GitHub markdown '外部事実の出典 (2026-09-11 確認)' (repository not identifiable; read_file id 71291640744); quotes AWS Price List Bulk API PriceDescription strings for ap-northeast-1, offer versions 2026091x: '$0.40 per Secret'", date: "2026-09" };
const PRICE_LIST_JP_VPC_PUBLICIPV4 = { source: "GitHub markdown '外部事実の出典 (2026-09-11 確認)' (repository not identifiable; read_file id 71291640744); quotes AWS Price List Bulk API PriceDescription strings for ap-northeast-1, offer versions 2026091x: '$0.005 per In-use public IPv4 address per hour'", date: "2026-09" };

export const AP_NORTHEAST_1: RegionPrices = {
    "ebs.gp3.storage": { price: 0.096, unit: "GB-month", ...PRICE_LIST_JP_EBS_GP3 },
    "ec2.c7g.2xlarge": { price: 0.3638, unit: "hour", ...SKYPILOT },
    "ec2.c7g.4xlarge": { price: 0.7277, unit: "hour", ...SKYPILOT },
    "ec2.c7g.8xlarge": { price: 1.4554, unit: "hour", ...SKYPILOT },
    "ec2.c7g.large": { price: 0.091, unit: "hour", ...SKYPILOT },
    "ec2.c7g.xlarge": { price: 0.1819, unit: "hour", ...SKYPILOT },
    "ec2.c7i.2xlarge": { price: 0.4494, unit: "hour", ...SKYPILOT },
    "ec2.c7i.4xlarge": { price: 0.8988, unit: "hour", ...SKYPILOT },
    "ec2.c7i.8xlarge": { price: 1.7976, unit: "hour", ...SKYPILOT },
    "ec2.c7i.large": { price: 0.11235, unit: "hour", ...SKYPILOT },
    "ec2.c7i.xlarge": { price: 0.2247, unit: "hour", ...SKYPILOT },
    "ec2.m7g.2xlarge": { price: 0.4216, unit: "hour", ...SKYPILOT },
    "ec2.m7g.4xlarge": { price: 0.8432, unit: "hour", ...SKYPILOT },
    "ec2.m7g.8xlarge": { price: 1.6864, unit: "hour", ...SKYPILOT },
    "ec2.m7g.large": { price: 0.1054, unit: "hour", ...SKYPILOT },
    "ec2.m7g.xlarge": { price: 0.2108, unit: "hour", ...SKYPILOT },
    "ec2.m7i.2xlarge": { price: 0.5208, unit: "hour", ...SKYPILOT },
    "ec2.m7i.4xlarge": { price: 1.0416, unit: "hour", ...SKYPILOT },
    "ec2.m7i.8xlarge": { price: 2.0832, unit: "hour", ...SKYPILOT },
    "ec2.m7i.large": { price: 0.1302, unit: "hour", ...SKYPILOT },
    "ec2.m7i.xlarge": { price: 0.2604, unit: "hour", ...SKYPILOT },
    "ec2.r7g.2xlarge": { price: 0.5168, unit: "hour", ...SKYPILOT },
    "ec2.r7g.4xlarge": { price: 1.0336, unit: "hour", ...SKYPILOT },
    "ec2.r7g.8xlarge": { price: 2.0672, unit: "hour", ...SKYPILOT },
    "ec2.r7g.large": { price: 0.1292, unit: "hour", ...SKYPILOT },
    "ec2.r7g.xlarge": { price: 0.2584, unit: "hour", ...SKYPILOT },
    "ec2.r7i.2xlarge": { price: 0.6384, unit: "hour", ...SKYPILOT },
    "ec2.r7i.4xlarge": { price: 1.2768, unit: "hour", ...SKYPILOT },
    "ec2.r7i.8xlarge": { price: 2.5536, unit: "hour", ...SKYPILOT },
    "ec2.r7i.large": { price: 0.1596, unit: "hour", ...SKYPILOT },
    "ec2.r7i.xlarge": { price: 0.3192, unit: "hour", ...SKYPILOT },
    "eks.controlPlane.extended": { price: 0.6, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "eks.controlPlane.standard": { price: 0.1, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "elasticache.redis.cache.r6g.large": { price: 0.247, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r6g.xlarge": { price: 0.493, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r7g.large": { price: 0.263, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.medium": { price: 0.098, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.small": { price: 0.049, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m6g.large": { price: 0.1528, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m7g.large": { price: 0.1616, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.large": { price: 0.1976, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.xlarge": { price: 0.3944, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r7g.large": { price: 0.2104, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t3.medium": { price: 0.0824, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.medium": { price: 0.0784, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.small": { price: 0.0392, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "kms.key": { price: 1, unit: "month", ...KMS_PAGE, verify: true },
    "rds.gp3.storage.multiAz": { price: 0.276, unit: "GB-month", source: "DERIVED = 2 x Single-AZ $0.138 (GitHub markdown '外部事実の出典 (2026-09-11 確認)' (repository not identifiable; read_file id 71291640744); quotes AWS Price List Bulk API PriceDescription strings for ap-northeast-1, offer versions 2026091x) [derived, not read: evidence for x2: eu-west-1 GP3 Single 0.127 / Multi 0.254 (AUDIT, API 2026-05-01); evidence for x2: eu-west-1 GP3 Single 0.127 / Multi 0.254 (AUDIT, API 2026-05-01)]", date: "2026-09", verify: true },
    "rds.gp3.storage.singleAz": { price: 0.138, unit: "GB-month", source: "GitHub markdown '外部事実の出典 (2026-09-11 確認)' (repository not identifiable; read_file id 71291640744); quotes AWS Price List Bulk API PriceDescription strings for ap-northeast-1, offer versions 2026091x: '$0.138 per GB-month of provisioned GP3 storage running MySQL' [MySQL line; PostgreSQL assumed equal (the catalog already assumes this; Singapore bill shows PostgreSQL and SQL Server gp3 at one rate)]", date: "2026-09" },
    "rds.postgres.db.r5.xlarge.singleAz": { price: 0.6, unit: "hour", ...VANTAGE_RDS_2020, verify: true },
    "secretsmanager.apiCalls": { price: 0.05, unit: "10k requests", ...BILL_2025_05_SECRETSMANAGER_APICALLS },
    "secretsmanager.secret": { price: 0.4, unit: "month", ...PRICE_LIST_JP_SECRETSMANAGER_SECRET },
    "vpc.publicIpv4": { price: 0.005, unit: "hour", ...PRICE_LIST_JP_VPC_PUBLICIPV4 },
    "waf.botControl.month": { price: 10, unit: "month", source: "c3x.dev/blog/aws-waf-cost-explained ('Bot Control: ~$10/month plus $1 per million requests analyzed'; third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.botControl.requests": { price: 1, unit: "1M requests", source: "c3x.dev/blog/aws-waf-cost-explained (third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.requests": { price: 0.6, unit: "1M requests", ...BILL_2025_05_WAF_REQUESTS },
    "waf.rule": { price: 1, unit: "month", ...BILL_2025_05_WAF_RULE },
    "waf.webAcl": { price: 5, unit: "month", ...BILL_2025_05_WAF_WEBACL },
    "dataTransfer.interRegion": { price: 0.09, unit: "GB", ...IC_DT },
    "dataTransfer.interAz": { price: 0.01, unit: "GB", ...INTER_AZ },
    "s3.replicationTimeControl": { price: 0.015, unit: "GB", ...S3_RTC },
    "kms.requests": { price: 0.03, unit: "10k requests", ...KMS_REQUESTS, verify: true },
};
