import { strict as assert } from "assert";
import { commitmentOptions, commitmentOptionsByService } from "../../../core/cost/commitmentOptions";
import { estimate, PlannedResource } from "../../../core/cost/estimator";
import { ZERO_USAGE } from "./usageFixture";

const res = (type: string, name: string, inputs: Record<string, unknown>): PlannedResource => ({ urn: `urn:pulumi:t::p::${type}::${name}`, type, inputs });
/** 2 valkey cache.r7g.large nodes: 2 x 730 = 1,460 node-hours; on demand 1,460 x $0.1752 = $255.792. */
const cache = res("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { engine: "valkey", nodeType: "cache.r7g.large", numCacheClusters: 2 });
/** 3 c7g.xlarge nodes: 3 x 730 x $0.145 = $317.55 on demand; no Savings Plan rate in the catalog. */
const nodes = res("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.xlarge"], scalingConfig: { desiredSize: 3 } });
/** $1 a month, no commitment can cover it. */
const key = res("aws:kms/key:Key", "key", {});
const ctx = { stack: "t", region: "us-east-1", today: "2026-11-30", usage: ZERO_USAGE };
const byMode = (c: ReturnType<typeof commitmentOptions>) => Object.fromEntries(c.options.map((o) => [`${o.mode}/${o.upfront}`, o]));

