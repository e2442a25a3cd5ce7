/**
 * Each reader of estimator.ts (READERS), branch by branch, on small hand-built plans priced in
 * us-east-1 with a usage profile that is 0 except for the figures a test gives: every amount is the
 * arithmetic in its comment.
 */
import { strict as assert } from "assert";
import { estimate, EstimateContext, PlannedResource, StackCost } from "../../../core/cost/estimator";
import { UsageProfile } from "../../../core/cost/usage";
import { usageOf } from "./usageFixture";

const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"; // known only after apply
const r = (type: string, name: string, inputs: Record<string, unknown> = {}, dependencies?: string[]): PlannedResource => ({ urn: `urn:pulumi:t::p::${type}::${name}`, type, custom: true, inputs, dependencies });
const ctx: EstimateContext = { stack: "t", region: "us-east-1", today: "2026-11-30" };
const priced = (resources: PlannedResource[], usage?: Partial<UsageProfile>, extra: Partial<EstimateContext> = {}) => estimate(resources, { ...ctx, ...(usage ? { usage: usageOf(usage) } : {}), ...extra });
/** A resource's lines as [name, monthly quantity, unit price, monthly cost] (and the reason when unpriced). */
function lines(cost: StackCost, name: string): unknown[][] {
    const res = cost.resources.find((x) => x.name === name);
    assert.ok(res, `no cost of ${name}`);
    return res.costComponents.map((c) => [c.name, c.monthlyQuantity, c.price, c.monthlyCost, ...(c.unpricedReason ? [c.unpricedReason] : [])]);
}
const NO_USAGE = "no usage figure (give one in a usage file)";
const AFTER_APPLY = "known only after apply";
const NO_SOURCE = "its source bucket cannot be told from its inputs (not in the plan)";

