import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { backupServiceRole, backupVault, lockProblem, VaultLockRange } from "./backupVault";
import { COMPONENT_TYPES } from "./types";

export interface DatabaseBackupsArgs {
    /** ARN of the RDS primary. */
    instanceArn: pulumi.Input<string>;
    /** The key the instance is encrypted with; the vault uses it too, so no second key is needed. */
    kmsKeyArn: pulumi.Input<string>;
    /** The instance's automated-backup retention, days (1-35): AWS Backup manages the same window. */
    retentionDays: number;
    /** Replicate the automated backups (snapshots and transaction logs) to a second region. Default: none. */
    replicateTo?: { region: string; retentionDays: number };
    /** Governance-mode Vault Lock on the vault (production). Default: none. */
    vaultLock?: VaultLockRange;
}

/**
 * The database's backups beyond the instance itself: AWS Backup continuous backup (the instance's
 * own point-in-time recovery, managed by AWS Backup with the same retention, so restore tests and
 * the vault lock reach it; one recovery point, no extra snapshots: AWS Backup developer guide,
 * "point-in-time recovery"), and, for a second region, RDS cross-Region automated backup
 * replication encrypted with a key there (USER_ReplicateBackups).
 */
export class DatabaseBackups extends pulumi.ComponentResource {
    public readonly vaultArn: pulumi.Output<string>;
    /** ARN of the replicated automated backups in the second region, when replicated. */
    public readonly replicatedBackupsArn?: pulumi.Output<string>;

    constructor(name: string, args: DatabaseBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.databaseBackups, name, {}, opts);
        const parent = { parent: this };
        const problems = [
            args.retentionDays < 1 || args.retentionDays > 35 ? `retentionDays ${args.retentionDays} is outside 1-35 (continuous backup's range)` : undefined,
            lockProblem("continuous backup", args.retentionDays, args.vaultLock),
            args.replicateTo && (args.replicateTo.retentionDays < 1 || args.replicateTo.retentionDays > 35) ? `replicateTo.retentionDays ${args.replicateTo.retentionDays} is outside 1-35` : undefined,
        ].filter((p): p is string => p !== undefined);
        if (problems.length) throw new pulumi.RunError(`DatabaseBackups ${name}:\n  - ${problems.join("\n  - ")}`);

        const { vault } = backupVault(`${name}-db`, { vaultName: `${name}-db-vault`, kmsKeyArn: args.kmsKeyArn, lock: args.vaultLock }, parent);
        const plan = new aws.backup.Plan(`${name}-db-plan`, {
            name: `${name}-db-plan`,
            rules: [{
                ruleName: "continuous",
                targetVaultName: vault.name,
                // A continuous rule's schedule only paces AWS Backup's maintenance of the one recovery point.
                schedule: "cron(0 5 * * ? *)",
                enableContinuousBackup: true,
                lifecycle: { deleteAfter: args.retentionDays },
            }],
        }, parent);
        const role = backupServiceRole(`${name}-db`, parent);
        new aws.backup.Selection(`${name}-db`, { name: `${name}-db`, planId: plan.id, iamRoleArn: role.arn, resources: [args.instanceArn] }, parent);

        if (args.replicateTo) {
            const key = new aws.kms.Key(`${name}-db-replica`, {
                description: `Replicated automated backups of ${name} in ${args.replicateTo.region}`,
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                region: args.replicateTo.region,
            }, parent);
            const replication = new aws.rds.InstanceAutomatedBackupsReplication(`${name}-db-replica`, {
                sourceDbInstanceArn: args.instanceArn,
                retentionPeriod: args.replicateTo.retentionDays,
                kmsKeyId: key.arn,
                // The resource lives in the destination region (pulumi-aws: "has to be created in the destination region").
                region: args.replicateTo.region,
            }, parent);
            this.replicatedBackupsArn = replication.id;
        }
        this.vaultArn = vault.arn;
        this.registerOutputs({ vaultArn: this.vaultArn, replicatedBackupsArn: this.replicatedBackupsArn });
    }
}
