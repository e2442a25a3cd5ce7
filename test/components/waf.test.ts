import { strict as assert } from "assert";
import { BOT_CONTROL_RULE_GROUP, MANAGED_RULE_GROUPS, SEED_RATE_LIMITS, wafLimit } from "../../components/waf";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf } from "../harness";

describe("EdgeWaf", () => {
    it("turns the seed's hourly quotas into WAF limits, never below WAF's floor", () => {
        assert.deepEqual(SEED_RATE_LIMITS.map((q) => wafLimit(q.limitPerHour)), [10, 17, 167]);
    });

    for (const tier of TIER_NAMES) {
        it(`${tier}: managed rule groups, flood and per-user rate rules, attached to the distribution`, async () => {
            const r = resourcesOf(await planShippedStack(tier));
            const acl = r.one("aws:wafv2/webAcl:WebAcl");
            assert.equal(acl.inputs.scope, "CLOUDFRONT");
            const groups = acl.inputs.rules.filter((x: any) => x.statement.managedRuleGroupStatement).map((x: any) => x.statement.managedRuleGroupStatement.name);
            assert.deepEqual(groups, [...MANAGED_RULE_GROUPS, ...(TIERS[tier].edge.botControl ? [BOT_CONTROL_RULE_GROUP] : [])]);
            const rate = acl.inputs.rules.filter((x: any) => x.statement.rateBasedStatement);
            const flood = rate.find((x: any) => x.name === "ip-flood").statement.rateBasedStatement;
            assert.deepEqual([flood.limit, flood.aggregateKeyType], [TIERS[tier].edge.ipRequestsPer5Min, "IP"]);
            const perUser = rate.filter((x: any) => x.name.startsWith("user-"));
            assert.deepEqual(perUser.map((x: any) => x.statement.rateBasedStatement.scopeDownStatement.byteMatchStatement.searchString), ["/api/crawl", "/api/questions", "/api/search"]);
            for (const u of perUser) assert.equal(u.statement.rateBasedStatement.customKeys[0].header.name, "authorization");
            const priorities = acl.inputs.rules.map((x: any) => x.priority);
            assert.equal(new Set(priorities).size, priorities.length, "unique priorities");
            assert.match(r.one("aws:cloudfront/distribution:Distribution").inputs.webAclId, /^arn:aws:wafv2:us-east-1:\d+:global\/webacl\//);
        });
    }

    it("logs to an aws-waf-logs- group in us-east-1, with retention, redacting credentials", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const logging = r.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").inputs;
        assert.match(logging.logDestinationConfigs[0], /^arn:aws:logs:us-east-1:\d+:log-group:aws-waf-logs-/);
        assert.deepEqual(logging.redactedFields, [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
        const group = r.ofType("aws:cloudwatch/logGroup:LogGroup").find((g) => String(g.inputs.name).startsWith("aws-waf-logs-"))!;
        assert.equal(group.inputs.retentionInDays, 30);
    });
});
