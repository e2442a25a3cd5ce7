import { strict as assert } from "assert";
import * as aws from "@pulumi/aws";
import { BucketReplica } from "../../components/bucketReplica";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("BucketReplica (cross-region copy of a bucket)", () => {
    it("medium and large copy the file store and the static assets to us-west-2; small copies nothing", async () => {
        for (const stack of ["medium", "large"]) {
            const r = resourcesOf(await planShippedStack(stack));
            const replicas = r.ofType("aws:s3/bucket:Bucket").filter((b) => b.inputs.tags["tiered-infra:bucket-role"] === "replica");
            assert.deepEqual(replicas.map((b) => [b.name, b.inputs.region]).sort(), [[`web-${stack}-files-replica`, "us-west-2"], [`web-${stack}-static-replica`, "us-west-2"]]);
            assert.equal(r.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").length, 2);
        }
        const small = resourcesOf(await planShippedStack("small"));
        assert.equal(small.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").length, 0);
        assert.ok(small.ofType("aws:s3/bucket:Bucket").every((b) => b.inputs.region === undefined));
    });

    it("replicates every object and delete marker with Replication Time Control into a replica encrypted in its own region", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const config = r.one("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "medium-files-replication");
        const rule = config.inputs.rules[0];
        assert.deepEqual([rule.status, rule.deleteMarkerReplication.status, rule.sourceSelectionCriteria.sseKmsEncryptedObjects.status], ["Enabled", "Enabled", "Enabled"]);
        assert.deepEqual(rule.destination.replicationTime, { status: "Enabled", time: { minutes: 15 } });
        assert.deepEqual(rule.destination.metrics, { status: "Enabled", eventThreshold: { minutes: 15 } });
        assert.match(rule.destination.encryptionConfiguration.replicaKmsKeyId, /^arn:aws:kms:us-west-2:/);
        const key = r.one("aws:kms/key:Key", "medium-files-replica").inputs;
        assert.deepEqual([key.region, key.enableKeyRotation], ["us-west-2", true]);
        // Versioning on both sides first, as S3 requires.
        const versionings = r.ofType("aws:s3/bucketVersioning:BucketVersioning").filter((v) => /medium-files(-replica)?$/.test(v.name)).map((v) => v.urn);
        const step = (await planShippedStack("medium")).preview.steps.find((s) => s.urn === config.urn)!;
        for (const v of versionings) assert.ok(step.newState!.dependencies!.includes(v), v);
        // The replica has a lifecycle and access logs of its own, in its region.
        assert.deepEqual(r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "medium-files-replica").inputs.rules[0].transitions, [{ days: 90, storageClass: "GLACIER_IR" }]);
        const logging = r.one("aws:s3/bucketLogging:BucketLogging", "medium-files-replica").inputs;
        assert.deepEqual([logging.region, logging.targetPrefix], ["us-west-2", "s3/web-medium-files-replica/"]);
        assert.match(logging.targetBucket, /^web-medium-dr-logs-/);
    });

    it("replicates through a role that reads only the source and writes only the replica, each key only through S3 in its region", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const policy = JSON.parse(r.one("aws:iam/rolePolicy:RolePolicy", "medium-files-replication").inputs.policy);
        const by = Object.fromEntries(policy.Statement.map((s: any) => [s.Sid, s]));
        assert.match(by.ReadSourceVersions.Resource, /^arn:aws:s3:::web-medium-files-[0-9a-f]{7}\/\*$/);
        assert.match(by.WriteReplicas.Resource, /^arn:aws:s3:::web-medium-files-replica-[0-9a-f]{7}\/\*$/);
        assert.equal(by.DecryptSource.Condition.StringLike["kms:ViaService"], "s3.us-east-1.amazonaws.com");
        assert.equal(by.EncryptReplicas.Condition.StringLike["kms:ViaService"], "s3.us-west-2.amazonaws.com");
        assert.ok(policy.Statement.every((s: any) => s.Resource !== "*"));
        // The static bucket is SSE-S3: nothing to decrypt.
        const statik = JSON.parse(r.one("aws:iam/rolePolicy:RolePolicy", "medium-static-replication").inputs.policy);
        assert.ok(!statik.Statement.some((s: any) => s.Sid === "DecryptSource"));
    });

    it("refuses a replica in its source's own region", async () => {
        await assert.rejects(runProgram(async () => {
            const bucket = new aws.s3.Bucket("src", {});
            const versioning = new aws.s3.BucketVersioning("src", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
            new BucketReplica("copy", { source: { bucket, versioning, region: "us-east-1" }, region: "us-east-1", logBucketId: "logs" });
            return {};
        }), /BucketReplica copy: the replica must be in another region than its source \(us-east-1\)/);
    });
});
