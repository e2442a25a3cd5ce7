/**
 * CloudFront's bill by where its viewers are. CloudFront prices data out and requests by the edge
 * location that serves a viewer, in price groups; a distribution's price class limits the edges it
 * uses, and viewers outside the class are served (and billed) by the US/Europe edges, the cheapest.
 * The usage profile declares the traffic mix (`cdnTrafficShare*`), the always-free tier is
 * subtracted once per account.
 */
import { CLOUDFRONT_FREE_TIER } from "./prices/global";
import { CDN_SHARE_KEYS, UsageProfile } from "./usage";
import { Usage } from "./usageLine";

export type EdgeGroup = keyof typeof CDN_SHARE_KEYS;

/** What people call each price group. */
const GROUP_NAMES: Record<EdgeGroup, string> = {
    us: "United States, Mexico, Canada",
    europe: "Europe, Israel",
    middleEastAfrica: "Middle East, South Africa, Kenya",
    southAmerica: "South America",
    japan: "Japan",
    australia: "Australia, New Zealand",
    asia: "Hong Kong, Singapore, South Korea, Taiwan and the rest of Asia Pacific",
    india: "India",
};

/**
 * The price groups each price class serves from (CloudFront developer guide, "Price classes", and
 * aws.amazon.com/cloudfront/pricing, read 2026-11-30): 100 = North America and Europe; 200 adds
 * the Middle East and Africa, Japan, Asia and India; All adds South America and Australia.
 */
export const PRICE_CLASS_GROUPS: Record<string, readonly EdgeGroup[]> = {
    PriceClass_100: ["us", "europe"],
    PriceClass_200: ["us", "europe", "middleEastAfrica", "japan", "asia", "india"],
    PriceClass_All: ["us", "europe", "middleEastAfrica", "southAmerica", "japan", "australia", "asia", "india"],
};

/** What is left of the account's always-free tier this month (shared by every distribution of the estimate). */
export interface FreeTierLeft {
    dataOutGB: number;
    requests: number;
}

export const freeTierOfAccount = (): FreeTierLeft => ({ dataOutGB: CLOUDFRONT_FREE_TIER.dataOutGB, requests: CLOUDFRONT_FREE_TIER.requests });

/**
 * Lines of one distribution: data out and HTTPS requests per price group it serves (its share of
 * `cdnDataOutGiB` and `requests`, split among `distributions`), then the free tier as negative lines
 * valued at the US/Europe rate, the lowest, so the allowance is never worth more than it saves.
 * Without usage the lines are unpriced; without `free` (a shared account) no allowance is taken.
 */
export function cloudfrontTraffic(priceClass: string, usage: UsageProfile | undefined, distributions: number, free: FreeTierLeft | undefined): Usage[] {
    const groups = PRICE_CLASS_GROUPS[priceClass];
    if (!groups) {
        const unpriced = `price class ${JSON.stringify(priceClass)} is not one of ${Object.keys(PRICE_CLASS_GROUPS).join(", ")}`;
        return [{ name: "Data transfer out to the internet", priceKey: "cloudfront.dataOut.us", quantity: null, usageBased: true, unpriced }];
    }
    if (!usage) {
        return [
            { name: `Data transfer out to the internet (${priceClass})`, priceKey: "cloudfront.dataOut.us", quantity: null, usageBased: true },
            { name: `HTTPS requests (${priceClass})`, priceKey: "cloudfront.httpsRequests.us", quantity: null, usageBased: true, per: 10_000 },
        ];
    }
    const gb = usage.cdnDataOutGiB / distributions;
    const requests = usage.requests / distributions;
    // Shares of groups outside the class are served from the US/Europe edges.
    const billed = new Map<EdgeGroup, number>();
    let outside = 0;
    for (const [group, key] of Object.entries(CDN_SHARE_KEYS) as Array<[EdgeGroup, keyof UsageProfile]>) {
        const at = groups.includes(group) ? group : "us";
        if (at !== group) outside += usage[key];
        billed.set(at, (billed.get(at) ?? 0) + usage[key]);
    }
    const out: Usage[] = [];
    for (const [group, share] of billed) {
        if (share <= 0) continue;
        const where = `${GROUP_NAMES[group]} edges, ${Math.round(share * 1000) / 10}% of viewers${group === "us" && outside > 0 ? ` (with the ${Math.round(outside * 1000) / 10}% outside ${priceClass})` : ""}`;
        out.push({ name: `Data transfer out to the internet (first 10 TB; ${where})`, priceKey: `cloudfront.dataOut.${group}`, quantity: gb * share, usageBased: true });
        out.push({ name: `HTTPS requests (${where})`, priceKey: `cloudfront.httpsRequests.${group}`, quantity: requests * share, usageBased: true, per: 10_000 });
    }
    if (free) {
        const freeGb = Math.min(free.dataOutGB, gb);
        const freeRequests = Math.min(free.requests, requests);
        free.dataOutGB -= freeGb;
        free.requests -= freeRequests;
        if (freeGb > 0) out.push({ name: `Always-free tier: ${(Math.round(freeGb * 100) / 100).toLocaleString("en-US")} GB of data out (1,000 GB a month per account)`, priceKey: "cloudfront.dataOut.us", quantity: -freeGb, usageBased: true });
        if (freeRequests > 0) out.push({ name: `Always-free tier: ${freeRequests.toLocaleString("en-US")} requests (10,000,000 a month per account)`, priceKey: "cloudfront.httpsRequests.us", quantity: -freeRequests, usageBased: true, per: 10_000 });
    }
    return out;
}

