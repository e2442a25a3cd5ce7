/**
 * Retention policies (policies/rules/retention.ts) called in process: every threshold exactly at,
 * one below and one above; each deletion-safety condition with its near miss; whole finding lists.
 */
import { strict as assert } from "assert";
import { resourceSubject, stackSubject } from "./subjects";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, ResourcePolicyDefinition, StackSubject } from "../../../policies/definitions";
import {
    auroraBackupRetention, auroraDeletionSafety, backupPlanRetention, bucketEarlyExpiry, bucketLifecycle, cacheSnapshots, dynamoPitr, efsBackup, kmsKeyLifecycle, logGroupRetention,
    rdsBackupRetention, rdsDeletionSafety, statefulSetVolumes, storageClassRetain,
} from "../../../policies/rules/retention";

const U = UNKNOWN_MARKER;
const check = (p: ResourcePolicyDefinition, type: string, props: Record<string, any>, config: any = {}, name = "x"): Finding[] =>
    p.check(resourceSubject(type, props, name), config);
let n = 0;
const res = (type: string, props: Record<string, any>, extra: Partial<StackSubject> = {}): StackSubject => stackSubject(type, extra.name ?? `r${++n}`, props, extra);

describe("retention policies (checks)", () => {
    it("RDS backup retention: at, below and above the minimum; unset keeps none; replicas exempt", () => {
        const I = "aws:rds/instance:Instance";
        const c = { minDays: 30 };
        assert.deepEqual(check(rdsBackupRetention, I, { backupRetentionPeriod: 30 }, c), []);
        assert.deepEqual(check(rdsBackupRetention, I, { backupRetentionPeriod: 31 }, c), []);
        assert.deepEqual(check(rdsBackupRetention, I, { backupRetentionPeriod: 29 }, c), ["backupRetentionPeriod is 29 days, below 30"]);
        assert.deepEqual(check(rdsBackupRetention, I, {}, { minDays: 1 }), ["backupRetentionPeriod is 0 days, below 1"]);
        assert.deepEqual(check(rdsBackupRetention, I, { backupRetentionPeriod: 1, replicateSourceDb: "web-pg" }, c), []);
        assert.deepEqual(check(rdsBackupRetention, I, { backupRetentionPeriod: U }, c), [{ undecided: "backupRetentionPeriod" }]);
    });

    it("Aurora backup retention: AWS keeps 1 day when unset; replicas exempt", () => {
        const C = "aws:rds/cluster:Cluster";
        assert.deepEqual(check(auroraBackupRetention, C, {}, { minDays: 1 }), []);
        assert.deepEqual(check(auroraBackupRetention, C, {}, { minDays: 2 }), ["backupRetentionPeriod is 1 days, below 2"]);
        assert.deepEqual(check(auroraBackupRetention, C, { backupRetentionPeriod: 7 }, { minDays: 7 }), []);
        assert.deepEqual(check(auroraBackupRetention, C, { backupRetentionPeriod: 6 }, { minDays: 7 }), ["backupRetentionPeriod is 6 days, below 7"]);
        assert.deepEqual(check(auroraBackupRetention, C, { backupRetentionPeriod: 1, replicationSourceIdentifier: "arn:src" }, { minDays: 7 }), []);
    });

    describe("database deletion safety", () => {
        const safe = { deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "final", deleteAutomatedBackups: false };
        const I = "aws:rds/instance:Instance";
        const prod = { production: true };

        it("needs each of deletion protection, a final snapshot and kept backups, one at a time", () => {
            assert.deepEqual(check(rdsDeletionSafety, I, safe, prod), []);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, deletionProtection: false }, prod), ["deletionProtection is off"]);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, skipFinalSnapshot: true }, prod), ["no final snapshot is taken on deletion"]);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, finalSnapshotIdentifier: undefined }, prod), ["no final snapshot is taken on deletion"]);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, finalSnapshotIdentifier: "" }, prod), ["no final snapshot is taken on deletion"]);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, skipFinalSnapshot: undefined }, prod), ["no final snapshot is taken on deletion"]);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, deleteAutomatedBackups: true }, prod), ["automated backups are deleted with the database (deleteAutomatedBackups is not false)"]);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, deleteAutomatedBackups: undefined }, prod), ["automated backups are deleted with the database (deleteAutomatedBackups is not false)"]);
            assert.deepEqual(check(rdsDeletionSafety, I, {}, prod), [
                "deletionProtection is off",
                "no final snapshot is taken on deletion",
                "automated backups are deleted with the database (deleteAutomatedBackups is not false)",
            ]);
        });

        it("asks replicas only for deletion protection, and development stacks for nothing", () => {
            assert.deepEqual(check(rdsDeletionSafety, I, { replicateSourceDb: "web-pg", deletionProtection: true }, prod), []);
            assert.deepEqual(check(rdsDeletionSafety, I, { replicateSourceDb: "web-pg" }, prod), ["deletionProtection is off"]);
            assert.deepEqual(check(rdsDeletionSafety, I, {}, { production: false }), []);
            const C = "aws:rds/cluster:Cluster";
            assert.deepEqual(check(auroraDeletionSafety, C, safe, prod), []);
            assert.deepEqual(check(auroraDeletionSafety, C, { ...safe, deleteAutomatedBackups: true }, prod), ["automated backups are deleted with the database (deleteAutomatedBackups is not false)"]);
            assert.deepEqual(check(auroraDeletionSafety, C, { replicationSourceIdentifier: "arn:src" }, prod), ["deletionProtection is off"]);
            assert.deepEqual(check(auroraDeletionSafety, C, {}, { production: false }), []);
        });

        it("takes an unknown snapshot identifier as one, and is undecided on unknown switches", () => {
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, finalSnapshotIdentifier: U }, prod), []);
            assert.deepEqual(check(rdsDeletionSafety, I, { ...safe, deletionProtection: U, skipFinalSnapshot: U, deleteAutomatedBackups: U }, prod), [
                { undecided: "deletionProtection" },
                { undecided: "skipFinalSnapshot" },
                { undecided: "deleteAutomatedBackups" },
            ]);
        });
    });

    it("cache snapshots: at, below and above; memcached and group members exempt; unset keeps none", () => {
        const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
        const CL = "aws:elasticache/cluster:Cluster";
        const SL = "aws:elasticache/serverlessCache:ServerlessCache";
        const c = { minDays: 7 };
        assert.deepEqual(check(cacheSnapshots, RG, { snapshotRetentionLimit: 7 }, c), []);
        assert.deepEqual(check(cacheSnapshots, RG, { snapshotRetentionLimit: 8 }, c), []);
        assert.deepEqual(check(cacheSnapshots, RG, { snapshotRetentionLimit: 6 }, c), ["snapshotRetentionLimit is 6, below 7"]);
        assert.deepEqual(check(cacheSnapshots, RG, { engine: "memcached" }, c), ["snapshotRetentionLimit is 0, below 7"]);
        assert.deepEqual(check(cacheSnapshots, CL, { engine: "redis" }, c), ["snapshotRetentionLimit is 0, below 7"]);
        assert.deepEqual(check(cacheSnapshots, CL, { engine: "redis", replicationGroupId: "rg" }, c), []);
        assert.deepEqual(check(cacheSnapshots, CL, { engine: "memcached" }, c), []);
        assert.deepEqual(check(cacheSnapshots, SL, { engine: "valkey", snapshotRetentionLimit: 6 }, c), ["snapshotRetentionLimit is 6, below 7"]);
        assert.deepEqual(check(cacheSnapshots, SL, { engine: "memcached" }, c), []);
        assert.deepEqual(check(cacheSnapshots, SL, { engine: U }, c), [{ undecided: "engine" }]);
        assert.deepEqual(check(cacheSnapshots, SL, { engine: U, snapshotRetentionLimit: 1 }, c), []);
        assert.deepEqual(check(cacheSnapshots, CL, { engine: U }, c), [{ undecided: "engine" }]);
    });

    it("log groups: retention set, within min and max inclusive", () => {
        const L = "aws:cloudwatch/logGroup:LogGroup";
        const c = { minDays: 30, maxDays: 400 };
        assert.deepEqual(check(logGroupRetention, L, {}, c), ["retentionInDays is not set: AWS keeps these logs forever"]);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 0 }, c), ["retentionInDays is not set: AWS keeps these logs forever"]);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 29 }, c), ["retentionInDays is 29, outside 30-400"]);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 30 }, c), []);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 31 }, c), []);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 399 }, c), []);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 400 }, c), []);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: 401 }, c), ["retentionInDays is 401, outside 30-400"]);
        assert.deepEqual(check(logGroupRetention, L, { retentionInDays: U }, c), [{ undecided: "retentionInDays" }]);
    });

    it("bucket lifecycle: a configuration linked by name or dependency, or inline rules", () => {
        const B = "aws:s3/bucketV2:BucketV2";
        const LC = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
        const a = res(B, { bucket: "web-a" }, { name: "a" });
        const b = res(B, { bucket: "web-b" }, { name: "b" });
        const inline = res("aws:s3/bucket:Bucket", { lifecycleRules: [{ enabled: true }] }, { name: "inline" });
        const inlineUnknown = res("aws:s3/bucket:Bucket", { lifecycleRules: U }, { name: "inline-u" });
        const emptyInline = res("aws:s3/bucket:Bucket", { lifecycleRules: [] }, { name: "empty" });
        const lc = res(LC, { bucket: "web-a", rules: [] });
        assert.deepEqual(bucketLifecycle.checkStack([a, b, inline, inlineUnknown, emptyInline, lc], {}), [
            { urn: b.urn, message: "bucket b has no lifecycle configuration" },
            { urn: emptyInline.urn, message: "bucket empty has no lifecycle configuration" },
        ]);
        const byDependency = res(LC, { bucket: U, rules: [] }, { dependencies: [b.urn] });
        assert.deepEqual(bucketLifecycle.checkStack([a, b, lc, byDependency], {}), []);
    });

    describe("early expiration", () => {
        const LC = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
        const c = { minExpirationDays: 30 };
        const rule = (r: Record<string, unknown>) => ({ id: "data", status: "Enabled", ...r });

        it("at, below and above the minimum", () => {
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [rule({ expiration: { days: 30 } }), rule({ expiration: { days: 31 } })] }, c), []);
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [rule({ expiration: { days: 30 } }), rule({ expiration: { days: 29 } })] }, c), [
                "rules[1] (data) expires objects after 29 days, below 30: data (not logs or scratch space) would be deleted",
            ]);
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [{ expiration: { days: 1 } }] }, c), ["rules[0] (unnamed) expires objects after 1 days, below 30: data (not logs or scratch space) would be deleted"]);
        });

        it("lets disabled rules, rules without expiry, and log or scratch prefixes and ids expire sooner", () => {
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [
                rule({ status: "Disabled", expiration: { days: 1 } }),
                rule({ transitions: [{ days: 1, storageClass: "GLACIER" }] }),
                rule({ expiration: { days: null } }),
                rule({ id: "expire-logs", expiration: { days: 1 } }),
                rule({ filter: { prefix: "tmp/" }, expiration: { days: 1 } }),
                rule({ prefix: "cache/", expiration: { days: 1 } }),
                rule({ filter: { and: { prefix: "access-logs/" } }, expiration: { days: 1 } }),
            ] }, c), []);
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [rule({ filter: { prefix: "uploads/" }, expiration: { days: 1 } })] }, c), [
                "rules[0] (data) expires objects after 1 days, below 30: data (not logs or scratch space) would be deleted",
            ]);
        });

        it("reads inline rules of a bucket (enabled: false is off), and spares log buckets", () => {
            const B = "aws:s3/bucket:Bucket";
            assert.deepEqual(check(bucketEarlyExpiry, B, { bucket: "web-files", lifecycleRules: [{ id: "old", enabled: true, expiration: { days: 7 } }, { id: "off", enabled: false, expiration: { days: 1 } }] }, c), [
                "lifecycleRules[0] (old) expires objects after 7 days, below 30: data (not logs or scratch space) would be deleted",
            ]);
            assert.deepEqual(check(bucketEarlyExpiry, B, { bucket: "web-access-logs", lifecycleRules: [{ id: "old", enabled: true, expiration: { days: 7 } }] }, c), []);
            assert.deepEqual(check(bucketEarlyExpiry, B, { lifecycleRules: [{ id: "old", enabled: true, expiration: { days: 7 } }] }, c, "web-logs"), []);
            assert.deepEqual(check(bucketEarlyExpiry, B, { bucket: "web-files" }, c), []);
        });

        it("is undecided on unknown rules, switches, prefixes, days, and bucket names", () => {
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: U }, c), [{ undecided: "rules" }]);
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [U, rule({ status: U, expiration: { days: 1 } }), rule({ filter: { prefix: U }, expiration: { days: 1 } }), rule({ expiration: { days: U } })] }, c), [
                { undecided: "rules[0]" },
                { undecided: "rules[1].status" },
                { undecided: "rules[2].filter.prefix" },
                { undecided: "rules[3].expiration.days" },
            ]);
            const B = "aws:s3/bucket:Bucket";
            assert.deepEqual(check(bucketEarlyExpiry, B, { bucket: U, lifecycleRules: [{ id: "old", enabled: true, expiration: { days: 7 } }, { id: "ok", enabled: true, expiration: { days: 90 } }] }, c), [{ undecided: "bucket" }]);
            assert.deepEqual(check(bucketEarlyExpiry, B, { bucket: U, lifecycleRules: [{ id: "ok", enabled: true, expiration: { days: 90 } }] }, c), []);
            // An unknown rule of a bucket whose name is unknown keeps its own path.
            assert.deepEqual(check(bucketEarlyExpiry, B, { bucket: U, lifecycleRules: [U] }, c), [{ undecided: "lifecycleRules[0]" }]);
            assert.deepEqual(check(bucketEarlyExpiry, LC, { rules: [null, rule({ expiration: { days: 90 } })] }, c), []);
        });
    });

    it("StatefulSet volumes: retained when deleted and when scaled (Retain is the default)", () => {
        const S = "kubernetes:apps/v1:StatefulSet";
        const sts = (policy: unknown) => ({ spec: { volumeClaimTemplates: [{ metadata: { name: "data" } }], persistentVolumeClaimRetentionPolicy: policy } });
        assert.deepEqual(check(statefulSetVolumes, S, sts({ whenDeleted: "Retain", whenScaled: "Retain" })), []);
        assert.deepEqual(check(statefulSetVolumes, S, sts(undefined)), []);
        assert.deepEqual(check(statefulSetVolumes, S, sts({ whenDeleted: "Delete", whenScaled: "Delete" })), [
            "whenDeleted is Delete: deleting the StatefulSet deletes its data",
            "whenScaled is Delete: scaling down deletes replicas' data",
        ]);
        assert.deepEqual(check(statefulSetVolumes, S, sts({ whenScaled: "Delete" })), ["whenScaled is Delete: scaling down deletes replicas' data"]);
        assert.deepEqual(check(statefulSetVolumes, S, { spec: { volumeClaimTemplates: [], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete" } } }), []);
        assert.deepEqual(check(statefulSetVolumes, S, { spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete" } } }), []);
        assert.deepEqual(check(statefulSetVolumes, S, { spec: { volumeClaimTemplates: U, persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete" } } }), ["whenDeleted is Delete: deleting the StatefulSet deletes its data"]);
        assert.deepEqual(check(statefulSetVolumes, S, sts(U)), [{ undecided: "spec.persistentVolumeClaimRetentionPolicy" }]);
        assert.deepEqual(check(statefulSetVolumes, S, sts({ whenDeleted: U })), [{ undecided: "spec.persistentVolumeClaimRetentionPolicy.whenDeleted" }]);
        assert.deepEqual(check(statefulSetVolumes, S, sts({ whenScaled: U })), [{ undecided: "spec.persistentVolumeClaimRetentionPolicy.whenScaled" }]);
    });

    it("storage classes retain volumes in production", () => {
        const SC = "kubernetes:storage.k8s.io/v1:StorageClass";
        assert.deepEqual(check(storageClassRetain, SC, { reclaimPolicy: "Retain" }, { production: true }), []);
        assert.deepEqual(check(storageClassRetain, SC, {}, { production: true }), ["reclaimPolicy is Delete (default)"]);
        assert.deepEqual(check(storageClassRetain, SC, { reclaimPolicy: "Delete" }, { production: true }), ["reclaimPolicy is Delete"]);
        assert.deepEqual(check(storageClassRetain, SC, {}, { production: false }), []);
    });

    it("KMS keys: rotation for symmetric keys, deletion window at, below and above the minimum", () => {
        const K = "aws:kms/key:Key";
        const c = { minDeletionWindowDays: 30 };
        assert.deepEqual(check(kmsKeyLifecycle, K, { enableKeyRotation: true, deletionWindowInDays: 30 }, c), []);
        assert.deepEqual(check(kmsKeyLifecycle, K, { enableKeyRotation: true }, c), []);
        assert.deepEqual(check(kmsKeyLifecycle, K, { enableKeyRotation: true, deletionWindowInDays: 29 }, c), ["deletionWindowInDays is 29, below 30"]);
        assert.deepEqual(check(kmsKeyLifecycle, K, { enableKeyRotation: true, deletionWindowInDays: 8 }, { minDeletionWindowDays: 7 }), []);
        assert.deepEqual(check(kmsKeyLifecycle, K, { enableKeyRotation: true, deletionWindowInDays: 7 }, { minDeletionWindowDays: 7 }), []);
        assert.deepEqual(check(kmsKeyLifecycle, K, { deletionWindowInDays: 6 }, { minDeletionWindowDays: 7 }), ["enableKeyRotation is off", "deletionWindowInDays is 6, below 7"]);
        assert.deepEqual(check(kmsKeyLifecycle, K, { keySpec: "SYMMETRIC_DEFAULT" }, c), ["enableKeyRotation is off"]);
        assert.deepEqual(check(kmsKeyLifecycle, K, { keySpec: "RSA_2048" }, c), []);
        assert.deepEqual(check(kmsKeyLifecycle, K, { customerMasterKeySpec: "ECC_NIST_P256", keySpec: "SYMMETRIC_DEFAULT" }, c), []);
        assert.deepEqual(check(kmsKeyLifecycle, K, { keySpec: U }, c), [{ undecided: "keySpec" }]);
        assert.deepEqual(check(kmsKeyLifecycle, K, { keySpec: U, enableKeyRotation: true }, c), []);
    });

    it("backup plans: the longest-kept rule at, below and above the minimum; no deleteAfter keeps forever", () => {
        const P = "aws:backup/plan:Plan";
        const c = { minDays: 30 };
        const plan = (...deleteAfter: unknown[]) => ({ rules: deleteAfter.map((d) => ({ ruleName: "r", lifecycle: d === "none" ? {} : { deleteAfter: d } })) });
        assert.deepEqual(check(backupPlanRetention, P, plan(7, 30), c), []);
        assert.deepEqual(check(backupPlanRetention, P, plan(31), c), []);
        assert.deepEqual(check(backupPlanRetention, P, plan(7, 29), c), ["the longest-kept rule keeps recovery points 29 days, below 30"]);
        assert.deepEqual(check(backupPlanRetention, P, plan("29"), c), ["the longest-kept rule keeps recovery points 29 days, below 30"]);
        assert.deepEqual(check(backupPlanRetention, P, plan(7, "none"), c), []);
        assert.deepEqual(check(backupPlanRetention, P, plan(7, null), c), []);
        assert.deepEqual(check(backupPlanRetention, P, { rules: [] }, c), []);
        assert.deepEqual(check(backupPlanRetention, P, { rules: U }, c), [{ undecided: "rules" }]);
        assert.deepEqual(check(backupPlanRetention, P, plan(7, U), c), [{ undecided: "rules[].lifecycle.deleteAfter" }]);
        assert.deepEqual(check(backupPlanRetention, P, { rules: [U, { lifecycle: { deleteAfter: 7 } }] }, c), [{ undecided: "rules[].lifecycle.deleteAfter" }]);
        assert.deepEqual(check(backupPlanRetention, P, plan(U, 30), c), []);
    });

    it("DynamoDB: point-in-time recovery on, its window at, below and above the minimum (35 by default)", () => {
        const T = "aws:dynamodb/table:Table";
        const c = { minDays: 30 };
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: true } }, c), []);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 30 } }, c), []);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 31 } }, c), []);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 29 } }, c), ["recoveryPeriodInDays is 29, below 30"]);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: 1 } }, c), ["point-in-time recovery is off (the default when the block is absent)"]);
        assert.deepEqual(check(dynamoPitr, T, {}, c), ["point-in-time recovery is off (the default when the block is absent)"]);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: U }, c), [{ undecided: "pointInTimeRecovery" }]);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: U } }, c), [{ undecided: "pointInTimeRecovery.enabled" }]);
        assert.deepEqual(check(dynamoPitr, T, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: U } }, c), [{ undecided: "pointInTimeRecovery.recoveryPeriodInDays" }]);
    });

    describe("EFS backup", () => {
        const FS = "aws:efs/fileSystem:FileSystem";
        const BP = "aws:efs/backupPolicy:BackupPolicy";
        const SEL = "aws:backup/selection:Selection";

        it("an enabled backup policy, a selection that depends on it, or a wildcard selection", () => {
            const a = res(FS, { id: "fs-a" }, { name: "a" });
            const b = res(FS, { id: "fs-b" }, { name: "b" });
            const c = res(FS, { id: "fs-c" }, { name: "c" });
            const d = res(FS, { id: "fs-d" }, { name: "d" });
            const policies = [res(BP, { fileSystemId: "fs-a", backupPolicy: { status: "ENABLED" } }), res(BP, { fileSystemId: "fs-b", backupPolicy: { status: "DISABLED" } })];
            const sel = res(SEL, { resources: ["arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-c"] }, { propertyDependencies: { resources: [c.urn] } });
            assert.deepEqual(efsBackup.checkStack([a, b, c, d, ...policies, sel], {}), [
                { urn: b.urn, message: "file system b has its backup policy DISABLED" },
                { urn: d.urn, message: "file system d has no backup policy and no backup selection" },
            ]);
            const viaDependency = res(SEL, { resources: [U] }, { dependencies: [d.urn] });
            assert.deepEqual(efsBackup.checkStack([d, viaDependency], {}), []);
            for (const wildcard of ["*", "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/*"]) {
                assert.deepEqual(efsBackup.checkStack([b, d, policies[1], res(SEL, { resources: [wildcard] })], {}), [], wildcard);
            }
            assert.deepEqual(efsBackup.checkStack([d, res(SEL, { resources: ["arn:aws:rds:us-east-1:1:db:*"] })], {}), [{ urn: d.urn, message: "file system d has no backup policy and no backup selection" }]);
            // A backup policy that depends on its file system is no backup selection.
            const disabledByDependency = res(BP, { fileSystemId: U, backupPolicy: { status: "DISABLED" } }, { dependencies: [d.urn] });
            assert.deepEqual(efsBackup.checkStack([d, disabledByDependency], {}), [{ urn: d.urn, message: "file system d has its backup policy DISABLED" }]);
        });

        it("is undecided on an unknown status, an unlinked policy, or a selection it cannot read", () => {
            const a = res(FS, { id: "fs-a" }, { name: "a" });
            assert.deepEqual(efsBackup.checkStack([a, res(BP, { fileSystemId: "fs-a", backupPolicy: { status: U } })], {}), [{ urn: a.urn, undecided: "backupPolicy.status" }]);
            assert.deepEqual(efsBackup.checkStack([a, res(BP, { fileSystemId: U, backupPolicy: { status: "ENABLED" } })], {}), [{ urn: a.urn, undecided: "backupPolicy.status" }]);
            assert.deepEqual(efsBackup.checkStack([a, res(SEL, { resources: U })], {}), [{ urn: a.urn, undecided: "resources of an aws.backup.Selection" }]);
            assert.deepEqual(efsBackup.checkStack([a, res(SEL, { resources: ["arn:x", U] })], {}), [{ urn: a.urn, undecided: "resources of an aws.backup.Selection" }]);
            assert.deepEqual(efsBackup.checkStack([a, res(SEL, { resources: ["arn:x"] }), res(SEL, { resources: U })], {}), [{ urn: a.urn, undecided: "resources of an aws.backup.Selection" }]);
            const other = res("aws:s3/bucketV2:BucketV2", {});
            assert.deepEqual(efsBackup.checkStack([a, other, res(SEL, { resources: U }, { dependencies: [other.urn] })], {}), [{ urn: a.urn, message: "file system a has no backup policy and no backup selection" }]);
        });
    });
});
