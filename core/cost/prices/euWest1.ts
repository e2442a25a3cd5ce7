/**
 * eu-west-1: on-demand list prices (USD), one line per catalog key with its source and date. Generated
 * 2026-11-30 from the research files /work/scratch/prices{,2}/regional-prices.json (both passes
 * merged; see their NOTES.md for how each figure was read and checked), then the lines every
 * region shares from ./sources (transfer between regions and zones, S3 RTC, KMS requests, public
 * IPv4). A key missing here is
 * not priced in eu-west-1: the estimator reports it, never borrows another region's price.
 */
import type { RegionPrices } from "../price";
import { BILL_2025_05_WAF_REQUESTS, BILL_2025_05_WAF_RULE, BILL_2025_05_WAF_WEBACL, BOAVIZTA_ELASTICACHE, IC_DT, INTER_AZ, KMS_PAGE, KMS_REQUESTS, S3_RTC, SKYPILOT, VANTAGE_RDS_2020 } from "./sources";

const PRICE_LIST_AUDIT_CW_LOGS = { source: "'Per-Service Adapter Audit Report' (GitHub markdown, AWS Cost Optimization Scanner; read_file id 53618026718 / 53225951977, AUDIT-13 appendix A): AWS Price List SKU KJBTQPDHW2H92B8Y, eu-west-1, '$0.57 per GB custom log data ingested', effective 2026-03-01", date: "2026-03" };
const PRICE_LIST_AUDIT_EBS_GP3 = { source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given); '$0.088 per GB-month of General Purpose (gp3) provisioned storage - EU (Ireland)', SKU TXACT7E3PV6ZX2NM", date: "2026-05" };
const BILL_2025_05_RDS_BACKUPSTORAGE = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): EU (Ireland) '$0.095 per additional GB-month of backup storage exceeding free allocation'; same $0.095 (non-Aurora engines) in GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool", date: "2026-05" };
const PRICE_LIST_AUDIT_RDS_GP3_MULTIAZ = { source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given); GP3 Multi-AZ $0.254/GB (ratio 2.00x to Single-AZ)", date: "2026-05" };
const PRICE_LIST_AUDIT_RDS_GP3_SINGLEAZ = { source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given); GP3 ('General Purpose-GP3') Single-AZ $0.127/GB (engine not stated)", date: "2026-05" };
const PRICE_LIST_AUDIT_S3_STANDARD = { source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given) (AUDIT-04): General Purpose (STANDARD) first 50TB $0.0230 (API publication 2026-04-27)", date: "2026-05" };
const BILL_2025_05_SECRETSMANAGER_APICALLS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): EU-AWSSecretsManagerAPIRequest '$0.05 per 10000 API Requests'", date: "2025-05" };
const PRICE_LIST_AUDIT_VPC_NATGATEWAY = { source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given) (AUDIT-05): '$0.048 per GB Data Processed by NAT Gateways', SKU DTH8595YVPFXV226", date: "2026-05" };
const PRICE_LIST_AUDIT_VPC_PUBLICIPV4 = { source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given) (AUDIT-05): AmazonVPC VPCPublicIPv4Address $0.005/hr in-use (SKU CNZ4XSXPRJXGA4ZF) and idle", date: "2026-05" };

