import { strict as assert } from "assert";
import { planShippedStack, resourcesOf } from "../harness";

/** Every Resource of an IAM policy document, flattened. */
const resourcesIn = (doc: any): string[] => doc.Statement.flatMap((s: any) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));

describe("FileStore (the app's object storage)", () => {
    it("is a private, versioned bucket under its own customer key, TLS only, archived after 90 days, logged", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const bucket = r.one("aws:s3/bucket:Bucket", "medium-files");
        const key = r.one("aws:kms/key:Key", "medium-files");
        assert.deepEqual([key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays], [true, 30]);
        const sse = r.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "medium-files").inputs.rules[0];
        assert.match(sse.applyServerSideEncryptionByDefault.kmsMasterKeyId, /^arn:aws:kms:us-east-1:\d{12}:key\//);
        assert.deepEqual([sse.applyServerSideEncryptionByDefault.sseAlgorithm, sse.bucketKeyEnabled], ["aws:kms", true]);
        assert.equal(r.one("aws:s3/bucketVersioning:BucketVersioning", "medium-files").inputs.versioningConfiguration.status, "Enabled");
        const pab = r.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "medium-files").inputs;
        assert.deepEqual([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets], [true, true, true, true]);
        const policy = JSON.parse(r.one("aws:s3/bucketPolicy:BucketPolicy", "medium-files").inputs.policy);
        assert.deepEqual(policy.Statement.map((s: any) => [s.Effect, s.Condition?.Bool?.["aws:SecureTransport"]]), [["Deny", "false"]]);
        const rule = r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "medium-files").inputs.rules[0];
        assert.deepEqual(rule.transitions, [{ days: 90, storageClass: "GLACIER_IR" }]);
        assert.deepEqual([rule.noncurrentVersionExpiration.noncurrentDays, rule.abortIncompleteMultipartUpload.daysAfterInitiation], [30, 7]);
        const logging = r.one("aws:s3/bucketLogging:BucketLogging", "medium-files").inputs;
        assert.match(logging.bucket, /^web-medium-files-[0-9a-f]{7}$/);
        assert.equal(logging.targetPrefix, "s3/files/");
        assert.equal(bucket.inputs.tags["tiered-infra:bucket-role"], "file-store");
        assert.match(logging.targetBucket, /^web-medium-logs-/);
    });

    it("is reachable only by the app's service account: its role grants the file store's bucket and key ARNs and nothing else", async () => {
        const run = await planShippedStack("medium");
        const r = resourcesOf(run);
        const role = r.one("aws:iam/role:Role", "medium-app");
        const trust = JSON.parse(role.inputs.assumeRolePolicy).Statement[0];
        assert.deepEqual(Object.values(trust.Condition.StringEquals).sort(), ["sts.amazonaws.com", "system:serviceaccount:web:web"]);
        const policy = JSON.parse(r.one("aws:iam/rolePolicy:RolePolicy", "medium-app").inputs.policy);
        const s3 = policy.Statement.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith("s3:")));
        const bucketName = r.one("aws:s3/bucketLogging:BucketLogging", "medium-files").inputs.bucket;
        const bucketArn = `arn:aws:s3:::${bucketName}`;
        assert.deepEqual([...new Set(resourcesIn({ Statement: s3 }))].sort(), [bucketArn, `${bucketArn}/*`]);
        const kms = policy.Statement.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith("kms:")));
        assert.deepEqual(resourcesIn({ Statement: kms }), [r.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "medium-files").inputs.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId]);
        assert.equal(kms[0].Condition.StringEquals["kms:ViaService"], "s3.us-east-1.amazonaws.com");
        assert.ok(!resourcesIn(policy).some((x) => x === "*" || x.endsWith(":*")), "no wildcard resource");
        assert.ok(policy.Statement.every((s: any) => s.Effect === "Allow" && ![s.Action].flat().some((a: string) => a === "*" || a === "s3:*" || a === "kms:*")));
    });

    it("reaches the pods as plain env (the bucket's name and region), never as credentials", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const env: any[] = r.one("kubernetes:apps/v1:Deployment", "medium-deployment").inputs.spec.template.spec.containers[0].env;
        const bucketName = r.one("aws:s3/bucketLogging:BucketLogging", "medium-files").inputs.bucket;
        assert.deepEqual(env.filter((e) => e.name.startsWith("FILE_STORE_")), [{ name: "FILE_STORE_BUCKET", value: bucketName }, { name: "FILE_STORE_REGION", value: "us-east-1" }]);
        assert.ok(!env.some((e) => /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(e.name)));
        const sa = r.one("kubernetes:core/v1:ServiceAccount").inputs;
        assert.match(sa.metadata.annotations["eks.amazonaws.com/role-arn"], /^arn:aws:iam::\d{12}:role\/web-medium-app-/);
    });

    it("is left out where the system keeps no files (seed 000 and 001)", async () => {
        for (const stack of ["seed000-aws", "seed001-aws"]) assert.equal(resourcesOf(await planShippedStack(stack)).ofType("tiered-infra:data:FileStore").length, 0, stack);
    });
});
