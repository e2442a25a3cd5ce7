import { strict as assert } from "assert";
import { priceOf } from "../../../core/cost/catalog";
import { COMMITMENT_RATES, commitmentRateOf } from "../../../core/cost/commitmentRates";

describe("commitment rates", () => {
    it("gives the effective hourly rate of a term and payment where a source quotes it, nothing elsewhere", () => {
        const key = "elasticache.valkey.cache.r6g.large";
        assert.deepEqual([commitmentRateOf("us-east-1", key, "savings-1y", "none"), commitmentRateOf("us-east-1", key, "savings-3y", "none"), commitmentRateOf("us-east-1", key, "savings-3y", "all")], [0.1128, 0.0856, 0.074094]);
        // Only eu-west-1 has a 1-year all-upfront quote: $1,022.40 / 8,760 h = $0.11671.
        assert.deepEqual([commitmentRateOf("eu-west-1", key, "savings-1y", "all"), commitmentRateOf("us-east-1", key, "savings-1y", "all")], [0.11671, undefined]);
        assert.equal(commitmentRateOf("us-east-1", "ec2.c7g.xlarge", "savings-1y", "none"), undefined, "no Savings Plan rate: never the on-demand price");
        assert.equal(commitmentRateOf("sa-east-1", key, "savings-3y", "none"), undefined, "a region outside the table");
    });

    it("sits every rate next to the catalog's on-demand price of the same key and region (a commitment never prices a line on-demand cannot)", () => {
        const mismatched: string[] = [];
        for (const [region, keys] of Object.entries(COMMITMENT_RATES)) {
            for (const [key, rate] of Object.entries(keys)) if (priceOf(region, key)?.price !== rate.onDemand) mismatched.push(`${region} ${key}`);
        }
        assert.deepEqual(mismatched, []);
        assert.equal(Object.values(COMMITMENT_RATES).reduce((n, keys) => n + Object.keys(keys).length, 0), 104);
    });
});
