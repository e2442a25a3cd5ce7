import { strict as assert } from "assert";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf } from "../harness";

describe("Cache", () => {
    for (const tier of TIER_NAMES) {
        it(`${tier}: node type and count from the tier row, failover when it has replicas`, async () => {
            const rg = resourcesOf(await planShippedStack(tier)).one("aws:elasticache/replicationGroup:ReplicationGroup").inputs;
            const row = TIERS[tier].cache;
            assert.deepEqual([rg.nodeType, rg.numCacheClusters], [row.nodeType, row.nodes]);
            assert.equal(rg.automaticFailoverEnabled, row.nodes > 1);
            assert.equal(rg.multiAzEnabled, row.nodes > 1);
            assert.equal(rg.snapshotRetentionLimit, row.snapshotRetentionDays);
        });
    }

    it("encrypts at rest and in transit and authenticates with IAM users only (no AUTH token anywhere)", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const rg = r.one("aws:elasticache/replicationGroup:ReplicationGroup").inputs;
        assert.deepEqual([rg.atRestEncryptionEnabled, rg.transitEncryptionEnabled, rg.transitEncryptionMode], [true, true, "required"]);
        assert.match(rg.kmsKeyId, /^arn:aws:kms:/);
        assert.equal(rg.authToken, undefined);
        assert.equal(rg.userGroupIds.length, 1);
        const users = r.ofType("aws:elasticache/user:User");
        const byName = Object.fromEntries(users.map((u) => [u.inputs.userName, u.inputs]));
        assert.equal(byName.default.accessString, "off -@all", "the default user is switched off");
        const app = users.find((u) => u.inputs.userName !== "default")!.inputs;
        assert.equal(app.authenticationMode.type, "iam");
        assert.equal(app.userId, app.userName, "IAM users need userId == userName");
        for (const u of users) assert.equal(u.inputs.passwords, undefined);
    });

    it("ships slow and engine logs to retained log groups", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const rg = r.one("aws:elasticache/replicationGroup:ReplicationGroup").inputs;
        const groups = new Map(r.ofType("aws:cloudwatch/logGroup:LogGroup").map((g) => [g.inputs.name, g.inputs.retentionInDays]));
        assert.deepEqual(rg.logDeliveryConfigurations.map((l: any) => l.logType).sort(), ["engine-log", "slow-log"]);
        for (const l of rg.logDeliveryConfigurations) assert.equal(groups.get(l.destination), 30);
    });

    it("gives the app IAM access to exactly the cache and its user", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const policy = JSON.parse(r.one("aws:iam/rolePolicy:RolePolicy", "-app").inputs.policy);
        assert.equal(policy.Statement[0].Action, "elasticache:Connect");
        assert.equal(policy.Statement[0].Resource.length, 2);
        assert.match(policy.Statement[0].Resource[0], /:replicationgroup:/);
        assert.match(policy.Statement[0].Resource[1], /:user:/);
    });
});
