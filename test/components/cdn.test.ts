import { strict as assert } from "assert";
import { API_TTL_SECONDS, Cdn, STATIC_TTL_SECONDS, VIEWER_TLS_POLICY } from "../../components/cdn";
import { deploy } from "../../infra/program";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { listStacks } from "../../tools/offline/project";
import { planShippedStack, project, Resources, resourcesOf, runProgram } from "../harness";

/** The distribution, and the cache policy a behaviour points at (mock ids are `<resource name>-<hash>`). */
function behaviours(r: Resources) {
    const dist = r.one("aws:cloudfront/distribution:Distribution").inputs;
    const policyOf = (b: any) => r.ofType("aws:cloudfront/cachePolicy:CachePolicy").find((p) => b.cachePolicyId.startsWith(`${p.name}-`))!.inputs;
    return { dist, policyOf };
}

describe("Cdn", () => {
    for (const tier of TIER_NAMES) {
        it(`${tier}: static assets cached a year from S3, the API five minutes from the app, HTTPS only`, async () => {
            const r = resourcesOf(await planShippedStack(tier));
            const { dist, policyOf } = behaviours(r);
            assert.equal(dist.priceClass, TIERS[tier].edge.priceClass);
            const [staticB, apiB] = dist.orderedCacheBehaviors;
            assert.equal(staticB.pathPattern, "/static/*");
            assert.equal(staticB.targetOriginId, "static-assets");
            assert.equal(policyOf(staticB).defaultTtl, STATIC_TTL_SECONDS);
            assert.equal(policyOf(staticB).maxTtl, 365 * 24 * 3600);
            assert.equal(apiB.pathPattern, "/api/*");
            assert.equal(apiB.targetOriginId, "app");
            assert.equal(policyOf(apiB).defaultTtl, API_TTL_SECONDS);
            assert.equal(policyOf(apiB).maxTtl, 300);
            assert.deepEqual(policyOf(apiB).parametersInCacheKeyAndForwardedToOrigin.headersConfig.headers.items, ["Authorization"]);
            for (const b of [dist.defaultCacheBehavior, staticB, apiB]) {
                assert.ok(["redirect-to-https", "https-only"].includes(b.viewerProtocolPolicy));
                assert.equal(b.compress, true);
                const key = policyOf(b).parametersInCacheKeyAndForwardedToOrigin;
                assert.deepEqual([key.enableAcceptEncodingGzip, key.enableAcceptEncodingBrotli], [true, true]);
            }
            assert.equal(dist.viewerCertificate.minimumProtocolVersion, VIEWER_TLS_POLICY);
            assert.equal(dist.viewerCertificate.sslSupportMethod, "sni-only");
            assert.deepEqual(dist.aliases, ["app.example.com"]);
            assert.match(dist.loggingConfig.bucket, /\.s3\.amazonaws\.com$/);
        });
    }

    it("reaches the app only as a VPC origin (the internal ALB) and S3 only through Origin Access Control", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const { dist } = behaviours(r);
        const app = dist.origins.find((o: any) => o.originId === "app");
        assert.match(app.vpcOriginConfig.vpcOriginId, /^vo_/);
        assert.equal(app.customOriginConfig, undefined);
        const s3 = dist.origins.find((o: any) => o.originId === "static-assets");
        assert.ok(s3.originAccessControlId);
        const vpcOrigin = r.one("aws:cloudfront/vpcOrigin:VpcOrigin").inputs.vpcOriginEndpointConfig;
        assert.match(vpcOrigin.arn, /:loadbalancer\/app\//);
        assert.deepEqual(vpcOrigin.originSslProtocols.items, ["TLSv1.2"]);
        const policy = JSON.parse(r.one("aws:s3/bucketPolicy:BucketPolicy", "-static").inputs.policy);
        const allow = policy.Statement.find((s: any) => s.Effect === "Allow");
        assert.deepEqual(allow.Principal, { Service: "cloudfront.amazonaws.com" });
        assert.match(allow.Condition.StringEquals["AWS:SourceArn"], /^arn:aws:cloudfront::\d+:distribution\//);
        assert.ok(policy.Statement.some((s: any) => s.Effect === "Deny" && s.Condition.Bool["aws:SecureTransport"] === "false"));
    });

    it("sends HSTS and CORS for the configured origins only, never *", async () => {
        const run = await runProgram(deploy, { stack: "medium", config: { "tiered-infra:corsOrigins": JSON.stringify(["https://a.example.org", "https://b.example.org"]) } });
        const h = resourcesOf(run).one("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy").inputs;
        assert.deepEqual(h.corsConfig.accessControlAllowOrigins.items, ["https://a.example.org", "https://b.example.org"]);
        assert.equal(h.corsConfig.accessControlAllowCredentials, false);
        const hsts = h.securityHeadersConfig.strictTransportSecurity;
        assert.ok(hsts.accessControlMaxAgeSec >= 31536000 && hsts.includeSubdomains && hsts.override);
    });

    it("refuses a wildcard CORS origin even when called directly", async () => {
        await assert.rejects(runProgram(async () => {
            new Cdn("c", { priceClass: "PriceClass_100", appOrigin: { loadBalancerArn: "arn", dnsName: "d", protocolPolicy: "http-only" }, corsOrigins: ["*"], webAclArn: "arn", logBucket: { id: "logs", bucketDomainName: "logs.s3.amazonaws.com" } });
            return {};
        }), /CORS origins must be explicit https:\/\/ origins/);
    });

    it("issues a DNS-validated certificate in us-east-1 and points the domain at the distribution", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const cert = r.one("aws:acm/certificate:Certificate");
        assert.equal(cert.inputs.validationMethod, "DNS");
        const certStep = (await planShippedStack("small")).preview.steps.find((s) => s.urn === cert.urn)!;
        const providers = (await planShippedStack("small")).preview.steps.filter((s) => s.newState?.type === "pulumi:providers:aws");
        const provider = providers.find((p) => certStep.provider!.startsWith(p.urn))!;
        assert.equal((provider.newState!.inputs as any).region, "us-east-1");
        const aliases = r.ofType("aws:route53/record:Record").filter((x) => x.inputs.aliases);
        assert.deepEqual(aliases.map((a) => a.inputs.type).sort(), ["A", "AAAA"]);
    });

    it("keeps every bucket private, encrypted, and under lifecycle rules (archive after 90 days)", async () => {
        const r = resourcesOf(await planShippedStack("large"));
        const buckets = r.ofType("aws:s3/bucket:Bucket");
        assert.deepEqual(buckets.map((b) => b.name).sort(), ["web-large-dr-logs", "web-large-files", "web-large-files-replica", "web-large-logs", "web-large-static", "web-large-static-replica"]);
        for (const b of buckets) {
            const pab = r.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", b.name).inputs;
            assert.deepEqual([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets], [true, true, true, true]);
            // Log buckets and the CDN's static bucket use SSE-S3 (log delivery and OAC reads); the app's files and every replica a customer key.
            const sse = r.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", b.name).inputs.rules[0].applyServerSideEncryptionByDefault;
            assert.equal(sse.sseAlgorithm, /logs$|static$/.test(b.name) ? "AES256" : "aws:kms", b.name);
            assert.ok(r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", b.name).inputs.rules.length >= 1);
        }
        const staticRules = r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "-static").inputs.rules[0];
        assert.deepEqual(staticRules.transitions, [{ days: 90, storageClass: "GLACIER_IR" }]);
        assert.equal(staticRules.noncurrentVersionExpiration.noncurrentDays, 30);
        assert.equal(staticRules.abortIncompleteMultipartUpload.daysAfterInitiation, 7);
        assert.equal(r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "large-logs").inputs.rules[0].expiration.days, 90);
        assert.equal(r.one("aws:s3/bucketVersioning:BucketVersioning", "-static").inputs.versioningConfiguration.status, "Enabled");
    });

    it("sets explicit retention on every log group of every stack", async () => {
        for (const stack of listStacks(project)) {
            for (const g of resourcesOf(await planShippedStack(stack)).ofType("aws:cloudwatch/logGroup:LogGroup")) {
                assert.ok(Number.isInteger(g.inputs.retentionInDays) && g.inputs.retentionInDays > 0, `${stack} ${g.inputs.name}`);
            }
        }
    });
});
