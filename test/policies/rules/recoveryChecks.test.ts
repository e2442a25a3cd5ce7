/**
 * Recovery policies (policies/rules/recovery.ts) on small hand-made stacks, in process: databases in
 * the region and the DR region, bucket replication (with and without RTC), the RPO boundary and
 * access logging. recovery.test.ts beside it checks the same policies on whole planned stacks.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { StackSubject } from "../../../policies/definitions";
import { achievableRecovery, bucketAccessLogging, recoveryObjectives } from "../../../policies/rules/recovery";
import { stackSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const RDS = "aws:rds/instance:Instance";
const RDS_REPL = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
const BUCKET = "aws:s3/bucketV2:BucketV2";
const REPL = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
const res = stackSubject;
const figures = (resources: StackSubject[], drRegion = "us-west-2", rpoMinutes = 60) =>
    achievableRecovery(resources, { rpoMinutes, drRegion }).map((s) => `${s.store} @ ${s.where}: ${s.achievable.minutes} (${s.achievable.how})`);

describe("recovery policies (checks on small stacks)", () => {
    describe("databases", () => {
        it("point-in-time recovery in the region when backups are kept (1 day or more), none when off", () => {
            const stack = [res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 1 }), res(RDS, "b", { identifier: "db-b", backupRetentionPeriod: 0 }), res(RDS, "c", { backupRetentionPeriod: "7" })];
            assert.deepEqual(figures(stack, ""), [
                "database db-a @ in-region: 5 (point-in-time recovery)",
                "database db-b @ in-region: none (automated backups are off (backupRetentionPeriod 0))",
                "database c @ in-region: unknown (backupRetentionPeriod is not known)",
            ]);
        });

        it("skips read replicas, and is decided at apply when the source or retention is unknown", () => {
            const maybe = res(RDS, "m", { identifier: "db-m", replicateSourceDb: U, backupRetentionPeriod: 7 });
            const later = res(RDS, "l", { identifier: "db-l", backupRetentionPeriod: U });
            const stack = [res(RDS, "r", { replicateSourceDb: "db-a", backupRetentionPeriod: 0 }), maybe, later];
            assert.deepEqual(recoveryObjectives.checkStack(stack, { rpoMinutes: 60, drRegion: "" }), [{ urn: maybe.urn, undecided: "replicateSourceDb" }, { urn: later.urn, undecided: "backupRetentionPeriod" }]);
        });

        it("in the DR region: replicated automated backups there, linked by dependency or source ARN", () => {
            const a = res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 7 });
            const b = res(RDS, "b", { identifier: "db-b", backupRetentionPeriod: 7, arn: "arn:aws:rds:us-east-1:1:db:db-b" });
            const c = res(RDS, "c", { identifier: "db-c", backupRetentionPeriod: 7 });
            const d = res(RDS, "d", { identifier: "db-d", backupRetentionPeriod: 7 });
            const e = res(RDS, "e", { identifier: "db-e", backupRetentionPeriod: 7 });
            const stack = [
                a, b, c, d, e,
                res(RDS_REPL, "ra", { region: "us-west-2" }, { dependencies: [a.urn] }),
                res(RDS_REPL, "rb", { region: "us-west-2", sourceDbInstanceArn: "arn:aws:rds:us-east-1:1:db:db-b" }),
                res(RDS_REPL, "rc", { region: "eu-west-1", sourceDbInstanceArn: "arn:aws:rds:us-east-1:1:db:db-c" }),
                res(RDS_REPL, "rd", { sourceDbInstanceArn: "arn:aws:rds:us-east-1:1:db:db-d" }),
                res(RDS_REPL, "re", { region: U }, { dependencies: [e.urn] }),
            ];
            assert.deepEqual(figures(stack).filter((f) => f.includes("us-west-2")), [
                "database db-a @ us-west-2: 5 (replicated automated backups (transaction logs every 5 minutes))",
                "database db-b @ us-west-2: 5 (replicated automated backups (transaction logs every 5 minutes))",
                // Replicated to a third region (neither the stack's nor the DR region): no copy in the DR region.
                "database db-c @ us-west-2: none (its automated backups are replicated to eu-west-1, not to us-west-2)",
                "database db-d @ us-west-2: unknown (its automated-backup replication does not declare region; set region on it)",
                "database db-e @ us-west-2: unknown (the region of its automated-backup replication is known only at apply)",
            ]);
            // A replication declared by its provider's region counts too.
            assert.deepEqual(figures([c, res(RDS_REPL, "rp", {}, { dependencies: [c.urn], providerRegion: "us-west-2" })]).pop(), "database db-c @ us-west-2: 5 (replicated automated backups (transaction logs every 5 minutes))");
            assert.deepEqual(figures([c]).pop(), "database db-c @ us-west-2: none (no automated-backup replication there)");
            // The finding says where the copy goes; a copy in the DR region besides it is enough, one without region fails closed.
            const third = res(RDS_REPL, "r3", { region: "eu-west-1" }, { dependencies: [c.urn] });
            assert.deepEqual(recoveryObjectives.checkStack([c, third], { rpoMinutes: 60, drRegion: "us-west-2" }), [
                { urn: c.urn, message: "database db-c: achievable RPO in us-west-2 is unbounded (its automated backups are replicated to eu-west-1, not to us-west-2), worse than the declared 60 minutes" },
            ]);
            assert.deepEqual(recoveryObjectives.checkStack([c, third, res(RDS_REPL, "r4", { region: "us-west-2" }, { dependencies: [c.urn] })], { rpoMinutes: 60, drRegion: "us-west-2" }), []);
            const twice = [third, res(RDS_REPL, "r6", { region: "eu-west-1" }, { dependencies: [c.urn] }), res(RDS_REPL, "r7", { region: "us-east-1" }, { dependencies: [c.urn] })];
            assert.deepEqual(figures([c, ...twice]).pop(), "database db-c @ us-west-2: none (its automated backups are replicated to eu-west-1, us-east-1, not to us-west-2)");
            assert.deepEqual(figures([c, third, res(RDS_REPL, "r5", {}, { dependencies: [c.urn] })]).pop(), "database db-c @ us-west-2: unknown (its automated-backup replication does not declare region; set region on it)");
        });
        it("links a backup replication to the instance its sourceDbInstanceArn refers to, not to every instance it depends on", () => {
            const a = res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 7, arn: "arn:aws:rds:us-east-1:1:db:db-a" });
            const b = res(RDS, "b", { identifier: "db-b", backupRetentionPeriod: 7, arn: "arn:aws:rds:us-east-1:1:db:db-b" });
            const dr = (f: string[]) => f.filter((x) => x.includes("us-west-2"));
            const notA = "database db-a @ us-west-2: none (no automated-backup replication there)";
            const yesB = "database db-b @ us-west-2: 5 (replicated automated backups (transaction logs every 5 minutes))";
            // B's replication, which also depends on A (dependsOn): by its known ARN...
            const byArn = res(RDS_REPL, "rb", { region: "us-west-2", sourceDbInstanceArn: "arn:aws:rds:us-east-1:1:db:db-b" }, { dependencies: [a.urn, b.urn] });
            assert.deepEqual(dr(figures([a, b, byArn])), [notA, yesB]);
            // ...by the instance its input refers to (ARN unknown in a first preview)...
            const byInput = res(RDS_REPL, "rb", { region: "us-west-2", sourceDbInstanceArn: U }, { dependencies: [a.urn, b.urn], propertyDependencies: { sourceDbInstanceArn: [b.urn] } });
            assert.deepEqual(dr(figures([a, b, byInput])), [notA, yesB]);
            // ...and by dependency only when neither tells: the ARN unknown without property dependencies, or an instance with no known name.
            const blind = res(RDS_REPL, "rb", { region: "us-west-2", sourceDbInstanceArn: U }, { dependencies: [a.urn, b.urn] });
            assert.deepEqual(dr(figures([a, b, blind])), [yesB.replace("db-b", "db-a"), yesB]);
            const noInputs = { ...blind, propertyDependencies: undefined } as unknown as StackSubject;
            assert.deepEqual(dr(figures([a, b, noInputs])), [yesB.replace("db-b", "db-a"), yesB]);
            const nameless = res(RDS, "n", { backupRetentionPeriod: 7 });
            const toNameless = res(RDS_REPL, "rn", { region: "us-west-2", sourceDbInstanceArn: "arn:aws:rds:us-east-1:1:db:n-123" }, { dependencies: [nameless.urn] });
            assert.deepEqual(dr(figures([nameless, toNameless])), [yesB.replace("db-b", "n")]);
        });

        it("a null or empty replicateSourceDb is no read replica", () => {
            const stack = [res(RDS, "n", { identifier: "db-n", replicateSourceDb: null, backupRetentionPeriod: 1 }), res(RDS, "e", { identifier: "db-e", replicateSourceDb: "", backupRetentionPeriod: 1 })];
            assert.deepEqual(figures(stack, ""), ["database db-n @ in-region: 5 (point-in-time recovery)", "database db-e @ in-region: 5 (point-in-time recovery)"]);
        });

        it("without automated backups there is nothing to replicate: the DR region gets the region's verdict", () => {
            const off = res(RDS, "off", { identifier: "db-off", backupRetentionPeriod: 0 });
            assert.deepEqual(figures([off, res(RDS_REPL, "r", { region: "us-west-2" }, { dependencies: [off.urn] })]), [
                "database db-off @ in-region: none (automated backups are off (backupRetentionPeriod 0))",
                "database db-off @ us-west-2: none (automated backups are off (backupRetentionPeriod 0))",
            ]);
        });

        it("links only replications: an alarm that depends on the instance is none", () => {
            const db = res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 7 });
            const alarm = res("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", { region: "us-west-2" }, { dependencies: [db.urn] });
            assert.deepEqual(figures([db, alarm]).pop(), "database db-a @ us-west-2: none (no automated-backup replication there)");
        });

        it("a replication whose region is known only at apply is noted on that replication", () => {
            const db = res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 7 });
            const later = res(RDS_REPL, "r", { region: U }, { dependencies: [db.urn] });
            assert.deepEqual(recoveryObjectives.checkStack([db, later], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: later.urn, undecided: "region" }]);
        });
    });

    describe("buckets", () => {
        const src = res(BUCKET, "files", { bucket: "web-files" });
        const dst = res(BUCKET, "copy", { bucket: "web-files-copy", region: "us-west-2", tags: { "tiered-infra:bucket-role": "replica" } });
        const repl = (rules: unknown, deps = [src.urn, dst.urn]) => res(REPL, "r", { bucket: "web-files", rules }, { dependencies: deps });
        const rule = (extra: Record<string, unknown> = {}) => ({ status: "Enabled", destination: { bucket: "web-files-copy", replicationTime: { status: "Enabled", time: { minutes: 15 } } }, ...extra });

        it("replication with Replication Time Control to the DR region meets 15 minutes; without it there is no bound", () => {
            assert.deepEqual(figures([src, dst, repl([rule()])]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"]);
            assert.deepEqual(figures([src, dst, repl([rule({ destination: { bucket: "web-files-copy" } })])]), ["bucket web-files @ us-west-2: none (replication without Replication Time Control has no time bound (no SLA))"]);
            assert.deepEqual(figures([src, dst, repl([rule({ status: "Disabled" })])]), ["bucket web-files @ us-west-2: none (its replication has no enabled rule)"]);
            assert.deepEqual(figures([src, dst]), ["bucket web-files @ us-west-2: none (it is not replicated there)"]);
            assert.deepEqual(figures([src, dst, repl([rule()])], ""), []);
        });

        it("finds a replication by the bucket's name, and its destination by ARN among several", () => {
            const byName = res(REPL, "r", { bucket: "web-files", rules: [rule()] }, { dependencies: [dst.urn] });
            assert.deepEqual(figures([src, dst, byName]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"]);
            const other = res(BUCKET, "other", { bucket: "web-other", region: "us-east-2", tags: { "tiered-infra:bucket-role": "replica" } });
            const named = res(BUCKET, "named", { bucket: "web-named", arn: "arn:aws:s3:::web-named", region: "us-west-2", tags: { "tiered-infra:bucket-role": "replica" } });
            const r = res(REPL, "r", { bucket: "web-files", rules: [rule({ destination: { bucket: "arn:aws:s3:::web-named", replicationTime: { status: "Enabled" } } })] }, { dependencies: [src.urn, other.urn, named.urn] });
            assert.deepEqual(figures([src, other, named, r]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"]);
        });

        it("is decided at apply when what a bucket holds or where it is is unknown", () => {
            const cases: Array<[Record<string, unknown>, string]> = [[{ tags: U }, "tags"], [{ tags: { "tiered-infra:bucket-role": U } }, "tags.tiered-infra:bucket-role"], [{ region: U }, "region"]];
            for (const [extra, path] of cases) {
                const b = res(BUCKET, "b", { bucket: "web-b", ...extra });
                assert.deepEqual(recoveryObjectives.checkStack([b], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: b.urn, undecided: path }], path);
            }
        });

        it("a replica elsewhere, or one that cannot be found, does not count", () => {
            const east = res(BUCKET, "east", { bucket: "web-east", region: "us-east-2", tags: { "tiered-infra:bucket-role": "replica" } });
            assert.deepEqual(figures([src, east, repl([rule({ destination: { bucket: "web-east", replicationTime: { status: "Enabled" } } })], [src.urn, east.urn])]), ["bucket web-files @ us-west-2: none (it replicates to us-east-2)"]);
            assert.deepEqual(figures([src, repl([rule()], [src.urn])]), ["bucket web-files @ us-west-2: unknown (the destination bucket of its replication cannot be found)"]);
        });

        it("is decided at apply on unknown rules, status, destination, replica region or RTC", () => {
            const cases: Array<[unknown, string]> = [
                [U, "rules"], [[U], "rules[0]"], [[rule({ status: U })], "rules[0].status"],
                [[rule({ destination: { replicationTime: U, bucket: "web-files-copy" } })], "rules[0].destination.replicationTime"],
            ];
            for (const [rules, path] of cases) {
                const r = repl(rules);
                assert.deepEqual(recoveryObjectives.checkStack([src, dst, r], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: r.urn, undecided: path }], path);
            }
            const r = repl([rule({ destination: { bucket: U } })], [src.urn]);
            assert.deepEqual(recoveryObjectives.checkStack([src, r], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: r.urn, undecided: "rules[0].destination" }]);
            const later = res(BUCKET, "later", { bucket: "web-later", region: U, tags: { "tiered-infra:bucket-role": "replica" } });
            const r2 = res(REPL, "r2", { bucket: "web-files", rules: [rule({ destination: { bucket: "web-later" } })] }, { dependencies: [src.urn, later.urn] });
            assert.deepEqual(recoveryObjectives.checkStack([src, later, r2], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: later.urn, undecided: "region" }]);
        });

        it("a bucket that receives a replication's copies is a replica whatever its tags", () => {
            // An untagged copy in a third region: the source fails for where its copies go; the copy is not judged as a source.
            const copy = res(BUCKET, "copy", { bucket: "web-files-copy", region: "eu-west-1" });
            const byArn = res(REPL, "r", { bucket: "web-files", rules: [rule({ destination: { bucket: "arn:aws:s3:::web-files-copy" } })] }, { dependencies: [src.urn, copy.urn] });
            assert.deepEqual(recoveryObjectives.checkStack([src, copy, byArn], { rpoMinutes: 60, drRegion: "us-west-2" }), [
                { urn: src.urn, message: "bucket web-files: achievable RPO in us-west-2 is unbounded (it replicates to eu-west-1), worse than the declared 60 minutes" },
            ]);
            // A first preview: every name unknown; the copy is what the rules refer to (property dependencies).
            const blindSrc = res(BUCKET, "files", { bucket: U });
            const blindCopy = res(BUCKET, "copy", { bucket: U, region: "eu-west-1" });
            const blind = res(REPL, "r", { bucket: U, rules: [rule({ destination: { bucket: U } })] }, { dependencies: [blindSrc.urn, blindCopy.urn], propertyDependencies: { bucket: [blindSrc.urn], rules: [blindCopy.urn] } });
            assert.deepEqual(figures([blindSrc, blindCopy, blind]), ["bucket files @ us-west-2: none (it replicates to eu-west-1)"]);
            const blindOther = res(BUCKET, "other", { bucket: U });
            const blindMore = { ...blind, dependencies: [...blind.dependencies, blindOther.urn] };
            assert.deepEqual(figures([blindSrc, blindCopy, blindOther, blindMore]), ["bucket files @ us-west-2: none (it replicates to eu-west-1)", "bucket other @ us-west-2: none (it is not replicated there)"]);
            // Near miss: a bucket the replication merely depends on, named by no rule, is still judged.
            const other = res(BUCKET, "other", { bucket: "web-other" });
            const withOther = res(REPL, "r", { bucket: "web-files", rules: [rule()] }, { dependencies: [src.urn, dst.urn, other.urn] });
            assert.deepEqual(figures([src, dst, other, withOther]), [
                "bucket web-files @ us-west-2: 15 (replication with Replication Time Control)",
                "bucket web-other @ us-west-2: none (it is not replicated there)",
            ]);
        });

        it("a bucket in the stack's own region is judged whatever replicates into it; only enabled rules make a replica", () => {
            const data = res(BUCKET, "data", { bucket: "data", region: "us-east-1", arn: "arn:aws:s3:::data" });
            const drCopy = res(BUCKET, "dr", { bucket: "dr", region: "us-west-2", arn: "arn:aws:s3:::dr" });
            const into = (name: string, from: StackSubject, to: StackSubject, r: Record<string, unknown> = {}) =>
                res(REPL, name, { bucket: from.props.bucket, rules: [rule({ destination: { bucket: `arn:aws:s3:::${to.props.bucket}`, replicationTime: { status: "Enabled" } }, ...r })] }, { dependencies: [from.urn, to.urn], propertyDependencies: { bucket: [from.urn], rules: [to.urn] } });
            // (a) The return leg of two-way replication (the DR copy back into the primary) does not exempt the primary.
            assert.deepEqual(figures([data, drCopy, into("back", drCopy, data)]), ["bucket data @ us-west-2: none (it is not replicated there)"]);
            // (b) Two-way: the outbound leg is judged on its own (here: no RTC, no time bound).
            const out = res(REPL, "out", { bucket: "data", rules: [rule({ destination: { bucket: "arn:aws:s3:::dr" } })] }, { dependencies: [data.urn, drCopy.urn], propertyDependencies: { bucket: [data.urn], rules: [drCopy.urn] } });
            assert.deepEqual(figures([data, drCopy, out, into("back", drCopy, data)]), ["bucket data @ us-west-2: none (replication without Replication Time Control has no time bound (no SLA))"]);
            assert.deepEqual(figures([data, drCopy, into("out", data, drCopy), into("back", drCopy, data)]), ["bucket data @ us-west-2: 15 (replication with Replication Time Control)"]);
            // (c) A same-region copy into data, or a disabled rule pointing at it, leaves data a source.
            const other = res(BUCKET, "other", { bucket: "other", region: "us-east-1" });
            const otherFigure = "bucket other @ us-west-2: none (it replicates to us-east-1)";
            assert.deepEqual(figures([data, other, into("agg", other, data)]), ["bucket data @ us-west-2: none (it is not replicated there)", otherFigure]);
            const auto = res(BUCKET, "auto", {}); // no name, no region: the stack's own
            assert.deepEqual(figures([auto, other, into("agg", other, auto)]), ["bucket auto @ us-west-2: none (it is not replicated there)", "bucket other @ us-west-2: none (it replicates to the stack's own region)"]);
            const far = res(BUCKET, "far", { bucket: "far", region: "eu-west-1" });
            assert.deepEqual(figures([data, far, into("off", data, far, { status: "Disabled" })]), ["bucket data @ us-west-2: none (its replication has no enabled rule)", "bucket far @ us-west-2: none (it is not replicated there)"]);
            // An enabled copy to a third region is a replica there, named or (a first preview) by the rules input, or by dependency alone.
            assert.deepEqual(figures([data, far, into("to-far", data, far)]), ["bucket data @ us-west-2: none (it replicates to eu-west-1)"]);
            const byDependency = res(REPL, "dep", { bucket: "data", rules: [rule({ destination: { bucket: "arn:aws:s3:::far" } })] }, { dependencies: [data.urn, far.urn] });
            assert.deepEqual(figures([data, far, byDependency]), ["bucket data @ us-west-2: none (it replicates to eu-west-1)"]);
            assert.deepEqual(figures([data, far, { ...byDependency, props: { ...byDependency.props, bucket: U } }]), ["bucket data @ us-west-2: none (it replicates to eu-west-1)"]);
            assert.deepEqual(figures([data, far, { ...byDependency, props: { bucket: U, rules: U }, propertyDependencies: { rules: [far.urn] } }]), ["bucket data @ us-west-2: unknown (its replication rules are known only at apply)"]);
            const laterStatus = into("to-far", data, far, { status: U });
            assert.deepEqual(recoveryObjectives.checkStack([data, far, laterStatus], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: laterStatus.urn, undecided: "rules[0].status" }]);
            // The same copy from a DR-region bucket into a third region: not the stack's copy; the third-region bucket is judged.
            assert.deepEqual(figures([drCopy, far, into("dr-far", drCopy, far)]), ["bucket far @ us-west-2: none (it is not replicated there)"]);
            // A copy between two third-region buckets of one region is no replica either.
            const far2 = res(BUCKET, "far2", { bucket: "far2", region: "eu-west-1" });
            assert.deepEqual(figures([far, far2, into("f", far2, far)]), ["bucket far @ us-west-2: none (it is not replicated there)", "bucket far2 @ us-west-2: none (it replicates to eu-west-1)"]);
        });

        it("a replication's source is what its bucket input refers to or names, else what it depends on; a copy within one region makes no replica", () => {
            const data = res(BUCKET, "data", { bucket: "data", region: "us-east-1" });
            const far = res(BUCKET, "far", { bucket: "far", region: "eu-west-1" });
            const far2 = res(BUCKET, "far2", { bucket: "far2", region: "eu-west-1" });
            const central = res(BUCKET, "central", { bucket: "central", region: "eu-central-1" });
            const judged = (rs: StackSubject[]) => figures(rs).map((f) => f.split(" @")[0]);
            const toFar = { status: "Enabled", destination: { bucket: "arn:aws:s3:::far" } };
            // far2 -> far, though the replication also depends on data: by the bucket input's reference, or by its name.
            const byInput = res(REPL, "r", { bucket: U, rules: [toFar] }, { dependencies: [data.urn, far2.urn, far.urn], propertyDependencies: { bucket: [far2.urn, "urn:gone"] } });
            assert.deepEqual(judged([data, far2, far, byInput]), ["bucket data", "bucket far2", "bucket far"]);
            const byName = res(REPL, "r", { bucket: "far2", rules: [toFar] }, { dependencies: [data.urn, far2.urn, far.urn] });
            assert.deepEqual(judged([data, far2, far, byName]), ["bucket data", "bucket far2", "bucket far"]);
            // Neither tells: what it depends on, but not what it copies to; any source in another region makes a replica.
            const toCentral = { status: "Enabled", destination: { bucket: "arn:aws:s3:::central" } };
            const blind = res(REPL, "r", { bucket: U, rules: [toFar, toCentral] }, { dependencies: [far2.urn, far.urn, central.urn] });
            assert.deepEqual(judged([far2, far, central, blind]), ["bucket far2", "bucket far"]);
            const mixed = res(REPL, "r", { bucket: U, rules: [toFar] }, { dependencies: [far2.urn, data.urn, far.urn] });
            assert.deepEqual(judged([far2, data, far, mixed]), ["bucket far2", "bucket data"]);
        });

        it("(d) a rule that copies only part of the bucket (prefix or tag filter) does not replicate the bucket", () => {
            const cases: Array<[Record<string, unknown>, string]> = [
                [{ filter: { prefix: "thumbnails/" } }, "objects under the prefix thumbnails/"],
                [{ prefix: "legacy/" }, "objects under the prefix legacy/"],
                [{ filter: { tag: { key: "tier", value: "hot" } } }, "objects tagged tier=hot"],
                [{ filter: { and: { prefix: "a/", tags: { tier: "hot" } } } }, "objects under the prefix a/"],
                [{ filter: { and: { prefix: "", tags: { tier: "hot", keep: U } } } }, "objects tagged tier=hot, keep=?"],
                [{ filter: { tag: { key: U, value: "hot" } } }, "objects tagged ?=hot"],
                [{ filter: { tag: { key: "a", value: "1" }, and: { tags: { b: "2" } } } }, "objects tagged a=1, b=2"],
                [{ prefix: U, filter: { prefix: "x/" } }, "objects under the prefix x/"],
            ];
            for (const [extra, part] of cases) {
                assert.deepEqual(figures([src, dst, repl([rule(extra)])]), [`bucket web-files @ us-west-2: none (its replication copies only ${part}, not the whole bucket)`], part);
            }
            for (const whole of [{ filter: {} }, { filter: { prefix: "" } }, { filter: null }, { prefix: "" }, { filter: { and: { prefix: "", tags: {} } } }, { filter: { tag: null, and: { tags: null } } }]) {
                assert.deepEqual(figures([src, dst, repl([rule(whole)])]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"], JSON.stringify(whole));
            }
            // A whole-bucket rule beside a partial one is enough.
            assert.deepEqual(figures([src, dst, repl([rule({ filter: { prefix: "x/" } }), rule()])]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"]);
            for (const [extra, path] of [[{ filter: U }, "rules[0].filter"], [{ prefix: U }, "rules[0].prefix"], [{ filter: { prefix: U } }, "rules[0].filter.prefix"], [{ filter: { tag: U } }, "rules[0].filter.tag"], [{ filter: { and: U } }, "rules[0].filter.and"], [{ filter: { and: { prefix: U } } }, "rules[0].filter.and.prefix"], [{ filter: { and: { tags: U } } }, "rules[0].filter.and.tags"]] as Array<[Record<string, unknown>, string]>) {
                const r = repl([rule(extra)]);
                assert.deepEqual(recoveryObjectives.checkStack([src, dst, r], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: r.urn, undecided: path }], path);
            }
        });

        it("takes the best of a bucket's replication rules, in any order", () => {
            const east = res(BUCKET, "east", { bucket: "web-east", region: "us-east-2", tags: { "tiered-infra:bucket-role": "replica" } });
            const toEast = rule({ destination: { bucket: "web-east", replicationTime: { status: "Enabled" } } });
            for (const rules of [[toEast, rule()], [rule(), toEast]]) {
                assert.deepEqual(figures([src, dst, east, repl(rules, [src.urn, dst.urn, east.urn])]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"]);
            }
        });

        it("says where the copies go when it is not the DR region, the stack's own included", () => {
            const here = res(BUCKET, "here", { bucket: "web-here", tags: { "tiered-infra:bucket-role": "replica" } });
            assert.deepEqual(figures([src, here, repl([rule({ destination: { bucket: "web-here" } })], [src.urn, here.urn])]), ["bucket web-files @ us-west-2: none (it replicates to the stack's own region)"]);
        });

        it("with several candidate destinations and none named, the destination is decided at apply", () => {
            const other = res(BUCKET, "other", { bucket: "web-other", region: "us-west-2", tags: { "tiered-infra:bucket-role": "replica" } });
            const r = repl([rule({ destination: { bucket: U, replicationTime: { status: "Enabled" } } })], [src.urn, dst.urn, other.urn]);
            assert.deepEqual(recoveryObjectives.checkStack([src, dst, other, r], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: r.urn, undecided: "rules[0].destination" }]);
        });

        it("finds a destination named by ARN among several when only its bucket name is in the plan", () => {
            const other = res(BUCKET, "other", { bucket: "web-other", region: "us-east-2" });
            const r = repl([rule({ destination: { bucket: "arn:aws:s3:::web-files-copy", replicationTime: { status: "Enabled" } } })], [src.urn, other.urn, dst.urn]);
            assert.deepEqual(figures([src, other, dst, r]), [
                "bucket web-files @ us-west-2: 15 (replication with Replication Time Control)",
                "bucket web-other @ us-west-2: none (it is not replicated there)",
            ]);
        });

        it("links auto-named buckets (no name in the plan) by the replication's inputs or dependencies", () => {
            // The shipped shape: generated names, so the replication's bucket id and destination ARN name nothing in the plan.
            const files = res(BUCKET, "files", { tags: { "tiered-infra:bucket-role": "file-store" } });
            const replica = res(BUCKET, "files-replica", { region: "us-west-2" });
            const rules = [rule({ destination: { bucket: "arn:aws:s3:::web-files-replica-066fd7b", replicationTime: { status: "Enabled" } } })];
            const byDependency = res(REPL, "r", { bucket: "web-files-585cb5b", rules }, { dependencies: [files.urn, replica.urn] });
            assert.deepEqual(figures([files, replica, byDependency]), ["bucket files @ us-west-2: 15 (replication with Replication Time Control)"]);
            const byInput = { ...byDependency, propertyDependencies: { bucket: [files.urn], rules: [replica.urn] } };
            assert.deepEqual(figures([files, replica, byInput]), ["bucket files @ us-west-2: 15 (replication with Replication Time Control)"]);
            // A named bucket whose replication names it by a value known only at apply: linked by dependency.
            const laterName = res(REPL, "r", { bucket: U, rules: [rule()] }, { dependencies: [src.urn, dst.urn] });
            assert.deepEqual(figures([src, dst, laterName]), ["bucket web-files @ us-west-2: 15 (replication with Replication Time Control)"]);
        });

        it("skips log buckets, replicas and buckets already in the DR region", () => {
            const logs = res(BUCKET, "logs", { tags: { "tiered-infra:bucket-role": "access-logs" } });
            const there = res(BUCKET, "there", { region: "us-west-2" });
            assert.deepEqual(figures([logs, dst, there]), []);
        });
    });

    describe("StatefulSet volumes", () => {
        const STS = "kubernetes:apps/v1:StatefulSet";
        const SC = "kubernetes:storage.k8s.io/v1:StorageClass";
        const SEL = "aws:backup/selection:Selection";
        const PLAN = "aws:backup/plan:Plan";
        const VAULT = "aws:backup/vault:Vault";
        const DR_VAULT = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr";
        const sts = (spec: unknown = { volumeClaimTemplates: [{ spec: { storageClassName: "gp3-backup" } }] }, deps: string[] = []) =>
            res(STS, "chroma", { metadata: { name: "chroma", namespace: "web" }, spec }, { dependencies: deps });
        const sc = (parameters: unknown = { type: "gp3", tagSpecification_1: "backup=hourly" }) => res(SC, "sc", { metadata: { name: "gp3-backup" }, parameters });
        const plan = (rules: unknown, deps: string[] = []) => res(PLAN, "plan", { rules }, { dependencies: deps });
        const rule = (extra: Record<string, unknown> = {}) => ({ ruleName: "hourly", schedule: "cron(0 * * * ? *)", copyActions: [{ destinationVaultArn: DR_VAULT }], ...extra });
        const sel = (p: StackSubject, selectionTags: unknown = [{ type: "STRINGEQUALS", key: "backup", value: "hourly" }]) => res(SEL, "sel", { selectionTags }, { dependencies: [p.urn] });
        const stackWith = (rules: unknown, extra: StackSubject[] = [], planDeps: string[] = []) => {
            const p = plan(rules, planDeps);
            return [sts(), sc(), p, sel(p), ...extra];
        };

        it("a plan selecting the class's backup tag, hourly and copied to the DR region, gives 60 minutes in both", () => {
            assert.deepEqual(figures(stackWith([rule()])), [
                "volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)",
                "volumes of StatefulSet web/chroma @ us-west-2: 60 (copies of backup rule hourly)",
            ]);
            assert.deepEqual(figures(stackWith([rule()]), ""), ["volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)"]);
        });

        it("takes the most frequent rule, and a daily rule alone misses an hourly RPO", () => {
            const daily = rule({ ruleName: "daily", schedule: "cron(0 3 * * ? *)" });
            assert.deepEqual(figures(stackWith([daily, rule()])), [
                "volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)",
                "volumes of StatefulSet web/chroma @ us-west-2: 60 (copies of backup rule hourly)",
            ]);
            const [s0] = stackWith([daily]);
            assert.deepEqual(recoveryObjectives.checkStack(stackWith([daily]), { rpoMinutes: 60, drRegion: "" }), [
                { urn: s0.urn, message: "volumes of StatefulSet web/chroma: achievable RPO is 1440 minutes (backup rule daily), worse than the declared 60 minutes" },
            ]);
        });

        it("meets the RPO with a rule exactly at it; otherwise a rule decided at apply comes before a known shortfall", () => {
            const later = rule({ ruleName: "later", schedule: U });
            assert.deepEqual(recoveryObjectives.checkStack(stackWith([rule(), later]), { rpoMinutes: 60, drRegion: "" }), []);
            const p = stackWith([rule({ ruleName: "daily", schedule: "cron(0 3 * * ? *)" }), later]);
            assert.deepEqual(recoveryObjectives.checkStack(p, { rpoMinutes: 60, drRegion: "" }), [{ urn: p[2].urn, undecided: "rules[1].schedule" }]);
        });

        it("reads backup tags only from tagSpecification_N parameters of the form key=value, and selections only by STRINGEQUALS", () => {
            const p = plan([rule()]);
            assert.deepEqual(figures([sts(), sc({ tagSpecification_1: "backup", xtagSpecification_2: "backup=hourly", tagSpecification_3x: "backup=hourly" }), p, sel(p)], ""), ["volumes of StatefulSet web/chroma @ in-region: none (its volumes carry no backup tag)"]);
            assert.deepEqual(figures([sts(), sc({ tagSpecification_12: "backup=hourly" }), p, sel(p)], ""), ["volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)"]);
            assert.deepEqual(figures([sts(), sc(), p, sel(p, [{ type: "STRINGLIKE", key: "backup", value: "hourly" }])], ""), ["volumes of StatefulSet web/chroma @ in-region: none (no backup plan selects the tag backup=hourly)"]);
        });

        it("copies count only to a vault in the DR region, by ARN or by the plan's vault", () => {
            assert.deepEqual(figures(stackWith([rule({ copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-west-1:1:backup-vault:x" }] })])).pop(), "volumes of StatefulSet web/chroma @ us-west-2: none (no backup rule copies its points there)");
            assert.deepEqual(figures(stackWith([rule({ copyActions: [] })])).pop(), "volumes of StatefulSet web/chroma @ us-west-2: none (no backup rule copies its points there)");
            const drVault = res(VAULT, "dr", { region: "us-west-2" });
            assert.deepEqual(figures(stackWith([rule({ copyActions: [{ destinationVaultArn: U }] })], [drVault], [drVault.urn])).pop(), "volumes of StatefulSet web/chroma @ us-west-2: 60 (copies of backup rule hourly)");
            const laterVault = res(VAULT, "later", { region: U });
            const stack = stackWith([rule({ copyActions: [{}] })], [laterVault], [laterVault.urn]);
            assert.deepEqual(recoveryObjectives.checkStack(stack, { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: laterVault.urn, undecided: "region" }]);
        });

        it("says why there is no figure: no tag, no plan for the tag, no storage class, an unreadable schedule", () => {
            assert.deepEqual(figures([sts(), sc({ type: "gp3" })], ""), ["volumes of StatefulSet web/chroma @ in-region: none (its volumes carry no backup tag)"]);
            assert.deepEqual(figures([sts(), sc()], ""), ["volumes of StatefulSet web/chroma @ in-region: none (no backup plan selects the tag backup=hourly)"]);
            assert.deepEqual(figures([sts()], ""), ["volumes of StatefulSet web/chroma @ in-region: unknown (its storage class cannot be found, so neither can the backups that select its volumes)"]);
            assert.deepEqual(figures(stackWith([rule({ schedule: "rate(1 hour)" })]), "")[0], "volumes of StatefulSet web/chroma @ in-region: unknown (the schedule of backup rule hourly cannot be read)");
            assert.deepEqual(figures([sts({ volumeClaimTemplates: [] })]), []);
            // A class linked by dependency serves when the name does not match.
            const linked = res(SC, "sc2", { metadata: { name: "other" }, parameters: { tagSpecification_3: "backup=hourly" } });
            const p = plan([rule()]);
            assert.deepEqual(figures([sts(undefined, [linked.urn]), linked, p, sel(p)], "")[0], "volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)");
        });

        it("takes the most frequent rule whatever its place in the plan", () => {
            const daily = rule({ ruleName: "daily", schedule: "cron(0 3 * * ? *)" });
            assert.deepEqual(figures(stackWith([rule(), daily]), ""), ["volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)"]);
        });

        it("names the StatefulSet by its metadata, without a namespace when it has none", () => {
            const s = res(STS, "chroma-sts", { metadata: { name: "chroma" }, spec: { volumeClaimTemplates: [{ spec: { storageClassName: "gp3-backup" } }] } });
            assert.deepEqual(figures([s, sc()], ""), ["volumes of StatefulSet chroma @ in-region: none (no backup plan selects the tag backup=hourly)"]);
        });

        it("takes a class it depends on only when there is exactly one, whatever else it depends on", () => {
            const a = res(SC, "a", { metadata: { name: "a" }, parameters: { tagSpecification_1: "backup=hourly" } });
            const b = res(SC, "b", { metadata: { name: "b" }, parameters: {} });
            const ns = res("kubernetes:core/v1:Namespace", "web", { metadata: { name: "web" } });
            const p = plan([rule()]);
            const unnamed = { volumeClaimTemplates: [{ spec: {} }] };
            assert.deepEqual(figures([sts(unnamed, [ns.urn, "urn:pulumi:test::tiered-infra::gone::x", a.urn]), a, ns, p, sel(p)], ""), ["volumes of StatefulSet web/chroma @ in-region: 60 (backup rule hourly)"]);
            assert.deepEqual(figures([sts(unnamed, [a.urn, b.urn]), a, b, p, sel(p)], ""), ["volumes of StatefulSet web/chroma @ in-region: unknown (its storage class cannot be found, so neither can the backups that select its volumes)"]);
        });

        it("lists every backup tag of the class when no plan selects them", () => {
            assert.deepEqual(figures([sts(), sc({ tagSpecification_1: "backup=hourly", tagSpecification_2: "team=web" })], ""), ["volumes of StatefulSet web/chroma @ in-region: none (no backup plan selects the tag backup=hourly, team=web)"]);
        });

        it("a class without backup tags is selected by no selection, not even one whose tags are known only at apply", () => {
            const p = plan([rule()]);
            assert.deepEqual(figures([sts(), sc({ type: "gp3" }), p, sel(p, U)], ""), ["volumes of StatefulSet web/chroma @ in-region: none (its volumes carry no backup tag)"]);
        });

        it("a copy action without a vault ARN copies to the DR region only through a vault of the plan there", () => {
            const none = "volumes of StatefulSet web/chroma @ us-west-2: none (no backup rule copies its points there)";
            assert.deepEqual(figures(stackWith([rule({ copyActions: [{}] })])).pop(), none);
            const east = res(VAULT, "east", { region: "eu-west-1" });
            assert.deepEqual(figures(stackWith([rule({ copyActions: [{}] })], [east], [east.urn])).pop(), none);
        });

        it("is decided at apply on unknown claims, class names, schedules, plan rules, copies and selection tags", () => {
            const s = sts(U);
            assert.deepEqual(recoveryObjectives.checkStack([s], { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: s.urn, undecided: "spec" }, { urn: s.urn, undecided: "spec" }]);
            const s2 = sts({ volumeClaimTemplates: [{ spec: { storageClassName: U } }] });
            assert.deepEqual(recoveryObjectives.checkStack([s2], { rpoMinutes: 60, drRegion: "" }), [{ urn: s2.urn, undecided: "spec.volumeClaimTemplates[0].spec.storageClassName" }]);
            const undecidedOf = (stack: StackSubject[], drRegion = "") => recoveryObjectives.checkStack(stack, { rpoMinutes: 60, drRegion }).map((f) => ("undecided" in f ? f.undecided : f.message));
            assert.deepEqual(undecidedOf(stackWith([rule({ schedule: U })])), ["rules[0].schedule"]);
            assert.deepEqual(undecidedOf(stackWith(U)), ["rules"]);
            assert.deepEqual(undecidedOf(stackWith([U])), ["rules[0]"]);
            assert.deepEqual(undecidedOf(stackWith([rule({ copyActions: U })]), "us-west-2"), ["rules[0].copyActions"]);
            assert.deepEqual(undecidedOf(stackWith([rule({ copyActions: [U] })]), "us-west-2"), ["rules[0].copyActions[0]"]);
            const p = plan([rule()]);
            assert.deepEqual(undecidedOf([sts(), sc(), p, sel(p, U)]), ["selectionTags"]);
            assert.deepEqual(undecidedOf([sts(), sc(), p, sel(p, [{ type: "STRINGEQUALS", key: "backup", value: U }])]), ["selectionTags[0].value"]);
            assert.deepEqual(undecidedOf([sts(), sc({ tagSpecification_1: U }), p, sel(p)]), ["parameters.tagSpecification_1"]);
            assert.deepEqual(undecidedOf([sts(), sc(U), p, sel(p)]), ["parameters"]);
            assert.deepEqual(undecidedOf([sts(), sc(), p, sel(p, [U])]), ["selectionTags[0]"]);
            assert.deepEqual(undecidedOf([sts(), sc(), p, sel(p, [{ type: U, key: U, value: "hourly" }])]), ["selectionTags[0].type", "selectionTags[0].key"]);
            assert.deepEqual(undecidedOf([sts({ volumeClaimTemplates: U })]), ["spec.volumeClaimTemplates"]);
            assert.deepEqual(undecidedOf([sts({ volumeClaimTemplates: [U] })]), ["spec.volumeClaimTemplates[0]"]);
            // In the DR region too (the pack lists each path once): the rules, a rule, or its copies with its schedule when that is unknown too.
            const onceOf = (stack: StackSubject[]) => [...new Set(undecidedOf(stack, "us-west-2"))];
            // A rule that passes in the region but copies nowhere leaves the DR region to the other rule, whose schedule and copies are both known only at apply.
            assert.deepEqual(undecidedOf(stackWith([rule({ copyActions: [] }), rule({ ruleName: "later", schedule: U, copyActions: U })]), "us-west-2"), ["rules[1].copyActions", "rules[1].schedule"]);
            assert.deepEqual(onceOf(stackWith(U)), ["rules"]);
            assert.deepEqual(onceOf(stackWith([U])), ["rules[0]"]);
            assert.deepEqual(onceOf(stackWith([rule({ copyActions: U, schedule: U })])), ["rules[0].schedule", "rules[0].copyActions"]);
            assert.deepEqual(undecidedOf(stackWith([rule({ copyActions: U, schedule: "rate(1 hour)" })]), "us-west-2"), [
                "volumes of StatefulSet web/chroma: achievable RPO cannot be determined (the schedule of backup rule hourly cannot be read); the declared RPO is 60 minutes",
                "rules[0].copyActions",
            ]);
        });
    });

    it("compares each figure with the RPO: at it passes, one minute under it fails", () => {
        const stack = [res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 7 })];
        assert.deepEqual(recoveryObjectives.checkStack(stack, { rpoMinutes: 5, drRegion: "" }), []);
        assert.deepEqual(recoveryObjectives.checkStack(stack, { rpoMinutes: 4, drRegion: "" }), [{ urn: stack[0].urn, message: "database db-a: achievable RPO is 5 minutes (point-in-time recovery), worse than the declared 4 minutes" }]);
        assert.deepEqual(recoveryObjectives.checkStack(stack, { rpoMinutes: 60, drRegion: "us-west-2" }), [{ urn: stack[0].urn, message: "database db-a: achievable RPO in us-west-2 is unbounded (no automated-backup replication there), worse than the declared 60 minutes" }]);
        const odd = [res(RDS, "b", { identifier: "db-b", backupRetentionPeriod: "x" })];
        assert.deepEqual(recoveryObjectives.checkStack(odd, { rpoMinutes: 60, drRegion: "" }), [{ urn: odd[0].urn, message: "database db-b: achievable RPO cannot be determined (backupRetentionPeriod is not known); the declared RPO is 60 minutes" }]);
        assert.deepEqual(recoveryObjectives.checkStack(stack, { drRegion: "" } as any), []);
    });

    it("never throws on odd or missing values: it judges what it can and says what it cannot", () => {
        const STS = "kubernetes:apps/v1:StatefulSet";
        const SC = "kubernetes:storage.k8s.io/v1:StorageClass";
        const odd: StackSubject[] = [
            res(BUCKET, "null-props", null as any),
            res(STS, "no-spec", { metadata: { name: "no-spec" } }),
            res(STS, "empty-claim", { metadata: { name: "empty-claim" }, spec: { volumeClaimTemplates: [{}] } }),
            res(STS, "odd-class", { metadata: { name: "odd-class" }, spec: { volumeClaimTemplates: [{ spec: { storageClassName: "odd" } }] } }),
            res(SC, "odd", { metadata: { name: "odd" }, parameters: { tagSpecification_1: 5, tagSpecification_2: "backup=hourly" } }),
            res(SC, "no-meta", { parameters: null }),
            res("aws:backup/selection:Selection", "sel", { selectionTags: [null, { type: "STRINGEQUALS", key: "backup", value: "hourly" }] }, { dependencies: ["urn:pulumi:test::tiered-infra::aws:backup/plan:Plan::plan"] }),
            res("aws:backup/plan:Plan", "plan", { rules: [null, { ruleName: "hourly", schedule: "cron(0 * * * ? *)", copyActions: [null] }] }),
        ];
        // A StatefulSet without claims has no volumes; a claim without spec names no class; a null rule,
        // copy action or selection tag and a non-text tag parameter are skipped; a bucket without props is a bucket.
        const urn = (name: string) => odd.find((r) => r.name === name)!.urn;
        assert.deepEqual(recoveryObjectives.checkStack(odd, { rpoMinutes: 60, drRegion: "us-west-2" }), [
            { urn: urn("empty-claim"), message: "volumes of StatefulSet empty-claim: achievable RPO cannot be determined (its storage class cannot be found, so neither can the backups that select its volumes); the declared RPO is 60 minutes" },
            { urn: urn("empty-claim"), message: "volumes of StatefulSet empty-claim: achievable RPO in us-west-2 cannot be determined (its storage class cannot be found, so neither can the backups that select its volumes); the declared RPO is 60 minutes" },
            { urn: urn("odd-class"), message: "volumes of StatefulSet odd-class: achievable RPO in us-west-2 is unbounded (no backup rule copies its points there), worse than the declared 60 minutes" },
            { urn: urn("null-props"), message: "bucket null-props: achievable RPO in us-west-2 is unbounded (it is not replicated there), worse than the declared 60 minutes" },
        ]);
        const src = res(BUCKET, "files", { bucket: "web-files" });
        const dst = res(BUCKET, "copy", { bucket: "web-files-copy", region: "us-west-2" });
        const nullRule = res(REPL, "r", { bucket: "web-files", rules: [null, { status: "Enabled" }] }, { dependencies: [src.urn, dst.urn] });
        // A null replication rule is skipped; an enabled rule without destination copies to the one candidate.
        assert.deepEqual(figures([src, dst, nullRule]), ["bucket web-files @ us-west-2: none (replication without Replication Time Control has no time bound (no SLA))"]);
        const more: StackSubject[] = [
            res(STS, "null-claim", { metadata: { name: "null-claim" }, spec: { volumeClaimTemplates: [null] } }),
            res(STS, "null-params", { metadata: { name: "null-params" }, spec: { volumeClaimTemplates: [{ spec: { storageClassName: "null-params" } }] } }),
            res(SC, "null-params", { metadata: { name: "null-params" }, parameters: null }),
            // Engine fields missing: no property dependencies; one naming a resource that is not in the stack.
            res(BUCKET, "lone", { bucket: U }),
            res(REPL, "bare", { bucket: U, rules: [{ status: "Enabled" }] }, { dependencies: [`urn:pulumi:test::tiered-infra::${BUCKET}::lone`], propertyDependencies: undefined as any }),
            res(REPL, "gone", { bucket: U, rules: [{ status: "Enabled" }] }, { propertyDependencies: { rules: ["urn:pulumi:test::tiered-infra::gone::x"] } }),
            res(LOGGING, "bare-log", { bucket: U, targetBucket: U }, { dependencies: [`urn:pulumi:test::tiered-infra::${BUCKET}::lone`], propertyDependencies: undefined as any }),
        ];
        const at = (name: string) => more.find((r) => r.name === name)!.urn;
        const noClass = "its storage class cannot be found, so neither can the backups that select its volumes";
        assert.deepEqual(recoveryObjectives.checkStack(more, { rpoMinutes: 60, drRegion: "us-west-2" }), [
            { urn: at("null-claim"), message: `volumes of StatefulSet null-claim: achievable RPO cannot be determined (${noClass}); the declared RPO is 60 minutes` },
            { urn: at("null-claim"), message: `volumes of StatefulSet null-claim: achievable RPO in us-west-2 cannot be determined (${noClass}); the declared RPO is 60 minutes` },
            { urn: at("null-params"), message: "volumes of StatefulSet null-params: achievable RPO is unbounded (its volumes carry no backup tag), worse than the declared 60 minutes" },
            { urn: at("null-params"), message: "volumes of StatefulSet null-params: achievable RPO in us-west-2 is unbounded (its volumes carry no backup tag), worse than the declared 60 minutes" },
            { urn: at("lone"), message: "bucket lone: achievable RPO in us-west-2 cannot be determined (the destination bucket of its replication cannot be found); the declared RPO is 60 minutes" },
        ]);
        assert.deepEqual(bucketAccessLogging.checkStack(more, {}), []);
    });

    it("without a DR region in the config (absent or not text), only the stack's region is checked", () => {
        const db = res(RDS, "a", { identifier: "db-a", backupRetentionPeriod: 7 });
        for (const config of [{ rpoMinutes: 60 }, { rpoMinutes: 60, drRegion: 5 }] as any[]) {
            assert.deepEqual(achievableRecovery([db], config).map((s) => s.where), ["in-region"], JSON.stringify(config));
        }
    });

    it("access logging: every bucket but log buckets, by logging resource, inline setting or dependency", () => {
        const logs = res(BUCKET, "logs", { bucket: "web-logs", tags: { "tiered-infra:bucket-role": "access-logs" } });
        const a = res(BUCKET, "a", { bucket: "web-a" });
        const b = res(BUCKET, "b", { bucket: "web-b", logging: { targetBucket: "web-logs" } });
        const c = res(BUCKET, "c", { bucket: "web-c", loggings: [{ targetBucket: "web-logs" }] });
        const d = res(BUCKET, "d", { bucket: U });
        const e = res(BUCKET, "e", { bucket: "web-e" });
        const loggings = [
            res(LOGGING, "la", { bucket: "web-a", targetBucket: "web-logs" }),
            res(LOGGING, "ld", { bucket: U, targetBucket: U }, { dependencies: [d.urn, logs.urn] }),
            // e is only the target of this one, so it is not logged itself.
            res(LOGGING, "le", { bucket: U, targetBucket: "web-e" }, { dependencies: [e.urn] }),
        ];
        assert.deepEqual(bucketAccessLogging.checkStack([logs, a, b, c, d, e, ...loggings], {}), [{ urn: e.urn, message: "bucket web-e has no server access logging" }]);
        // Logged under any of its names; logged by one resource though the target of another.
        const f = res(BUCKET, "f", { bucket: "web-f", id: "id-f" });
        const g = res(BUCKET, "g", { bucket: "web-g" });
        const more = [
            res(LOGGING, "lf", { bucket: "id-f", targetBucket: "web-logs" }),
            res(LOGGING, "lg1", { bucket: U, targetBucket: "web-g" }, { dependencies: [g.urn] }),
            res(LOGGING, "lg2", { bucket: U, targetBucket: "web-logs" }, { dependencies: [g.urn] }),
        ];
        assert.deepEqual(bucketAccessLogging.checkStack([logs, f, g, ...more], {}), []);
        // Names unknown (a first preview): the bucket a logging resource's targetBucket input refers to is its target, tagged or not.
        const h = res(BUCKET, "h", { bucket: U });
        const k = res(BUCKET, "k", { bucket: U });
        const hToK = res(LOGGING, "lh", { bucket: U, targetBucket: U }, { dependencies: [h.urn, k.urn], propertyDependencies: { bucket: [h.urn], targetBucket: [k.urn] } });
        assert.deepEqual(bucketAccessLogging.checkStack([h, k, hToK], {}), [{ urn: k.urn, message: "bucket k has no server access logging" }]);
    });
});
