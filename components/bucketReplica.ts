import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BUCKET_ROLES, S3_RTC_THRESHOLD_MINUTES } from "../core/recovery";
import { privateBucket, S3_ACCESS_LOG_PREFIX } from "./privateBucket";
import { COMPONENT_TYPES } from "./types";

export interface BucketReplicaArgs {
    /** The bucket to copy (versioned). */
    source: { bucket: aws.s3.Bucket; versioning: aws.s3.BucketVersioning; region: string };
    /** Customer key of the source bucket, when its objects are SSE-KMS: the replication role may decrypt with it. Default: SSE-S3 source. */
    sourceKmsKeyArn?: pulumi.Input<string>;
    /** The second region. */
    region: string;
    /**
     * Replication Time Control: S3 replicates 99.99% of new objects within 15 minutes under an SLA,
     * with replication metrics. Without it S3 replication has no time bound at all. Default true.
     */
    replicationTimeControl?: boolean;
    /** The access-log bucket in the second region (S3 delivers server access logs only within a region). */
    logBucketId: pulumi.Input<string>;
    /** Lifecycle of the copy. Default: Glacier Instant Retrieval after 90 days, old versions expired after 30, uploads aborted after 7. */
    lifecycleRules?: aws.types.input.s3.BucketLifecycleConfigurationRule[];
}

/** Default lifecycle of a replica: the source's archival (seed 002: after 90 days) and clean-up. */
export const REPLICA_LIFECYCLE: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [{
    id: "archive-and-clean-up",
    status: "Enabled",
    filter: {},
    transitions: [{ days: 90, storageClass: "GLACIER_IR" }],
    noncurrentVersionExpiration: { noncurrentDays: 30 },
    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
}];

/**
 * A copy of a bucket in a second region: a private, versioned replica encrypted with a key of that
 * region, with a lifecycle and access logs of its own, and the replication (deletes included, with
 * Replication Time Control by default) through a role that may read only the source and write only
 * the replica.
 */
export class BucketReplica extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: BucketReplicaArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.bucketReplica, name, {}, opts);
        if (args.region === args.source.region) throw new pulumi.RunError(`BucketReplica ${name}: the replica must be in another region than its source (${args.source.region})`);
        const parent = { parent: this };
        const rtc = args.replicationTimeControl ?? true;

        const key = new aws.kms.Key(`${name}-replica`, {
            description: `Replica of ${name} in ${args.region}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            region: args.region,
        }, parent);
        const { bucket: replica, versioning: replicaVersioning } = privateBucket(`${name}-replica`, {
            role: BUCKET_ROLES.replica,
            kmsKeyArn: key.arn,
            region: args.region,
            lifecycleRules: args.lifecycleRules ?? REPLICA_LIFECYCLE,
            accessLogs: { targetBucket: args.logBucketId, prefix: `${S3_ACCESS_LOG_PREFIX}${name}-replica/` },
        }, parent);

        const role = new aws.iam.Role(`${name}-replication`, {
            description: `S3 replication of ${name} to ${args.region}`,
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        }, parent);
        new aws.iam.RolePolicy(`${name}-replication`, {
            role: role.id,
            policy: pulumi.all([args.source.bucket.arn, replica.arn, key.arn, pulumi.output(args.sourceKmsKeyArn)])
                .apply(([src, dst, dstKey, srcKey]) => JSON.stringify(replicationPolicy({ src, dst, dstKey, srcKey, srcRegion: args.source.region, dstRegion: args.region }))),
        }, parent);

        new aws.s3.BucketReplicationConfig(`${name}-replication`, {
            bucket: args.source.bucket.id,
            role: role.arn,
            rules: [{
                id: "to-dr-region",
                status: "Enabled",
                filter: {},
                deleteMarkerReplication: { status: "Enabled" },
                sourceSelectionCriteria: args.sourceKmsKeyArn ? { sseKmsEncryptedObjects: { status: "Enabled" } } : undefined,
                destination: {
                    bucket: replica.arn,
                    // SSE-KMS objects are re-encrypted with the replica's key (the documented pairing with
                    // sseKmsEncryptedObjects); the replica bucket's own default (that key) covers new writes.
                    ...(args.sourceKmsKeyArn ? { encryptionConfiguration: { replicaKmsKeyId: key.arn } } : {}),
                    ...(rtc
                        ? {
                            replicationTime: { status: "Enabled", time: { minutes: S3_RTC_THRESHOLD_MINUTES } },
                            metrics: { status: "Enabled", eventThreshold: { minutes: S3_RTC_THRESHOLD_MINUTES } },
                        }
                        : {}),
                },
            }],
        }, { ...parent, dependsOn: [args.source.versioning, replicaVersioning!] });

        this.bucketName = replica.bucket;
        this.bucketArn = replica.arn;
        this.kmsKeyArn = key.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn });
    }
}

/**
 * What S3 needs to replicate, and nothing else: read the source's versions, write replicas, and use
 * each key only through S3 in its region for its bucket (Amazon S3 user guide, "Replicating
 * encrypted objects"; the bucket ARN is in the encryption context because of S3 Bucket Keys).
 */
export function replicationPolicy(p: { src: string; dst: string; dstKey: string; srcKey?: string; srcRegion: string; dstRegion: string }) {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "ReadSourceConfiguration", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: p.src },
            { Sid: "ReadSourceVersions", Effect: "Allow", Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], Resource: `${p.src}/*` },
            { Sid: "WriteReplicas", Effect: "Allow", Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], Resource: `${p.dst}/*` },
            ...(p.srcKey
                ? [{
                    Sid: "DecryptSource",
                    Effect: "Allow",
                    Action: "kms:Decrypt",
                    Resource: p.srcKey,
                    Condition: { StringLike: { "kms:ViaService": `s3.${p.srcRegion}.amazonaws.com`, "kms:EncryptionContext:aws:s3:arn": [p.src, `${p.src}/*`] } },
                }]
                : []),
            {
                Sid: "EncryptReplicas",
                Effect: "Allow",
                Action: ["kms:Encrypt", "kms:GenerateDataKey"],
                Resource: p.dstKey,
                Condition: { StringLike: { "kms:ViaService": `s3.${p.dstRegion}.amazonaws.com`, "kms:EncryptionContext:aws:s3:arn": [p.dst, `${p.dst}/*`] } },
            },
        ],
    };
}
