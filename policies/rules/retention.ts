/** Retention: backups kept as long as the seeds promise, logs kept a bounded time, data never deleted by accident. */
import { PRODUCTION_CONFIG, ResourcePolicyDefinition, StackPolicyDefinition, StackSubject } from "../definitions";

export const rdsBackupRetention: ResourcePolicyDefinition<{ minDays: number }> = {
    kind: "resource",
    name: "aws-rds-instance-configure-backup-retention",
    description: "RDS keeps automated backups at least the configured number of days (read replicas exempt).",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "seed 002 'Automated daily backups with 30-day retention'",
    remediation: "Set backupRetentionPeriod to at least the configured days (AWS allows up to 35).",
    resourceTypes: ["aws:rds/instance:Instance"],
    config: { minDays: { type: "integer", minimum: 1, maximum: 35, default: 7, description: "Least backup retention, days. The tier configs set 30 (seed 002); 7 covers a full week of point-in-time recovery." } },
    check(r, c) {
        if (r.props.replicateSourceDb) return [];
        const days = r.props.backupRetentionPeriod ?? 0;
        return days < c.minDays ? [`backupRetentionPeriod is ${days} days, below ${c.minDays}`] : [];
    },
};

export const rdsDeletionSafety: ResourcePolicyDefinition<{ production: boolean }> = {
    kind: "resource",
    name: "aws-rds-instance-require-final-snapshot-and-deletion-protection",
    description: "Production databases cannot be deleted by one call, and leave a final snapshot when they are.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "seed 002 'Disaster Recovery & Backup'; terraform-aws-rds defaults",
    remediation: "Set deletionProtection: true, skipFinalSnapshot: false with a finalSnapshotIdentifier, and deleteAutomatedBackups: false.",
    resourceTypes: ["aws:rds/instance:Instance"],
    config: PRODUCTION_CONFIG,
    check(r, c) {
        if (!c.production) return [];
        const problems: string[] = [];
        if (r.props.deletionProtection !== true) problems.push("deletionProtection is off");
        if (!r.props.replicateSourceDb) {
            if (r.props.skipFinalSnapshot !== false || !r.props.finalSnapshotIdentifier) problems.push("no final snapshot is taken on deletion");
            if (r.props.deleteAutomatedBackups === true) problems.push("automated backups are deleted with the instance");
        }
        return problems;
    },
};

export const cacheSnapshots: ResourcePolicyDefinition<{ minDays: number }> = {
    kind: "resource",
    name: "aws-elasticache-configure-snapshot-retention",
    description: "ElastiCache keeps daily snapshots.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "seed 002 'Persistence: RDB + AOF for durability'",
    remediation: "Set snapshotRetentionLimit to at least the configured days.",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"],
    config: { minDays: { type: "integer", minimum: 1, maximum: 35, default: 1, description: "Least snapshot retention, days." } },
    check: (r, c) => ((r.props.snapshotRetentionLimit ?? 0) < c.minDays ? [`snapshotRetentionLimit is ${r.props.snapshotRetentionLimit ?? 0}, below ${c.minDays}`] : []),
};

export const logGroupRetention: ResourcePolicyDefinition<{ minDays: number; maxDays: number }> = {
    kind: "resource",
    name: "aws-cloudwatch-log-group-configure-retention",
    description: "Every log group sets its retention, within the configured bounds (AWS's default keeps logs forever).",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "seed 001 'Log Retention: 30 days standard retention'; Checkov CKV_AWS_66",
    remediation: "Set retentionInDays to a CloudWatch retention value within the bounds.",
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    config: {
        minDays: { type: "integer", minimum: 1, default: 7, description: "Shortest retention, days (enough to investigate an incident)." },
        maxDays: { type: "integer", minimum: 1, default: 3653, description: "Longest retention, days (cost and data-minimisation bound)." },
    },
    check(r, c) {
        const days = r.props.retentionInDays;
        if (days === undefined || days === 0) return ["retentionInDays is not set: AWS keeps these logs forever"];
        if (days < c.minDays || days > c.maxDays) return [`retentionInDays is ${days}, outside ${c.minDays}-${c.maxDays}`];
        return [];
    },
};

export const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/**
 * For each bucket, the resources of `types` attached to it (through a dependency, or their
 * `bucket` input naming it). Indexed once, so a stack check stays linear in the stack's size.
 */
