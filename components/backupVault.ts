import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** AWS Backup Vault Lock bounds: jobs whose retention falls outside them fail. */
export interface VaultLockRange {
    minRetentionDays: number;
    maxRetentionDays: number;
}

export interface BackupVaultArgs {
    /** Vault name (unique per account and region). */
    vaultName: string;
    /** Encrypt recovery points with this key. Default: a rotating KMS key of the vault's own. */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Vault Lock in governance mode (no `changeableForDays`): recovery points cannot be deleted
     * early, nor kept past the maximum, except by principals allowed to change the lock; unlike
     * compliance mode it never becomes immutable, so a stack can still be torn down. Default: none.
     */
    lock?: VaultLockRange;
    /** Region of the vault (and its key). Default: the provider's. */
    region?: string;
}

export interface BackupVault {
    vault: aws.backup.Vault;
    kmsKeyArn: pulumi.Input<string>;
}

/** A backup vault with its encryption key and, in production, a governance-mode Vault Lock. */
export function backupVault(name: string, args: BackupVaultArgs, opts: pulumi.CustomResourceOptions): BackupVault {
    const region = args.region !== undefined ? { region: args.region } : {};
    const kmsKeyArn = args.kmsKeyArn
        ?? new aws.kms.Key(`${name}-vault`, { description: `Backup vault ${name}`, enableKeyRotation: true, deletionWindowInDays: 30, ...region }, opts).arn;
    const vault = new aws.backup.Vault(`${name}-vault`, { name: args.vaultName, kmsKeyArn, ...region }, opts);
    if (args.lock) {
        new aws.backup.VaultLockConfiguration(`${name}-vault-lock`, {
            backupVaultName: vault.name,
            minRetentionDays: args.lock.minRetentionDays,
            maxRetentionDays: args.lock.maxRetentionDays,
            ...region,
        }, opts);
    }
    return { vault, kmsKeyArn };
}

/** Problems of a retention (days) against a vault lock: a job with it would fail. */
export function lockProblem(what: string, days: number, lock: VaultLockRange | undefined): string | undefined {
    if (!lock) return undefined;
    if (days < lock.minRetentionDays || days > lock.maxRetentionDays) {
        return `${what}: retention of ${days} days is outside the vault lock's ${lock.minRetentionDays}-${lock.maxRetentionDays} days, so its jobs would fail`;
    }
    return undefined;
}

/** The role AWS Backup assumes to back up and restore (the AWS managed policies for both), named `${name}-backup`. */
export function backupServiceRole(name: string, opts: pulumi.CustomResourceOptions): aws.iam.Role {
    const role = new aws.iam.Role(`${name}-backup`, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    }, opts);
    new aws.iam.RolePolicyAttachment(`${name}-backup`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup" }, opts);
    new aws.iam.RolePolicyAttachment(`${name}-restore`, { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores" }, opts);
    return role;
}
