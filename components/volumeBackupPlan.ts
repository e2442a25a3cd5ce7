import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cronIntervalMinutes } from "../core/recovery";
import { backupServiceRole, backupVault, lockProblem, VaultLockRange } from "./backupVault";
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
 * weekly points kept 13 weeks (91 days) cover a quarter. Not a year: EBS snapshots of a volume are
 * a chain, and every weekly point keeps the blocks changed since the one before, so a year of
 * weekly points of medium's 1,050 GiB of vector volumes at 2% change a day held 7.8x the volumes
 * ($408/month, core/cost/snapshotChain.ts) against 2.6x ($138) for a quarter; the vector index can be
 * rebuilt from its sources, and a stack that must keep a year sets its own `rules`.
 */
export const DEFAULT_BACKUP_RULES: BackupRule[] = [
    { name: "hourly", schedule: "cron(0 * * * ? *)", deleteAfterDays: 2 },
    { name: "daily", schedule: "cron(0 3 * * ? *)", deleteAfterDays: 35 },
    { name: "weekly", schedule: "cron(0 4 ? * SUN *)", deleteAfterDays: 91 },
];

/** A copy of the recovery points in a second region, for the loss of the first. */
export interface CrossRegionCopy {
    /** The second region: a vault (with a key of its own) is created there. */
    region: string;
    /** Days the copies of daily points are kept there. */
    retentionDays: number;
}

/**
 * Days the DR vault keeps copies of a rule's points, or undefined for rules not copied: points
 * taken more often than daily are copied for the recovery point and kept a day (a newer copy
 * replaces each); daily points are kept `retentionDays`; weekly and rarer ones stay in the primary
 * region, which keeps the history.
 */
export function copyRetentionDays(rule: BackupRule, copy: CrossRegionCopy): number | undefined {
    const interval = cronIntervalMinutes(rule.schedule);
    if (interval === undefined) throw new pulumi.RunError(`backup rule ${rule.name}: cannot read schedule ${rule.schedule}; use cron(minutes hours day-of-month month day-of-week year)`);
    if (interval < DAY_MINUTES) return Math.min(1, rule.deleteAfterDays);
    if (interval === DAY_MINUTES) return Math.min(copy.retentionDays, rule.deleteAfterDays);
    return undefined;
}

const DAY_MINUTES = 24 * 60;

export interface VolumeBackupPlanArgs {
    /** Volumes carrying this tag are backed up. */
    selectionTag: { key: string; value: string };
    /** Default: `DEFAULT_BACKUP_RULES`. */
    rules?: BackupRule[];
    /** Copy recovery points to a vault in a second region (see `copyRetentionDays`). Default: none. */
    crossRegionCopy?: CrossRegionCopy;
    /** Governance-mode Vault Lock on both vaults (production). Every rule's retention must lie within it. Default: none. */
    vaultLock?: VaultLockRange;
}

/**
 * An AWS Backup vault (encrypted with its own rotating KMS key) and plan for the EBS volumes of a
 * stateful service, selected by tag so volumes created later by the CSI driver are covered too;
 * optionally a vault in a second region that receives copies, and Vault Locks on both.
 */
export class VolumeBackupPlan extends pulumi.ComponentResource {
    public readonly planId: pulumi.Output<string>;
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultArn: pulumi.Output<string>;
    /** The vault in the second region, when copies are made. */
    public readonly drVaultArn?: pulumi.Output<string>;
    public readonly rules: BackupRule[];

    constructor(name: string, args: VolumeBackupPlanArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.volumeBackupPlan, name, {}, opts);
        const parent = { parent: this };
        this.rules = args.rules ?? DEFAULT_BACKUP_RULES;
        const problems: string[] = [];
        for (const r of this.rules) {
            if (r.coldStorageAfterDays !== undefined && r.deleteAfterDays < r.coldStorageAfterDays + 90) {
                problems.push(`backup rule ${r.name}: cold storage needs at least 90 days before deletion`);
            }
            const own = lockProblem(`backup rule ${r.name}`, r.deleteAfterDays, args.vaultLock);
            if (own) problems.push(own);
            const copyDays = args.crossRegionCopy && copyRetentionDays(r, args.crossRegionCopy);
            const copied = copyDays === undefined ? undefined : lockProblem(`the copies of backup rule ${r.name}`, copyDays, args.vaultLock);
            if (copied) problems.push(copied);
        }
        if (problems.length) throw new pulumi.RunError(`VolumeBackupPlan ${name}:\n  - ${problems.join("\n  - ")}`);

        const { vault } = backupVault(name, { vaultName: `${name}-vault`, lock: args.vaultLock }, parent);
        const dr = args.crossRegionCopy
            ? backupVault(`${name}-dr`, { vaultName: `${name}-dr-vault`, lock: args.vaultLock, region: args.crossRegionCopy.region }, parent).vault
            : undefined;
        const plan = new aws.backup.Plan(`${name}-plan`, {
            name: `${name}-plan`,
            rules: this.rules.map((r) => {
                const copyDays = args.crossRegionCopy && copyRetentionDays(r, args.crossRegionCopy);
                return {
                    ruleName: r.name,
                    targetVaultName: vault.name,
                    schedule: r.schedule,
                    startWindow: 60,
                    completionWindow: 180,
                    lifecycle: { deleteAfter: r.deleteAfterDays, coldStorageAfter: r.coldStorageAfterDays },
                    ...(dr && copyDays !== undefined ? { copyActions: [{ destinationVaultArn: dr.arn, lifecycle: { deleteAfter: copyDays } }] } : {}),
                };
            }),
        }, parent);

        const role = backupServiceRole(name, parent);
        new aws.backup.Selection(`${name}-volumes`, {
            name: `${name}-volumes`,
            planId: plan.id,
            iamRoleArn: role.arn,
            resources: ["arn:aws:ec2:*:*:volume/*"],
            selectionTags: [{ type: "STRINGEQUALS", key: args.selectionTag.key, value: args.selectionTag.value }],
        }, parent);

        this.planId = plan.id;
        this.vaultName = vault.name;
        this.vaultArn = vault.arn;
        this.drVaultArn = dr?.arn;
        this.registerOutputs({ planId: this.planId, vaultName: this.vaultName, vaultArn: this.vaultArn, drVaultArn: this.drVaultArn });
    }
}
