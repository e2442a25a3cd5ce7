import { strict as assert } from "assert";
import { TIER_NAMES, TIERS, TierSizingSchema } from "../../infra/tiers";

describe("tier table", () => {
    for (const tier of TIER_NAMES) {
        it(`${tier} is a valid sizing row`, () => {
            const result = TierSizingSchema.safeParse(TIERS[tier]);
            assert.ok(result.success, JSON.stringify(!result.success && result.error.issues));
        });
    }

    it("grows with the tier: users, pods, budget (seed 002 scaling scenarios)", () => {
        const [s, m, l] = TIER_NAMES.map((t) => TIERS[t]);
        assert.deepEqual([s.app.minReplicas, m.app.minReplicas, l.app.minReplicas], [3, 5, 10]);
        assert.deepEqual([m.app.maxReplicas, l.app.maxReplicas], [10, 50]);
        assert.deepEqual([s.budget, m.budget, l.budget].map((b) => [b.minMonthlyUsd, b.maxMonthlyUsd]), [[800, 1200], [2500, 4000], [8000, 15000]]);
        assert.deepEqual([s.network.azCount, m.network.azCount, l.network.azCount], [2, 3, 3]);
        for (const t of [s, m, l]) assert.equal(t.database.backupRetentionDays, 30, "seed 002: 30-day backup retention");
    });
});
