import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TYPES } from "./types";

/** One schedule of a backup plan: EBS snapshots are incremental, so every rule is cheap to run often. */
export interface BackupRule {
    name: string;
    /** AWS Backup cron (UTC), e.g. `cron(0 * * * ? *)` for hourly. */
    schedule: string;
    /** Days a recovery point is kept. */
    deleteAfterDays: number;
    /** Days before it moves to cold storage (at least 90 days before deletion). Default: never. */
    coldStorageAfterDays?: number;
}

/**
 * Default schedule, from seed 002 (RPO 1 hour; "weekly full backups with incremental daily"):
 * hourly points kept 2 days meet the RPO, daily points kept 35 days cover a month of mistakes,
 * weekly points kept a year (cold after 90 days) serve audits.
 */
export const DEFAULT_BACKUP_RULES: BackupRule[] = [
    { name: "hourly", schedule: "cron(0 * * * ? *)", deleteAfterDays: 2 },
    { name: "daily", schedule: "cron(0 3 * * ? *)", deleteAfterDays: 35 },
    { name: "weekly", schedule: "cron(0 4 ? * SUN *)", deleteAfterDays: 365, coldStorageAfterDays: 90 },
];

export interface VolumeBackupPlanArgs {
    /** Volumes carrying this tag are backed up. */
    selectionTag: { key: string; value: string };
    /** Default: `DEFAULT_BACKUP_RULES`. */
    rules?: BackupRule[];
}

/**
 * An AWS Backup vault (encrypted with its own rotating KMS key) and plan for the EBS volumes of a
 * stateful service, selected by tag so volumes created later by the CSI driver are covered too.
 */
export class VolumeBackupPlan extends pulumi.ComponentResource {
    public readonly planId: pulumi.Output<string>;
    public readonly vaultName: pulumi.Output<string>;
    public readonly rules: BackupRule[];

    constructor(name: string, args: VolumeBackupPlanArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.volumeBackupPlan, name, {}, opts);
        const parent = { parent: this };
        this.rules = args.rules ?? DEFAULT_BACKUP_RULES;
        for (const r of this.rules) {
            if (r.coldStorageAfterDays !== undefined && r.deleteAfterDays < r.coldStorageAfterDays + 90) {
                throw new pulumi.RunError(`backup rule ${r.name}: cold storage needs at least 90 days before deletion`);
            }
        }

        const key = new aws.kms.Key(`${name}-vault`, { description: `Backup vault ${name}`, enableKeyRotation: true, deletionWindowInDays: 30 }, parent);
        const vault = new aws.backup.Vault(`${name}-vault`, { name: `${name}-vault`, kmsKeyArn: key.arn }, parent);
        const plan = new aws.backup.Plan(`${name}-plan`, {
            name: `${name}-plan`,
            rules: this.rules.map((r) => ({
                ruleName: r.name,
                targetVaultName: vault.name,
                schedule: r.schedule,
                startWindow: 60,
                completionWindow: 180,
                lifecycle: { deleteAfter: r.deleteAfterDays, coldStorageAfter: r.coldStorageAfterDays },
            })),
        }, parent);

        const role = new aws.iam.Role(`${name}-backup`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        }, parent);
        new aws.iam.RolePolicyAttachment(`${name}-backup`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup" }, parent);
        new aws.iam.RolePolicyAttachment(`${name}-restore`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores" }, parent);
        new aws.backup.Selection(`${name}-volumes`, {
            name: `${name}-volumes`,
            planId: plan.id,
            iamRoleArn: role.arn,
            resources: ["arn:aws:ec2:*:*:volume/*"],
            selectionTags: [{ type: "STRINGEQUALS", key: args.selectionTag.key, value: args.selectionTag.value }],
        }, parent);

        this.planId = plan.id;
        this.vaultName = vault.name;
        this.registerOutputs({ planId: this.planId, vaultName: this.vaultName });
    }
}
