import { strict as assert } from "assert";
import { CATALOG } from "../../../core/cost/catalog";
import { estimate, PlannedResource } from "../../../core/cost/estimator";
import { usageOf } from "../../../tools/cost/costInputs";
import { TIER_USAGE, usageFor } from "../../../tools/cost/usageProfiles";

const urn = (type: string, name: string) => `urn:pulumi:test::tiered-infra::${type}::${name}`;
const r = (type: string, name: string, inputs: Record<string, unknown>, dependencies?: string[]): PlannedResource => ({ urn: urn(type, name), type, custom: true, inputs, dependencies });
const ctx = { stack: "test", region: "us-east-1", usage: TIER_USAGE.small, today: "2026-11-23" };

function component(cost: ReturnType<typeof estimate>, name: string, startsWith: string) {
    const res = cost.resources.find((x) => x.name === name)!;
    return res.costComponents.find((c) => c.name.startsWith(startsWith))!;
}

describe("cost estimator", () => {
    it("prices a Multi-AZ RDS instance with gp3 storage and its managed secret", () => {
        const cost = estimate([r("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.large", multiAz: true, allocatedStorage: 100, manageMasterUserPassword: true })], ctx);
        const db = cost.resources[0];
        const byName = Object.fromEntries(db.costComponents.map((c) => [c.name, c]));
        assert.deepEqual([byName["Database instance (on-demand, Multi-AZ, db.t3.large)"].monthlyQuantity, byName["Database instance (on-demand, Multi-AZ, db.t3.large)"].price, byName["Database instance (on-demand, Multi-AZ, db.t3.large)"].monthlyCost], [730, 0.29, 211.7]);
        assert.equal(byName["Storage (gp3, Multi-AZ, 100 GiB)"].monthlyCost, 23);
        assert.equal(byName["Master password secret (managed by RDS in Secrets Manager)"].monthlyCost, 0.4);
        assert.equal(db.monthlyCost, 235.1);
        assert.equal(cost.totalMonthlyCost, 235.1);
        assert.match(byName["Storage (gp3, Multi-AZ, 100 GiB)"].priceSource!, /infracost/);
    });

    it("prices a single-AZ read replica at its own class and the primary's storage", () => {
        const cost = estimate([
            r("aws:rds/instance:Instance", "db", { identifier: "p", instanceClass: "db.r6g.xlarge", multiAz: true, allocatedStorage: 500 }),
            r("aws:rds/instance:Instance", "replica", { replicateSourceDb: "p", instanceClass: "db.r6g.xlarge", multiAz: false }),
        ], ctx);
        const replica = cost.resources.find((x) => x.name === "replica")!;
        assert.deepEqual(replica.costComponents.map((c) => c.monthlyCost), [328.5, 57.5]);
    });

    it("prices a node group at desired size, with root volumes from its launch template", () => {
        const lt = r("aws:ec2/launchTemplate:LaunchTemplate", "lt", { blockDeviceMappings: [{ ebs: { volumeSize: 50 } }] });
        const ng = r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.xlarge"], scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 5 } }, [lt.urn]);
        const cost = estimate([lt, ng], ctx);
        assert.equal(component(cost, "ng", "Instance usage").monthlyCost, 317.55); // 3 x 0.145 x 730
        assert.equal(component(cost, "ng", "Root volumes").monthlyCost, 12); // 3 x 50 GiB x 0.08
        assert.deepEqual(cost.freeResourceTypes, ["aws:ec2/launchTemplate:LaunchTemplate"]);
    });

    it("prices NAT gateways by the hour and splits the profile's data between them", () => {
        const cost = estimate([r("aws:ec2/natGateway:NatGateway", "a", {}), r("aws:ec2/natGateway:NatGateway", "b", {})], { ...ctx, usage: { ...TIER_USAGE.small, natDataGiB: 200 } });
        assert.equal(component(cost, "a", "NAT gateway").monthlyCost, 32.85);
        assert.deepEqual([component(cost, "a", "Data processed").monthlyQuantity, component(cost, "a", "Data processed").monthlyCost], [100, 4.5]);
    });

    it("prices CloudFront from the usage profile, and shows only unit prices without usage", () => {
        const dist = r("aws:cloudfront/distribution:Distribution", "cdn", {});
        const withUsage = estimate([dist], { ...ctx, usage: { ...TIER_USAGE.small, cdnDataOutGiB: 1000, requests: 2_000_000 } });
        assert.equal(component(withUsage, "cdn", "Data transfer").monthlyCost, 85);
        assert.deepEqual([component(withUsage, "cdn", "HTTPS requests").monthlyQuantity, component(withUsage, "cdn", "HTTPS requests").monthlyCost], [200, 2]);
        const without = estimate([dist], { ...ctx, usage: undefined });
        const c = component(without, "cdn", "Data transfer");
        assert.deepEqual([c.monthlyQuantity, c.monthlyCost, c.price, c.usageBased], [null, null, 0.085, true]);
        assert.equal(without.summary.usageBasedWithoutUsage, 2);
    });

    it("counts every WAF rule, managed groups included, and adds Bot Control's fees", () => {
        const rules = [
            ...["a", "b", "c"].map((n) => ({ name: n, statement: { rateBasedStatement: {} } })),
            ...["x", "y", "z", "AWSManagedRulesBotControlRuleSet"].map((n) => ({ name: n, statement: { managedRuleGroupStatement: { name: n } } })),
        ];
        const cost = estimate([r("aws:wafv2/webAcl:WebAcl", "acl", { rules })], { ...ctx, usage: { ...TIER_USAGE.small, requests: 3_000_000 } });
        const acl = cost.resources[0];
        const by = Object.fromEntries(acl.costComponents.map((c) => [c.name, c.monthlyCost]));
        assert.equal(by["Rules (3 custom, 4 managed rule groups)"], 7);
        assert.equal(by["Web ACL"], 5);
        assert.equal(by["Requests inspected"], 1.8);
        assert.equal(by["Bot Control (common) subscription"], 10);
        assert.ok(acl.costComponents.find((c) => c.name === "Bot Control requests")!.verify, "an undated price is flagged");
    });

    it("bills EKS extended support once the version's standard support has ended", () => {
        const eks = r("aws:eks/cluster:Cluster", "eks", { version: "1.33" });
        assert.equal(estimate([eks], ctx).totalMonthlyCost, 438); // 0.60 x 730, past 2026-07-29
        assert.equal(estimate([eks], { ...ctx, today: "2026-07-01" }).totalMonthlyCost, 73);
    });

    it("lists unknown types as unsupported and counts free ones, never dropping either", () => {
        const cost = estimate([r("aws:sqs/queue:Queue", "q", {}), r("aws:ec2/vpc:Vpc", "v", {}), r("kubernetes:apps/v1:Deployment", "d", {})], ctx);
        assert.deepEqual(cost.unsupportedResourceTypes, ["aws:sqs/queue:Queue"]);
        assert.deepEqual(cost.summary, { totalResources: 3, estimated: 0, free: 2, unsupported: 1, usageBasedWithoutUsage: 0 });
    });

    it("reports a region without prices as unpriced instead of using us-east-1's", () => {
        const cost = estimate([r("aws:kms/key:Key", "k", {})], { ...ctx, region: "af-south-1" });
        assert.equal(cost.regionPriced, false);
        assert.equal(cost.complete, false);
        assert.deepEqual(cost.gaps, [{ reason: "region af-south-1 has no prices in the catalog (1 resources there)" }]);
        assert.equal(cost.resources[0].costComponents[0].monthlyCost, null);
        assert.equal(cost.totalMonthlyCost, 0);
        assert.deepEqual(cost.unpricedComponents, ["kms.key"]);
    });

    it("prices each resource in its provider's region", () => {
        const usEast = r("aws:kms/key:Key", "k", {});
        const cost = estimate([usEast, { ...r("aws:kms/key:Key", "far", {}), region: "af-south-1" }], ctx);
        assert.equal(cost.resources.find((x) => x.name === "k")!.monthlyCost, 1);
        assert.equal(cost.resources.find((x) => x.name === "far")!.complete, false);
        assert.deepEqual(cost.gaps.map((g) => g.reason), ["region af-south-1 has no prices in the catalog (1 resources there)"]);
    });

    it("never prices a value known only after apply as data", () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const cost = estimate([
            r("aws:lb/loadBalancer:LoadBalancer", "alb", { internal: false, subnets: unknown }),
            r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: [unknown], scalingConfig: { desiredSize: 3 } }),
            r("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.large", multiAz: true, allocatedStorage: unknown }),
        ], ctx);
        const reason = (name: string, prefix: string) => component(cost, name, prefix).unpricedReason;
        assert.equal(reason("alb", "Public IPv4"), "known only after apply", "an unknown subnet list is not 36 addresses");
        assert.equal(reason("ng", "Instance usage"), "known only after apply");
        assert.equal(reason("db", "Storage"), "known only after apply");
        assert.equal(component(cost, "db", "Database instance").monthlyCost, 211.7, "what is known is still priced");
        assert.equal(cost.complete, false);
        assert.equal(cost.gaps.length, 3);
    });

    it("adds fixed monthly charges that are not resources (a managed vector database's fee)", () => {
        const cost = estimate([], { ...ctx, fixedCharges: [{ name: "managed vector database (pinecone)", monthlyUsd: 700, source: "stack config" }] });
        assert.deepEqual([cost.resources[0].name, cost.totalMonthlyCost], ["managed vector database (pinecone)", 700]);
    });

    it("gives every catalog price a unit, a source and a date", () => {
        for (const [key, p] of Object.entries(CATALOG["us-east-1"])) {
            assert.ok(p.price > 0 && p.unit && p.source.length > 10 && /^\d{4}-\d{2}$/.test(p.date), key);
        }
    });

    it("derives usage from the tier's users and lets a usage file override keys by tier or stack", () => {
        assert.deepEqual([usageFor("small").requests, usageFor("medium").requests], [1_500_000, 15_000_000]);
        assert.equal(usageFor("medium").vectorBackupGiB, 500 * 3 * 1.5);
        const u = usageOf("web-prod", "medium", { name: "u.yaml", sections: { default: { albLcu: 4 }, medium: { requests: 1 }, "web-prod": { requests: 2 } } });
        assert.deepEqual([u.albLcu, u.requests, u.users], [4, 2, 5000]);
        assert.throws(() => usageOf("s", "small", { name: "u.yaml", sections: { small: { reqests: 5 } } }), /u\.yaml: small\.reqests: is not a usage key; known keys: users, requests/);
        assert.throws(() => usageOf("s", "small", { name: "u.yaml", sections: { small: { requests: -1 } } }), /small\.requests: -1 is not allowed; expected a number >= 0/);
    });
});
