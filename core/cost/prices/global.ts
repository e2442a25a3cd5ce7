/**
 * Prices of global services: they do not depend on the stack's region. CloudFront bills by the edge
 * location that serves a viewer (its price groups below), Route 53 has no regional price.
 */
import type { RegionPrices } from "../price";
import { IC } from "./sources";

/** aws.amazon.com/cloudfront/pricing, stored copy read 2026-11-30 (the page shows no date): "Regional Data Transfer Out to Internet (per GB)", row "First 10TB". */
const CLOUDFRONT_PAGE = { source: "aws.amazon.com/cloudfront/pricing (stored copy, page undated, read 2026-11-30): 'Regional Data Transfer Out to Internet (per GB)', first 10 TB; infracost cloudfront_distribution_test.golden @ 04322d69 agrees to 2 decimals", date: "2026-11" };
/** HTTPS request prices per group: infracost's fixture only (AWS's request table was not reachable), so each is marked verify. */
const CLOUDFRONT_REQUESTS = IC("cloudfront_distribution_test/cloudfront_distribution_test.golden @ 04322d699e8bbc5f2658a22508dd3e28c9533a91 ('HTTPS requests' per price group)", "2024-07");

export const GLOBAL: RegionPrices = {
    "cloudfront.dataOut.us": { price: 0.085, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.europe": { price: 0.085, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.middleEastAfrica": { price: 0.11, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.southAmerica": { price: 0.11, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.japan": { price: 0.114, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.australia": { price: 0.114, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.asia": { price: 0.12, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.dataOut.india": { price: 0.109, unit: "GB", ...CLOUDFRONT_PAGE },
    "cloudfront.httpsRequests.us": { price: 0.01, unit: "10k requests", ...CLOUDFRONT_REQUESTS },
    "cloudfront.httpsRequests.europe": { price: 0.012, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    "cloudfront.httpsRequests.middleEastAfrica": { price: 0.012, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    "cloudfront.httpsRequests.southAmerica": { price: 0.022, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    "cloudfront.httpsRequests.japan": { price: 0.012, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    "cloudfront.httpsRequests.australia": { price: 0.0125, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    "cloudfront.httpsRequests.asia": { price: 0.012, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    "cloudfront.httpsRequests.india": { price: 0.012, unit: "10k requests", ...CLOUDFRONT_REQUESTS, verify: true },
    // Route 53 bills a health check of a non-AWS endpoint higher; CloudFront's status as an "AWS
    // endpoint" is not confirmed, so the higher rate applies until it is.
    "route53.healthCheck": { price: 0.75, unit: "month", ...IC("route53_health_check_test.golden @01c59b17 (non-AWS endpoint; Route 53 is a global service)", "2024-09"), verify: true },
    "route53.healthCheck.feature": { price: 2, unit: "month", ...IC("route53_health_check_test.golden @01c59b17 (optional feature, non-AWS endpoint; Route 53 is a global service)", "2024-09"), verify: true },
};

/**
 * CloudFront's always-free tier, per account and month (aws.amazon.com/cloudfront/pricing, "Included
 * in Always Free Tier", stored copy read 2026-11-30): "1 TB of data transfer out" and 10,000,000
 * HTTP or HTTPS requests. The page does not say whether 1 TB is 1,000 or 1,024 GB: 1,000 is taken,
 * the smaller allowance, so the estimate does not understate.
 */
export const CLOUDFRONT_FREE_TIER = { dataOutGB: 1000, requests: 10_000_000, source: "aws.amazon.com/cloudfront/pricing 'Included in Always Free Tier' (read 2026-11-30)" } as const;
