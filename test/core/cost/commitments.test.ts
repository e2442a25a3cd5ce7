import { strict as assert } from "assert";
import { commitmentOptions } from "../../../core/cost/commitmentOptions";
import { estimate, PlannedResource } from "../../../core/cost/estimator";
import { TIER_USAGE } from "../../../tools/cost/usageProfiles";

const res = (type: string, name: string, inputs: Record<string, unknown>): PlannedResource => ({ urn: `urn:pulumi:t::p::${type}::${name}`, type, inputs });
const cache = res("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2 });
const nodes = res("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.xlarge"], scalingConfig: { desiredSize: 3 } });
const ctx = { stack: "t", region: "us-east-1", today: "2026-11-30", usage: TIER_USAGE.medium };

describe("commitments", () => {
    it("prices reserved cache nodes at the commitment's rate and leaves usage lines alone", () => {
        const onDemand = estimate([cache], ctx);
        const reserved = estimate([cache], { ...ctx, pricing: "savings-1y" });
        const [od, ri] = [onDemand.resources[0].costComponents[0], reserved.resources[0].costComponents[0]];
        assert.equal(od.monthlyCost, 255.79); // 2 x $0.1752 x 730
        assert.equal(ri.monthlyCost, 174.03); // 2 x $0.1192 (1-year reserved, no upfront, Boavizta/ec2instances.info data) x 730
        assert.equal(ri.name, "Cache nodes (savings-1y, none upfront, valkey, cache.r7g.large x 2)");
        assert.equal(ri.pricedAs, "savings-1y");
        assert.deepEqual(reserved.resources[0].costComponents.slice(1), onDemand.resources[0].costComponents.slice(1), "snapshot storage is usage: unchanged");
        assert.equal(estimate([cache], { ...ctx, pricing: "savings-3y", upfront: "all" }).resources[0].costComponents[0].monthlyCost, 115.11); // 2 x $0.07884 x 730
    });

    it("fails closed where no commitment rate is known: 'not priced under savings-1y', never on-demand in disguise", () => {
        const cost = estimate([nodes, cache], { ...ctx, pricing: "savings-1y" });
        const instance = cost.resources[0].costComponents[0];
        assert.deepEqual([instance.monthlyCost, instance.price], [null, null]);
        assert.equal(instance.unpricedReason, "not priced under savings-1y (none upfront, compute savings plan) in us-east-1: ec2.c7g.xlarge");
        assert.equal(cost.resources[0].costComponents[1].monthlyCost, 4.8, "root volumes stay on-demand: 3 x 20 GiB x $0.08");
        assert.equal(cost.complete, false);
        assert.ok(estimate([cache], { ...ctx, pricing: "savings-1y", upfront: "all" }).gaps[0].reason.includes("not priced under savings-1y (all upfront, reserved) in us-east-1: elasticache.valkey.cache.r7g.large"));
    });

    it("shows the always-on part, each commitment's cost and the break-even utilisation", () => {
        const c = commitmentOptions(estimate([nodes, cache], ctx));
        // Always on: 3 x $0.145 x 730 = $317.55 of nodes and $255.79 of cache = $573.34.
        assert.equal(c.alwaysOnMonthlyCost, 573.34);
        const byMode = Object.fromEntries(c.options.map((o) => [`${o.mode}/${o.upfront}`, o]));
        assert.deepEqual(byMode["savings-1y/none"].notPriced, ["us-east-1: ec2.c7g.xlarge"]);
        assert.equal(byMode["savings-1y/none"].monthlyCost, null);
        const cacheOnly = commitmentOptions(estimate([cache], { ...ctx, usage: { ...TIER_USAGE.medium, cacheSnapshotGiB: 0 } }));
        const oneYear = cacheOnly.options.find((o) => o.mode === "savings-1y" && o.upfront === "none")!;
        // $174.03 / $255.79: a 1-year reservation pays off if the nodes run more than 68% of the hours.
        assert.deepEqual([oneYear.monthlyCost, oneYear.monthlySaving, oneYear.breakEvenUtilisation], [174.03, 81.76, 0.68]);
        assert.equal(cacheOnly.alwaysOnShare, 1);
    });
});
