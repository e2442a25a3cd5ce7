import { strict as assert } from "assert";
import { burstableCpuCredits } from "../../../core/cost/cpuCredits";

describe("CPU credits of burstable database classes", () => {
    it("bills only the vCPU-hours above the baseline: none at it, none below, the surplus above", () => {
        const t3large = (cpu: number) => burstableCpuCredits("db.t3.large", cpu)!.vcpuHours;
        // db.t3.large: 2 vCPUs at a 30% baseline.
        assert.equal(t3large(30), 0, "exactly at the baseline");
        assert.equal(t3large(29), 0, "one point below");
        assert.ok(Math.abs(t3large(31)! - 14.6) < 1e-9, "one point above: 1% x 2 vCPUs x 730 h = 14.6");
        assert.ok(Math.abs(burstableCpuCredits("db.t3.medium", 100)!.vcpuHours! - 1168) < 1e-9, "db.t3.medium flat out: 80% x 2 x 730 = 1,168");
        assert.deepEqual(burstableCpuCredits("db.t3.large", 40), { name: "CPU credits (unlimited mode, db.t3.large: 40% average vs 30% baseline x 2 vCPUs)", vcpuHours: 0.1 * 2 * 730 });
    });

    it("has no line for a class that does not burst", () => {
        assert.deepEqual(["db.r6g.large", "db.m6g.xlarge", "mydb.t3.large", "db.tx.large"].map((c) => burstableCpuCredits(c, 90)), [undefined, undefined, undefined, undefined]);
    });

    it("leaves the line unpriced without a CPU figure, and names a burstable class whose baseline it lacks", () => {
        const unknown = { name: "CPU credits (unlimited mode, db.t3.large, baseline 30%)", vcpuHours: null };
        assert.deepEqual([burstableCpuCredits("db.t3.large", undefined), burstableCpuCredits("db.t3.large", Number.NaN), burstableCpuCredits("db.t3.large", Infinity)], [unknown, unknown, unknown]);
        assert.deepEqual(burstableCpuCredits("db.t4g.micro", 50), {
            name: "CPU credits (unlimited mode, db.t4g.micro)",
            vcpuHours: null,
            unpriced: "the baseline of db.t4g.micro is not in core/cost/cpuCredits.ts",
        });
    });
});
