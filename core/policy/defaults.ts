/**
 * The production figures the seeds promise, as the policy pack's defaults. With no
 * `--policy-pack-config` (how most people run `pulumi preview --policy-pack`), the pack enforces
 * exactly these; `npm run policy-config` (tools/policy/generateConfig.ts) writes per-stack files that
 * only relax or tighten them, and only where a stack differs.
 */

/** Backups and snapshots, days. */
export const BACKUP_FLOORS = {
    /** seed 002 "Disaster Recovery & Backup": "Database: Automated daily backups with 30-day retention". */
    databaseDays: 30,
    /** seed 002 "Redis: Persistence: RDB + AOF"; the tier table keeps a week of daily snapshots (small and medium). */
    cacheSnapshotDays: 7,
    /** Recovery points an AWS Backup plan keeps at least (seed 002's 30 days, applied to the vector DB's volumes too). */
    backupPlanDays: 30,
    /** DynamoDB point-in-time recovery window (AWS default and maximum 35 days, which covers seed 002's 30). */
    pointInTimeRecoveryDays: 30,
    /** Objects of data (non-log) buckets live at least this long before a lifecycle rule may expire them (seed 002's 30-day retention). */
    objectExpirationDays: 30,
} as const;

/** Log retention bounds, days: seed 001 "Log Retention: 30 days standard retention"; 400 (13 months) covers a yearly audit. */
export const LOG_RETENTION = { minDays: 30, maxDays: 400 } as const;

/** KMS keys and secrets wait the longest AWS allows (30 days) before deletion in production. */
export const SECRET_FLOORS = { deletionWindowDays: 30, recoveryWindowDays: 30 } as const;

/** Availability: seed 002 "Pods: 3-5 replicas"; a Deployment runs at least two so one pod down never takes it down. */
export const AVAILABILITY_FLOORS = { deploymentReplicas: 2, statefulSetReplicas: 1, cacheNodes: 1 } as const;
