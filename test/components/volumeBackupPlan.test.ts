import { strict as assert } from "assert";
import { copyRetentionDays, DEFAULT_BACKUP_RULES, VolumeBackupPlan } from "../../components/volumeBackupPlan";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("VolumeBackupPlan: copies to the DR region and vault locks", () => {
    it("copies hourly points (kept a day) and daily points (kept the tier's DR days) to a vault in us-west-2; weekly ones stay", async () => {
        for (const [stack, days] of [["medium", 7], ["large", 30]] as const) {
            const r = resourcesOf(await planShippedStack(stack));
            const plan = r.one("aws:backup/plan:Plan", "chroma-plan").inputs;
            const copies = plan.rules.map((x: any) => x.copyActions?.[0]?.lifecycle.deleteAfter ?? null);
            assert.deepEqual(copies, [1, days, null], stack);
            const dr = r.one("aws:backup/vault:Vault", "chroma-dr-vault").inputs;
            assert.equal(dr.region, "us-west-2");
            assert.match(dr.kmsKeyArn, /^arn:aws:kms:us-west-2:/);
            assert.equal(plan.rules[0].copyActions[0].destinationVaultArn, `arn:aws:backup:us-west-2:123456789012:backup-vault:${dr.name}`);
        }
        const small = resourcesOf(await planShippedStack("small")).one("aws:backup/plan:Plan", "chroma-plan").inputs;
        assert.ok(small.rules.every((x: any) => x.copyActions === undefined));
    });

    it("locks production vaults in governance mode with the tier's bounds, in both regions", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const locks = r.ofType("aws:backup/vaultLockConfiguration:VaultLockConfiguration");
        assert.deepEqual(locks.map((l) => l.name).sort(), ["web-medium-chroma-dr-vault-lock", "web-medium-chroma-vault-lock", "web-medium-db-vault-lock"]);
        for (const l of locks) {
            assert.deepEqual([l.inputs.minRetentionDays, l.inputs.maxRetentionDays], [1, 365]);
            // Governance mode: without changeableForDays the lock never becomes immutable (pulumi-aws VaultLockConfiguration).
            assert.equal(l.inputs.changeableForDays, undefined);
        }
    });

    it("refuses rules whose retention a vault lock would reject, naming each", async () => {
        await assert.rejects(runProgram(async () => {
            new VolumeBackupPlan("b", { selectionTag: { key: "k", value: "v" }, vaultLock: { minRetentionDays: 7, maxRetentionDays: 60 }, crossRegionCopy: { region: "us-west-2", retentionDays: 7 } });
            return {};
        }), (e: Error) => /backup rule hourly: retention of 2 days is outside the vault lock's 7-60 days, so its jobs would fail/.test(e.message)
            && /backup rule weekly: retention of 91 days/.test(e.message)
            && /the copies of backup rule hourly: retention of 1 days/.test(e.message));
    });

    it("decides what to copy from each rule's schedule", () => {
        const copy = { region: "us-west-2", retentionDays: 14 };
        assert.deepEqual(DEFAULT_BACKUP_RULES.map((r) => copyRetentionDays(r, copy)), [1, 14, undefined]);
        assert.throws(() => copyRetentionDays({ name: "odd", schedule: "rate(1 hour)", deleteAfterDays: 2 }, copy), /backup rule odd: cannot read schedule rate\(1 hour\)/);
    });
});
