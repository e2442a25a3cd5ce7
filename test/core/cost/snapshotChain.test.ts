import { strict as assert } from "assert";
import { retainedPointAges, snapshotChainFactor } from "../../../core/cost/snapshotChain";

/** A year of weekly points: hourly points kept 2 days, daily 35 days, weekly 365 days. */
const YEAR_RULES = [
    { intervalDays: 1 / 24, retentionDays: 2 },
    { intervalDays: 1, retentionDays: 35 },
    { intervalDays: 7, retentionDays: 365 },
];

describe("snapshot chains", () => {
    it("keeps the union of every rule's points: 48 hourly, then dailies to day 34, then weeklies to day 357", () => {
        const ages = retainedPointAges(YEAR_RULES);
        assert.equal(ages[0], 0);
        assert.equal(ages.at(-1), 357); // floor(365 / 7) = 52 weekly points, ages 0..51 x 7
        // 48 hourly ages (0..47/24, sharing 0 and 1 with dailies), 33 more dailies (2..34), 47 more weeklies (35..357):
        // 128 points, 127 gaps (48 of an hour, 33 of a day, 46 of a week).
        assert.equal(ages.length, 48 + 33 + 47);
    });

    it("counts the points a retention keeps without losing one to floating point, and none for a retention shorter than the interval", () => {
        // 0.3 / 0.1 is 2.9999999999999996 in floating point: still 3 points (ages 0, 0.1, 0.2).
        assert.deepEqual(retainedPointAges([{ intervalDays: 0.1, retentionDays: 0.3 }]), [0, 0.1, 0.2]);
        assert.deepEqual(retainedPointAges([{ intervalDays: 7, retentionDays: 6 }]), []);
        assert.deepEqual(retainedPointAges([{ intervalDays: 7, retentionDays: 7 }]), [0]);
        assert.deepEqual(retainedPointAges([{ intervalDays: 2, retentionDays: 6 }, { intervalDays: 3, retentionDays: 9 }]), [0, 2, 3, 4, 6], "shared ages once, sorted");
    });

    it("stores a full copy plus the blocks changed between neighbouring points (documented formula)", () => {
        // 48 gaps of an hour, 33 of a day, 46 of a week; a gap of d days rewrites 1 - 0.98^d of the blocks.
        const byHand = 1 + 48 * (1 - 0.98 ** (1 / 24)) + 33 * 0.02 + 46 * (1 - 0.98 ** 7);
        assert.equal(Math.round(byHand * 1000) / 1000, 7.767);
        assert.ok(Math.abs(snapshotChainFactor(YEAR_RULES, 0.02) - byHand) < 1e-9);
        assert.equal(snapshotChainFactor([{ intervalDays: 1, retentionDays: 1 }], 0.5), 1, "one point is a full copy");
        assert.equal(snapshotChainFactor([{ intervalDays: 1, retentionDays: 3 }], 0.5), 2, "three dailies at 50%: 1 + 0.5 + 0.5");
        assert.equal(snapshotChainFactor([], 0.02), 0);
    });

    it("keeps 13 weekly points under the default plan (a quarter): 2.62 x the volume at 2% a day", () => {
        // components/volumeBackupPlan.ts: weekly points kept 91 days, ages 0..84; past the dailies (0..34) 35, 42, ..., 84.
        const quarter = [{ intervalDays: 1 / 24, retentionDays: 2 }, { intervalDays: 1, retentionDays: 35 }, { intervalDays: 7, retentionDays: 91 }];
        const ages = retainedPointAges(quarter);
        assert.equal(ages.at(-1), 84);
        assert.equal(ages.length, 48 + 33 + 8);
        const byHand = 1 + 48 * (1 - 0.98 ** (1 / 24)) + 33 * 0.02 + 7 * (1 - 0.98 ** 7);
        assert.equal(Math.round(byHand * 1000) / 1000, 2.624);
        assert.ok(Math.abs(snapshotChainFactor(quarter, 0.02) - byHand) < 1e-9);
    });
});
