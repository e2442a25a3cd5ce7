import { strict as assert } from "assert";
import fc from "fast-check";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { StackFinding, StackSubject } from "../../../policies/definitions";
import { monitoringFindings } from "../../../policies/rules/monitoring";
import { stackSubject } from "./subjects";

let n = 0;
const subject = (type: string, props: Record<string, any>, dependencies: string[] = []): StackSubject => stackSubject(type, `r${++n}`, props, { dependencies });
/** A violation's message (undecided notes have none). */
const messageOf = (f: StackFinding) => ("message" in f ? f.message : `undecided: ${f.undecided}`);
const topic = (props: Record<string, any> = { kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/k" }) => subject("aws:sns/topic:Topic", props);
const ALB_METRICS = ["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "UnHealthyHostCount", "TargetResponseTime"];

/** An ALB and its alarms as a first real preview shows them: every id unknown, linked only by dependencies. */
function firstPreviewAlb(omit: string[] = []) {
    const lb = subject("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "application", internal: true });
    const t = topic({ kmsMasterKeyId: UNKNOWN_MARKER });
    const alarms = ALB_METRICS.filter((m) => !omit.includes(m)).map((metricName) =>
        subject("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: "AWS/ApplicationELB", metricName, dimensions: { LoadBalancer: UNKNOWN_MARKER }, alarmActions: [UNKNOWN_MARKER] }, [lb.urn, t.urn]));
    return [lb, t, ...alarms];
}

describe("monitoring-alarm-coverage (checks)", () => {
    it("links alarms through the engine's dependencies when every id is unknown, as in a first preview", () => {
        assert.deepEqual(monitoringFindings(firstPreviewAlb(), {}), []);
        const [lb, ...rest] = firstPreviewAlb(["UnHealthyHostCount"]);
        assert.deepEqual(monitoringFindings([lb, ...rest], {}), [{ urn: lb.urn, message: `${lb.name} has no alarm on UnHealthyHostCount` }]);
    });

    it("counts metric-math alarms by the metrics they read, in the resource's namespace only", () => {
        const db = subject("aws:rds/instance:Instance", { identifier: "db-1" });
        const t = topic();
        const ratio = subject("aws:cloudwatch/metricAlarm:MetricAlarm", {
            metricQueries: [{ id: "e1", expression: "m1+m2" }, ...["CPUUtilization", "FreeableMemory"].map((m, i) => ({ id: `m${i + 1}`, metric: { namespace: "AWS/RDS", metricName: m, dimensions: { DBInstanceIdentifier: "db-1" } } }))],
            alarmActions: ["arn:t"],
        }, [t.urn]);
        // A cache alarm that happens to depend on the database (say, through a shared topic) does not cover it.
        const other = subject("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: "AWS/ElastiCache", metricName: "FreeStorageSpace", alarmActions: ["arn:t"] }, [db.urn, t.urn]);
        const [f] = monitoringFindings([db, t, ratio, other], {});
        assert.equal(messageOf(f), `${db.name} has no alarm on FreeStorageSpace, DatabaseConnections`);
        assert.equal(f.urn, db.urn);
    });

    it("requires replica lag on read replicas only, and takes a partial config over the defaults", () => {
        const replica = subject("aws:rds/instance:Instance", { identifier: "db-r", replicateSourceDb: UNKNOWN_MARKER });
        const t = topic();
        const alarms = ["CPUUtilization", "FreeableMemory", "FreeStorageSpace", "DatabaseConnections"].map((metricName) =>
            subject("aws:cloudwatch/metricAlarm:MetricAlarm", { namespace: "AWS/RDS", metricName, dimensions: { DBInstanceIdentifier: "db-r" }, alarmActions: ["a"] }, [t.urn]));
        assert.match(messageOf(monitoringFindings([replica, t, ...alarms], {})[0]), /has no alarm on ReplicaLag$/);
        assert.deepEqual(monitoringFindings([replica, t, ...alarms], { requiredMetrics: { databaseReplica: [] } }), []);
    });

    it("reports an alarm without actions and an unencrypted topic; an unknown key or action is not decided", () => {
        const plain = topic({});
        const silent = subject("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "X", alarmActions: [] });
        const toPlain = subject("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "X", alarmActions: ["arn:p"] }, [plain.urn]);
        const messages = monitoringFindings([plain, silent, toPlain], {}).map(messageOf);
        assert.deepEqual(messages, [
            `alert topic ${plain.name} is not encrypted: set kmsMasterKeyId to a customer-managed key whose policy lets CloudWatch publish`,
            `alarm ${silent.name} has no alarm action: it changes state and tells nobody`,
            `alarm ${toPlain.name} notifies only unencrypted topics`,
        ]);
        // An unknown key is a key's ARN (set); an action list known only at apply is noted, not passed.
        const unknown = [topic({ kmsMasterKeyId: UNKNOWN_MARKER }), subject("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "X", alarmActions: UNKNOWN_MARKER })];
        assert.deepEqual(monitoringFindings(unknown, {}), [{ urn: unknown[1].urn, undecided: "alarmActions" }]);
    });

    it("notes as decided at apply a missing alarm that an alarm with an unreadable metric may cover", () => {
        const db = subject("aws:rds/instance:Instance", { identifier: "db-1" });
        const odd = subject("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: UNKNOWN_MARKER, alarmActions: ["a"] }, [db.urn]);
        assert.deepEqual(monitoringFindings([db, odd], {}), [{ urn: odd.urn, undecided: "metricName" }]);
    });

    it("never throws, whatever the values (property)", () => {
        const types = ["aws:cloudwatch/metricAlarm:MetricAlarm", "aws:sns/topic:Topic", "aws:rds/instance:Instance", "aws:lb/loadBalancer:LoadBalancer", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:cloudfront/distribution:Distribution"];
        const anything = fc.oneof(fc.jsonValue(), fc.constant(UNKNOWN_MARKER), fc.constant(undefined));
        fc.assert(fc.property(
            fc.array(fc.record({ type: fc.constantFrom(...types), props: fc.oneof(fc.dictionary(fc.constantFrom("metricName", "namespace", "dimensions", "metricQueries", "alarmActions", "kmsMasterKeyId", "identifier", "replicateSourceDb", "replicationGroupId"), anything), anything as fc.Arbitrary<any>), deps: fc.array(fc.nat(5)) }), { maxLength: 8 }),
            (rows) => {
                const subjects = rows.map((x, i) => ({ type: x.type, urn: `u${i}`, name: `n${i}`, props: x.props as any, dependencies: x.deps.map((d) => `u${d}`), propertyDependencies: {} }));
                const findings = monitoringFindings(subjects, {});
                assert.ok(Array.isArray(findings));
            },
        ), { numRuns: 300 });
    });
});

describe("monitoring-alarm-coverage (each watched type, link and unreadable part)", () => {
    const REQ = { requiredMetrics: { database: ["A", "B"], databaseReplica: ["R"], cache: ["C"], loadBalancer: ["L"], distribution: ["D"] } };
    const RDS = "aws:rds/instance:Instance";
    const CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
    const LB = "aws:lb/loadBalancer:LoadBalancer";
    const CDN = "aws:cloudfront/distribution:Distribution";
    const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    const alarm = (props: Record<string, any>, deps: string[] = []) => subject(ALARM, { alarmActions: ["arn:t"], ...props }, deps);

    it("requires each type's metrics, replicas their lag too, and nothing of network or gateway load balancers", () => {
        const db = subject(RDS, { identifier: "db-1" });
        const replica = subject(RDS, { identifier: "db-2", replicateSourceDb: "db-1" });
        const notReplica = subject(RDS, { identifier: "db-3", replicateSourceDb: "" });
        const nullSource = subject(RDS, { identifier: "db-4", replicateSourceDb: null });
        const cache = subject(CACHE, { replicationGroupId: "grp" });
        const alb = subject(LB, { loadBalancerType: "application" });
        const nlb = subject(LB, { loadBalancerType: "network" });
        const gwlb = subject(LB, { loadBalancerType: "gateway" });
        const cdn = subject(CDN, {});
        const bucket = subject("aws:s3/bucketV2:BucketV2", {});
        assert.deepEqual(monitoringFindings([db, replica, notReplica, nullSource, cache, alb, nlb, gwlb, cdn, bucket], REQ).map((f) => [f.urn, messageOf(f)]), [
            [db.urn, `${db.name} has no alarm on A, B`],
            [replica.urn, `${replica.name} has no alarm on A, B, R`],
            [notReplica.urn, `${notReplica.name} has no alarm on A, B`],
            [nullSource.urn, `${nullSource.name} has no alarm on A, B`],
            [cache.urn, `${cache.name} has no alarm on C`],
            [alb.urn, `${alb.name} has no alarm on L`],
            [cdn.urn, `${cdn.name} has no alarm on D`],
        ]);
    });

    it("links alarms by database identifier or cache member id, in the resource's namespace only", () => {
        const db = subject(RDS, { identifier: "db-1" });
        const cache = subject(CACHE, { replicationGroupId: "grp" });
        const alarms = [
            alarm({ namespace: "AWS/RDS", metricName: "A", dimensions: { DBInstanceIdentifier: "db-1" } }),
            alarm({ metricName: "B", dimensions: { DBInstanceIdentifier: "db-1" } }),
            alarm({ namespace: "AWS/ElastiCache", metricName: "C", dimensions: { CacheClusterId: "grp-002" } }),
        ];
        assert.deepEqual(monitoringFindings([db, cache, ...alarms], REQ), []);
        const wrong = [
            alarm({ namespace: "AWS/ElastiCache", metricName: "A", dimensions: { DBInstanceIdentifier: "db-1" } }),
            alarm({ namespace: "AWS/RDS", metricName: "B", dimensions: { DBInstanceIdentifier: "db-10" } }),
            alarm({ namespace: "AWS/ElastiCache", metricName: "C", dimensions: { CacheClusterId: "grp-x" } }),
            alarm({ namespace: "AWS/ElastiCache", metricName: "C", dimensions: { CacheClusterId: "other-001" } }),
        ];
        assert.deepEqual(monitoringFindings([db, cache, ...wrong], REQ).map(messageOf), [`${db.name} has no alarm on A, B`, `${cache.name} has no alarm on C`]);
    });

    it("does not index resources whose identifier is unknown or empty", () => {
        const db = subject(RDS, { identifier: UNKNOWN_MARKER });
        const cache = subject(CACHE, { replicationGroupId: "" });
        const alarms = [alarm({ namespace: "AWS/RDS", metricName: "A", dimensions: { DBInstanceIdentifier: UNKNOWN_MARKER } }), alarm({ namespace: "AWS/ElastiCache", metricName: "C", dimensions: { CacheClusterId: "-001" } })];
        assert.deepEqual(monitoringFindings([db, cache, ...alarms], REQ).map(messageOf), [`${db.name} has no alarm on A, B`, `${cache.name} has no alarm on C`]);
    });

    it("is undecided, under the alarm, on the first part of a linked alarm's metric known only at apply", () => {
        const db = subject(RDS, { identifier: "db-1" });
        const cases: Array<[Record<string, any>, string]> = [
            [{ namespace: "AWS/RDS", metricName: UNKNOWN_MARKER }, "metricName"],
            [{ namespace: UNKNOWN_MARKER, metricName: "A" }, "namespace"],
            [{ metricQueries: UNKNOWN_MARKER }, "metricQueries"],
            [{ metricQueries: [{ id: "e1", expression: "m1" }, UNKNOWN_MARKER, { id: "m2", metric: UNKNOWN_MARKER }] }, "metricQueries[1]"],
            [{ metricQueries: [{ id: "m1", metric: UNKNOWN_MARKER }] }, "metricQueries[0].metric"],
            [{ metricQueries: [{ id: "m1", metric: { namespace: "AWS/RDS", metricName: UNKNOWN_MARKER } }, { id: "m2", metric: { namespace: UNKNOWN_MARKER, metricName: "A" } }] }, "metricQueries[0].metric.metricName"],
        ];
        for (const [props, path] of cases) {
            const a = alarm(props, [db.urn]);
            assert.deepEqual(monitoringFindings([db, a], REQ), [{ urn: a.urn, undecided: path }], path);
        }
        // A metric merely without a name covers nothing and decides nothing.
        const nameless = alarm({ namespace: "AWS/RDS" }, [db.urn]);
        assert.deepEqual(monitoringFindings([db, nameless], REQ).map(messageOf), [`${db.name} has no alarm on A, B`]);
        // A covered resource needs no note about an unreadable alarm.
        const full = alarm({ metricQueries: [{ id: "m1", metric: { namespace: "AWS/RDS", metricName: "A" } }, { id: "m2", metric: { metricName: "B" } }] }, [db.urn]);
        assert.deepEqual(monitoringFindings([db, full, alarm({ metricName: UNKNOWN_MARKER }, [db.urn])], REQ), []);
    });

    it("judges alarm actions and the topics they notify", () => {
        const enc = subject("aws:sns/topic:Topic", { kmsMasterKeyId: "arn:k" });
        const plain = subject("aws:sns/topic:Topic", { kmsMasterKeyId: "" });
        const unknownKey = subject("aws:sns/topic:Topic", { kmsMasterKeyId: UNKNOWN_MARKER });
        const mixed = alarm({ metricName: "X" }, [enc.urn, plain.urn]);
        const onlyPlain = alarm({ metricName: "X" }, [plain.urn]);
        const toUnknownKey = alarm({ metricName: "X" }, [unknownKey.urn]);
        const noList = alarm({ metricName: "X", alarmActions: "arn:t" });
        const unknownList = alarm({ metricName: "X", alarmActions: UNKNOWN_MARKER });
        assert.deepEqual(monitoringFindings([enc, plain, unknownKey, mixed, onlyPlain, toUnknownKey, noList, unknownList], REQ).map((f) => [f.urn, messageOf(f)]), [
            [plain.urn, `alert topic ${plain.name} is not encrypted: set kmsMasterKeyId to a customer-managed key whose policy lets CloudWatch publish`],
            [onlyPlain.urn, `alarm ${onlyPlain.name} notifies only unencrypted topics`],
            [noList.urn, `alarm ${noList.name} has no alarm action: it changes state and tells nobody`],
            [unknownList.urn, "undecided: alarmActions"],
        ]);
    });

    it("ignores entries that are no resources", () => {
        assert.deepEqual(monitoringFindings("nothing" as any, REQ), []);
        assert.deepEqual(monitoringFindings([null, { urn: "x" }, 5] as any, REQ), []);
    });
});
