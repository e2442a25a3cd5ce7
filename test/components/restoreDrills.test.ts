import { strict as assert } from "assert";
import { RestoreDrills } from "../../components/restoreDrills";
import { cronIntervalMinutes } from "../../core/recovery";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("RestoreDrills (monthly disaster-recovery drills)", () => {
    it("restores the database and the vector volumes monthly, into the data tier's subnets", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const plan = r.one("aws:backup/restoreTestingPlan:RestoreTestingPlan").inputs;
        assert.match(plan.name, /^[A-Za-z0-9_]{1,50}$/);
        assert.ok(cronIntervalMinutes(plan.scheduleExpression)! <= 31 * 24 * 60, "at least monthly");
        assert.deepEqual(plan.recoveryPointSelection.includeVaults.map((v: string) => v.split(":").pop()).sort(), ["web-medium-chroma-vault", "web-medium-db-vault"]);
        const db = r.one("aws:backup/restoreTestingSelection:RestoreTestingSelection", "drill-database").inputs;
        assert.deepEqual([db.protectedResourceType, db.protectedResourceArns], ["RDS", ["arn:aws:rds:us-east-1:123456789012:db:web-medium-pg"]]);
        assert.match(db.restoreMetadataOverrides.dbSubnetGroupName, /^web-medium-db-/);
        assert.match(JSON.parse(db.restoreMetadataOverrides.vpcSecurityGroupIds)[0], /^sg-/);
        const vol = r.one("aws:backup/restoreTestingSelection:RestoreTestingSelection", "drill-chroma").inputs;
        assert.deepEqual([vol.protectedResourceType, vol.protectedResourceConditions.stringEquals], ["EBS", [{ key: "aws:ResourceTag/tiered-infra/backup-plan", value: "web-medium-chroma" }]]);
    });

    it("alerts on a failed restore (detail.status) and on failed backup or copy jobs (detail.state), through the critical alert topic EventBridge can use", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const restore = JSON.parse(r.one("aws:cloudwatch/eventRule:EventRule", "restore-failed").inputs.eventPattern);
        assert.deepEqual(restore, { source: ["aws.backup"], "detail-type": ["Restore Job State Change"], detail: { status: ["FAILED", "ABORTED"] } });
        const backup = JSON.parse(r.one("aws:cloudwatch/eventRule:EventRule", "backup-failed").inputs.eventPattern);
        assert.deepEqual(backup.detail, { state: ["FAILED", "ABORTED", "EXPIRED"] });
        // Both rules publish to the stack's critical alert topic (components/alertTopics.ts), not a topic of their own.
        const critical = r.one("aws:sns/topic:Topic", "small-critical");
        assert.equal(critical.inputs.name, "web-small-alerts-critical");
        for (const rule of ["restore-failed", "backup-failed"]) assert.match(r.one("aws:cloudwatch/eventTarget:EventTarget", rule).inputs.arn, /:web-small-alerts-critical$/);
        const keyPolicy = JSON.parse(r.one("aws:kms/key:Key", "small-alerts").inputs.policy);
        const events = keyPolicy.Statement.find((s: any) => s.Principal.Service === "events.amazonaws.com");
        assert.deepEqual([events.Action, events.Condition], [["kms:Decrypt", "kms:GenerateDataKey*"], undefined], "no source conditions: EventBridge deliveries would be dropped");
        const alarms = keyPolicy.Statement.find((s: any) => s.Principal.Service === "cloudwatch.amazonaws.com");
        assert.ok(alarms.Condition, "the other publishers keep their source conditions");
        const topicPolicy = JSON.parse(r.ofType("aws:sns/topicPolicy:TopicPolicy").find((p) => p.name.endsWith("small-critical"))!.inputs.policy);
        const fromRules = topicPolicy.Statement.find((s: any) => s.Principal.Service === "events.amazonaws.com");
        assert.equal(fromRules.Condition.ArnLike["aws:SourceArn"], "arn:aws:events:us-east-1:123456789012:rule/web-small-*");
        assert.equal(r.ofType("aws:sns/topic:Topic").filter((t) => /drills|recovery/.test(t.name)).length, 0, "no topic of the drills' own");
    });

    it("uses a given alert topic instead of creating one", async () => {
        const run = await runProgram(async () => {
            new RestoreDrills("d", { vaultArns: ["arn:aws:backup:us-east-1:1:backup-vault:v"], volumes: [], alertTopicArn: "arn:aws:sns:us-east-1:123456789012:alerts" });
            return {};
        });
        const r = resourcesOf(run);
        assert.equal(r.ofType("aws:sns/topic:Topic").length, 0);
        assert.deepEqual(r.ofType("aws:cloudwatch/eventTarget:EventTarget").map((t) => t.inputs.arn), ["arn:aws:sns:us-east-1:123456789012:alerts", "arn:aws:sns:us-east-1:123456789012:alerts"]);
    });
});
