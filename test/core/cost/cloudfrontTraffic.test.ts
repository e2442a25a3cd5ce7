import { strict as assert } from "assert";
import { cloudfrontTraffic } from "../../../core/cost/cloudfrontTraffic";
import { estimate, PlannedResource } from "../../../core/cost/estimator";
import { TIER_USAGE } from "../../../tools/cost/usageProfiles";
import { usageOf } from "./usageFixture";

const dist = (name: string, priceClass: string): PlannedResource => ({ urn: `urn:pulumi:t::p::aws:cloudfront/distribution:Distribution::${name}`, type: "aws:cloudfront/distribution:Distribution", inputs: { priceClass } });
const ctx = { stack: "t", region: "us-east-1", today: "2026-11-30" };

describe("CloudFront by viewer mix, price class and free tier", () => {
    it("bills viewers outside the price class at the US/Europe edges", () => {
        // Large's worldwide mix under PriceClass_100: 25% of viewers outside North America and Europe join the US line.
        const cost = estimate([dist("cdn", "PriceClass_100")], { ...ctx, freeAllowances: false, usage: { ...TIER_USAGE.large, cdnDataOutGiB: 1000, requests: 1_000_000 } });
        const lines = cost.resources[0].costComponents.map((c) => [c.priceKey, Math.round(c.monthlyQuantity! * 1000) / 1000, c.monthlyCost]);
        assert.deepEqual(lines, [
            ["cloudfront.dataOut.us", 700, 59.5], // (45% + 25%) x 1,000 GB x $0.085
            ["cloudfront.httpsRequests.us", 70, 0.7], // 700,000 requests x $0.01 / 10k
            ["cloudfront.dataOut.europe", 300, 25.5],
            ["cloudfront.httpsRequests.europe", 30, 0.36], // 300,000 x $0.012 / 10k
        ]);
        assert.match(cost.resources[0].costComponents[0].name, /with the 25% outside PriceClass_100/);
    });

    it("subtracts the always-free tier once per account, across distributions, and not for a shared account", () => {
        const usage = { ...TIER_USAGE.medium, cdnDataOutGiB: 500, requests: 15_000_000 };
        const two = estimate([dist("a", "PriceClass_100"), dist("b", "PriceClass_100")], { ...ctx, usage });
        const free = (name: string) => two.resources.find((r) => r.name === name)!.costComponents.filter((c) => c.name.startsWith("Always-free"));
        // Each serves 250 GB and 7.5 M requests: a takes 250 GB and 7.5 M free, b 250 GB and the last 2.5 M.
        assert.deepEqual(free("a").map((c) => c.monthlyCost), [-21.25, -7.5]);
        assert.deepEqual(free("b").map((c) => c.monthlyCost), [-21.25, -2.5]);
        const shared = estimate([dist("a", "PriceClass_100")], { ...ctx, usage, freeAllowances: false });
        assert.equal(shared.resources[0].costComponents.filter((c) => c.name.startsWith("Always-free")).length, 0);
        assert.equal(shared.pricing.freeAllowances, false);
    });

    describe("lines of one distribution", () => {
        /** 1,000 GB and 1 M requests, split between 2 distributions: 500 GB and 500,000 requests each. */
        const mix = usageOf({ cdnDataOutGiB: 1000, requests: 1_000_000, cdnTrafficShareUs: 0.5, cdnTrafficShareEurope: 0.2, cdnTrafficShareSouthAmerica: 0.1, cdnTrafficShareAustralia: 0.05, cdnTrafficShareJapan: 0.15 });
        const US = "United States, Mexico, Canada edges";

        it("serves the groups of its price class at their own rate and the rest from the US edges, skipping groups without viewers", () => {
            // PriceClass_200 has no South America or Australia: their 10% + 5% join the US's 50%.
            assert.deepEqual(cloudfrontTraffic("PriceClass_200", mix, 2, undefined), [
                { name: `Data transfer out to the internet (first 10 TB; ${US}, 65% of viewers (with the 15% outside PriceClass_200))`, priceKey: "cloudfront.dataOut.us", quantity: 325, usageBased: true },
                { name: `HTTPS requests (${US}, 65% of viewers (with the 15% outside PriceClass_200))`, priceKey: "cloudfront.httpsRequests.us", quantity: 325_000, usageBased: true, per: 10_000 },
                { name: "Data transfer out to the internet (first 10 TB; Europe, Israel edges, 20% of viewers)", priceKey: "cloudfront.dataOut.europe", quantity: 100, usageBased: true },
                { name: "HTTPS requests (Europe, Israel edges, 20% of viewers)", priceKey: "cloudfront.httpsRequests.europe", quantity: 100_000, usageBased: true, per: 10_000 },
                { name: "Data transfer out to the internet (first 10 TB; Japan edges, 15% of viewers)", priceKey: "cloudfront.dataOut.japan", quantity: 75, usageBased: true },
                { name: "HTTPS requests (Japan edges, 15% of viewers)", priceKey: "cloudfront.httpsRequests.japan", quantity: 75_000, usageBased: true, per: 10_000 },
            ]);
            const inside = cloudfrontTraffic("PriceClass_All", usageOf({ cdnDataOutGiB: 10, requests: 10, cdnTrafficShareUs: 0.25, cdnTrafficShareIndia: 0.75 }), 1, undefined);
            assert.deepEqual(inside.map((l) => [l.name, l.quantity]), [
                [`Data transfer out to the internet (first 10 TB; ${US}, 25% of viewers)`, 2.5],
                [`HTTPS requests (${US}, 25% of viewers)`, 2.5],
                ["Data transfer out to the internet (first 10 TB; India edges, 75% of viewers)", 7.5],
                ["HTTPS requests (India edges, 75% of viewers)", 7.5],
            ]);
        });

        it("takes what is left of the account's free tier, down to none, and shares it across calls", () => {
            const free = { dataOutGB: 600, requests: 10_000_000 };
            const first = cloudfrontTraffic("PriceClass_100", mix, 2, free).slice(4);
            assert.deepEqual(first, [
                { name: "Always-free tier: 500 GB of data out (1,000 GB a month per account)", priceKey: "cloudfront.dataOut.us", quantity: -500, usageBased: true },
                { name: "Always-free tier: 500,000 requests (10,000,000 a month per account)", priceKey: "cloudfront.httpsRequests.us", quantity: -500_000, usageBased: true, per: 10_000 },
            ]);
            assert.deepEqual(free, { dataOutGB: 100, requests: 9_500_000 });
            const second = cloudfrontTraffic("PriceClass_100", mix, 2, free).slice(4);
            assert.deepEqual(second.map((l) => [l.name, l.quantity]), [
                ["Always-free tier: 100 GB of data out (1,000 GB a month per account)", -100],
                ["Always-free tier: 500,000 requests (10,000,000 a month per account)", -500_000],
            ]);
            assert.deepEqual(free, { dataOutGB: 0, requests: 9_000_000 });
            assert.deepEqual(cloudfrontTraffic("PriceClass_100", mix, 2, free).slice(4).map((l) => l.quantity), [-500_000], "no data left: only requests");
            assert.deepEqual(cloudfrontTraffic("PriceClass_100", usageOf({ cdnTrafficShareUs: 1 }), 1, { dataOutGB: 1000, requests: 10 }).map((l) => l.quantity), [0, 0], "no traffic: no allowance");
            const third = cloudfrontTraffic("PriceClass_100", usageOf({ cdnDataOutGiB: 1000, cdnTrafficShareUs: 1 }), 3, { dataOutGB: 1000, requests: 0 });
            assert.equal(third.at(-1)!.name, "Always-free tier: 333.33 GB of data out (1,000 GB a month per account)");
        });

        it("leaves the lines unpriced without usage, and names a price class it does not know", () => {
            assert.deepEqual(cloudfrontTraffic("PriceClass_100", undefined, 1, { dataOutGB: 1000, requests: 1 }), [
                { name: "Data transfer out to the internet (PriceClass_100)", priceKey: "cloudfront.dataOut.us", quantity: null, usageBased: true },
                { name: "HTTPS requests (PriceClass_100)", priceKey: "cloudfront.httpsRequests.us", quantity: null, usageBased: true, per: 10_000 },
            ]);
            assert.deepEqual(cloudfrontTraffic("PriceClass_50", mix, 1, undefined), [{
                name: "Data transfer out to the internet", priceKey: "cloudfront.dataOut.us", quantity: null, usageBased: true,
                unpriced: 'price class "PriceClass_50" is not one of PriceClass_100, PriceClass_200, PriceClass_All',
            }]);
        });
    });
});