export const EU_WEST_1: RegionPrices = {
    "cloudwatch.logs.ingestion": { price: 0.57, unit: "GB", ...PRICE_LIST_AUDIT_CW_LOGS },
    "ebs.gp3.storage": { price: 0.088, unit: "GB-month", ...PRICE_LIST_AUDIT_EBS_GP3 },
    "ec2.c7g.2xlarge": { price: 0.3101, unit: "hour", ...SKYPILOT },
    "ec2.c7g.4xlarge": { price: 0.6202, unit: "hour", ...SKYPILOT },
    "ec2.c7g.8xlarge": { price: 1.2403, unit: "hour", ...SKYPILOT },
    "ec2.c7g.large": { price: 0.0775, unit: "hour", ...SKYPILOT },
    "ec2.c7g.xlarge": { price: 0.155, unit: "hour", ...SKYPILOT },
    "ec2.c7i.2xlarge": { price: 0.38304, unit: "hour", ...SKYPILOT },
    "ec2.c7i.4xlarge": { price: 0.76608, unit: "hour", ...SKYPILOT },
    "ec2.c7i.8xlarge": { price: 1.53216, unit: "hour", ...SKYPILOT },
    "ec2.c7i.large": { price: 0.09576, unit: "hour", ...SKYPILOT },
    "ec2.c7i.xlarge": { price: 0.19152, unit: "hour", ...SKYPILOT },
    "ec2.m7g.2xlarge": { price: 0.3638, unit: "hour", ...SKYPILOT },
    "ec2.m7g.4xlarge": { price: 0.7276, unit: "hour", ...SKYPILOT },
    "ec2.m7g.8xlarge": { price: 1.4552, unit: "hour", ...SKYPILOT },
    "ec2.m7g.large": { price: 0.091, unit: "hour", ...SKYPILOT },
    "ec2.m7g.xlarge": { price: 0.1819, unit: "hour", ...SKYPILOT },
    "ec2.m7i.2xlarge": { price: 0.4494, unit: "hour", ...SKYPILOT },
    "ec2.m7i.4xlarge": { price: 0.8988, unit: "hour", ...SKYPILOT },
    "ec2.m7i.8xlarge": { price: 1.7976, unit: "hour", ...SKYPILOT },
    "ec2.m7i.large": { price: 0.11235, unit: "hour", ...SKYPILOT },
    "ec2.m7i.xlarge": { price: 0.2247, unit: "hour", ...SKYPILOT },
    "ec2.r7g.2xlarge": { price: 0.4794, unit: "hour", ...SKYPILOT },
    "ec2.r7g.4xlarge": { price: 0.9588, unit: "hour", ...SKYPILOT },
    "ec2.r7g.8xlarge": { price: 1.9176, unit: "hour", ...SKYPILOT },
    "ec2.r7g.large": { price: 0.1199, unit: "hour", ...SKYPILOT },
    "ec2.r7g.xlarge": { price: 0.2397, unit: "hour", ...SKYPILOT },
    "ec2.r7i.2xlarge": { price: 0.5922, unit: "hour", ...SKYPILOT },
    "ec2.r7i.4xlarge": { price: 1.1844, unit: "hour", ...SKYPILOT },
    "ec2.r7i.8xlarge": { price: 2.3688, unit: "hour", ...SKYPILOT },
    "ec2.r7i.large": { price: 0.14805, unit: "hour", ...SKYPILOT },
    "ec2.r7i.xlarge": { price: 0.2961, unit: "hour", ...SKYPILOT },
    "eks.controlPlane.extended": { price: 0.6, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "eks.controlPlane.standard": { price: 0.1, unit: "hour", source: "aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing ('$0.60 per cluster per hour [extended], effective April 2024 ... standard support unchanged $0.10 per cluster per hour'; no regional table) [AWS states one per-cluster rate with no regional qualifier; no per-region price table was found, so this region's figure rests on that statement only]", date: "2024-04", verify: true },
    "elasticache.redis.cache.r6g.large": { price: 0.229, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r6g.xlarge": { price: 0.458, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.r7g.large": { price: 0.243, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.medium": { price: 0.068, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.small": { price: 0.034, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m6g.large": { price: 0.1312, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m7g.large": { price: 0.1392, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.large": { price: 0.1832, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.xlarge": { price: 0.3664, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r7g.large": { price: 0.1944, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t3.medium": { price: 0.0576, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.medium": { price: 0.0544, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.small": { price: 0.0272, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "kms.key": { price: 1, unit: "month", ...KMS_PAGE, verify: true },
    "rds.backupStorage": { price: 0.095, unit: "GB-month", ...BILL_2025_05_RDS_BACKUPSTORAGE },
    "rds.gp3.storage.multiAz": { price: 0.254, unit: "GB-month", ...PRICE_LIST_AUDIT_RDS_GP3_MULTIAZ },
    "rds.gp3.storage.singleAz": { price: 0.127, unit: "GB-month", ...PRICE_LIST_AUDIT_RDS_GP3_SINGLEAZ },
    "rds.postgres.db.r5.xlarge.singleAz": { price: 0.56, unit: "hour", ...VANTAGE_RDS_2020, verify: true },
    "s3.standard.storage": { price: 0.023, unit: "GB-month", ...PRICE_LIST_AUDIT_S3_STANDARD },
    "secretsmanager.apiCalls": { price: 0.05, unit: "10k requests", ...BILL_2025_05_SECRETSMANAGER_APICALLS },
    "vpc.natGateway.data": { price: 0.048, unit: "GB", ...PRICE_LIST_AUDIT_VPC_NATGATEWAY },
    "vpc.natGateway.hour": { price: 0.048, unit: "hour", source: "GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; read_file id 53618026718, AUDIT-01 copy id 53149409592); quotes AWS Price List API results for eu-west-1 queried 2026-05-01 (EffectiveDate 2026-04-01, SKUs given) (AUDIT-05): '$0.048 per NAT Gateway Hour', SKU KFNSSCHWD43WZK2R [a second, unidentified test fixture (id 70943577254, 'real eu-west-1 NAT Gateway rows') carries the same 0.048]", date: "2026-05" },
    "vpc.publicIpv4": { price: 0.005, unit: "hour", ...PRICE_LIST_AUDIT_VPC_PUBLICIPV4 },
    "waf.botControl.month": { price: 10, unit: "month", source: "c3x.dev/blog/aws-waf-cost-explained ('Bot Control: ~$10/month plus $1 per million requests analyzed'; third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.botControl.requests": { price: 1, unit: "1M requests", source: "c3x.dev/blog/aws-waf-cost-explained (third-party, undated) + aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions' [source undated; read 2026-11]", date: "2026-11", verify: true },
    "waf.requests": { price: 0.6, unit: "1M requests", ...BILL_2025_05_WAF_REQUESTS },
    "waf.rule": { price: 1, unit: "month", ...BILL_2025_05_WAF_RULE },
    "waf.webAcl": { price: 5, unit: "month", ...BILL_2025_05_WAF_WEBACL },
    "dataTransfer.interRegion": { price: 0.02, unit: "GB", ...IC_DT },
    "dataTransfer.interAz": { price: 0.01, unit: "GB", ...INTER_AZ },
    "s3.replicationTimeControl": { price: 0.015, unit: "GB", ...S3_RTC },
    "kms.requests": { price: 0.03, unit: "10k requests", ...KMS_REQUESTS, verify: true },
};