export function bucketsMissing(resources: StackSubject[], types: string[], ok: (attached: StackSubject[]) => boolean = (a) => a.length > 0): StackSubject[] {
    const byKey = new Map<string, StackSubject[]>();
    const add = (key: unknown, r: StackSubject) => {
        if (typeof key !== "string" || key === "") return;
        const list = byKey.get(key);
        if (list) list.push(r);
        else byKey.set(key, [r]);
    };
    for (const r of resources) {
        if (!types.includes(r.type)) continue;
        r.dependencies.forEach((d) => add(d, r));
        add(r.props.bucket, r);
    }
    return resources
        .filter((r) => BUCKETS.includes(r.type))
        .filter((b) => {
            const attached = new Set([b.urn, b.props.bucket, b.props.id, b.name].flatMap((k) => (typeof k === "string" ? byKey.get(k) ?? [] : [])));
            return !ok([...attached]);
        });
}

export const bucketLifecycle: StackPolicyDefinition = {
    kind: "stack",
    name: "aws-s3-bucket-require-lifecycle",
    description: "Every S3 bucket has a lifecycle configuration (archival, expiry, clean-up of uploads and old versions).",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "seed 002 'Lifecycle Policies: Automatic archival after 90 days'",
    remediation: "Add an aws.s3.BucketLifecycleConfiguration for the bucket.",
    checkStack(resources) {
        return bucketsMissing(resources, ["aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"])
            .map((b) => ({ urn: b.urn, message: `bucket ${b.name} has no lifecycle configuration` }));
    },
};

export const statefulSetVolumes: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-statefulset-retain-volumes",
    description: "StatefulSets keep their volume claims when deleted or scaled down.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "seed 002 'Vector Database' backups; Kubernetes StatefulSet PVC retention",
    remediation: "Set spec.persistentVolumeClaimRetentionPolicy to { whenDeleted: Retain, whenScaled: Retain }.",
    resourceTypes: ["kubernetes:apps/v1:StatefulSet"],
    check(r) {
        if (!(r.props.spec?.volumeClaimTemplates ?? []).length) return [];
        const p = r.props.spec?.persistentVolumeClaimRetentionPolicy ?? {};
        const problems: string[] = [];
        if ((p.whenDeleted ?? "Retain") !== "Retain") problems.push(`whenDeleted is ${p.whenDeleted}: deleting the StatefulSet deletes its data`);
        if ((p.whenScaled ?? "Retain") !== "Retain") problems.push(`whenScaled is ${p.whenScaled}: scaling down deletes replicas' data`);
        return problems;
    },
};

export const storageClassRetain: ResourcePolicyDefinition<{ production: boolean }> = {
    kind: "resource",
    name: "kubernetes-storageclass-retain-volumes",
    description: "Production storage classes retain released volumes.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "Kubernetes persistent volume reclaim policy",
    remediation: "Set reclaimPolicy: Retain (the default, Delete, deletes the disk with its claim).",
    resourceTypes: ["kubernetes:storage.k8s.io/v1:StorageClass"],
    config: PRODUCTION_CONFIG,
    check: (r, c) => (c.production && r.props.reclaimPolicy !== "Retain" ? [`reclaimPolicy is ${r.props.reclaimPolicy ?? "Delete (default)"}`] : []),
};

export const kmsKeyLifecycle: ResourcePolicyDefinition<{ minDeletionWindowDays: number }> = {
    kind: "resource",
    name: "aws-kms-key-configure-deletion-window-and-rotation",
    description: "KMS keys rotate yearly and wait long enough before deletion to notice a mistake.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "CIS AWS Foundations 3.6 (rotation); AWS KMS best practices",
    remediation: "Set enableKeyRotation: true and deletionWindowInDays to at least the configured days.",
    resourceTypes: ["aws:kms/key:Key"],
    config: { minDeletionWindowDays: { type: "integer", minimum: 7, maximum: 30, default: 14, description: "Least deletion waiting period, days (AWS allows 7-30)." } },
    check(r, c) {
        const problems: string[] = [];
        const symmetric = (r.props.customerMasterKeySpec ?? r.props.keySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT";
        if (symmetric && r.props.enableKeyRotation !== true) problems.push("enableKeyRotation is off");
        const window = r.props.deletionWindowInDays ?? 30;
        if (window < c.minDeletionWindowDays) problems.push(`deletionWindowInDays is ${window}, below ${c.minDeletionWindowDays}`);
        return problems;
    },
};

export const RETENTION_POLICIES = [rdsBackupRetention, rdsDeletionSafety, cacheSnapshots, logGroupRetention, bucketLifecycle, statefulSetVolumes, storageClassRetain, kmsKeyLifecycle];
