import { strict as assert } from "assert";
import fc from "fast-check";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { StackFinding, StackSubject } from "../../../policies/definitions";
import { monitoringFindings } from "../../../policies/rules/monitoring";

let n = 0;
const subject = (type: string, props: Record<string, any>, dependencies: string[] = []): StackSubject => {
    const name = `r${++n}`;
    return { type, urn: `urn:pulumi:test::tiered-infra::${type}::${name}`, name, props, dependencies, propertyDependencies: {} };
};
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
