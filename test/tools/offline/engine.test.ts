/**
 * The offline engine's unknowns mode: a plan shaped as a first real `pulumi preview` sends it,
 * outputs of resources created in the run unknown in their consumers' inputs.
 */
import { strict as assert } from "assert";
import { PreviewJson, UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { planStack } from "../../../tools/offline/planProject";
import { planShippedStack, project } from "../../harness";

const stateOf = (p: PreviewJson, type: string, suffix: string) => {
    const found = p.steps.filter((s) => s.newState?.type === type && s.urn.endsWith(suffix));
    assert.equal(found.length, 1, `${type} *${suffix}`);
    return found[0].newState!;
};

describe("offline engine: unknowns mode (a first preview)", function () {
    this.timeout(120_000);
    let unknown: PreviewJson;
    let known: PreviewJson;
    before(async () => {
        unknown = (await planStack(project, "small", { unknowns: true })).preview;
        known = (await planShippedStack("small")).preview;
    });

    it("leaves outputs of resources created in the run unknown where other resources consume them", () => {
        const env = stateOf(unknown, "kubernetes:apps/v1:Deployment", "small-deployment").inputs.spec as any;
        const vars = Object.fromEntries(env.template.spec.containers[0].env.map((e: any) => [e.name, e.value]));
        assert.equal(vars.REDIS_HOST, UNKNOWN_MARKER, "a cache endpoint");
        assert.equal(vars.REDIS_TLS, "true", "a literal stays known");
        assert.equal(stateOf(unknown, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "small-static").inputs.bucket, UNKNOWN_MARKER, "a bucket id");
        assert.equal((stateOf(unknown, "aws:eks/cluster:Cluster", "small-eks").inputs as any).encryptionConfig.provider.keyArn, UNKNOWN_MARKER, "a KMS key ARN");
        assert.equal(stateOf(unknown, "aws:rds/instance:Instance", "small-pg").inputs.instanceClass, stateOf(known, "aws:rds/instance:Instance", "small-pg").inputs.instanceClass, "sizing from the tier table stays known");
    });

    it("records which resources each input depends on, so stack policies can link through unknown references", () => {
        const bucket = stateOf(unknown, "aws:s3/bucket:Bucket", "small-static");
        const pab = stateOf(unknown, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "small-static");
        assert.deepEqual(pab.propertyDependencies?.bucket, [bucket.urn]);
        assert.deepEqual(stateOf(known, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "small-static").propertyDependencies?.bucket, [bucket.urn], "in both modes");
    });

    it("plans with every value known by default, as before", () => {
        assert.equal(JSON.stringify(known.steps).includes(UNKNOWN_MARKER), false);
        assert.equal(known.steps.length, unknown.steps.length, "the same resources either way");
    });
});
