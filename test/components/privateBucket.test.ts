import { strict as assert } from "assert";
import { deploy } from "../../infra/program";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("privateBucket and the access-log buckets", () => {
    it("gives every bucket but the log buckets server access logs in a log bucket of its own region", async () => {
        for (const stack of ["small", "medium", "seed001-aws"]) {
            const r = resourcesOf(await planShippedStack(stack));
            const buckets = r.ofType("aws:s3/bucket:Bucket");
            const logBuckets = buckets.filter((b) => b.inputs.tags["tiered-infra:bucket-role"] === "access-logs");
            const loggings = r.ofType("aws:s3/bucketLogging:BucketLogging");
            assert.deepEqual(loggings.map((l) => l.name).sort(), buckets.filter((b) => !logBuckets.includes(b)).map((b) => b.name).sort(), stack);
            for (const l of loggings) {
                const target = logBuckets.find((b) => l.inputs.targetBucket.startsWith(`${b.name}-`));
                assert.ok(target, `${stack}: ${l.name} logs into ${l.inputs.targetBucket}, not a log bucket`);
                assert.equal(l.inputs.region, target!.inputs.region, `${l.name}: S3 delivers access logs only within a region`);
                assert.match(l.inputs.targetPrefix, /^s3\/.+\/$/);
            }
        }
    });

    it("lets S3 log delivery of this account write into the log bucket, TLS only, and expires logs after 90 days", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        for (const name of ["medium-logs", "medium-dr-logs"]) {
            const policy = JSON.parse(r.one("aws:s3/bucketPolicy:BucketPolicy", name).inputs.policy);
            const delivery = policy.Statement.find((s: any) => s.Sid === "S3ServerAccessLogDelivery");
            assert.deepEqual([delivery.Principal, delivery.Action, delivery.Condition], [{ Service: "logging.s3.amazonaws.com" }, "s3:PutObject", { StringEquals: { "aws:SourceAccount": "123456789012" } }]);
            assert.match(delivery.Resource, /-logs-[0-9a-f]{7}\/s3\/\*$/);
            assert.ok(policy.Statement.some((s: any) => s.Sid === "DenyInsecureTransport"));
            assert.equal(r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", name).inputs.rules[0].expiration.days, 90);
            assert.equal(r.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name).inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
        }
    });

    it("keeps the CDN's log bucket where it was (an alias to its old parent), so no deployed stack replaces it", async () => {
        const aliases: any[] = [];
        await runProgram(async () => {
            const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): any }).getMonitor();
            const register = monitor.registerResource.bind(monitor);
            monitor.registerResource = (req: any, callback: any) => {
                if (req.getType() === "aws:s3/bucket:Bucket" && req.getName() === "web-small-logs") aliases.push(...req.getAliasesList().map((a: any) => a.toObject()));
                return register(req, callback);
            };
            return deploy();
        });
        assert.ok(aliases.map((a) => a.spec?.parenturn ?? a.parenturn).includes("urn:pulumi:small::tiered-infra::tiered-infra:edge:Cdn::web-small"), JSON.stringify(aliases));
    });
});