describe("commitment options", () => {
    it("prices the always-on lines under each commitment, with the saving and the break-even utilisation", () => {
        const c = commitmentOptions(estimate([cache, key], ctx));
        assert.deepEqual(c.lines, [{ resource: "cache", component: "Cache nodes (on-demand, valkey, cache.r7g.large x 2)", priceKey: "elasticache.valkey.cache.r7g.large", region: "us-east-1", kind: "reserved", onDemandMonthlyCost: 255.79 }]);
        assert.equal(c.alwaysOnMonthlyCost, 255.79);
        assert.equal(c.alwaysOnShare, 0.996, "255.79 of 256.79 (the key's $1 is not always-on compute)");
        assert.deepEqual(c.options, [
            // 1,460 x $0.1192 = 174.03; 255.79 - 174.03 = 81.76; 174.03 / 255.79 = 0.680
            { mode: "savings-1y", upfront: "none", monthlyCost: 174.03, monthlySaving: 81.76, breakEvenUtilisation: 0.68, notPriced: [] },
            // us-east-1 has no 1-year all-upfront rate for this node type
            { mode: "savings-1y", upfront: "all", monthlyCost: null, monthlySaving: null, breakEvenUtilisation: null, notPriced: ["us-east-1: elasticache.valkey.cache.r7g.large"] },
            // 1,460 x $0.0912 = 133.15; 122.64 saved; 133.15 / 255.79 = 0.521
            { mode: "savings-3y", upfront: "none", monthlyCost: 133.15, monthlySaving: 122.64, breakEvenUtilisation: 0.521, notPriced: [] },
            // 1,460 x $0.07884 = 115.11; 140.68 saved; 115.11 / 255.79 = 0.450
            { mode: "savings-3y", upfront: "all", monthlyCost: 115.11, monthlySaving: 140.68, breakEvenUtilisation: 0.45, notPriced: [] },
        ]);
    });

    it("compares with on-demand prices even when the estimate is priced under a commitment", () => {
        const committed = estimate([cache, key], { ...ctx, pricing: "savings-1y" });
        assert.equal(committed.totalMonthlyCost, 175.03); // 174.03 + 1
        const c = commitmentOptions(committed);
        assert.deepEqual([c.alwaysOnMonthlyCost, c.alwaysOnShare, c.lines[0].onDemandMonthlyCost], [255.79, 0.996, 255.79]);
        assert.deepEqual(byMode(c)["savings-3y/all"].monthlySaving, 140.68);
    });

    it("names each line without a rate once, sorted, and prices no option that lacks one", () => {
        const more = res("aws:eks/nodeGroup:NodeGroup", "ng2", { instanceTypes: ["c7g.xlarge"], scalingConfig: { desiredSize: 1 } });
        const c = commitmentOptions(estimate([cache, nodes, more], ctx));
        // 317.55 + 255.79 + 105.85 (1 x 730 x 0.145)
        assert.equal(c.alwaysOnMonthlyCost, 679.19);
        assert.deepEqual(byMode(c)["savings-1y/all"].notPriced, ["us-east-1: ec2.c7g.xlarge", "us-east-1: elasticache.valkey.cache.r7g.large"]);
        assert.deepEqual(byMode(c)["savings-3y/none"], { mode: "savings-3y", upfront: "none", monthlyCost: null, monthlySaving: null, breakEvenUtilisation: null, notPriced: ["us-east-1: ec2.c7g.xlarge"] });
    });

    it("leaves out lines whose quantity is unknown, and gives no share or saving when an on-demand price is missing", () => {
        const unknownNodes = res("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.xlarge"], scalingConfig: { desiredSize: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } });
        assert.deepEqual(commitmentOptions(estimate([unknownNodes, cache], ctx)).lines.map((l) => l.resource), ["cache"]);
        // eu-west-1 has no price for this RDS class: the always-on part is unknown.
        const db = res("aws:rds/instance:Instance", "db", { instanceClass: "db.r6g.xlarge", multiAz: true, allocatedStorage: 100 });
        const c = commitmentOptions(estimate([db, cache], { ...ctx, region: "eu-west-1" }));
        assert.deepEqual(c.lines.map((l) => [l.resource, l.kind, l.onDemandMonthlyCost]), [["db", "reserved", null], ["cache", "reserved", 283.82]]); // 1,460 x $0.1944
        assert.deepEqual([c.alwaysOnMonthlyCost, c.alwaysOnShare], [null, null]);
        assert.deepEqual(byMode(c)["savings-3y/none"], { mode: "savings-3y", upfront: "none", monthlyCost: null, monthlySaving: null, breakEvenUtilisation: null, notPriced: ["eu-west-1: rds.postgres.db.r6g.xlarge.multiAz"] });
    });

    it("has nothing to commit for a stack without always-on lines, and no break-even for $0", () => {
        const none = commitmentOptions(estimate([key], ctx));
        assert.deepEqual([none.alwaysOnMonthlyCost, none.alwaysOnShare, none.lines], [0, 0, []]);
        assert.deepEqual(none.options[0], { mode: "savings-1y", upfront: "none", monthlyCost: 0, monthlySaving: 0, breakEvenUtilisation: null, notPriced: [] });
        const empty = commitmentOptions(estimate([], ctx));
        assert.deepEqual([empty.alwaysOnMonthlyCost, empty.alwaysOnShare], [0, null], "no share of a $0 stack");
    });

    it("groups the options by service (price key prefix)", () => {
        assert.deepEqual(commitmentOptionsByService(commitmentOptions(estimate([nodes, cache], ctx))), [
            { service: "ec2", onDemand: 317.55, byMode: { "savings-1y/none": null, "savings-1y/all": null, "savings-3y/none": null, "savings-3y/all": null } },
            // hours = 255.79 / 0.1752; x 0.1192, 0.0912, 0.07884
            { service: "elasticache", onDemand: 255.79, byMode: { "savings-1y/none": 174.03, "savings-1y/all": null, "savings-3y/none": 133.15, "savings-3y/all": 115.11 } },
        ]);
        const eu = commitmentOptions(estimate([res("aws:rds/instance:Instance", "db", { instanceClass: "db.r6g.xlarge", multiAz: true }), cache], { ...ctx, region: "eu-west-1" }));
        assert.deepEqual(commitmentOptionsByService(eu).map((s) => [s.service, s.onDemand, s.byMode["savings-3y/none"]]), [["rds", null, null], ["elasticache", 283.82, 147.17]]); // 1,460 x $0.1944 on demand, x $0.1008 for 3 years
        // One line of a service without an on-demand price leaves the service's on-demand total unknown.
        const mixed = commitmentOptions(estimate([res("aws:rds/instance:Instance", "a", { instanceClass: "db.r6g.large" }), res("aws:rds/instance:Instance", "b", { instanceClass: "db.x9.large" })], ctx));
        assert.deepEqual(commitmentOptionsByService(mixed).map((s) => [s.service, s.onDemand]), [["rds", null]]);
    });
});
