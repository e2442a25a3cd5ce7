import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BUCKET_ROLES } from "../core/recovery";
import { privateBucket, S3_ACCESS_LOG_PREFIX } from "./privateBucket";
import { COMPONENT_TYPES } from "./types";

/** Seed 002 "Lifecycle Policies: Automatic archival after 90 days". */
export const FILE_ARCHIVE_AFTER_DAYS = 90;
/** Overwritten and deleted cache files stay recoverable this long, then expire. */
export const FILE_NONCURRENT_DAYS = 30;

export interface FileStoreArgs {
    /** Where the bucket's server access logs go (an `accessLogBucket` in the same region). */
    logBucketId: pulumi.Input<string>;
    /** Days an overwritten or deleted file stays recoverable. Default `FILE_NONCURRENT_DAYS` (30). */
    noncurrentDays?: number;
    /** Days before files move to Glacier Instant Retrieval. Default `FILE_ARCHIVE_AFTER_DAYS` (90). */
    archiveAfterDays?: number;
}

/**
 * The app's object storage (seed 002 "Cache Files: Compressed JSON with embeddings"): a private,
 * versioned bucket encrypted with a customer key of its own (SSE-KMS), TLS only, archived to
 * Glacier Instant Retrieval after 90 days, old versions expired, incomplete uploads aborted, and
 * server access logs. Nothing is granted here: `accessPolicy()` is what the app's role gets.
 */
export class FileStore extends pulumi.ComponentResource {
    public readonly bucket: aws.s3.Bucket;
    public readonly versioning: aws.s3.BucketVersioning;
    public readonly bucketName: pulumi.Output<string>;
    public readonly bucketArn: pulumi.Output<string>;
    public readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: FileStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.fileStore, name, {}, opts);
        const parent = { parent: this };
        const key = new aws.kms.Key(`${name}-files`, { description: `App file store ${name}`, enableKeyRotation: true, deletionWindowInDays: 30 }, parent);
        const { bucket, versioning } = privateBucket(`${name}-files`, {
            role: BUCKET_ROLES.fileStore,
            kmsKeyArn: key.arn,
            lifecycleRules: [{
                id: "archive-and-clean-up",
                status: "Enabled",
                filter: {},
                transitions: [{ days: args.archiveAfterDays ?? FILE_ARCHIVE_AFTER_DAYS, storageClass: "GLACIER_IR" }],
                noncurrentVersionExpiration: { noncurrentDays: args.noncurrentDays ?? FILE_NONCURRENT_DAYS },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            }],
            accessLogs: { targetBucket: args.logBucketId, prefix: `${S3_ACCESS_LOG_PREFIX}files/` },
        }, parent);

        this.bucket = bucket;
        this.versioning = versioning!;
        this.bucketName = bucket.bucket;
        this.bucketArn = bucket.arn;
        this.kmsKeyArn = key.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, kmsKeyArn: this.kmsKeyArn });
    }

    /** IAM statements for the app: objects of this bucket only, and its key only through S3. */
    accessStatements(region: string): pulumi.Output<object[]> {
        return pulumi.all([this.bucketArn, this.kmsKeyArn]).apply(([bucket, key]) => fileStoreAccessStatements(bucket, key, region));
    }
}

/**
 * Read, write and delete the files of one bucket, list it, and use its key only for S3 requests
 * in its region: no `*` resource anywhere.
 */
export function fileStoreAccessStatements(bucketArn: string, kmsKeyArn: string, region: string): object[] {
    return [
        { Sid: "ListFileStore", Effect: "Allow", Action: ["s3:ListBucket"], Resource: bucketArn },
        { Sid: "ReadWriteFiles", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: `${bucketArn}/*` },
        {
            Sid: "UseFileStoreKey",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
        },
    ];
}
