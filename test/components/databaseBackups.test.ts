import { strict as assert } from "assert";
import { DatabaseBackups } from "../../components/databaseBackups";
import { TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("DatabaseBackups", () => {
    it("hands the database's point-in-time recovery to AWS Backup with the same retention, in a locked vault", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const plan = r.one("aws:backup/plan:Plan", "small-db-plan").inputs;
        assert.deepEqual(plan.rules.map((x: any) => [x.enableContinuousBackup, x.lifecycle.deleteAfter]), [[true, TIERS.small.database.backupRetentionDays]]);
        const db = r.one("aws:rds/instance:Instance", "small-pg");
        assert.equal(plan.rules[0].lifecycle.deleteAfter, db.inputs.backupRetentionPeriod, "one retention window, not two that drift");
        assert.deepEqual(r.one("aws:backup/selection:Selection", "small-db").inputs.resources, ["arn:aws:rds:us-east-1:123456789012:db:web-small-pg"]);
        assert.equal(r.one("aws:backup/vault:Vault", "small-db-vault").inputs.kmsKeyArn, db.inputs.kmsKeyId, "the database's own key");
        assert.equal(r.ofType("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication").length, 0, "small keeps no copy in a second region");
    });

    it("replicates automated backups to the DR region with the tier's DR retention and a key there", async () => {
        for (const stack of ["medium", "large"] as const) {
            const r = resourcesOf(await planShippedStack(stack));
            const rep = r.one("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication").inputs;
            assert.deepEqual([rep.region, rep.retentionPeriod, rep.sourceDbInstanceArn], ["us-west-2", TIERS[stack].recovery.drRetentionDays, `arn:aws:rds:us-east-1:123456789012:db:web-${stack}-pg`]);
            assert.match(rep.kmsKeyId, /^arn:aws:kms:us-west-2:/);
        }
    });

    it("refuses retentions AWS would reject", async () => {
        await assert.rejects(runProgram(async () => {
            new DatabaseBackups("d", { instanceArn: "arn", kmsKeyArn: "k", retentionDays: 40, replicateTo: { region: "us-west-2", retentionDays: 0 } });
            return {};
        }), (e: Error) => /retentionDays 40 is outside 1-35/.test(e.message) && /replicateTo.retentionDays 0 is outside 1-35/.test(e.message));
    });
});
