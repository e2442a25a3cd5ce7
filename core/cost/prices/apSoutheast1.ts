/**
 * ap-southeast-1: on-demand list prices (USD), one line per catalog key with its source and date. Generated
 * 2026-11-30 from the research files /work/scratch/prices{,2}/regional-prices.json (both passes
 * merged; see their NOTES.md for how each figure was read and checked), then the lines every
 * region shares from ./sources (transfer between regions and zones, S3 RTC, KMS requests, public
 * IPv4). A key missing here is
 * not priced in ap-southeast-1: the estimator reports it, never borrows another region's price.
 */
import type { RegionPrices } from "../price";
import { BILL_2025_05_WAF_REQUESTS, BILL_2025_05_WAF_RULE, BILL_2025_05_WAF_WEBACL, BOAVIZTA_ELASTICACHE, IC_DT, INTER_AZ, KMS_REQUESTS, S3_RTC, SKYPILOT, VANTAGE_RDS_2020 } from "./sources";

const BILL_2025_05_CW_LOGS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.70 per GB custom log data ingested in Standard log class - Asia Pacific (Singapore)'", date: "2025-05" };
const BILL_2025_05_EBS_GP3 = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.096 per GB-month of General Purpose (gp3) provisioned storage - Asia Pacific (Singapore)'", date: "2025-05" };
const BILL_2025_05_ELB_ALB = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.0252 per Application LoadBalancer-hour (or partial hour)'", date: "2025-05" };
const BILL_2025_05_KMS_KEY = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$1 per customer managed KMS key version in Asia Pacific (Singapore)'", date: "2025-05" };
const BILL_2025_05_RDS_GP3 = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.138 per GB-month of provisioned GP3 storage running PostgreSQL' (same $0.138 on SQL Server lines)", date: "2025-05" };
const BILL_2025_05_S3_GETREQUESTS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): Asia Pacific (Singapore) '$0.004 per 10,000 GET and all other requests' (= $0.0004 per 1k)", date: "2025-05" };
const BILL_2025_05_S3_PUTREQUESTS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): Singapore '$0.005 per 1,000 PUT, COPY, POST, or LIST requests'", date: "2025-05" };
const BILL_2025_05_S3_STANDARD = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): Asia Pacific (Singapore) '$0.025 per GB - first 50 TB / month of storage used'", date: "2025-05" };
const BILL_2025_05_SECRETSMANAGER_APICALLS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): APS1-AWSSecretsManagerAPIRequest '$0.05 per 10000 API Requests'", date: "2025-05" };
const BILL_2025_05_SECRETSMANAGER_SECRET = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): APS1 '$0.40 per Secret'", date: "2025-05" };
const BILL_2025_05_VPC_NATGATEWAY_DATA = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.059 per GB Data Processed by NAT Gateways'", date: "2025-05" };
const BILL_2025_05_VPC_NATGATEWAY_HOUR = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.059 per NAT Gateway Hour'", date: "2025-05" };
const BILL_2025_05_VPC_PUBLICIPV4 = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): '$0.005 per In-use public IPv4 address per hour'", date: "2025-05" };

export const AP_SOUTHEAST_1: RegionPrices = {
    "cloudwatch.logs.ingestion": { price: 0.7, unit: "GB", ...BILL_2025_05_CW_LOGS },
    "ebs.gp3.storage": { price: 0.096, unit: "GB-month", ...BILL_2025_05_EBS_GP3 },
    "ec2.c7g.2xlarge": { price: 0.3332, unit: "hour", ...SKYPILOT },
    "ec2.c7g.4xlarge": { price: 0.6664, unit: "hour", ...SKYPILOT },
    "ec2.c7g.8xlarge": { price: 1.3328, unit: "hour", ...SKYPILOT },
    "ec2.c7g.large": { price: 0.0833, unit: "hour", ...SKYPILOT },
    "ec2.c7g.xlarge": { price: 0.1666, unit: "hour", ...SKYPILOT },
    "ec2.c7i.2xlarge": { price: 0.4116, unit: "hour", ...SKYPILOT },
    "ec2.c7i.4xlarge": { price: 0.8232, unit: "hour", ...SKYPILOT },
    "ec2.c7i.8xlarge": { price: 1.6464, unit: "hour", ...SKYPILOT },
    "ec2.c7i.large": { price: 0.1029, unit: "hour", ...SKYPILOT },
    "ec2.c7i.xlarge": { price: 0.2058, unit: "hour", ...SKYPILOT },
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
    "elasticache.redis.cache.t4g.medium": { price: 0.095, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.redis.cache.t4g.small": { price: 0.048, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m6g.large": { price: 0.148, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.m7g.large": { price: 0.1576, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.large": { price: 0.1976, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r6g.xlarge": { price: 0.3944, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.r7g.large": { price: 0.2104, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t3.medium": { price: 0.08, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.medium": { price: 0.076, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elasticache.valkey.cache.t4g.small": { price: 0.0384, unit: "hour", ...BOAVIZTA_ELASTICACHE },
    "elb.alb.hour": { price: 0.0252, unit: "hour", ...BILL_2025_05_ELB_ALB },
    "kms.key": { price: 1, unit: "month", ...BILL_2025_05_KMS_KEY },
    "rds.gp3.storage.multiAz": { price: 0.276, unit: "GB-month", source: "DERIVED = 2 x Single-AZ $0.138 (rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted)) [derived, not read: evidence for x2: eu-west-1 API figures GP3 0.127 -> 0.254 (exactly 2.00x) in GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; the same Singapore bill shows gp2 Multi-AZ PostgreSQL at $0.276 = 2 x 0.138; evidence for x2: eu-west-1 API figures GP3 0.127 -> 0.254 (exactly 2.00x) in GitHub markdown 'Per-Service Adapter Audit Report' of an 'AWS Cost Optimization Scanner' (repository/path not identifiable through the lookup tool; the same Singapore bill shows gp2 Multi-AZ PostgreSQL at $0.276 = 2 x 0.138]", date: "2025-05", verify: true },
    "rds.gp3.storage.singleAz": { price: 0.138, unit: "GB-month", ...BILL_2025_05_RDS_GP3 },
    "rds.postgres.db.r5.xlarge.singleAz": { price: 0.6, unit: "hour", ...VANTAGE_RDS_2020, verify: true },
    "s3.getRequests": { price: 0.0004, unit: "1k requests", ...BILL_2025_05_S3_GETREQUESTS },
    "s3.putRequests": { price: 0.005, unit: "1k requests", ...BILL_2025_05_S3_PUTREQUESTS },
    "s3.standard.storage": { price: 0.025, unit: "GB-month", ...BILL_2025_05_S3_STANDARD },
    "secretsmanager.apiCalls": { price: 0.05, unit: "10k requests", ...BILL_2025_05_SECRETSMANAGER_APICALLS },
    "secretsmanager.secret": { price: 0.4, unit: "month", ...BILL_2025_05_SECRETSMANAGER_SECRET },
    "vpc.natGateway.data": { price: 0.059, unit: "GB", ...BILL_2025_05_VPC_NATGATEWAY_DATA },
    "vpc.natGateway.hour": { price: 0.059, unit: "hour", ...BILL_2025_05_VPC_NATGATEWAY_HOUR },
    "vpc.publicIpv4": { price: 0.005, unit: "hour", ...BILL_2025_05_VPC_PUBLICIPV4 },
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