describe("estimator readers", () => {
    describe("compute", () => {
        it("EKS cluster: control plane by support window, zone-crossing traffic both ways split among clusters", () => {
            const eks = r("aws:eks/cluster:Cluster", "eks", { version: "1.34" });
            // 1.34's standard support ends 2026-12-02: standard up to and on that day, extended the day after.
            assert.deepEqual(lines(priced([eks], { crossAzGiB: 50 }, { today: "2026-12-02" }), "eks"), [
                ["EKS control plane (standard support, 1.34)", 730, 0.1, 73], // 730 h x $0.10
                ["Traffic between availability zones (billed in both directions)", 100, 0.01, 1], // 2 x 50 GiB x $0.01
            ]);
            assert.deepEqual(lines(priced([eks], { crossAzGiB: 50 }, { today: "2026-12-03" }), "eks")[0], ["EKS control plane (extended support, 1.34)", 730, 0.6, 438]); // 730 x $0.60
            const two = priced([eks, r("aws:eks/cluster:Cluster", "eks2", {})], { crossAzGiB: 50 });
            assert.deepEqual(lines(two, "eks2"), [
                ["EKS control plane (standard support, unknown version)", 730, 0.1, 73],
                ["Traffic between availability zones (billed in both directions)", 50, 0.01, 0.5], // 2 x 50 / 2 clusters
            ]);
            assert.deepEqual(lines(priced([eks]), "eks")[1], ["Traffic between availability zones (billed in both directions)", null, 0.01, null, NO_USAGE]);
            assert.deepEqual(lines(priced([r("aws:eks/cluster:Cluster", "old", { version: "1.20" })]), "old")[0], ["EKS control plane (standard support, 1.20)", 730, 0.1, 73], "a version without a known end date: standard");
        });

        it("node group: instances at desired size, root volumes from the launch template or 20 GiB", () => {
            const lt = r("aws:ec2/launchTemplate:LaunchTemplate", "lt", { blockDeviceMappings: [{ ebs: { volumeSize: 50 } }] });
            const withTemplate = r("aws:eks/nodeGroup:NodeGroup", "a", { instanceTypes: ["m7g.large", "m7g.xlarge"], scalingConfig: { desiredSize: 2 } }, [lt.urn]);
            const plain = r("aws:eks/nodeGroup:NodeGroup", "b", { instanceTypes: "c7g.large", scalingConfig: { desiredSize: "2" } });
            const none = r("aws:eks/nodeGroup:NodeGroup", "c", {});
            const cost = priced([lt, withTemplate, plain, none]);
            assert.deepEqual(lines(cost, "a"), [
                ["Instance usage (Linux, on-demand, m7g.large x 2)", 1460, 0.0816, 119.14], // first type: 2 x 730 x $0.0816 = 119.136
                ["Root volumes (gp3, 50 GiB x 2)", 100, 0.08, 8],
            ]);
            assert.deepEqual(lines(cost, "b"), [
                ["Instance usage (Linux, on-demand, c7g.large x 2)", 1460, 0.0725, 105.85], // a size given as text: 2 x 730 x $0.0725
                ["Root volumes (gp3, 20 GiB x 2)", 40, 0.08, 3.2],
            ]);
            assert.deepEqual(lines(cost, "c"), [
                ["Instance usage (Linux, on-demand, unknown x 0)", 0, null, null, "not priced in us-east-1: ec2.unknown"],
                ["Root volumes (gp3, 20 GiB x 0)", 0, 0.08, 0],
            ]);
            const cluster = r("aws:eks/cluster:Cluster", "eks", { version: "1.35" });
            const bare = r("aws:ec2/launchTemplate:LaunchTemplate", "bare", {});
            const noEbs = r("aws:ec2/launchTemplate:LaunchTemplate", "no-ebs", { blockDeviceMappings: [{ deviceName: "/dev/xvda" }] });
            const noMappings = r("aws:ec2/launchTemplate:LaunchTemplate", "no-mappings", { blockDeviceMappings: [] });
            const found = priced([cluster, lt, bare, noEbs, noMappings,
                r("aws:eks/nodeGroup:NodeGroup", "no-mappings", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize: 1 } }, [noMappings.urn]),
                r("aws:eks/nodeGroup:NodeGroup", "after", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize: 1 } }, ["urn:pulumi:t::p::aws:eks/cluster:Cluster::gone", cluster.urn, lt.urn]),
                r("aws:eks/nodeGroup:NodeGroup", "bare", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize: 1 } }, [bare.urn]),
                r("aws:eks/nodeGroup:NodeGroup", "no-ebs", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize: 1 } }, [noEbs.urn]),
            ]);
            assert.deepEqual(["after", "bare", "no-ebs", "no-mappings"].map((n) => lines(found, n)[1][0]), ["Root volumes (gp3, 50 GiB x 1)", ...Array(3).fill("Root volumes (gp3, 20 GiB x 1)")]);
            const unknown = priced([r("aws:eks/nodeGroup:NodeGroup", "u", { instanceTypes: [7], scalingConfig: { desiredSize: U } })]);
            assert.deepEqual(lines(unknown, "u").map((l) => [l[1], l[4]]), [[null, AFTER_APPLY], [null, AFTER_APPLY]]);
        });

        it("RDS instance: class and zones, storage, CPU credits, backups and the managed secret; a replica takes its source's storage", () => {
            const primary = r("aws:rds/instance:Instance", "db", { identifier: "main", instanceClass: "db.t3.large", multiAz: true, allocatedStorage: 100, manageMasterUserPassword: true });
            const replica = r("aws:rds/instance:Instance", "replica", { replicateSourceDb: "main", instanceClass: "db.r6g.large", engine: "mysql", manageMasterUserPassword: true });
            const other = r("aws:rds/instance:Instance", "other", { identifier: "other", instanceClass: "db.r6g.large", allocatedStorage: 30 });
            const cost = priced([other, primary, replica], { databaseCpuPercent: 40, rdsExtraBackupGiB: 10 });
            assert.deepEqual(lines(cost, "db"), [
                ["Database instance (on-demand, Multi-AZ, db.t3.large)", 730, 0.29, 211.7], // 730 x $0.29
                ["Storage (gp3, Multi-AZ, 100 GiB)", 100, 0.23, 23],
                ["CPU credits (unlimited mode, db.t3.large: 40% average vs 30% baseline x 2 vCPUs)", 0.1 * 2 * 730, 0.075, 10.95], // 10% x 2 vCPUs x 730 h x $0.075
                ["Backup storage beyond the free allowance", 10, 0.095, 0.95],
                ["Master password secret (managed by RDS in Secrets Manager)", 1, 0.4, 0.4],
            ]);
            // A replica is priced as PostgreSQL like its source, Single-AZ, with the source's 100 GiB; no backups or secret of its own.
            assert.deepEqual(lines(cost, "replica"), [
                ["Database instance (on-demand, Single-AZ, db.r6g.large, read replica)", 730, 0.225, 164.25],
                ["Storage (gp3, Single-AZ, 100 GiB)", 100, 0.115, 11.5],
            ]);
            const mysql = priced([r("aws:rds/instance:Instance", "m", { instanceClass: "db.r6g.large", engine: "mysql", allocatedStorage: 20 })]);
            assert.deepEqual(lines(mysql, "m"), [
                ["Database instance (on-demand, Single-AZ, db.r6g.large)", 730, null, null, "not priced in us-east-1: rds.mysql.db.r6g.large.singleAz"],
                ["Storage (gp3, Single-AZ, 20 GiB)", 20, 0.115, 2.3],
                ["Backup storage beyond the free allowance", null, 0.095, null, NO_USAGE],
            ]);
            const orphan = priced([r("aws:rds/instance:Instance", "o", { replicateSourceDb: "gone", instanceClass: "db.r6g.large" })]);
            assert.deepEqual(lines(orphan, "o")[1], ["Storage (gp3, Single-AZ, 0 GiB)", 0, 0.115, 0], "a source outside the plan: no storage known");
        });

        it("ElastiCache: nodes by engine (Redis by default) and count (1 by default), snapshot storage", () => {
            const valkey = r("aws:elasticache/replicationGroup:ReplicationGroup", "v", { engine: "valkey", nodeType: "cache.t4g.small", numCacheClusters: 3 });
            const redis = r("aws:elasticache/replicationGroup:ReplicationGroup", "r", { nodeType: "cache.t4g.small" });
            const cost = priced([valkey, redis], { cacheSnapshotGiB: 10 });
            assert.deepEqual(lines(cost, "v"), [
                ["Cache nodes (on-demand, valkey, cache.t4g.small x 3)", 2190, 0.0256, 56.06], // 3 x 730 x $0.0256 = 56.064
                ["Snapshot storage", 10, 0.085, 0.85],
            ]);
            assert.deepEqual(lines(cost, "r")[0], ["Cache nodes (on-demand, redis, cache.t4g.small x 1)", 730, 0.032, 23.36]);
        });
    });
    describe("network", () => {
        it("NAT gateways by the hour, the processed data split among them; an Elastic IP by the hour", () => {
            const cost = priced([r("aws:ec2/natGateway:NatGateway", "a"), r("aws:ec2/natGateway:NatGateway", "b"), r("aws:ec2/eip:Eip", "ip")], { natDataGiB: 200 });
            assert.deepEqual(lines(cost, "a"), [
                ["NAT gateway", 730, 0.045, 32.85], // 730 x $0.045
                ["Data processed", 100, 0.045, 4.5], // 200 GiB / 2 x $0.045
            ]);
            assert.deepEqual(lines(cost, "ip"), [["Public IPv4 address", 730, 0.005, 3.65]]);
            assert.deepEqual(lines(priced([r("aws:ec2/natGateway:NatGateway", "a")]), "a")[1], ["Data processed", null, 0.045, null, NO_USAGE]);
        });

        it("load balancer: hours, capacity units, and a public address per subnet unless internal", () => {
            const pub = r("aws:lb/loadBalancer:LoadBalancer", "pub", { subnets: ["a", "b", "c"] });
            const internal = r("aws:lb/loadBalancer:LoadBalancer", "int", { internal: true, subnets: ["a", "b"] });
            const cost = priced([pub, internal], { albLcu: 2 });
            assert.deepEqual(lines(cost, "pub"), [
                ["Application load balancer", 730, 0.0225, 16.43], // 730 x $0.0225 = 16.425
                ["Load balancer capacity units", 1460, 0.008, 11.68], // 2 LCU x 730 h x $0.008
                ["Public IPv4 addresses (one per subnet)", 2190, 0.005, 10.95], // 3 x 730 x $0.005
            ]);
            assert.deepEqual(lines(cost, "int").map((l) => l[0]), ["Application load balancer", "Load balancer capacity units"]);
            assert.deepEqual(lines(priced([r("aws:lb/loadBalancer:LoadBalancer", "none", {})]), "none")[1], ["Load balancer capacity units", null, 0.008, null, NO_USAGE]);
            assert.deepEqual(lines(priced([r("aws:lb/loadBalancer:LoadBalancer", "none", {})]), "none")[2], ["Public IPv4 addresses (one per subnet)", 0, 0.005, 0], "no subnets listed: none");
        });

        it("CloudFront: PriceClass_All unless set, traffic split among distributions, the free tier once per estimate", () => {
            const usage = { cdnDataOutGiB: 1200, requests: 20_000, cdnTrafficShareUs: 1 };
            const cost = priced([r("aws:cloudfront/distribution:Distribution", "a"), r("aws:cloudfront/distribution:Distribution", "b", { priceClass: "PriceClass_100" })], usage);
            const US = "United States, Mexico, Canada edges, 100% of viewers";
            assert.deepEqual(lines(cost, "a"), [
                [`Data transfer out to the internet (first 10 TB; ${US})`, 600, 0.085, 51], // 1,200 GB / 2 x $0.085
                [`HTTPS requests (${US})`, 1, 0.01, 0.01], // 10,000 requests / 10k x $0.01
                ["Always-free tier: 600 GB of data out (1,000 GB a month per account)", -600, 0.085, -51],
                ["Always-free tier: 10,000 requests (10,000,000 a month per account)", -1, 0.01, -0.01],
            ]);
            assert.deepEqual(lines(cost, "b").slice(2).map((l) => [l[0], l[3]]), [
                ["Always-free tier: 400 GB of data out (1,000 GB a month per account)", -34], // what a left: 400 GB x $0.085
                ["Always-free tier: 10,000 requests (10,000,000 a month per account)", -0.01],
            ]);
            assert.equal(priced([r("aws:cloudfront/distribution:Distribution", "a")], usage, { freeAllowances: false }).resources[0].costComponents.length, 2);
        });

        it("WAF: the ACL, every rule (managed groups included), inspected requests, Bot Control's fees only with it", () => {
            const rules: unknown[] = [{ statement: { rateBasedStatement: {} } }, { statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet" } } }];
            const cost = priced([r("aws:wafv2/webAcl:WebAcl", "acl", { rules })], { requests: 2_000_000 });
            assert.deepEqual(lines(cost, "acl"), [
                ["Web ACL", 1, 5, 5],
                ["Rules (1 custom, 1 managed rule groups)", 2, 1, 2],
                ["Requests inspected", 2, 0.6, 1.2], // 2 M requests x $0.60 per million
            ]);
            const bot = [...rules, { statement: { managedRuleGroupStatement: { name: "AWSManagedRulesBotControlRuleSet" } } }];
            assert.deepEqual(lines(priced([r("aws:wafv2/webAcl:WebAcl", "acl", { rules: bot })], { requests: 2_000_000 }), "acl").slice(1), [
                ["Rules (1 custom, 2 managed rule groups)", 3, 1, 3],
                ["Requests inspected", 2, 0.6, 1.2],
                ["Bot Control (common) subscription", 1, 10, 10],
                ["Bot Control requests (included requests not subtracted: not in the catalog)", 2, 1, 2], // 2 M x $1 per million
            ]);
            assert.deepEqual(lines(priced([r("aws:wafv2/webAcl:WebAcl", "empty", {})]), "empty"), [
                ["Web ACL", 1, 5, 5],
                ["Rules (0 custom, 0 managed rule groups)", 0, 1, 0],
                ["Requests inspected", null, 0.6, null, NO_USAGE],
            ]);
            assert.deepEqual(lines(priced([r("aws:wafv2/webAcl:WebAcl", "bare", { rules: [{ name: "no statement" }, null] })]), "bare")[1], ["Rules (2 custom, 0 managed rule groups)", 2, 1, 2]);
            assert.deepEqual(lines(priced([r("aws:wafv2/webAcl:WebAcl", "u", { rules: U })]), "u")[1], ["Rules (0 custom, 0 managed rule groups)", null, null, null, AFTER_APPLY]);
        });
    });
    describe("storage and disaster recovery", () => {
        const role = (name: string) => ({ "tiered-infra:bucket-role": name });

        it("buckets: what each holds by role tag (or a logs name), requests of the file store, the DR log bucket's replica logs", () => {
            const files = r("aws:s3/bucket:Bucket", "files", { tags: role("file-store") });
            const assets = r("aws:s3/bucketV2:BucketV2", "assets", { tags: role("static-assets") });
            const logs = r("aws:s3/bucket:Bucket", "web-logs", {});
            const untagged = r("aws:s3/bucket:Bucket", "web-assets", {});
            const drLogs = r("aws:s3/bucket:Bucket", "dr-logs", { region: "us-west-2", tags: role("access-logs") });
            const log = r("aws:s3/bucket:Bucket", "access-log", {});
            const taggedAssets = r("aws:s3/bucket:Bucket", "assets-logs", { tags: role("static-assets") });
            const farAssets = r("aws:s3/bucket:Bucket", "far-assets", { region: "us-west-2", tags: role("static-assets") });
            const usage = { s3FileStoreGiB: 100, s3FileStorePutRequests: 10_000, s3FileStoreGetRequests: 100_000, s3StaticGiB: 10, s3LogsGiB: 50, s3DrLogsGiB: 4 };
            const cost = priced([files, assets, logs, untagged, drLogs, log, taggedAssets, farAssets], usage);
            assert.deepEqual(lines(cost, "access-log"), [["Standard storage (access logs)", 50, 0.023, 1.15]]);
            // The word log, not the letters: untagged "catalog", "blog-assets" and "logistics" hold assets; "logs.archive" and "app_log" hold logs.
            const byName = priced(["catalog", "blog-assets", "logistics", "logs.archive", "app_log"].map((n) => r("aws:s3/bucket:Bucket", n, {})), usage);
            assert.deepEqual(["catalog", "blog-assets", "logistics", "logs.archive", "app_log"].map((n) => lines(byName, n)[0][0]),
                ["Standard storage (static assets)", "Standard storage (static assets)", "Standard storage (static assets)", "Standard storage (access logs)", "Standard storage (access logs)"]);
            // In any case, and as a camelCase word after a lowercase letter; not the letters inside another word.
            const cased = ["accessLogs", "AppLogs", "app-LOGS", "Logs", "webLogBucket", "CATALOG", "blogAssets", "AppLogistics", "BLOG-assets", "myLogin"];
            const byCase = priced(cased.map((n) => r("aws:s3/bucket:Bucket", n, {})), usage);
            assert.deepEqual(cased.map((n) => lines(byCase, n)[0][0]), [...Array(5).fill("Standard storage (access logs)"), ...Array(5).fill("Standard storage (static assets)")]);
            assert.deepEqual(lines(cost, "assets-logs"), [["Standard storage (static assets)", 10, 0.023, 0.23]], "the role tag wins over the name");
            assert.deepEqual(lines(cost, "far-assets"), [["Standard storage (static assets)", 10, 0.023, 0.23]], "only a log bucket elsewhere holds the replicas' logs");
            assert.deepEqual(lines(cost, "files"), [
                ["Standard storage (app files)", 100, 0.023, 2.3], // 100 GiB x $0.023
                ["PUT, COPY, POST, LIST requests", 10, 0.005, 0.05], // 10,000 / 1k x $0.005
                ["GET requests", 100, 0.0004, 0.04], // 100,000 / 1k x $0.0004
            ]);
            assert.deepEqual(lines(cost, "assets"), [["Standard storage (static assets)", 10, 0.023, 0.23]]);
            assert.deepEqual(lines(cost, "web-logs"), [["Standard storage (access logs)", 50, 0.023, 1.15]]);
            assert.deepEqual(lines(cost, "web-assets"), [["Standard storage (static assets)", 10, 0.023, 0.23]]);
            assert.deepEqual(lines(cost, "dr-logs"), [["Standard storage (access logs)", 4, 0.023, 0.09]], "the DR region's log bucket keeps the replicas' logs: 4 GiB x $0.023");
            assert.equal(cost.resources.find((x) => x.name === "dr-logs")!.costComponents[0].disasterRecovery, true);
        });

        it("buckets without usage: the same lines, unpriced, named for what they hold", () => {
            const cost = priced([r("aws:s3/bucket:Bucket", "files", { tags: role("file-store") }), r("aws:s3/bucket:Bucket", "a", { tags: role("static-assets") }), r("aws:s3/bucket:Bucket", "l", { tags: role("access-logs") })]);
            assert.deepEqual(lines(cost, "files"), [
                ["Standard storage (app files)", null, 0.023, null, NO_USAGE],
                ["PUT, COPY, POST, LIST requests", null, 0.005, null, NO_USAGE],
                ["GET requests", null, 0.0004, null, NO_USAGE],
            ]);
            assert.deepEqual([lines(cost, "a")[0][0], lines(cost, "l")[0][0]], ["Standard storage (static assets)", "Standard storage (access logs)"]);
        });

        it("S3 replication: data written at the sender's rate (cheaper between the two us-east regions), RTC and metrics only when enabled", () => {
            const src = r("aws:s3/bucket:Bucket", "assets", { tags: role("static-assets") });
            const dst = r("aws:s3/bucket:Bucket", "assets-replica", { region: "us-east-2", tags: role("replica") });
            const rules = [{ destination: { metrics: { status: "Enabled" }, replicationTime: { status: "Disabled" } } }, { destination: { metrics: { status: "Enabled" } } }, { destination: { metrics: { status: "Disabled" } } }];
            const config = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { rules }, [dst.urn, src.urn]);
            const cost = priced([src, dst, config], { s3StaticGiB: 10, s3StaticWriteGiB: 30 });
            assert.deepEqual(lines(cost, "repl"), [
                ["Replicated data (us-east-1 to us-east-2)", 30, 0.01, 0.3], // 30 GiB x $0.01 between us-east-1 and us-east-2
                ["Replication metrics (4 per rule x 2)", 8, 0.3, 2.4], // 8 metrics x $0.30
            ]);
            assert.deepEqual(lines(cost, "assets-replica"), [["Standard storage (replica of the static assets)", 10, null, null, "not priced in us-east-2: s3.standard.storage"]]);
            // Without the replica in the plan: the destination from the bucket ARN's region, else "another region", priced where it is sent from.
            const byArn = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "arn", { rules: [{ destination: { bucket: "arn:aws:s3:us-west-2:1:x" } }] }, [src.urn]);
            const noRegion = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "none", { rules: [{ destination: { bucket: "arn:aws:s3:::x" } }] }, [src.urn]);
            const far = priced([src, byArn, noRegion], { s3StaticWriteGiB: 30 });
            assert.deepEqual(lines(far, "arn"), [["Replicated data (us-east-1 to us-west-2)", 30, 0.02, 0.6]]);
            assert.deepEqual(lines(far, "none"), [["Replicated data (us-east-1 to another region)", 30, 0.02, 0.6]]);
            assert.deepEqual(lines(priced([src, byArn]), "arn"), [["Replicated data (us-east-1 to us-west-2)", null, 0.02, null, NO_USAGE]]);
            const oneRtc = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "rtc", { rules: [{ destination: { replicationTime: { status: "Disabled" } } }, { destination: { replicationTime: { status: "Enabled" } } }] }, [src.urn, dst.urn]);
            assert.deepEqual(lines(priced([src, dst, oneRtc], { s3StaticWriteGiB: 30 }), "rtc").map((l) => l[0]), ["Replicated data (us-east-1 to us-east-2)", "Replication Time Control (15-minute SLA)"]);
            const bare = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "bare", { rules: [{}] }, [src.urn]);
            assert.deepEqual(lines(priced([src, bare], { s3StaticWriteGiB: 30 }), "bare"), [["Replicated data (us-east-1 to another region)", 30, 0.02, 0.6]]);
            // A source outside the plan: what it writes is unknown, not a static-asset bucket's figure.
            const orphan = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "orphan", {});
            assert.deepEqual(lines(priced([orphan], { s3StaticWriteGiB: 30 }), "orphan"), [["Replicated data (us-east-1 to another region)", null, null, null, NO_SOURCE]]);
        });

        it("a replica bucket holds its source's data and pays the replicated PUTs of a file store; without a replication it is unknown", () => {
            const src = r("aws:s3/bucket:Bucket", "files", { tags: role("file-store") });
            const dst = r("aws:s3/bucket:Bucket", "files-replica", { region: "us-west-2", tags: role("replica") });
            const config = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { rules: [{ destination: { replicationTime: { status: "Enabled" } } }] }, [dst.urn, src.urn]);
            const block = r("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "block", {}, [dst.urn]);
            const versioning = r("aws:s3/bucketVersioning:BucketVersioning", "versioning", {}, [dst.urn]);
            // The replication is found among the replica's dependents, whatever comes before or after it.
            const cost = priced([src, dst, block, config, versioning], { s3FileStoreGiB: 40, s3FileStoreWriteGiB: 12, s3FileStorePutRequests: 30_000 });
            assert.deepEqual(lines(cost, "files-replica"), [
                ["Standard storage (replica of the app files)", 40, 0.023, 0.92],
                ["Replicated PUT requests", 30, 0.005, 0.15], // 30,000 / 1k x $0.005
            ]);
            assert.deepEqual(lines(cost, "repl"), [
                ["Replicated data (us-east-1 to us-west-2)", 12, 0.02, 0.24],
                ["Replication Time Control (15-minute SLA)", 12, 0.015, 0.18],
            ]);
            const alone = priced([dst], { s3FileStoreGiB: 40 });
            assert.deepEqual(lines(alone, "files-replica"), [["Standard storage (replica of the source bucket)", null, null, null, "no replication of the plan writes it: what it holds is unknown"]]);
        });

        it("S3 replication: source and destination from its inputs (names, ARNs, autonames, property dependencies), not the order of its dependencies; an untagged destination holds its source's data", () => {
            const usage = { s3FileStoreGiB: 40, s3FileStoreWriteGiB: 12, s3FileStorePutRequests: 30_000, s3StaticGiB: 10, s3StaticWriteGiB: 1 };
            const src = r("aws:s3/bucket:Bucket", "files", { bucket: "files", tags: role("file-store") });
            const dst = r("aws:s3/bucketV2:BucketV2", "files-replica", { bucket: "files-replica", region: "us-west-2" });
            const byName = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { bucket: "files", rules: [{ destination: { bucket: "arn:aws:s3:::files-replica", replicationTime: { status: "Enabled" } } }] }, [dst.urn, src.urn]);
            const expectedReplica = [
                ["Standard storage (replica of the app files)", 40, 0.023, 0.92], // the source's 40 GiB, not a static bucket's 10
                ["Replicated PUT requests", 30, 0.005, 0.15], // 30,000 / 1k x $0.005
            ];
            const expectedReplication = [
                ["Replicated data (us-east-1 to us-west-2)", 12, 0.02, 0.24], // the file store's 12 GiB written, sent from us-east-1
                ["Replication Time Control (15-minute SLA)", 12, 0.015, 0.18],
            ];
            const cost = priced([src, dst, byName], usage);
            assert.deepEqual(lines(cost, "files-replica"), expectedReplica, "an untagged BucketV2 destination is a replica");
            assert.deepEqual(lines(cost, "repl"), expectedReplication, "the replica first among the dependencies: still sent from the source");
            assert.equal(cost.totalMonthlyCost, 2.56); // files $0.92 + $0.15 (no GETs), its replica $0.92 + $0.15, the replication $0.24 + $0.18
            // Autonamed buckets (no bucket input): Pulumi names them <logical name>-<7 hex>.
            const autoSrc = r("aws:s3/bucketV2:BucketV2", "files", { tags: role("file-store") });
            const autoDst = r("aws:s3/bucket:Bucket", "files-replica", { region: "us-west-2" });
            const byAutoname = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { bucket: "files-585cb5b", rules: [{ destination: { bucket: "arn:aws:s3:::files-replica-066fd7b", replicationTime: { status: "Enabled" } } }] }, [autoDst.urn, autoSrc.urn]);
            const auto = priced([autoSrc, autoDst, byAutoname], usage);
            assert.deepEqual([lines(auto, "files-replica"), lines(auto, "repl")], [expectedReplica, expectedReplication]);
            // Names known only at apply: the resources the inputs come from.
            const byProperty = { ...r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { bucket: U, rules: [{ destination: { bucket: U, replicationTime: { status: "Enabled" } } }] }, [autoDst.urn, autoSrc.urn]), propertyDependencies: { bucket: [autoSrc.urn], rules: [autoDst.urn] } };
            const property = priced([autoSrc, autoDst, byProperty], usage);
            assert.deepEqual([lines(property, "files-replica"), lines(property, "repl")], [expectedReplica, expectedReplication]);
            // Neither names nor property dependencies nor a replica tag: which is which is unknown, a gap on both sides.
            const blind = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { bucket: U, rules: [{ destination: { bucket: U } }] }, [autoDst.urn, autoSrc.urn]);
            const unknown = priced([autoSrc, autoDst, blind], usage);
            assert.deepEqual(lines(unknown, "repl"), [["Replicated data (us-east-1 to another region)", null, null, null, NO_SOURCE]]);
            assert.deepEqual(lines(unknown, "files-replica"), [["Standard storage (static assets)", 10, 0.023, 0.23]], "an untagged bucket no replication names is what its name says");
            assert.equal(unknown.complete, false);
        });

        it("S3 replication: names only the bucket they name (autonames exactly, ambiguity unresolved), the rule with a destination, each replication on its own", () => {
            const usage = { s3FileStoreGiB: 40, s3FileStoreWriteGiB: 12, s3StaticGiB: 10, s3StaticWriteGiB: 1 };
            const repl = (name: string, inputs: Record<string, unknown>, deps: string[] = [], propertyDependencies?: Record<string, string[]>): PlannedResource => ({ ...r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", name, inputs), dependencies: deps, ...(propertyDependencies ? { propertyDependencies } : {}) });
            const files = r("aws:s3/bucket:Bucket", "files", { tags: role("file-store") });
            const media = r("aws:s3/bucket:Bucket", "media", {});
            const copy = r("aws:s3/bucket:Bucket", "files-copy", { region: "us-west-2" });
            const to = (bucket: string) => ({ rules: [{}, { destination: { bucket } }] });
            const sent = (cost: StackCost, name: string) => lines(cost, name)[0].slice(0, 2);
            // Only a 7-hex autoname of the bucket's own logical name, and only for a bucket without a name or prefix of its own.
            for (const bucket of ["media-585cb5b", "files-zz585cb", "files-585cbzz", "files-585cb5", "files"]) {
                assert.deepEqual(sent(priced([files, media, copy, repl("r", { bucket, ...to("arn:aws:s3:::files-copy-066fd7b") })], usage), "r"), ["Replicated data (us-east-1 to us-west-2)", bucket === "media-585cb5b" ? 1 : null], bucket);
            }
            const named = r("aws:s3/bucket:Bucket", "files", { bucket: "shared-files", tags: role("file-store") });
            const prefixed = r("aws:s3/bucket:Bucket", "files", { bucketPrefix: "files-", tags: role("file-store") });
            for (const b of [named, prefixed]) assert.deepEqual(sent(priced([b, copy, repl("r", { bucket: "files-585cb5b", ...to("arn:aws:s3:::files-copy-066fd7b") })], usage), "r")[1], null);
            assert.deepEqual(sent(priced([named, copy, repl("r", { bucket: "arn:aws:s3:::shared-files", ...to("arn:aws:s3:::files-copy-066fd7b") })], usage), "r")[1], 12, "by name, or by ARN");
            // Two buckets of the same logical name (a Bucket and a BucketV2): the autoname names neither.
            const twin = r("aws:s3/bucketV2:BucketV2", "files", {});
            assert.deepEqual(sent(priced([files, twin, copy, repl("r", { bucket: "files-585cb5b", ...to("arn:aws:s3:::files-copy-066fd7b") })], usage), "r")[1], null);
            // Property dependencies: only buckets count (the rules' KMS key does not), and only one.
            const key = r("aws:kms/key:Key", "k", {});
            const byProps = priced([files, media, copy, key, repl("r", { bucket: U, rules: [{ destination: { bucket: U } }] }, [], { bucket: [files.urn], rules: [copy.urn, key.urn] })], usage);
            assert.deepEqual(lines(byProps, "files-copy")[0].slice(0, 2), ["Standard storage (replica of the app files)", 40]);
            const twoDestinations = priced([files, media, copy, repl("r", { bucket: U, rules: [{ destination: { bucket: U } }] }, [], { bucket: [files.urn, media.urn], rules: [copy.urn, media.urn] })], usage);
            assert.deepEqual(sent(twoDestinations, "r"), ["Replicated data (us-east-1 to another region)", null]);
            // Dependencies: non-buckets and URNs outside the plan are ignored; the destination is not its own source.
            const role_ = r("aws:iam/role:Role", "role", {});
            const deps = [role_.urn, "urn:pulumi:t::p::aws:s3/bucket:Bucket::gone", copy.urn, files.urn];
            assert.deepEqual(sent(priced([files, copy, role_, repl("r", { rules: [{ destination: { bucket: "arn:aws:s3:::files-copy-066fd7b" } }] }, deps)], usage), "r"), ["Replicated data (us-east-1 to us-west-2)", 12]);
            const taggedCopy = r("aws:s3/bucket:Bucket", "files-copy", { region: "us-west-2", tags: role("replica") });
            assert.deepEqual(sent(priced([files, taggedCopy, role_, repl("r", {}, deps)], usage), "r"), ["Replicated data (us-east-1 to us-west-2)", 12]);
            const ambiguous = priced([files, media, taggedCopy, repl("r", {}, [files.urn, media.urn, taggedCopy.urn])], usage);
            const twoTagged = priced([files, taggedCopy, r("aws:s3/bucket:Bucket", "other-copy", { tags: role("replica") }), repl("r", {}, [files.urn, taggedCopy.urn, `urn:pulumi:t::p::aws:s3/bucket:Bucket::other-copy`])], usage);
            assert.deepEqual(sent(twoTagged, "r"), ["Replicated data (us-east-1 to another region)", null], "two replicas: no destination, no source");
            // Chained replicas: the source may be a replica itself.
            const second = r("aws:s3/bucket:Bucket", "files-copy-2", { region: "us-east-2" });
            const chain = priced([files, taggedCopy, second, repl("r1", { bucket: "files-585cb5b" }, [taggedCopy.urn, files.urn]), repl("r2", { rules: [{ destination: { bucket: "arn:aws:s3:::files-copy-2-1234567" } }] }, [taggedCopy.urn, second.urn])], usage);
            assert.deepEqual(lines(chain, "files-copy-2")[0].slice(0, 2), ["Standard storage (replica of the app files)", 40], "what the first source holds");
            assert.deepEqual(sent(chain, "r2"), ["Replicated data (us-west-2 to us-east-2)", 12], "what the first source writes, sent from the first replica");
            // An untagged first replica is followed too; a replica nothing in the plan writes ends the chain unknown.
            const untaggedCopy = r("aws:s3/bucket:Bucket", "files-copy", { region: "us-west-2" });
            const untaggedChain = priced([files, untaggedCopy, second, repl("r1", { bucket: "files-585cb5b", rules: [{ destination: { bucket: "files-copy-7654321" } }] }), repl("r2", { bucket: "files-copy-7654321", rules: [{ destination: { bucket: "arn:aws:s3:::files-copy-2-1234567" } }] })], usage);
            assert.deepEqual(lines(untaggedChain, "files-copy-2")[0].slice(0, 2), ["Standard storage (replica of the app files)", 40]);
            const broken = priced([taggedCopy, second, repl("r2", { rules: [{ destination: { bucket: "arn:aws:s3:::files-copy-2-1234567" } }] }, [taggedCopy.urn, second.urn])], usage);
            assert.deepEqual([lines(broken, "files-copy-2")[0][1], sent(broken, "r2")], [null, ["Replicated data (us-west-2 to us-east-2)", null]]);
            // A loop of replications (S3 would refuse it) has no first source.
            const a = r("aws:s3/bucket:Bucket", "a", { tags: role("replica") });
            const b = r("aws:s3/bucket:Bucket", "b", { tags: role("replica") });
            const loop = priced([a, b, repl("ab", { bucket: "a-1234567", rules: [{ destination: { bucket: "b-1234567" } }] }), repl("ba", { bucket: "b-1234567", rules: [{ destination: { bucket: "a-1234567" } }] })], usage);
            assert.deepEqual([lines(loop, "a")[0][1], lines(loop, "ab")[0][1]], [null, null]);
            assert.deepEqual(lines(ambiguous, "files-copy"), [["Standard storage (replica of the source bucket)", null, null, null, "the bucket it replicates cannot be told from the replication's inputs"]]);
            const itself = priced([files, repl("r", { bucket: "files-585cb5b", rules: [{ destination: { bucket: "arn:aws:s3:::files-585cb5b" } }] })], usage);
            assert.deepEqual(lines(itself, "files")[0].slice(0, 2), ["Standard storage (app files)", 40], "a bucket is not a replica of itself");
            // Two replications in one plan: each finds its own ends.
            const assets = r("aws:s3/bucket:Bucket", "assets", { tags: role("static-assets") });
            const assetsCopy = r("aws:s3/bucket:Bucket", "assets-copy", { region: "us-west-2" });
            const both = priced([files, copy, assets, assetsCopy, repl("a", { bucket: "files-585cb5b", ...to("arn:aws:s3:::files-copy-066fd7b") }), repl("b", { bucket: "assets-1234567", ...to("arn:aws:s3:::assets-copy-7654321") })], usage);
            assert.deepEqual([sent(both, "a")[1], sent(both, "b")[1], lines(both, "assets-copy")[0][1]], [12, 1, 10]);
        });

        it("replicated RDS backups: a full copy and the retention's changes where they are kept, the changes sent from the source's region", () => {
            const rep = r("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "rep", { region: "us-west-2", sourceDbInstanceArn: U });
            const cost = priced([rep], { rdsDataGiB: 100, dailyChangeFraction: 0.5 });
            assert.deepEqual(lines(cost, "rep"), [
                ["Replicated backups (a full copy and 7 days of changes)", 450, 0.095, 42.75], // 100 x (1 + 7 x 50%) GiB x $0.095 (7 days by default)
                ["Snapshots and transaction logs sent (us-east-1 to us-west-2)", 1500, 0.02, 30], // 100 x 50% x 30 days x $0.02
            ]);
            const fromArn = r("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "rep", { region: "us-east-1", retentionPeriod: 14, sourceDbInstanceArn: "arn:aws:rds:us-west-2:1:db:p" });
            assert.deepEqual(lines(priced([fromArn]), "rep"), [
                ["Replicated backups (a full copy and 14 days of changes)", null, 0.095, null, NO_USAGE],
                ["Snapshots and transaction logs sent (us-west-2 to us-east-1)", null, 0.02, null, NO_USAGE],
            ]);
        });

        it("restore drills: the restored database or volumes run for the restore plus the validation window, each scheduled run", () => {
            const db = r("aws:rds/instance:Instance", "db", { instanceClass: "db.r6g.large", allocatedStorage: 100 });
            const plan = r("aws:backup/restoreTestingPlan:RestoreTestingPlan", "drills", { scheduleExpression: "cron(0 6 * * ? *)" });
            const rds = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "rds", { protectedResourceType: "RDS" }, [plan.urn, db.urn]);
            const ebs = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "ebs", { protectedResourceType: "EBS", validationWindowHours: 2 }, [plan.urn]);
            const cost = priced([db, plan, rds, ebs], { restoreDrillHours: 2, vectorVolumeGiB: 730 });
            // Daily: 730 x 60 / 1,440 = 30.4167 runs a month x (2 h restore + 1 h validation by default) = 91.25 h.
            assert.deepEqual(lines(cost, "rds"), [
                ["Restored database while a drill runs (db.r6g.large, Single-AZ)", 91.25, 0.225, 20.53], // 91.25 h x $0.225 = 20.53
                ["Its storage while a drill runs", 12.5, 0.115, 1.44], // 100 GiB x 91.25 / 730 = 12.5 GiB-months x $0.115
            ]);
            // EBS: (2 + 2) h x 30.4167 = 121.67 h of 730 GiB: 121.67 GiB-months x $0.08.
            assert.deepEqual(lines(cost, "ebs"), [["Restored volumes while a drill runs (gp3)", 730 * 60 / 1440 * 4, 0.08, 9.73]]);
            const noPlan = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "orphan", { protectedResourceType: "RDS" }, [db.urn]);
            const unreadable = r("aws:backup/restoreTestingPlan:RestoreTestingPlan", "rate", { scheduleExpression: "rate(1 day)" });
            const rateSel = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "rate-sel", { protectedResourceType: "EBS" }, [unreadable.urn]);
            const other = priced([db, noPlan, unreadable, rateSel], { restoreDrillHours: 2, vectorVolumeGiB: 730 });
            assert.deepEqual(lines(other, "orphan"), [
                ["Restored database while a drill runs (db.r6g.large, Single-AZ)", null, 0.225, null, NO_USAGE],
                ["Its storage while a drill runs", null, 0.115, null, NO_USAGE],
            ]);
            assert.deepEqual(lines(other, "rate-sel"), [["Restored volumes while a drill runs (gp3)", null, 0.08, null, NO_USAGE]]);
            const multi = r("aws:rds/instance:Instance", "multi", { instanceClass: "db.r6g.large", multiAz: true, allocatedStorage: 100 });
            const multiSel = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "multi-sel", { protectedResourceType: "RDS" }, [plan.urn, multi.urn]);
            assert.deepEqual(lines(priced([multi, plan, multiSel], { restoreDrillHours: 2 }), "multi-sel"), [
                ["Restored database while a drill runs (db.r6g.large, Multi-AZ)", 91.25, 0.45, 41.06], // 91.25 h x $0.45 = 41.0625
                ["Its storage while a drill runs", 12.5, 0.23, 2.88], // 12.5 GiB-months x $0.23 = 2.875
            ]);
            const noDb = priced([plan, r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "x", { protectedResourceType: "RDS" }, [plan.urn])], { restoreDrillHours: 2 });
            assert.deepEqual(lines(noDb, "x")[0].slice(0, 1).concat(lines(noDb, "x")[0].slice(4)), ["Restored database while a drill runs (unknown, Single-AZ)", "not priced in us-east-1: rds.postgres.unknown.singleAz"]);
            assert.deepEqual(lines(priced([plan, ebs]), "ebs")[0].slice(1), [null, 0.08, null, NO_USAGE]);
        });
    });
    describe("backup plans", () => {
        const daily = (deleteAfter: unknown, extra: Record<string, unknown> = {}) => ({ schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter }, ...extra });

        it("stores the snapshot chain of the plan's retention at the change rate", () => {
            // 3 daily points at 50% a day: 1 + 0.5 + 0.5 = 2 x 100 GiB x $0.05.
            const cost = priced([r("aws:backup/plan:Plan", "plan", { rules: [daily(3)] })], { vectorVolumeGiB: 100, dailyChangeFraction: 0.5 });
            assert.deepEqual(lines(cost, "plan"), [["Backup storage (EBS snapshot chain of the vector DB volumes: 2 x the volume, 1 rules at 50% change a day)", 200, 0.05, 10]]);
            const none = priced([r("aws:backup/plan:Plan", "plan", { rules: [daily(3)] })]);
            assert.deepEqual(lines(none, "plan"), [["Backup storage (EBS snapshot chain of the vector DB volumes: ? x the volume, 1 rules at ?% change a day)", null, 0.05, null, NO_USAGE]]);
            const empty = priced([r("aws:backup/plan:Plan", "plan", {})], { vectorVolumeGiB: 100 });
            assert.deepEqual(lines(empty, "plan"), [["Backup storage (EBS snapshot chain of the vector DB volumes: 0 x the volume, 0 rules at 0% change a day)", 0, 0.05, 0]]);
        });

        it("says a retention it cannot read is unreadable, not a missing usage figure", () => {
            const why = "the plan's schedules or retention cannot be read (a cron schedule and a known deleteAfter per rule)";
            for (const rules of [[daily(U)], [{ schedule: "rate(1 day)", lifecycle: { deleteAfter: 3 } }], [daily(3), { schedule: "cron(0 3 * * ? *)" }]]) {
                const cost = priced([r("aws:backup/plan:Plan", "plan", { rules })], { vectorVolumeGiB: 100, dailyChangeFraction: 0.5 });
                assert.deepEqual(lines(cost, "plan"), [[`Backup storage (EBS snapshot chain of the vector DB volumes: retention unreadable, ${rules.length} rules at 50% change a day)`, null, null, null, why]]);
                assert.equal(cost.complete, false);
            }
        });

        it("prices nothing for a plan of continuous rules only (the database's own recovery), a chain for a mixed plan", () => {
            const continuous = priced([r("aws:backup/plan:Plan", "plan", { rules: [{ enableContinuousBackup: true, ...daily(35) }] })], { vectorVolumeGiB: 100, dailyChangeFraction: 0.5 });
            assert.deepEqual(lines(continuous, "plan"), [["Continuous backup (the instance's automated backups, priced on the instance)", 0, 0.095, 0]]);
            const mixed = priced([r("aws:backup/plan:Plan", "plan", { rules: [{ enableContinuousBackup: true, ...daily(1) }, { enableContinuousBackup: false, ...daily(2) }] })], { vectorVolumeGiB: 100, dailyChangeFraction: 0.5 });
            assert.deepEqual(lines(mixed, "plan")[0].slice(1), [150, 0.05, 7.5], "2 dailies: 1.5 x 100 GiB x $0.05");
        });

        it("names archived points unpriced only when the plan opts in and sets a cold-storage age", () => {
            const archived = { lifecycle: { deleteAfter: 3, coldStorageAfter: 1, optInToArchiveForSupportedResources: true } };
            const cost = priced([r("aws:backup/plan:Plan", "plan", { rules: [daily(3, archived), daily(3, archived)] })], { vectorVolumeGiB: 100, dailyChangeFraction: 0.5 });
            assert.deepEqual(lines(cost, "plan")[1], ["Archived points (2 rules move points to cold storage; each is a full copy)", null, null, null, "the AWS Backup cold-storage price for EBS is not in the catalog"]);
            assert.deepEqual(cost.unpricedComponents, ["backup.ebsSnapshot.coldStorage"]);
            const notOptedIn = { lifecycle: { deleteAfter: 3, coldStorageAfter: 1 } };
            const noAge = { lifecycle: { deleteAfter: 3, optInToArchiveForSupportedResources: true } };
            assert.equal(lines(priced([r("aws:backup/plan:Plan", "plan", { rules: [daily(3, notOptedIn), daily(3, noAge)] })], { vectorVolumeGiB: 100 }), "plan").length, 1);
        });

        it("prices cross-region copies where they are kept (a full copy and the longest copy retention's changes) and their transfer at the sender", () => {
            const copy = (deleteAfter: number | undefined, arn?: string) => ({ ...(arn ? { destinationVaultArn: arn } : {}), lifecycle: { deleteAfter } });
            const plan = r("aws:backup/plan:Plan", "plan", { rules: [daily(3, { copyActions: [copy(3, "arn:aws:backup:us-west-2:1:backup-vault:v")] }), daily(3, { copyActions: [copy(5)] })] });
            const cost = priced([plan], { vectorVolumeGiB: 100, dailyChangeFraction: 0.1 });
            assert.deepEqual(lines(cost, "plan").slice(1), [
                ["Copies in us-west-2 (a full copy and 5 days of changes)", 150, 0.05, 7.5], // 100 x (1 + 5 x 10%) GiB x $0.05
                ["Copied snapshot changes (us-east-1 to us-west-2)", 300, 0.02, 6], // 100 x 10% x 30 days x $0.02
            ]);
            assert.ok(cost.resources[0].costComponents.slice(1).every((c) => c.disasterRecovery));
            // No ARN: the plan's vault in another region, else "another region"; a copy without retention keeps 1 day.
            const drVault = { ...r("aws:backup/vault:Vault", "dr"), inputs: { region: "us-east-2" } };
            const homeVault = r("aws:backup/vault:Vault", "home");
            const toVault = r("aws:backup/plan:Plan", "v", { rules: [daily(3, { copyActions: [copy(undefined, U)] })] }, [homeVault.urn, drVault.urn]);
            assert.deepEqual(lines(priced([homeVault, drVault, toVault], { vectorVolumeGiB: 100, dailyChangeFraction: 0.1 }), "v").slice(1).map((l) => l[0]), [
                "Copies in us-east-2 (a full copy and 1 days of changes)",
                "Copied snapshot changes (us-east-1 to us-east-2)",
            ]);
            const nowhere = priced([r("aws:backup/plan:Plan", "n", { rules: [daily(3, { copyActions: [copy(2)] })] }, [homeVault.urn]), homeVault], { vectorVolumeGiB: 100, dailyChangeFraction: 0.1 });
            assert.deepEqual(lines(nowhere, "n").slice(1), [
                ["Copies in another region (a full copy and 2 days of changes)", 120, null, null, "not priced in another region: backup.ebsSnapshot.storage"],
                ["Copied snapshot changes (us-east-1 to another region)", 300, 0.02, 6],
            ]);
            assert.equal(nowhere.complete, false, "a copy it cannot price leaves the total a lower bound");
        });
    });
    describe("security", () => {
        it("a secret and its API calls; a key and its requests (per key, the account's free requests not subtracted)", () => {
            const cost = priced([r("aws:secretsmanager/secret:Secret", "s"), r("aws:kms/key:Key", "k")], { secretsApiCallsPerSecret: 20_000, kmsRequestsPerKey: 50_000 });
            assert.deepEqual(lines(cost, "s"), [["Secret", 1, 0.4, 0.4], ["API calls", 2, 0.05, 0.1]]); // 20,000 / 10k x $0.05
            assert.deepEqual(lines(cost, "k"), [["Customer managed key", 1, 1, 1], ["Requests (symmetric)", 5, 0.03, 0.15]]); // 50,000 / 10k x $0.03
            const none = priced([r("aws:secretsmanager/secret:Secret", "s"), r("aws:kms/key:Key", "k")]);
            assert.deepEqual([lines(none, "s")[1], lines(none, "k")[1]], [["API calls", null, 0.05, null, NO_USAGE], ["Requests (symmetric)", null, 0.03, null, NO_USAGE]]);
        });
    });

    describe("observability", () => {
        it("log groups: the platform's ingest shared among its groups, stored for the retention (ten years by default)", () => {
            const a = r("aws:cloudwatch/logGroup:LogGroup", "a", { name: "/app/a", retentionInDays: 30 });
            const b = r("aws:cloudwatch/logGroup:LogGroup", "b", { name: "/app/b" });
            const cost = priced([a, b], { logIngestGiB: 20 });
            assert.deepEqual(lines(cost, "a"), [["Log ingestion", 10, 0.5, 5], ["Log storage (30-day retention)", 10, 0.03, 0.3]]); // 20 GiB / 2 groups; 10 GiB x 30/30 months
            assert.deepEqual(lines(cost, "b")[1], ["Log storage (3653-day retention)", (10 * 3653) / 30, 0.03, 36.53]); // 10 x 3,653 / 30 = 1,217.67 GiB x $0.03
            assert.deepEqual(lines(priced([a]), "a"), [["Log ingestion", null, 0.5, null, NO_USAGE], ["Log storage (30-day retention)", null, 0.03, null, NO_USAGE]]);
        });

        it("Container Insights groups: application logs are their own figure, the other groups ingest nothing, neither takes a platform share", () => {
            const ci = (kind: string) => r("aws:cloudwatch/logGroup:LogGroup", `ci-${kind}`, { name: `/aws/containerinsights/web/${kind}`, retentionInDays: 60 });
            const platform = r("aws:cloudwatch/logGroup:LogGroup", "flow", { name: "/vpc/flow", retentionInDays: 60 });
            const near = r("aws:cloudwatch/logGroup:LogGroup", "near", { name: "/aws/containerinsights/web/application/extra", retentionInDays: 60 });
            const cost = priced([ci("application"), ci("dataplane"), ci("host"), ci("performance"), platform, near], { logIngestGiB: 12, containerLogIngestGiB: 4 });
            const ingest = (n: string) => lines(cost, n)[0][1];
            // The platform's 12 GiB go to its 2 groups (flow, and the name that only looks like Container Insights'): 6 each.
            assert.deepEqual(["ci-application", "ci-dataplane", "ci-host", "ci-performance", "flow", "near"].map(ingest), [4, 0, 0, 0, 6, 6]);
            assert.deepEqual(lines(cost, "ci-application")[1], ["Log storage (60-day retention)", 8, 0.03, 0.24]); // 4 GiB x 60/30
        });

        it("alarms per metric read (expressions free), high resolution under 60 s; a dashboard", () => {
            const alarm = (name: string, inputs: Record<string, unknown>) => r("aws:cloudwatch/metricAlarm:MetricAlarm", name, inputs);
            const cost = priced([
                alarm("default", {}),
                alarm("at60", { period: 60 }),
                alarm("at59", { period: 59 }),
                alarm("math", { metricQueries: [{ expression: "m1+m2" }, { metric: { period: 60 } }, { metric: { period: 300 } }] }),
                alarm("mathFast", { metricQueries: [{ metric: { period: 10 } }, { expression: "m1" }] }),
                alarm("exprOnly", { metricQueries: [{ expression: "SELECT 1" }] }),
                r("aws:cloudwatch/dashboard:Dashboard", "d"),
            ]);
            assert.deepEqual(lines(cost, "default"), [["Alarm metrics (standard resolution) x 1", 1, 0.1, 0.1]]);
            assert.deepEqual(lines(cost, "at60"), [["Alarm metrics (standard resolution) x 1", 1, 0.1, 0.1]]);
            assert.deepEqual(lines(cost, "at59"), [["Alarm metrics (high resolution) x 1", 1, 0.3, 0.3]]);
            assert.deepEqual(lines(cost, "math"), [["Alarm metrics (standard resolution) x 2", 2, 0.1, 0.2]]);
            assert.deepEqual(lines(cost, "mathFast"), [["Alarm metrics (high resolution) x 1", 1, 0.3, 0.3]]);
            assert.deepEqual(lines(cost, "exprOnly"), [["Alarm metrics (standard resolution) x 0", 0, 0.1, 0]]);
            assert.deepEqual(lines(cost, "d"), [["Dashboard", 1, 3, 3]]);
        });

        it("SNS: publishes split among topics, deliveries by protocol", () => {
            const sub = (name: string, protocol?: string) => r("aws:sns/topicSubscription:TopicSubscription", name, protocol ? { protocol } : {});
            const cost = priced([r("aws:sns/topic:Topic", "t1"), r("aws:sns/topic:Topic", "t2"), sub("mail", "email"), sub("json", "email-json"), sub("hook", "https"), sub("plain", "http"), sub("queue", "sqs"), sub("none")], { alertNotifications: 400_000 });
            // 400,000 notifications over 2 topics: 200,000 each.
            assert.deepEqual(lines(cost, "t1"), [["Notifications published", 0.2, 0.5, 0.1]]); // 0.2 M x $0.50
            assert.deepEqual(lines(cost, "mail"), [["Email deliveries", 2, 2, 4]]); // 200,000 / 100k x $2
            assert.deepEqual(lines(cost, "json"), [["Email deliveries", 2, 2, 4]]);
            assert.deepEqual(lines(cost, "hook"), [["HTTPS deliveries", 0.2, 0.6, 0.12]]); // 0.2 M x $0.60
            assert.deepEqual(lines(cost, "plain"), [["HTTPS deliveries", 0.2, 0.6, 0.12]]);
            assert.deepEqual(lines(cost, "queue"), [["sqs deliveries", 200_000, null, null, "not priced in us-east-1: sns.sqs"]]);
            assert.deepEqual(lines(cost, "none"), [["unknown deliveries", 200_000, null, null, "not priced in us-east-1: sns.unknown"]]);
            assert.deepEqual(lines(priced([r("aws:sns/topic:Topic", "t")]), "t"), [["Notifications published", null, 0.5, null, NO_USAGE]]);
        });

        it("Route 53 health checks: each optional feature on its own", () => {
            const check = (name: string, inputs: Record<string, unknown>) => r("aws:route53/healthCheck:HealthCheck", name, inputs);
            const cost = priced([
                check("http", { type: "HTTP", requestInterval: 30 }),
                check("https", { type: "HTTPS" }),
                check("str", { type: "HTTP_STR_MATCH" }),
                check("fast", { type: "HTTP", requestInterval: 10 }),
                check("latency", { type: "TCP", measureLatency: true }),
                check("all", { type: "HTTPS_STR_MATCH", requestInterval: "10", measureLatency: true }),
            ]);
            assert.deepEqual(lines(cost, "http"), [["Health check", 1, 0.75, 0.75]]);
            assert.deepEqual(["https", "str", "fast", "latency"].map((n) => lines(cost, n)[1]), Array(4).fill(["Optional features x 1", 1, 2, 2]));
            assert.deepEqual(lines(cost, "all")[1], ["Optional features x 4", 4, 2, 8]);
        });

        it("CloudFront additional metrics unless the subscription is disabled", () => {
            const sub = (status: string) => r("aws:cloudfront/monitoringSubscription:MonitoringSubscription", status, { monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: status } } });
            const cost = priced([sub("Enabled"), sub("Disabled")]);
            assert.deepEqual(lines(cost, "Enabled"), [["Additional distribution metrics x 8 (billed as custom metrics)", 8, 0.3, 2.4]]);
            assert.deepEqual(lines(cost, "Disabled"), []);
        });

        it("Container Insights add-on: observations of every node and pod a minute; other add-ons are free", () => {
            const ng = (name: string, size?: number) => r("aws:eks/nodeGroup:NodeGroup", name, { instanceTypes: ["m7g.large"], scalingConfig: size === undefined ? {} : { desiredSize: size } });
            const workloads = [
                r("kubernetes:apps/v1:Deployment", "web", { spec: { replicas: 3 } }),
                r("kubernetes:apps/v1:StatefulSet", "db", { spec: { replicas: 2 } }),
                r("kubernetes:helm.sh/v3:Release", "chart", {}),
                r("kubernetes:core/v1:Service", "svc", { spec: { replicas: 9 } }),
            ];
            const addon = r("aws:eks/addon:Addon", "cw", { addonName: "amazon-cloudwatch-observability" });
            const cost = priced([ng("a", 2), ng("b", 1), ng("c"), ...workloads, addon, r("aws:eks/addon:Addon", "dns", { addonName: "coredns" })], { containerInsightsObservationsPerNode: 10, containerInsightsObservationsPerPod: 2 });
            // 3 nodes; pods: 3 + 2 + 1 (a release counts 1) + 5 add-on pods + 5 per node x 3 = 26.
            // (3 x 10 + 26 x 2) = 82 a minute x 43,800 minutes = 3,591,600 = 3.5916 M x $0.21.
            assert.deepEqual(lines(cost, "cw"), [["Container Insights observations (3 nodes, 26 pods, each minute)", 3.5916, 0.21, 0.75]]);
            assert.equal(cost.resources.some((x) => x.name === "dns"), false);
            assert.deepEqual(lines(priced([addon]), "cw"), [["Container Insights observations (0 nodes, 5 pods, each minute)", null, 0.21, null, NO_USAGE]]);
        });

        it("managed Prometheus: the collector, samples at the scrape interval split among scrapers, storage of 150 days in each workspace", () => {
            const scraper = (name: string, config?: string) => r("aws:amp/scraper:Scraper", name, config === undefined ? {} : { scrapeConfiguration: config });
            const cost = priced([scraper("s30", "global:\n  scrape_interval:   30s\n"), scraper("dflt", "scrape_interval: 1m"), r("aws:amp/workspace:Workspace", "w1"), r("aws:amp/workspace:Workspace", "w2")], { prometheusActiveSeries: 100, prometheusQuerySamples: 3e9 });
            // 100 series / 2 scrapers = 50 each; 30 s: 50 x 2,628,000 s / 30 = 4,380,000 samples = 0.438 x 10 M.
            assert.deepEqual(lines(cost, "s30"), [
                ["Managed collector", 730, 0.04, 29.2],
                ["Samples collected (every 30 s)", 0.438, 0.03, 0.01], // 0.438 x $0.03 = 0.013
                ["Samples ingested (first 2 billion tier)", 0.438, 0.9, 0.39], // 0.438 x $0.90 = 0.394
            ]);
            // An interval it cannot read (not in seconds) counts as 60 s: 50 x 2,628,000 / 60 = 2,190,000.
            assert.deepEqual(lines(cost, "dflt")[1].slice(0, 2), ["Samples collected (every 60 s)", 0.219]);
            // Each workspace stores half of the 6,570,000 samples: x 2 bytes x 5 months / 2^30 GiB; queries 3 billion x $0.10.
            assert.deepEqual(lines(cost, "w1"), [
                ["Sample storage (150-day retention, 2 bytes a sample)", (3_285_000 * 2 * 5) / 2 ** 30, 0.03, 0],
                ["Query samples processed", 3, 0.1, 0.3],
            ]);
            const none = priced([scraper("s"), r("aws:amp/workspace:Workspace", "w")]);
            assert.deepEqual(lines(none, "s").map((l) => l[1]), [730, null, null]);
            assert.deepEqual(lines(none, "w").map((l) => l[1]), [null, null]);
        });

        it("Grafana: at least one editor even when none signs in, viewers; X-Ray traces split among groups", () => {
            const cost = priced([r("aws:grafana/workspace:Workspace", "g"), r("aws:xray/group:Group", "x1"), r("aws:xray/group:Group", "x2")], { grafanaEditors: 0, grafanaViewers: 3, xrayTracesRecorded: 4_000_000 });
            assert.deepEqual(lines(cost, "g"), [["Editors and admins", 1, 9, 9], ["Viewers", 3, 5, 15]]);
            assert.deepEqual(lines(cost, "x1"), [["Traces recorded", 2, 5, 10]]); // 4 M / 2 groups = 2 M x $5
            assert.deepEqual(lines(priced([r("aws:grafana/workspace:Workspace", "g")], { grafanaEditors: 2 }), "g")[0], ["Editors and admins", 2, 9, 18]);
            assert.deepEqual(lines(priced([r("aws:grafana/workspace:Workspace", "g"), r("aws:xray/group:Group", "x")]), "g"), [["Editors and admins", 1, 9, 9], ["Viewers", null, 5, null, NO_USAGE]]);
            assert.deepEqual(lines(priced([r("aws:xray/group:Group", "x")]), "x"), [["Traces recorded", null, 5, null, NO_USAGE]]);
        });
    });

    describe("Kubernetes", () => {
        it("a StatefulSet's volume claims as gp3 volumes per replica, sizes read as Kubernetes quantities", () => {
            const claim = (storage: unknown) => ({ spec: { resources: { requests: { storage } } } });
            const set = r("kubernetes:apps/v1:StatefulSet", "set", { spec: { replicas: 3, volumeClaimTemplates: [claim("10Gi"), claim("1Ti"), claim("512Mi"), claim("1.25Gi"), claim("2147483648"), claim("5G"), claim("1048576Ki")] } });
            assert.deepEqual(lines(priced([set]), "set"), [
                ["Persistent volumes (gp3, 10 GiB x 3)", 30, 0.08, 2.4],
                ["Persistent volumes (gp3, 1024 GiB x 3)", 3072, 0.08, 245.76],
                ["Persistent volumes (gp3, 0.5 GiB x 3)", 1.5, 0.08, 0.12],
                ["Persistent volumes (gp3, 1.25 GiB x 3)", 3.75, 0.08, 0.3],
                ["Persistent volumes (gp3, 2 GiB x 3)", 6, 0.08, 0.48], // a plain number is bytes: 2^31 B = 2 GiB
                ["Persistent volumes (gp3, 4.66 GiB x 3)", (5e9 / 2 ** 30) * 3, 0.08, 1.12], // 5 G = 5 x 10^9 B = 4.657 GiB; x 3 x $0.08
                ["Persistent volumes (gp3, 1 GiB x 3)", 3, 0.08, 0.24], // 1,048,576 KiB
            ]);
            assert.deepEqual(lines(priced([r("kubernetes:apps/v1:StatefulSet", "one", { spec: { volumeClaimTemplates: [claim("10Gi")] } })]), "one"), [["Persistent volumes (gp3, 10 GiB x 1)", 10, 0.08, 0.8]]);
            assert.deepEqual(lines(priced([r("kubernetes:apps/v1:StatefulSet", "none", { spec: { replicas: 2 } })]), "none"), []);
        });

        it("never prices a volume claim it cannot read as 0 GiB", () => {
            const claim = (storage: unknown) => ({ spec: { resources: { requests: { storage } } } });
            const set = r("kubernetes:apps/v1:StatefulSet", "set", { spec: { replicas: 2, volumeClaimTemplates: [claim(U), claim("lots"), claim("10Gi "), claim("x10Gi"), claim("10Zi"), claim(10), claim(undefined)] } });
            assert.deepEqual(lines(priced([set]), "set"), [
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, AFTER_APPLY],
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, 'storage request "lots" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, 'storage request "10Gi " is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, 'storage request "x10Gi" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, 'storage request "10Zi" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, "storage request 10 is not a Kubernetes quantity"],
                ["Persistent volumes (gp3, ? GiB x 2)", null, null, null, "storage request null is not a Kubernetes quantity"],
            ]);
            assert.deepEqual(priced([set]).unpricedComponents, ["ebs.gp3.storage"]);
        });

        it("reads every form of the Kubernetes quantity grammar: a sign, a decimal exponent, a bare point; a negative size is a gap", () => {
            const claim = (storage: unknown) => ({ spec: { resources: { requests: { storage } } } });
            const sizes = ["1e3", "+10Gi", "1E9", "5e-1", "2.Gi", ".5Ti", "1Ei", "1073741824000m", "-10Gi", "1e", "e3", "1e3Gi", "+-1Gi", "0", ".25Ti", "1e10"];
            const set = r("kubernetes:apps/v1:StatefulSet", "set", { spec: { replicas: 1, volumeClaimTemplates: sizes.map(claim) } });
            assert.deepEqual(lines(priced([set]), "set").map((l) => [l[0], l[4] ?? l[3]]), [
                ["Persistent volumes (gp3, 0 GiB x 1)", 0], // 1,000 bytes
                ["Persistent volumes (gp3, 10 GiB x 1)", 0.8],
                ["Persistent volumes (gp3, 0.93 GiB x 1)", 0.07], // 10^9 B = 0.931 GiB x $0.08 = 0.0745
                ["Persistent volumes (gp3, 0 GiB x 1)", 0], // half a byte
                ["Persistent volumes (gp3, 2 GiB x 1)", 0.16],
                ["Persistent volumes (gp3, 512 GiB x 1)", 40.96],
                ["Persistent volumes (gp3, 1073741824 GiB x 1)", 85899345.92], // 2^60 B = 2^30 GiB x $0.08
                ["Persistent volumes (gp3, 1 GiB x 1)", 0.08], // 1,073,741,824,000 milli-bytes = 1 GiB
                ["Persistent volumes (gp3, ? GiB x 1)", 'storage request "-10Gi" is negative'],
                ["Persistent volumes (gp3, ? GiB x 1)", 'storage request "1e" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 1)", 'storage request "e3" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 1)", 'storage request "1e3Gi" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, ? GiB x 1)", 'storage request "+-1Gi" is not a Kubernetes quantity'],
                ["Persistent volumes (gp3, 0 GiB x 1)", 0], // 0 is a size, not a negative one
                ["Persistent volumes (gp3, 256 GiB x 1)", 20.48], // two digits after the point
                ["Persistent volumes (gp3, 9.31 GiB x 1)", 0.75], // a two-digit exponent: 10^10 B = 9.313 GiB x $0.08
            ]);
            assert.deepEqual(lines(priced([r("kubernetes:apps/v1:StatefulSet", "null", { spec: { volumeClaimTemplates: null } })]), "null"), [], "null templates are none");
        });

        it("calls a StatefulSet's spec, claim templates or a template decided at apply a gap, and a replica count that is not a whole number >= 0 a gap naming it", () => {
            const claim = (storage: unknown) => ({ spec: { resources: { requests: { storage } } } });
            const set = (name: string, spec: unknown) => r("kubernetes:apps/v1:StatefulSet", name, { spec });
            const cost = priced([
                set("spec", U),
                set("templates", { replicas: 3, volumeClaimTemplates: U }),
                set("entry", { replicas: 1, volumeClaimTemplates: [U, claim("10Gi")] }),
                set("not-a-list", { replicas: 1, volumeClaimTemplates: { spec: {} } }),
                set("negative", { replicas: -2, volumeClaimTemplates: [claim("10Gi")] }),
                set("half", { replicas: 1.5, volumeClaimTemplates: [claim("10Gi")] }),
                set("text", { replicas: "two", volumeClaimTemplates: [claim("10Gi")] }),
                set("later", { replicas: U, volumeClaimTemplates: [claim("10Gi")] }),
                set("zero", { replicas: 0, volumeClaimTemplates: [claim("10Gi")] }),
            ]);
            assert.deepEqual(lines(cost, "spec"), [["Persistent volumes (gp3)", null, null, null, "the StatefulSet's spec (replicas, volume claim templates) is decided at apply"]]);
            assert.deepEqual(lines(cost, "templates"), [["Persistent volumes (gp3, ? GiB x 3)", null, null, null, "the volume claim templates are decided at apply"]]);
            assert.deepEqual(lines(cost, "entry"), [
                ["Persistent volumes (gp3, ? GiB x 1)", null, null, null, "the volume claim template is decided at apply"],
                ["Persistent volumes (gp3, 10 GiB x 1)", 10, 0.08, 0.8],
            ]);
            assert.deepEqual(lines(cost, "not-a-list"), [["Persistent volumes (gp3, ? GiB x 1)", null, null, null, "volume claim templates {\"spec\":{}} are not a list"]]);
            assert.deepEqual(lines(cost, "negative"), [["Persistent volumes (gp3, 10 GiB x ?)", null, null, null, "replicas -2 is not a whole number of pods >= 0"]]);
            assert.deepEqual(lines(cost, "half"), [["Persistent volumes (gp3, 10 GiB x ?)", null, null, null, "replicas 1.5 is not a whole number of pods >= 0"]]);
            assert.deepEqual(lines(cost, "text"), [["Persistent volumes (gp3, 10 GiB x ?)", null, null, null, 'replicas "two" is not a whole number of pods >= 0']]);
            assert.deepEqual(lines(cost, "later"), [["Persistent volumes (gp3, 10 GiB x ?)", null, null, null, "replicas are decided at apply"]]);
            assert.deepEqual(lines(cost, "zero"), [["Persistent volumes (gp3, 10 GiB x 0)", 0, 0.08, 0]]);
            assert.equal(cost.totalMonthlyCost, 0.8, "never a negative amount");
            assert.equal(cost.complete, false);
            assert.deepEqual(cost.gaps.map((g) => g.name), ["spec", "templates", "entry", "not-a-list", "negative", "half", "text", "later"]);
        });
    });
    describe("inputs", () => {
        it("reads a number given as text, the provider's default when an input is absent or null, and nothing else as a number", () => {
            const nodes = (desiredSize: unknown) => lines(priced([r("aws:eks/nodeGroup:NodeGroup", "n", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize } })]), "n")[1].slice(0, 2);
            assert.deepEqual(nodes("2"), ["Root volumes (gp3, 20 GiB x 2)", 40]);
            assert.deepEqual(nodes(" 3 "), ["Root volumes (gp3, 20 GiB x 3)", 60]);
            assert.deepEqual(nodes(null), ["Root volumes (gp3, 20 GiB x 0)", 0], "null is absent: the default of 0 nodes");
            for (const v of ["", "  ", "Infinity", "two", U, true, {}, [2]]) assert.deepEqual(nodes(v)[1], null, JSON.stringify(v));
            const logs = priced([r("aws:cloudwatch/logGroup:LogGroup", "l", { retentionInDays: null })], { logIngestGiB: 3 });
            assert.deepEqual(lines(logs, "l")[1], ["Log storage (3653-day retention)", 365.3, 0.03, 10.96]); // 3 GiB x 3,653 / 30 x $0.03
            const alb = priced([r("aws:lb/loadBalancer:LoadBalancer", "alb", { subnets: null })]);
            assert.deepEqual(lines(alb, "alb")[2], ["Public IPv4 addresses (one per subnet)", 0, 0.005, 0], "no subnet list: no addresses");
        });

        it("reads a plan with holes (missing blocks, null entries, dependencies outside the plan) without failing, leaving what it cannot read unpriced", () => {
            const gone = "urn:pulumi:t::p::aws:backup/restoreTestingPlan:RestoreTestingPlan::gone";
            const cost = priced([
                r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.large"] }, [gone]),
                r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "sel", { protectedResourceType: "EBS" }, [gone]),
                r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { rules: [null] }),
                r("aws:backup/plan:Plan", "plan", { rules: [null, { schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 1 }, copyActions: [null] }] }),
                r("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { metricQueries: [null, { metric: { period: 60 } }] }),
                r("aws:cloudfront/monitoringSubscription:MonitoringSubscription", "m1", {}),
                r("aws:cloudfront/monitoringSubscription:MonitoringSubscription", "m2", { monitoringSubscription: {} }),
                r("aws:eks/addon:Addon", "cw", { addonName: "amazon-cloudwatch-observability" }),
                r("kubernetes:apps/v1:StatefulSet", "set", {}),
                r("kubernetes:apps/v1:StatefulSet", "set2", { spec: { volumeClaimTemplates: [null, {}, { spec: {} }, { spec: { resources: {} } }] } }),
                r("aws:route53/healthCheck:HealthCheck", "hc", {}),
            ], { vectorVolumeGiB: 100, dailyChangeFraction: 0.5, restoreDrillHours: 1 });
            assert.deepEqual(lines(cost, "ng"), [["Instance usage (Linux, on-demand, c7g.large x 0)", 0, 0.0725, 0], ["Root volumes (gp3, 20 GiB x 0)", 0, 0.08, 0]]);
            assert.deepEqual(lines(cost, "sel"), [["Restored volumes while a drill runs (gp3)", null, 0.08, null, NO_USAGE]]);
            assert.deepEqual(lines(cost, "repl"), [["Replicated data (us-east-1 to another region)", null, null, null, NO_SOURCE]]);
            assert.deepEqual(lines(cost, "plan").map((l) => [l[0], l[1]]), [
                ["Backup storage (EBS snapshot chain of the vector DB volumes: retention unreadable, 2 rules at 50% change a day)", null],
                ["Copies in another region (a full copy and 1 days of changes)", 150], // a copy without retention keeps 1 day: 100 x (1 + 50%)
                ["Copied snapshot changes (us-east-1 to another region)", 1500], // 100 x 50% x 30
            ]);
            assert.deepEqual(lines(cost, "alarm"), [["Alarm metrics (standard resolution) x 1", 1, 0.1, 0.1]]);
            assert.deepEqual([lines(cost, "m1").length, lines(cost, "m2").length], [1, 1], "a subscription not known to be disabled bills its metrics");
            // The node group without a scaling config runs 0 nodes; pods: 2 StatefulSets of 1 replica + 5 add-on pods.
            assert.deepEqual(lines(cost, "cw")[0].slice(0, 2), ["Container Insights observations (0 nodes, 7 pods, each minute)", 0]);
            assert.deepEqual(lines(cost, "set"), []);
            assert.deepEqual(lines(cost, "set2").map((l) => l[4]), Array(4).fill("storage request null is not a Kubernetes quantity"));
            assert.deepEqual(lines(cost, "hc"), [["Health check", 1, 0.75, 0.75]]);
        });
    });
    describe("what a line depends on", () => {
        it("marks the lines a usage figure decides, and the lines spent on disaster recovery (copies, replicas, drills)", () => {
            const role = (n: string) => ({ "tiered-infra:bucket-role": n });
            const db = r("aws:rds/instance:Instance", "db", { identifier: "db", instanceClass: "db.t3.large", allocatedStorage: 20, manageMasterUserPassword: true });
            const drills = r("aws:backup/restoreTestingPlan:RestoreTestingPlan", "drills", { scheduleExpression: "cron(0 6 * * ? *)" });
            const files = r("aws:s3/bucket:Bucket", "files", { tags: role("file-store") });
            // The replica's provider places it in us-west-2 (no region input): only the reader can call it DR.
            const replica = { ...r("aws:s3/bucket:Bucket", "replica", { tags: role("replica") }), region: "us-west-2" };
            const plan = [
                r("aws:eks/cluster:Cluster", "eks", { version: "1.35" }),
                r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.large"], scalingConfig: { desiredSize: 1 } }),
                db, r("aws:rds/instance:Instance", "replica-db", { replicateSourceDb: "db", instanceClass: "db.r6g.large" }),
                r("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { nodeType: "cache.t4g.small" }),
                r("aws:ec2/natGateway:NatGateway", "nat"), r("aws:ec2/eip:Eip", "eip"), r("aws:lb/loadBalancer:LoadBalancer", "alb", { subnets: ["a"] }),
                r("aws:cloudfront/distribution:Distribution", "cdn", { priceClass: "PriceClass_100" }),
                r("aws:wafv2/webAcl:WebAcl", "waf", { rules: [{ statement: { managedRuleGroupStatement: { name: "AWSManagedRulesBotControlRuleSet" } } }] }),
                files, replica,
                r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", { rules: [{ destination: { replicationTime: { status: "Enabled" }, metrics: { status: "Enabled" } } }] }, [files.urn, replica.urn]),
                r("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "rdsrep", { region: "us-west-2" }),
                drills, r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "drill-rds", { protectedResourceType: "RDS" }, [drills.urn, db.urn]),
                r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "drill-ebs", { protectedResourceType: "EBS" }, [drills.urn]),
                r("aws:secretsmanager/secret:Secret", "secret"), r("aws:kms/key:Key", "key"),
                r("aws:cloudwatch/logGroup:LogGroup", "logs", { retentionInDays: 30 }),
                r("aws:backup/plan:Plan", "plan", { rules: [{ schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 3, coldStorageAfter: 1, optInToArchiveForSupportedResources: true }, copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:1:backup-vault:v" }] }] }),
                r("aws:backup/plan:Plan", "continuous", { rules: [{ enableContinuousBackup: true }] }),
                r("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm"), r("aws:cloudwatch/dashboard:Dashboard", "dash"),
                r("aws:sns/topic:Topic", "topic"), r("aws:sns/topicSubscription:TopicSubscription", "mail", { protocol: "email" }),
                r("aws:sns/topicSubscription:TopicSubscription", "hook", { protocol: "https" }), r("aws:sns/topicSubscription:TopicSubscription", "sqs", { protocol: "sqs" }),
                r("aws:route53/healthCheck:HealthCheck", "hc", { type: "HTTPS" }),
                r("aws:cloudfront/monitoringSubscription:MonitoringSubscription", "cfm"),
                r("aws:eks/addon:Addon", "ci", { addonName: "amazon-cloudwatch-observability" }),
                r("aws:amp/scraper:Scraper", "scraper"), r("aws:amp/workspace:Workspace", "amp"), r("aws:grafana/workspace:Workspace", "grafana"), r("aws:xray/group:Group", "xray"),
                r("kubernetes:apps/v1:StatefulSet", "set", { spec: { volumeClaimTemplates: [{ spec: { resources: { requests: { storage: "1Gi" } } } }] } }),
            ];
            const cost = priced(plan, { cdnTrafficShareUs: 1, cdnDataOutGiB: 1, requests: 1 });
            const flags = cost.resources.flatMap((res) => res.costComponents.map((c) => [res.name, c.name.replace(/ \(.*$/, ""), [c.usageBased ? "usage" : "", c.disasterRecovery ? "DR" : ""].filter(Boolean).join(" ")]));
            assert.deepEqual(flags, [
                ["eks","EKS control plane",""],
                ["eks","Traffic between availability zones","usage"],
                ["ng","Instance usage",""],
                ["ng","Root volumes",""],
                ["db","Database instance",""],
                ["db","Storage",""],
                ["db","CPU credits","usage"],
                ["db","Backup storage beyond the free allowance","usage"],
                ["db","Master password secret",""],
                ["replica-db","Database instance",""],
                ["replica-db","Storage",""],
                ["cache","Cache nodes",""],
                ["cache","Snapshot storage","usage"],
                ["nat","NAT gateway",""],
                ["nat","Data processed","usage"],
                ["eip","Public IPv4 address",""],
                ["alb","Application load balancer",""],
                ["alb","Load balancer capacity units","usage"],
                ["alb","Public IPv4 addresses",""],
                ["cdn","Data transfer out to the internet","usage"],
                ["cdn","HTTPS requests","usage"],
                ["cdn","Always-free tier: 1 GB of data out","usage"],
                ["cdn","Always-free tier: 1 requests","usage"],
                ["waf","Web ACL",""],
                ["waf","Rules",""],
                ["waf","Requests inspected","usage"],
                ["waf","Bot Control",""],
                ["waf","Bot Control requests","usage"],
                ["files","Standard storage","usage"],
                ["files","PUT, COPY, POST, LIST requests","usage"],
                ["files","GET requests","usage"],
                ["replica","Standard storage","usage DR"],
                ["replica","Replicated PUT requests","usage DR"],
                ["repl","Replicated data","usage DR"],
                ["repl","Replication Time Control","usage DR"],
                ["repl","Replication metrics","DR"],
                ["rdsrep","Replicated backups","usage DR"],
                ["rdsrep","Snapshots and transaction logs sent","usage DR"],
                ["drill-rds","Restored database while a drill runs","usage DR"],
                ["drill-rds","Its storage while a drill runs","usage DR"],
                ["drill-ebs","Restored volumes while a drill runs","usage DR"],
                ["secret","Secret",""],
                ["secret","API calls","usage"],
                ["key","Customer managed key",""],
                ["key","Requests","usage"],
                ["logs","Log ingestion","usage"],
                ["logs","Log storage","usage"],
                ["plan","Backup storage","usage"],
                ["plan","Archived points","usage"],
                ["plan","Copies in us-west-2","usage DR"],
                ["plan","Copied snapshot changes","usage DR"],
                ["continuous","Continuous backup",""],
                ["alarm","Alarm metrics",""],
                ["dash","Dashboard",""],
                ["topic","Notifications published","usage"],
                ["mail","Email deliveries","usage"],
                ["hook","HTTPS deliveries","usage"],
                ["sqs","sqs deliveries","usage"],
                ["hc","Health check",""],
                ["hc","Optional features x 1",""],
                ["cfm","Additional distribution metrics x 8",""],
                ["ci","Container Insights observations","usage"],
                ["scraper","Managed collector",""],
                ["scraper","Samples collected","usage"],
                ["scraper","Samples ingested","usage"],
                ["amp","Sample storage","usage"],
                ["amp","Query samples processed","usage"],
                ["grafana","Editors and admins","usage"],
                ["grafana","Viewers","usage"],
                ["xray","Traces recorded","usage"],
                ["set","Persistent volumes",""],
            ]);
        });
    });
});
