import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BUCKET_ROLE_TAG, BUCKET_ROLES } from "../core/recovery";

export interface PrivateBucketArgs {
    /** What the bucket is for (`BUCKET_ROLES` in core/recovery.ts), as a tag the pack and the cost estimate read. */
    role: string;
    /** Lifecycle rules (at least one: every bucket of ours has a lifecycle). */
    lifecycleRules: aws.types.input.s3.BucketLifecycleConfigurationRule[];
    /** Keep every version of every object. Default true. */
    versioning?: boolean;
    /**
     * `BucketOwnerEnforced` (default) disables ACLs entirely. `BucketOwnerPreferred` is only for
     * buckets AWS services must write to with ACLs (CloudFront standard logs).
     */
    objectOwnership?: "BucketOwnerEnforced" | "BucketOwnerPreferred";
    /**
     * The caller writes the bucket policy itself (e.g. to grant a CloudFront distribution that only
     * exists later) and must include `tlsOnlyStatement`. Default false: a TLS-only policy is attached.
     */
    ownPolicy?: boolean;
    /**
     * Encrypt with this customer-managed KMS key (SSE-KMS, with S3 Bucket Keys so KMS is called once
     * per bucket key, not per object). Default: SSE-S3 (AES256), which every AWS service that writes
     * into a bucket accepts (S3 server access logs and CloudFront logs cannot use SSE-KMS).
     */
    kmsKeyArn?: pulumi.Input<string>;
    /**
     * Server access logs of this bucket go to `targetBucket` (same region and account) under
     * `prefix`. Every bucket logs except the log buckets themselves (`s3-bucket-access-logging`).
     */
    accessLogs?: { targetBucket: pulumi.Input<string>; prefix: string };
    /** Region of the bucket and its configuration. Default: the provider's (pulumi-aws 7 takes `region` per resource). */
    region?: string;
}

/** A private bucket and the resources later configuration must wait for. */
export interface PrivateBucket {
    bucket: aws.s3.Bucket;
    /** Present when versioning is on; replication must be declared after it. */
    versioning?: aws.s3.BucketVersioning;
    /** Bucket policies wait for it: S3 rejects a policy while the block is being applied. */
    publicAccessBlock: aws.s3.BucketPublicAccessBlock;
}

/** Denies any request that does not use TLS. */
export function tlsOnlyStatement(bucketArn: string) {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/**
 * Lets S3 deliver server access logs into `logBucketArn` under `prefix` from buckets of this
 * account (the bucket-policy form AWS recommends over ACL grants; Pulumi registry, BucketLogging).
 */
export function serverAccessLogDeliveryStatement(logBucketArn: string, accountId: string, prefix = "") {
    return {
        Sid: "S3ServerAccessLogDelivery",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${logBucketArn}/${prefix}*`,
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    };
}

/**
 * An S3 bucket nobody can make public: every public-access block on, server-side encryption
 * (SSE-S3, or SSE-KMS with a customer key), TLS-only access, a lifecycle configuration, server
 * access logging when given a target, and versioning unless told otherwise.
 */
export function privateBucket(name: string, args: PrivateBucketArgs, opts: pulumi.CustomResourceOptions): PrivateBucket {
    const region = args.region !== undefined ? { region: args.region } : {};
    const bucket = new aws.s3.Bucket(name, { forceDestroy: false, ...region, tags: { [BUCKET_ROLE_TAG]: args.role } }, opts);
    const block = new aws.s3.BucketPublicAccessBlock(name, {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
        ...region,
    }, opts);
    new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: args.objectOwnership ?? "BucketOwnerEnforced" }, ...region }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(name, {
        bucket: bucket.id,
        rules: [{
            applyServerSideEncryptionByDefault: args.kmsKeyArn ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn } : { sseAlgorithm: "AES256" },
            bucketKeyEnabled: true,
        }],
        ...region,
    }, opts);
    const versioning = args.versioning ?? true
        ? new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" }, ...region }, opts)
        : undefined;
    new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.id, rules: args.lifecycleRules, ...region }, opts);
    if (args.accessLogs) {
        new aws.s3.BucketLogging(name, {
            bucket: bucket.id,
            targetBucket: args.accessLogs.targetBucket,
            targetPrefix: args.accessLogs.prefix,
            // Date-partitioned keys, so Athena (or a person) can read a day without listing everything.
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
            ...region,
        }, opts);
    }
    if (!args.ownPolicy) {
        new aws.s3.BucketPolicy(name, {
            bucket: bucket.id,
            policy: bucket.arn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [tlsOnlyStatement(arn)] })),
            ...region,
        }, { ...opts, dependsOn: [block] });
    }
    return { bucket, versioning, publicAccessBlock: block };
}

export interface AccessLogBucketArgs {
    /** Days access logs are kept (the lifecycle expires them). */
    retentionDays: number;
    /** Account whose buckets may deliver server access logs here. */
    accountId: pulumi.Input<string>;
    /** Region of the log bucket; S3 delivers server access logs only within a region. Default: the provider's. */
    region?: string;
}

/** Key prefix of S3 server access logs in a log bucket (CloudFront's standard logs use `cloudfront/`). */
export const S3_ACCESS_LOG_PREFIX = "s3/";

/**
 * The bucket access logs land in: private, SSE-S3 (log delivery cannot use SSE-KMS), unversioned
 * (logs are written once), expired after `retentionDays`, and writable by S3 log delivery for this
 * account's buckets. It is the one kind of bucket that does not log itself.
 */
export function accessLogBucket(name: string, args: AccessLogBucketArgs, opts: pulumi.CustomResourceOptions): aws.s3.Bucket {
    const { bucket, publicAccessBlock } = privateBucket(name, {
        role: BUCKET_ROLES.accessLogs,
        versioning: false,
        // CloudFront standard logging writes with an ACL grant; the bucket stays private.
        objectOwnership: "BucketOwnerPreferred",
        ownPolicy: true,
        region: args.region,
        lifecycleRules: [{
            id: "expire-access-logs",
            status: "Enabled",
            filter: {},
            expiration: { days: args.retentionDays },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        }],
    }, opts);
    new aws.s3.BucketPolicy(name, {
        bucket: bucket.id,
        policy: pulumi.all([bucket.arn, args.accountId]).apply(([arn, account]) => JSON.stringify({
            Version: "2012-10-17",
            Statement: [tlsOnlyStatement(arn), serverAccessLogDeliveryStatement(arn, account, S3_ACCESS_LOG_PREFIX)],
        })),
        ...(args.region !== undefined ? { region: args.region } : {}),
    }, { ...opts, dependsOn: [publicAccessBlock] });
    return bucket;
}
