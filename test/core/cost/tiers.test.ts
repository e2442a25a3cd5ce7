/**
 * The shipped tiers' estimates: each test prices a whole planned stack (test/harness.ts plans each
 * stack once per process). Kept apart from the in-process cost tests so the mutation run can leave
 * them out: planning runs infra/config.ts, a mutation target, once per process, so a mutant of it
 * would count as covered here and never be seen (stryker.config.json, README "Mutation testing").
 */
import { strict as assert } from "assert";
import { tierEstimate } from "./tierEstimates";

describe("tier estimates", () => {
    describe("CloudFront", () => {
        it("prices every price group PriceClass_All serves at its own rate", async () => {
            const cost = await tierEstimate("large", { freeAllowances: false });
            const cdn = cost.resources.find((r) => r.name === "web-large-cdn")!.costComponents;
            const out = Object.fromEntries(cdn.filter((c) => c.priceKey.startsWith("cloudfront.dataOut.")).map((c) => [c.priceKey.split(".")[2], c.monthlyCost]));
            // 2,000 GB x share x rate: US 45% x 0.085, Europe 30% x 0.085, Asia 8% x 0.12, Japan 5% x 0.114, India 4% x 0.109 ...
            assert.deepEqual(out, { us: 76.5, europe: 51, middleEastAfrica: 4.4, southAmerica: 6.6, japan: 11.4, australia: 6.84, asia: 19.2, india: 8.72 });
        });

        it("shows the free tier on the tiers' CDN lines", async () => {
            const small = await tierEstimate("small");
            const cdn = small.resources.find((r) => r.name === "web-small-cdn")!;
            // Small: 50 GB and 1.5 M requests, all inside the free tier: -$4.25 and -$1.50. The free requests are
            // valued at the US rate, the lowest, so Europe's 600,000 at $0.012 leave 600,000 x $0.002 / 10k = $0.12.
            assert.deepEqual(cdn.costComponents.filter((c) => c.name.startsWith("Always-free")).map((c) => c.monthlyCost), [-4.25, -1.5]);
            assert.equal(cdn.monthlyCost, 0.12);
        });
    });

    describe("commitments", () => {
        it("lowers medium's cache line under savings-1y and leaves its usage lines unchanged", async () => {
            const [od, sp] = [await tierEstimate("medium"), await tierEstimate("medium", { pricing: "savings-1y" })];
            const lines = (c: typeof od) => c.resources.flatMap((r) => r.costComponents.map((x) => ({ ...x, resource: r.name })));
            const cacheLine = (c: typeof od) => lines(c).find((x) => x.priceKey === "elasticache.valkey.cache.r7g.large")!;
            assert.deepEqual([cacheLine(od).monthlyCost, cacheLine(sp).monthlyCost], [383.69, 261.05]); // 3 nodes x 730 x $0.1752 / $0.1192
            const usage = (c: typeof od) => lines(c).filter((x) => x.usageBased).map((x) => [x.resource, x.name, x.monthlyCost]);
            assert.deepEqual(usage(sp), usage(od));
            assert.deepEqual(sp.pricing, { mode: "savings-1y", upfront: "none", freeAllowances: true });
        });
    });

    describe("dated changes", () => {
        it("shows the medium stack's coming change", async () => {
            const cost = await tierEstimate("medium");
            assert.deepEqual(cost.datedChanges.map((d) => [d.date, d.resource, d.monthlyDelta]), [["2027-03-27", "web-medium-eks", 365]]);
        });
    });

    describe("snapshot chains", () => {
        it("prices medium's vector-volume backups from its plan's retention and change rate", async () => {
            const cost = await tierEstimate("medium");
            const line = cost.resources.find((r) => r.name === "web-medium-chroma-plan")!.costComponents[0];
            // 3 replicas x 350 GiB (tier table) x 2.6235 (the default plan's 48 hourly, 35 daily, 13 weekly points at 2% a day) x $0.05 per GB-month.
            const byHand = 1050 * (1 + 48 * (1 - 0.98 ** (1 / 24)) + 33 * 0.02 + 7 * (1 - 0.98 ** 7)) * 0.05;
            assert.equal(Math.round(byHand * 100) / 100, 137.73);
            assert.equal(line.monthlyCost, 137.73);
            assert.match(line.name, /2\.62 x the volume, 3 rules at 2% change a day/);
        });
    });
});
