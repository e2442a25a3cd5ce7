/**
 * ap-southeast-2: on-demand list prices (USD), one line per catalog key with its source and date. Generated
 * 2026-11-30 from the research files /work/scratch/prices{,2}/regional-prices.json (both passes
 * merged; see their NOTES.md for how each figure was read and checked), then the lines every
 * region shares from ./sources (transfer between regions and zones, S3 RTC, KMS requests, public
 * IPv4). A key missing here is
 * not priced in ap-southeast-2: the estimator reports it, never borrows another region's price.
 */
import type { RegionPrices } from "../price";
import { BILL_2025_05_WAF_REQUESTS, BILL_2025_05_WAF_RULE, BILL_2025_05_WAF_WEBACL, BOAVIZTA_ELASTICACHE, IC_DT, INTER_AZ, KMS_PAGE, KMS_REQUESTS, PUBLIC_IPV4, S3_RTC, SKYPILOT, VANTAGE_RDS_2020 } from "./sources";

const BILL_2025_05_SECRETSMANAGER_APICALLS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): APS2-AWSSecretsManagerAPIRequest '$0.05 per 10000 API Requests'", date: "2025-05" };

export const AP_SOUTHEAST_2: RegionPrices = {
    "ec2.c7g.2xlarge": { price: 0.3774, unit: "hour", ...SKYPILOT },
    "ec2.c7g.4xlarge": { price: 0.7549, unit: "hour", ...SKYPILOT },
    "ec2.c7g.8xlarge": { price: 1.5098, unit: "hour", ...SKYPILOT },
    "ec2.c7g.large": { price: 0.0944, unit: "hour", ...SKYPILOT },
    "ec2.c7g.xlarge": { price: 0.1887, unit: "hour", ...SKYPILOT },
    "ec2.c7i.2xlarge": { price: 0.4662, unit: "hour", ...SKYPILOT },
    "ec2.c7i.4xlarge": { price: 0.9324, unit: "hour", ...SKYPILOT },
    "ec2.c7i.8xlarge": { price: 1.8648, unit: "hour", ...SKYPILOT },
    "ec2.c7i.large": { price: 0.11655, unit: "hour", ...SKYPILOT },
    "ec2.c7i.xlarge": { price: 0.2331, unit: "hour", ...SKYPILOT },
    "ec2.m7g.2xlarge": { price: 0.408, unit: "hour", ...SKYPILOT },
    "ec2.m7g.4xlarge": { price: 0.816, unit: "hour", ...SKYPILOT },
    "ec2.m7g.8xlarge": { price: 1.632, unit: "hour", ...SKYPILOT },
    "ec2.m7g.large": { price: 0.102, unit: "hour", ...SKYPILOT },
    "ec2.m7g.xlarge": { price: 0.204, unit: "hour", ...SKYPILOT },
    "ec2.m7i.2xlarge": { price: 0.504, unit: "hour", ...SKYPILOT },
    "ec2.m7i.4xlarge": { price: 1.008, unit: "hour", ...SKYPILOT },
    "ec2.m7i.8xlarge": { price: 2.016, unit: "hour", ...SKYPILOT },
    "ec2.m7i.large": { price: 0.126, unit: "hour", ...SKYPILOT },
    "ec2.m7i.xlarge": { price: 0.252, unit: "hour", ...SKYPILOT },
    "ec2.r7g.2xlarge": { price: 0.5134, unit: "hour", ...SKYPILOT },
    "ec2.r7g.4xlarge": { price: 1.0269, unit: "hour", ...SKYPILOT },
    "ec2.r7g.8xlarge": { price: 2.0538, unit: "hour", ...SKYPILOT },
    "ec2.r7g.large": { price: 0.1284, unit: "hour", ...SKYPILOT },
    "ec2.r7g.xlarge": { price: 0.2567, unit: "hour", ...SKYPILOT },
    "ec2.r7i.2xlarge": { price: 0.6342, unit: "hour", ...SKYPILOT },
    "ec2.r7i.4xlarge": { price: 1.2684, unit: "hour", ...SKYPILOT },
    "ec2.r7i.8xlarge": { price: 2.5368, unit: "hour", ...SKYPILOT },
    "ec2.r7i.large": { price: 0.15855, unit: "hour", ...SKYPILOT },
    "ec2.r7i.xlarge": { price: 0.3171, unit: "hour", ...SKYPILOT },
    "eks.controlPlane.extended": { price: 0.6, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "eks.controlPlane.standard": { price: 0.1, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "elasticache.redis.cache.r6g.large": { price: 0.247, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r6g.xlarge": { price: 0.493, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r7g.large": { price: 0.263, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.medium": { price: 0.095, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.small": { price: 0.048, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m6g.large": { price: 0.148, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m7g.large": { price: 0.1568, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.large": { price: 0.1976, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.xlarge": { price: 0.3944, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r7g.large": { price: 0.2104, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t3.medium": { price: 0.08, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.medium": { price: 0.076, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.small": { price: 0.0384, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "kms.key": { price: 1, unit: "month", ...KMS_PAGE, verify: true },
    "rds.postgres.db.r5.xlarge.singleAz": { price: 0.6, unit: "hour", ...VANTAGE_RDS_2020, verify: true },
    "secretsmanager.apiCalls": { price: 0.05, unit: "10k requests", ...BILL_2025_05_SECRETSMANAGER_APICALLS },
    "waf.botControl.month": { price: 10, unit: "month", source: "c3x.dev/blog/aws-waf-cost-explained ('Bot Control: ~$10/month plus $1 per million requests analyzed'; third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.botControl.requests": { price: 1, unit: "1M requests", source: "c3x.dev/blog/aws-waf-cost-explained (third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.requests": { price: 0.6, unit: "1M requests", ...BILL_2025_05_WAF_REQUESTS },
    "waf.rule": { price: 1, unit: "month", ...BILL_2025_05_WAF_RULE },
    "waf.webAcl": { price: 5, unit: "month", ...BILL_2025_05_WAF_WEBACL },
    "dataTransfer.interRegion": { price: 0.098, unit: "GB", ...IC_DT },
    "dataTransfer.interAz": { price: 0.01, unit: "GB", ...INTER_AZ },
    "s3.replicationTimeControl": { price: 0.015, unit: "GB", ...S3_RTC },
    "kms.requests": { price: 0.03, unit: "10k requests", ...KMS_REQUESTS, verify: true },
    "vpc.publicIpv4": { price: 0.005, unit: "hour", ...PUBLIC_IPV4, verify: true },
};
