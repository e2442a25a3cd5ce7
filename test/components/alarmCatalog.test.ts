import { strict as assert } from "assert";
import {
    ALARM_CATALOG, AlarmTarget, DB_CLASS_MEMORY_GIB, isBurstableClass, maxConnectionsOf, requiredMetrics, rowsFor, thresholdFor, withOverride,
} from "../../components/alarmCatalog";
import { DEFAULT_REQUIRED_METRICS } from "../../policies/rules/monitoring";
import { TIER_NAMES, TIERS } from "../../infra/tiers";

describe("alarm catalog", () => {
    it("gives every row a unique id, a source, a confidence and a date, and a window CloudWatch accepts", () => {
        assert.equal(new Set(ALARM_CATALOG.map((a) => a.id)).size, ALARM_CATALOG.length);
        for (const a of ALARM_CATALOG) {
            assert.match(a.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, a.id);
            assert.ok(a.source.length > 10 && ["verified", "verify", "custom"].includes(a.confidence), a.id);
            assert.match(a.date, /^\d{4}-\d{2}-\d{2}$/, a.id);
            assert.ok(a.datapointsToAlarm >= 1 && a.datapointsToAlarm <= a.evaluationPeriods, `${a.id}: M of N`);
            assert.ok(a.periodSeconds === 10 || a.periodSeconds === 30 || a.periodSeconds % 60 === 0, `${a.id}: period`);
            assert.ok(/^(Average|Sum|Minimum|Maximum|SampleCount|p\d+(\.\d+)?)$/.test(a.statistic), `${a.id}: statistic`);
            if (typeof a.metric !== "string") for (const id of Object.keys(a.metric.metrics)) assert.ok(a.metric.expression.includes(id), `${a.id}: ${id} is used`);
        }
    });

    it("is what the coverage policy requires by default (one list, kept in step)", () => {
        const kinds: Array<[keyof typeof DEFAULT_REQUIRED_METRICS, AlarmTarget, "replica" | undefined]> = [
            ["database", "database", undefined], ["databaseReplica", "database", "replica"], ["cache", "cacheNode", undefined],
            ["loadBalancer", "loadBalancer", undefined], ["distribution", "distribution", undefined],
        ];
        for (const [policyKey, target, when] of kinds) assert.deepEqual([...DEFAULT_REQUIRED_METRICS[policyKey]].sort(), requiredMetrics(target, when).sort(), policyKey);
    });

    it("applies conditional rows only where they hold (replica lag on replicas, credits on burstable classes)", () => {
        const ids = (holds: string[]) => rowsFor("database", new Set(holds as never[])).map((r) => r.id);
        assert.ok(ids(["replica"]).includes("rds-replica-lag") && !ids(["primary"]).includes("rds-replica-lag"));
        assert.ok(ids(["primary", "burstable"]).includes("rds-cpu-credits") && !ids(["primary"]).includes("rds-cpu-credits"));
        assert.ok(rowsFor("cacheNode", new Set(["replicated"])).some((r) => r.id === "cache-replication-lag"));
        assert.ok(!rowsFor("cacheNode").some((r) => r.id === "cache-replication-lag"));
    });

    it("sizes share thresholds from the resource and fails loudly without the figure", () => {
        const storage = ALARM_CATALOG.find((a) => a.id === "rds-free-storage")!;
        assert.equal(thresholdFor(storage, { allocatedStorageBytes: 100 * 2 ** 30 }), 10 * 2 ** 30);
        assert.throws(() => thresholdFor(storage, {}), /share of allocatedStorageBytes/);
        const cpu = ALARM_CATALOG.find((a) => a.id === "rds-cpu")!;
        assert.equal(thresholdFor(cpu, {}), 90);
    });

    it("takes a stack's override of any field, and can switch a row off", () => {
        const storage = ALARM_CATALOG.find((a) => a.id === "rds-free-storage")!;
        const o = withOverride(storage, { share: 0.2, evaluationPeriods: 3, severity: "warning" });
        assert.deepEqual([thresholdFor(o, { allocatedStorageBytes: 1000 }), o.evaluationPeriods, o.datapointsToAlarm, o.severity, o.enabled], [200, 3, 3, "warning", true]);
        assert.equal(thresholdFor(withOverride(storage, { threshold: 5e9 }), {}), 5e9);
        assert.equal(withOverride(storage, { enabled: false }).enabled, false);
        assert.deepEqual(withOverride(storage, undefined), { ...storage, enabled: true });
    });

    it("knows the memory of every database class a tier uses, and PostgreSQL's max_connections for it", () => {
        for (const t of TIER_NAMES) assert.ok(DB_CLASS_MEMORY_GIB[TIERS[t].database.instanceClass], t);
        // LEAST(DBInstanceClassMemory/9531392, 5000): 8 GiB -> 901, 32 GiB -> 3604, 64 GiB -> capped.
        assert.deepEqual(["db.t3.large", "db.r6g.xlarge", "db.r6g.2xlarge"].map(maxConnectionsOf), [901, 3604, 5000]);
        assert.equal(maxConnectionsOf("db.z9.huge"), undefined);
        assert.deepEqual(["db.t3.large", "db.r6g.xlarge"].map(isBurstableClass), [true, false]);
    });
});
