import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface PrivateBucketArgs {
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
 * An S3 bucket nobody can make public: every public-access block on, server-side encryption,
 * TLS-only access, a lifecycle configuration, and versioning unless told otherwise.
 */
export function privateBucket(name: string, args: PrivateBucketArgs, opts: pulumi.CustomResourceOptions) {
    const bucket = new aws.s3.Bucket(name, { forceDestroy: false }, opts);
    const block = new aws.s3.BucketPublicAccessBlock(name, {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, opts);
    new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: args.objectOwnership ?? "BucketOwnerEnforced" } }, opts);
    new aws.s3.BucketServerSideEncryptionConfiguration(name, {
        bucket: bucket.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
    }, opts);
    if (args.versioning ?? true) new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
    new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.id, rules: args.lifecycleRules }, opts);
    if (!args.ownPolicy) {
        new aws.s3.BucketPolicy(name, {
            bucket: bucket.id,
            policy: bucket.arn.apply((arn) => JSON.stringify({ Version: "2012-10-17", Statement: [tlsOnlyStatement(arn)] })),
        }, { ...opts, dependsOn: [block] });
    }
    return bucket;
}
