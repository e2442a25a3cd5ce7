import { strict as assert } from "assert";
import { CATALOG } from "../../../core/cost/catalog";
import { estimate, PlannedResource } from "../../../core/cost/estimator";
import { usageOf } from "../../../tools/cost/costInputs";
import { TIER_USAGE, usageFor } from "../../../tools/cost/usageProfiles";

const urn = (type: string, name: string) => `urn:pulumi:test::tiered-infra::${type}::${name}`;
const r = (type: string, name: string, inputs: Record<string, unknown>, dependencies?: string[]): PlannedResource => ({ urn: urn(type, name), type, custom: true, inputs, dependencies });
const ctx = { stack: "test", region: "us-east-1", usage: TIER_USAGE.small, today: "2026-11-23" };

function component(cost: ReturnType<typeof estimate>, name: string, startsWith: string) {
    const res = cost.resources.find((x) => x.name === name)!;
    return res.costComponents.find((c) => c.name.startsWith(startsWith))!;
}

describe("cost estimator", () => {
    it("prices a Multi-AZ RDS instance with gp3 storage and its managed secret", () => {
        const cost = estimate([r("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.large", multiAz: true, allocatedStorage: 100, manageMasterUserPassword: true })], ctx);
        const db = cost.resources[0];
        const byName = Object.fromEntries(db.costComponents.map((c) => [c.name, c]));
        assert.deepEqual([byName["Database instance (on-demand, Multi-AZ, db.t3.large)"].monthlyQuantity, byName["Database instance (on-demand, Multi-AZ, db.t3.large)"].price, byName["Database instance (on-demand, Multi-AZ, db.t3.large)"].monthlyCost], [730, 0.29, 211.7]);
        assert.equal(byName["Storage (gp3, Multi-AZ, 100 GiB)"].monthlyCost, 23);
        assert.equal(byName["Master password secret (managed by RDS in Secrets Manager)"].monthlyCost, 0.4);
        // Small's profile: 40% average CPU on a class with a 30% baseline: 2 vCPU x 10% x 730 h x $0.075.
        assert.equal(byName["CPU credits (unlimited mode, db.t3.large: 40% average vs 30% baseline x 2 vCPUs)"].monthlyCost, 10.95);
        assert.equal(db.monthlyCost, 246.05);
        assert.equal(cost.totalMonthlyCost, 246.05);
        assert.match(byName["Storage (gp3, Multi-AZ, 100 GiB)"].priceSource!, /infracost/);
    });

    it("prices a single-AZ read replica at its own class and the primary's storage", () => {
        const cost = estimate([
            r("aws:rds/instance:Instance", "db", { identifier: "p", instanceClass: "db.r6g.xlarge", multiAz: true, allocatedStorage: 500 }),
            r("aws:rds/instance:Instance", "replica", { replicateSourceDb: "p", instanceClass: "db.r6g.xlarge", multiAz: false }),
        ], ctx);
        const replica = cost.resources.find((x) => x.name === "replica")!;
        assert.deepEqual(replica.costComponents.map((c) => c.monthlyCost), [328.5, 57.5]);
    });

    it("prices a node group at desired size, with root volumes from its launch template", () => {
        const lt = r("aws:ec2/launchTemplate:LaunchTemplate", "lt", { blockDeviceMappings: [{ ebs: { volumeSize: 50 } }] });
        const ng = r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["c7g.xlarge"], scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 5 } }, [lt.urn]);
        const cost = estimate([lt, ng], ctx);
        assert.equal(component(cost, "ng", "Instance usage").monthlyCost, 317.55); // 3 x 0.145 x 730
        assert.equal(component(cost, "ng", "Root volumes").monthlyCost, 12); // 3 x 50 GiB x 0.08
        assert.deepEqual(cost.freeResourceTypes, ["aws:ec2/launchTemplate:LaunchTemplate"]);
    });

    it("prices NAT gateways by the hour and splits the profile's data between them", () => {
        const cost = estimate([r("aws:ec2/natGateway:NatGateway", "a", {}), r("aws:ec2/natGateway:NatGateway", "b", {})], { ...ctx, usage: { ...TIER_USAGE.small, natDataGiB: 200 } });
        assert.equal(component(cost, "a", "NAT gateway").monthlyCost, 32.85);
        assert.deepEqual([component(cost, "a", "Data processed").monthlyQuantity, component(cost, "a", "Data processed").monthlyCost], [100, 4.5]);
    });

    it("prices CloudFront from the usage profile, and shows only unit prices without usage", () => {
        const dist = r("aws:cloudfront/distribution:Distribution", "cdn", {});
        // Small's viewers: 60% US, 40% Europe. 1,000 GB: 600 x 0.085 + 400 x 0.085; 2 M requests: 120 x $0.01 + 80 x $0.012 per 10k.
        const withUsage = estimate([dist], { ...ctx, freeAllowances: false, usage: { ...TIER_USAGE.small, cdnDataOutGiB: 1000, requests: 2_000_000 } });
        assert.deepEqual(withUsage.resources[0].costComponents.map((c) => c.monthlyCost), [51, 1.2, 34, 0.96]);
        assert.deepEqual([component(withUsage, "cdn", "HTTPS requests").monthlyQuantity, component(withUsage, "cdn", "HTTPS requests").monthlyCost], [120, 1.2]);
        const without = estimate([dist], { ...ctx, usage: undefined });
        const c = component(without, "cdn", "Data transfer");
        assert.deepEqual([c.monthlyQuantity, c.monthlyCost, c.price, c.usageBased], [null, null, 0.085, true]);
        assert.equal(without.summary.usageBasedWithoutUsage, 2);
    });

    it("counts every WAF rule, managed groups included, and adds Bot Control's fees", () => {
        const rules = [
            ...["a", "b", "c"].map((n) => ({ name: n, statement: { rateBasedStatement: {} } })),
            ...["x", "y", "z", "AWSManagedRulesBotControlRuleSet"].map((n) => ({ name: n, statement: { managedRuleGroupStatement: { name: n } } })),
        ];
        const cost = estimate([r("aws:wafv2/webAcl:WebAcl", "acl", { rules })], { ...ctx, usage: { ...TIER_USAGE.small, requests: 3_000_000 } });
        const acl = cost.resources[0];
        const by = Object.fromEntries(acl.costComponents.map((c) => [c.name, c.monthlyCost]));
        assert.equal(by["Rules (3 custom, 4 managed rule groups)"], 7);
        assert.equal(by["Web ACL"], 5);
        assert.equal(by["Requests inspected"], 1.8);
        assert.equal(by["Bot Control (common) subscription"], 10);
        assert.ok(acl.costComponents.find((c) => c.name.startsWith("Bot Control requests"))!.verify, "an undated price is flagged");
    });

    it("bills EKS extended support once the version's standard support has ended", () => {
        const eks = r("aws:eks/cluster:Cluster", "eks", { version: "1.33" });
        assert.equal(component(estimate([eks], ctx), "eks", "EKS control plane").monthlyCost, 438); // 0.60 x 730, past 2026-07-29
        assert.equal(component(estimate([eks], { ...ctx, today: "2026-07-01" }), "eks", "EKS control plane").monthlyCost, 73);
    });

    it("lists unknown types as unsupported and counts free ones, never dropping either", () => {
        const cost = estimate([r("aws:sqs/queue:Queue", "q", {}), r("aws:ec2/vpc:Vpc", "v", {}), r("kubernetes:apps/v1:Deployment", "d", {})], ctx);
        assert.deepEqual(cost.unsupportedResourceTypes, ["aws:sqs/queue:Queue"]);
        assert.deepEqual(cost.summary, { totalResources: 3, estimated: 0, free: 2, unsupported: 1, usageBasedWithoutUsage: 0 });
    });

    it("reports a region without prices as unpriced instead of using us-east-1's", () => {
        const cost = estimate([r("aws:kms/key:Key", "k", {})], { ...ctx, region: "af-south-1" });
        assert.equal(cost.regionPriced, false);
        assert.equal(cost.complete, false);
        assert.deepEqual(cost.gaps, [{ reason: "region af-south-1 is not priced: the catalog holds prices for us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 only (1 resources there)" }]);
        assert.equal(cost.resources[0].costComponents[0].monthlyCost, null);
        assert.equal(cost.totalMonthlyCost, 0);
        assert.deepEqual(cost.unpricedComponents, ["kms.key", "kms.requests"]);
    });

    it("prices each resource in its provider's region", () => {
        const usEast = r("aws:kms/key:Key", "k", {});
        const cost = estimate([usEast, { ...r("aws:kms/key:Key", "far", {}), region: "af-south-1" }], ctx);
        assert.equal(cost.resources.find((x) => x.name === "k")!.monthlyCost, 1.3); // $1 + 100,000 requests x $0.03 / 10k
        assert.equal(cost.resources.find((x) => x.name === "far")!.complete, false);
        assert.match(cost.gaps.map((g) => g.reason).join("\n"), /^region af-south-1 is not priced: /);
    });

    it("never prices a value known only after apply as data", () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const cost = estimate([
            r("aws:lb/loadBalancer:LoadBalancer", "alb", { internal: false, subnets: unknown }),
            r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: [unknown], scalingConfig: { desiredSize: 3 } }),
            r("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.large", multiAz: true, allocatedStorage: unknown }),
        ], ctx);
        const reason = (name: string, prefix: string) => component(cost, name, prefix).unpricedReason;
        assert.equal(reason("alb", "Public IPv4"), "known only after apply", "an unknown subnet list is not 36 addresses");
        assert.equal(reason("ng", "Instance usage"), "known only after apply");
        assert.equal(reason("db", "Storage"), "known only after apply");
        assert.equal(component(cost, "db", "Database instance").monthlyCost, 211.7, "what is known is still priced");
        assert.equal(cost.complete, false);
        assert.equal(cost.gaps.length, 3);
    });

    it("prices a stack of its own in us-west-2, and names each key a priced region lacks", () => {
        const cost = estimate([r("aws:kms/key:Key", "k", {})], { ...ctx, region: "us-west-2" });
        assert.deepEqual([cost.regionPriced, cost.complete, cost.totalMonthlyCost], [true, true, 1.3]);
        const logs = estimate([r("aws:cloudwatch/logGroup:LogGroup", "l", { retentionInDays: 30 })], { ...ctx, region: "us-east-2" });
        assert.equal(logs.complete, false);
        assert.deepEqual(logs.gaps.map((g) => g.reason), ["Log ingestion: not priced in us-east-2: cloudwatch.logs.ingestion; Log storage (30-day retention): not priced in us-east-2: cloudwatch.logs.storage"]);
    });

    describe("the bill's shape", () => {
        it("prices traffic between zones in both directions and KMS requests per key", () => {
            const cost = estimate([r("aws:eks/cluster:Cluster", "eks", { version: "1.35" }), r("aws:kms/key:Key", "k", {})], ctx);
            // Small: 1.5 M requests x 20 KiB x 2/3 crossing zones = 19.07 GiB, billed out and in at $0.01.
            const crossAz = component(cost, "eks", "Traffic between availability zones");
            assert.deepEqual([Math.round(crossAz.monthlyQuantity! * 100) / 100, crossAz.monthlyCost], [38.15, 0.38]);
            assert.equal(component(cost, "k", "Requests").monthlyCost, 0.3); // 100,000 / 10k x $0.03
        });

        it("leaves CPU credits of a burstable class without a known baseline unpriced", () => {
            const cost = estimate([r("aws:rds/instance:Instance", "db", { instanceClass: "db.t4g.large", allocatedStorage: 20 })], ctx);
            assert.equal(component(cost, "db", "CPU credits").unpricedReason, "the baseline of db.t4g.large is not in core/cost/cpuCredits.ts");
            const steady = estimate([r("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.large", allocatedStorage: 20 })], { ...ctx, usage: { ...TIER_USAGE.small, databaseCpuPercent: 25 } });
            assert.equal(component(steady, "db", "CPU credits").monthlyCost, 0, "below the 30% baseline no credit is bought");
            assert.equal(estimate([r("aws:rds/instance:Instance", "db", { instanceClass: "db.r6g.large", allocatedStorage: 20 })], ctx).resources[0].costComponents.some((c) => c.name.startsWith("CPU credits")), false);
        });

        it("names archived points as unpriced once a plan opts in to cold storage", () => {
            const rules = [{ schedule: "cron(0 4 ? * SUN *)", lifecycle: { deleteAfter: 365, coldStorageAfter: 90, optInToArchiveForSupportedResources: true } }];
            const cost = estimate([r("aws:backup/plan:Plan", "plan", { rules })], ctx);
            assert.equal(component(cost, "plan", "Archived points").unpricedReason, "the AWS Backup cold-storage price for EBS is not in the catalog");
            assert.equal(cost.complete, false);
        });
    });

    describe("disaster recovery", () => {
        const usage = { ...TIER_USAGE.medium, vectorVolumeGiB: 900, dailyChangeFraction: 0.03, rdsDataGiB: 200, s3FileStoreGiB: 40, s3FileStoreWriteGiB: 12, s3FileStorePutRequests: 30_000, restoreDrillHours: 2 };
        const dctx = { ...ctx, usage };
        const vault = (region?: string) => r("aws:backup/vault:Vault", `vault-${region ?? "home"}`, { name: "v", ...(region ? { region } : {}) });

        it("prices copies where they are kept and their transfer where it is sent", () => {
            const dr = vault("us-west-2");
            const plan = r("aws:backup/plan:Plan", "plan", { rules: [
                { ruleName: "hourly", schedule: "cron(0 * * * ? *)", copyActions: [{ destinationVaultArn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", lifecycle: { deleteAfter: 1 } }] },
                { ruleName: "daily", schedule: "cron(0 3 * * ? *)", copyActions: [{ destinationVaultArn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", lifecycle: { deleteAfter: 5 } }] },
            ] }, [dr.urn]);
            const cost = estimate([dr, plan], dctx);
            const copies = component(cost, "plan", "Copies in us-west-2");
            // A full copy plus 5 days at 3% a day: 900 x 1.15 GiB at us-west-2's $0.05.
            assert.deepEqual([copies.monthlyQuantity, copies.price, copies.region, copies.disasterRecovery], [1035, 0.05, "us-west-2", true]);
            assert.equal(copies.monthlyCost, 51.75);
            const sent = component(cost, "plan", "Copied snapshot changes (us-east-1 to us-west-2)");
            assert.deepEqual([sent.monthlyQuantity, sent.price, sent.region, sent.monthlyCost], [810, 0.02, "us-east-1", 16.2]);
            assert.equal(component(cost, "plan", "Backup storage").disasterRecovery, undefined, "the primary's own backups are not DR");
        });

        it("never prices a DR region without prices at us-east-1's rates", () => {
            const dr = vault("eu-central-1");
            const plan = r("aws:backup/plan:Plan", "plan", { rules: [{ ruleName: "h", schedule: "cron(0 * * * ? *)", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-central-1:1:backup-vault:v", lifecycle: { deleteAfter: 1 } }] }] }, [dr.urn]);
            const copies = component(estimate([dr, plan], dctx), "plan", "Copies in eu-central-1");
            assert.deepEqual([copies.price, copies.monthlyCost, copies.unit], [null, null, "unpriced in eu-central-1"]);
            assert.ok(estimate([dr, plan], dctx).unpricedComponents.includes("backup.ebsSnapshot.storage"));
        });

        it("prices S3 replication: transfer, Replication Time Control and its metrics at the source, the replica's storage and PUTs at the destination", () => {
            const src = r("aws:s3/bucket:Bucket", "files", { tags: { "tiered-infra:bucket-role": "file-store" } });
            const dst = r("aws:s3/bucket:Bucket", "files-replica", { region: "us-west-2", tags: { "tiered-infra:bucket-role": "replica" } });
            const config = r("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "repl", {
                rules: [{ status: "Enabled", destination: { bucket: "arn:aws:s3:::x", replicationTime: { status: "Enabled", time: { minutes: 15 } }, metrics: { status: "Enabled" } } }],
            }, [src.urn, dst.urn]);
            const cost = estimate([src, dst, config], dctx);
            assert.deepEqual(cost.resources.find((x) => x.name === "repl")!.costComponents.map((c) => [c.name, c.monthlyCost, c.region]), [
                ["Replicated data (us-east-1 to us-west-2)", 0.24, "us-east-1"],
                ["Replication Time Control (15-minute SLA)", 0.18, "us-east-1"],
                ["Replication metrics (4 per rule x 1)", 1.2, "us-east-1"],
            ]);
            assert.deepEqual(cost.resources.find((x) => x.name === "files-replica")!.costComponents.map((c) => [c.name, c.monthlyQuantity, c.monthlyCost, c.region, c.disasterRecovery]), [
                ["Standard storage (replica of the app files)", 40, 0.92, "us-west-2", true],
                ["Replicated PUT requests", 30, 0.15, "us-west-2", true],
            ]);
        });

        it("prices replicated RDS backups with no free allowance in the destination, for their retention", () => {
            const rep = r("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "rep", { region: "us-west-2", retentionPeriod: 10, sourceDbInstanceArn: "arn:aws:rds:us-east-1:1:db:p" });
            const cost = estimate([rep], dctx);
            assert.deepEqual(cost.resources[0].costComponents.map((c) => [c.monthlyQuantity, c.price, c.region]), [[260, 0.095, "us-west-2"], [180, 0.02, "us-east-1"]]);
            assert.ok(cost.resources[0].costComponents[0].verify, "us-west-2's backup rate rests on a weak source");
        });

        it("prices a monthly drill as the restored resources running for the restore plus the validation window", () => {
            const db = r("aws:rds/instance:Instance", "db", { instanceClass: "db.r6g.xlarge", multiAz: true, allocatedStorage: 500 });
            const plan = r("aws:backup/restoreTestingPlan:RestoreTestingPlan", "drills", { scheduleExpression: "cron(0 6 1 * ? *)" });
            const sel = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "sel", { protectedResourceType: "RDS", validationWindowHours: 3 }, [plan.urn, db.urn]);
            const ebs = r("aws:backup/restoreTestingSelection:RestoreTestingSelection", "ebs", { protectedResourceType: "EBS", validationWindowHours: 1 }, [plan.urn]);
            const cost = estimate([db, plan, sel, ebs], dctx);
            const runs = 730 * 60 / (31 * 1440);
            const instance = component(cost, "sel", "Restored database");
            assert.ok(Math.abs(instance.monthlyQuantity! - runs * 5) < 1e-9, String(instance.monthlyQuantity));
            assert.equal(instance.monthlyCost, Math.round(runs * 5 * 0.9 * 100) / 100);
            assert.equal(component(cost, "ebs", "Restored volumes").monthlyCost, Math.round(((900 * runs * 3) / 730) * 0.08 * 100) / 100);
            assert.ok(cost.freeResourceTypes.includes("aws:backup/restoreTestingPlan:RestoreTestingPlan"));
        });

        it("prices a database's continuous-backup plan at nothing, saying why", () => {
            const cost = estimate([r("aws:backup/plan:Plan", "db-plan", { rules: [{ ruleName: "c", enableContinuousBackup: true, schedule: "cron(0 5 * * ? *)" }] })], dctx);
            assert.deepEqual(cost.resources[0].costComponents.map((c) => [c.name, c.monthlyCost]), [["Continuous backup (the instance's automated backups, priced on the instance)", 0]]);
        });
    });

    it("adds fixed monthly charges that are not resources (a managed vector database's fee)", () => {
        const cost = estimate([], { ...ctx, fixedCharges: [{ name: "managed vector database (pinecone)", monthlyUsd: 700, source: "stack config" }] });
        assert.deepEqual([cost.resources[0].name, cost.totalMonthlyCost], ["managed vector database (pinecone)", 700]);
    });

    describe("observability", () => {
        const priced = (cost: ReturnType<typeof estimate>, name: string) => cost.resources.find((x) => x.name === name)!;

        it("bills an alarm per metric it reads (metric math: each metric, not the expression), and a dashboard", () => {
            const single = r("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", { metricName: "CPUUtilization", period: 60 });
            const ratio = r("aws:cloudwatch/metricAlarm:MetricAlarm", "ratio", { metricQueries: [{ id: "e1", expression: "m1/m2" }, { id: "m1", metric: { period: 60 } }, { id: "m2", metric: { period: 60 } }] });
            const fast = r("aws:cloudwatch/metricAlarm:MetricAlarm", "fast", { metricName: "X", period: 10 });
            const cost = estimate([single, ratio, fast, r("aws:cloudwatch/dashboard:Dashboard", "d", {})], ctx);
            assert.deepEqual(["cpu", "ratio", "fast", "d"].map((n) => priced(cost, n).monthlyCost), [0.1, 0.2, 0.3, 3]);
        });

        it("prices Route 53 health checks with each optional feature", () => {
            const https = r("aws:route53/healthCheck:HealthCheck", "h", { type: "HTTPS", requestInterval: 30 });
            const fast = r("aws:route53/healthCheck:HealthCheck", "f", { type: "HTTPS_STR_MATCH", requestInterval: 10, measureLatency: true });
            const cost = estimate([https, fast], ctx);
            assert.deepEqual([priced(cost, "h").monthlyCost, priced(cost, "f").monthlyCost], [0.75 + 2, 0.75 + 4 * 2]);
        });

        it("prices Container Insights by the observations of the plan's nodes and pods", () => {
            const ng = r("aws:eks/nodeGroup:NodeGroup", "ng", { instanceTypes: ["m7g.large"], scalingConfig: { desiredSize: 4 } });
            const app = r("kubernetes:apps/v1:Deployment", "app", { spec: { replicas: 3 } });
            const addon = r("aws:eks/addon:Addon", "cw", { addonName: "amazon-cloudwatch-observability" });
            const other = r("aws:eks/addon:Addon", "coredns", { addonName: "coredns" });
            const cost = estimate([ng, app, addon, other], ctx);
            // 4 nodes; 3 app pods + 5 add-on pods + 5 daemon pods per node = 28 pods.
            const c = component(cost, "cw", "Container Insights observations (4 nodes, 28 pods");
            assert.equal(c.monthlyQuantity, ((4 * 30 + 28 * 35) * 730 * 60) / 1e6);
            assert.equal(cost.resources.some((x) => x.name === "coredns"), false, "other add-ons stay free");
            assert.ok(cost.freeResourceTypes.includes("aws:eks/addon:Addon"));
        });

        it("prices AMP by samples at the scraper's interval, Grafana by users (one editor at least), X-Ray by traces", () => {
            const scraper = r("aws:amp/scraper:Scraper", "s", { scrapeConfiguration: "global:\n  scrape_interval: 30s\n" });
            const ws = r("aws:amp/workspace:Workspace", "ws", {});
            const grafana = r("aws:grafana/workspace:Workspace", "g", {});
            const group = r("aws:xray/group:Group", "x", {});
            const usage = { ...TIER_USAGE.medium, prometheusActiveSeries: 1000, grafanaEditors: 0, grafanaViewers: 3, xrayTracesRecorded: 2_000_000 };
            const cost = estimate([scraper, ws, grafana, group], { ...ctx, usage });
            const samples = 1000 * (730 * 3600) / 30;
            assert.equal(component(cost, "s", "Samples ingested").monthlyQuantity, samples / 1e7);
            assert.equal(component(cost, "s", "Managed collector").monthlyCost, 29.2);
            assert.equal(component(cost, "ws", "Sample storage").monthlyQuantity, (samples * 2 * 5) / 2 ** 30);
            assert.deepEqual([component(cost, "g", "Editors").monthlyCost, component(cost, "g", "Viewers").monthlyCost], [9, 15]);
            assert.equal(component(cost, "x", "Traces recorded").monthlyCost, 10);
        });

        it("charges container application logs to their own log group, not to the platform's share", () => {
            const app = r("aws:cloudwatch/logGroup:LogGroup", "ci-app", { name: "/aws/containerinsights/web-small/application", retentionInDays: 30 });
            const perf = r("aws:cloudwatch/logGroup:LogGroup", "ci-perf", { name: "/aws/containerinsights/web-small/performance", retentionInDays: 30 });
            const flow = r("aws:cloudwatch/logGroup:LogGroup", "flow", { name: "/tiered-infra/vpc/flow-logs", retentionInDays: 30 });
            const cost = estimate([app, perf, flow], { ...ctx, usage: { ...TIER_USAGE.small, logIngestGiB: 10, containerLogIngestGiB: 4 } });
            assert.deepEqual(["ci-app", "ci-perf", "flow"].map((n) => component(cost, n, "Log ingestion").monthlyQuantity), [4, 0, 10]);
        });

        it("derives the observability usage from the tier row: Prometheus, Grafana and traces only where the tier runs them", () => {
            assert.deepEqual([usageFor("small").prometheusActiveSeries, usageFor("small").grafanaEditors, usageFor("small").xrayTracesRecorded], [0, 0, 0]);
            assert.ok(usageFor("medium").prometheusActiveSeries > 0 && usageFor("medium").grafanaEditors >= 1);
            assert.equal(usageFor("large").xrayTracesRecorded, usageFor("large").requests * 0.05);
        });
    });

    it("gives every catalog price a unit, a source and a date, in every region", () => {
        for (const [region, prices] of Object.entries(CATALOG)) {
            for (const [key, p] of Object.entries(prices)) assert.ok(p.price > 0 && p.unit && p.source.length > 10 && /^\d{4}-\d{2}$/.test(p.date), `${region} ${key}`);
        }
    });

    it("derives usage from the tier's users and lets a usage file override keys by tier or stack", () => {
        assert.deepEqual([usageFor("small").requests, usageFor("medium").requests], [1_500_000, 15_000_000]);
        assert.equal(usageFor("medium").vectorVolumeGiB, 350 * 3);
        const u = usageOf("web-prod", "medium", { name: "u.yaml", sections: { default: { albLcu: 4 }, medium: { requests: 1 }, "web-prod": { requests: 2 } } });
        assert.deepEqual([u.albLcu, u.requests, u.users], [4, 2, 5000]);
        assert.throws(() => usageOf("s", "small", { name: "u.yaml", sections: { small: { reqests: 5 } } }), /u\.yaml: small\.reqests: is not a usage key; known keys: users, requests/);
        assert.throws(() => usageOf("s", "small", { name: "u.yaml", sections: { small: { requests: -1 } } }), /small\.requests: -1 is not allowed; expected a number >= 0/);
    });
});
