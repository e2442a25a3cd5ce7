/**
 * The price catalog: AWS list prices as data, each with its unit, source and date, one file per
 * region under ./prices (generated from the dated research files and reviewed line by line) plus
 * the global services (CloudFront, Route 53). Code never holds a price; the estimator looks keys up
 * here and reports what it cannot find.
 *
 * A key a region's file lacks is "not priced in <region>" — never priced with another region's
 * figure — and a region outside `PRICED_REGIONS` has no prices at all. Which keys remain unpriced
 * in which region is pinned by test/core/cost/regionCoverage.test.ts.
 */
import { Price, RegionPrices } from "./price";
import { AP_NORTHEAST_1 } from "./prices/apNortheast1";
import { AP_SOUTHEAST_1 } from "./prices/apSoutheast1";
import { AP_SOUTHEAST_2 } from "./prices/apSoutheast2";
import { EU_CENTRAL_1 } from "./prices/euCentral1";
import { EU_WEST_1 } from "./prices/euWest1";
import { GLOBAL } from "./prices/global";
import { US_EAST_1 } from "./prices/usEast1";
import { US_EAST_2 } from "./prices/usEast2";
import { US_WEST_2 } from "./prices/usWest2";

export type { Price, RegionPrices };

/** Hours in a month, as AWS and Infracost count them. */
export const HOURS_PER_MONTH = 730;

export const CATALOG_DATE = "2026-11-30";

/** Regional prices by region. */
export const CATALOG: Record<string, RegionPrices> = {
    "us-east-1": US_EAST_1,
    "us-east-2": US_EAST_2,
    "us-west-2": US_WEST_2,
    "eu-west-1": EU_WEST_1,
    "eu-central-1": EU_CENTRAL_1,
    "ap-southeast-1": AP_SOUTHEAST_1,
    "ap-southeast-2": AP_SOUTHEAST_2,
    "ap-northeast-1": AP_NORTHEAST_1,
};

/** The regions the catalog holds prices for; a stack anywhere else is not priced. */
export const PRICED_REGIONS: readonly string[] = Object.keys(CATALOG);

export { GLOBAL as GLOBAL_PRICES };

/** The price of `key` in `region`: the region's own line, or a global service's; undefined when not priced there. */
export function priceOf(region: string, key: string): Price | undefined {
    const regional = CATALOG[region];
    if (!regional) return undefined;
    return regional[key] ?? GLOBAL[key];
}
