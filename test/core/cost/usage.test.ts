import { strict as assert } from "assert";
import { CDN_SHARE_KEYS, NO_USAGE, USAGE_KEYS, UsageError, UsageProfile, withOverrides } from "../../../core/cost/usage";
import { usageOf } from "./usageFixture";

/** A valid profile: all traffic from the US edges. */
const base = usageOf({ cdnTrafficShareUs: 1, requests: 100 });
const SHARES = "cdnTrafficShareUs, cdnTrafficShareEurope, cdnTrafficShareMiddleEastAfrica, cdnTrafficShareSouthAmerica, cdnTrafficShareJapan, cdnTrafficShareAustralia, cdnTrafficShareAsia, cdnTrafficShareIndia";

function problems(overrides: Record<string, unknown>, from: UsageProfile = base): string[] {
    try {
        withOverrides(from, overrides, "u.yaml:web");
    } catch (e) {
        assert.ok(e instanceof UsageError);
        return e.problems;
    }
    return [];
}

describe("usage profiles and overrides", () => {
    it("knows every key of the profile, the CDN mix among them, and has an all-unknown profile for a stack without a tier", () => {
        assert.equal(USAGE_KEYS.length, 41);
        assert.equal(new Set(USAGE_KEYS).size, USAGE_KEYS.length);
        for (const k of Object.values(CDN_SHARE_KEYS)) assert.ok(USAGE_KEYS.includes(k), k);
        assert.deepEqual(Object.keys(NO_USAGE), [...USAGE_KEYS]);
        assert.ok(Object.values(NO_USAGE).every((v) => Number.isNaN(v)));
    });

    it("applies overrides to a copy, keeping the other figures", () => {
        const out = withOverrides(base, { requests: 5, albLcu: 0 }, "u.yaml:web");
        assert.deepEqual(out, { ...base, requests: 5, albLcu: 0 });
        assert.equal(base.requests, 100, "the base profile is not changed");
        assert.deepEqual(withOverrides(NO_USAGE, { requests: 5 }, "w").requests, 5, "an unknown traffic mix is not checked");
    });

    it("refuses unknown keys and figures that are not numbers >= 0, naming each key", () => {
        assert.deepEqual(problems({ reqests: 5 }), [`u.yaml:web.reqests: is not a usage key; known keys: ${USAGE_KEYS.join(", ")}`]);
        assert.deepEqual(problems({ requests: -1, users: "5", albLcu: Number.NaN, natDataGiB: Infinity, s3LogsGiB: null }), [
            "u.yaml:web.requests: -1 is not allowed; expected a number >= 0",
            'u.yaml:web.users: "5" is not allowed; expected a number >= 0',
            "u.yaml:web.albLcu: NaN is not a finite number (too large to hold, or .inf/.nan); expected a number >= 0",
            "u.yaml:web.natDataGiB: Infinity is not a finite number (too large to hold, or .inf/.nan); expected a number >= 0", // YAML's 1e400
            "u.yaml:web.s3LogsGiB: null is not allowed; expected a number >= 0",
        ]);
        assert.deepEqual(problems({ requests: 0 }), [], "0 is a figure");
        assert.deepEqual(problems({ requests: -Infinity }), ["u.yaml:web.requests: -Infinity is not a finite number (too large to hold, or .inf/.nan); expected a number >= 0"]);
    });

    it("refuses shares above 1, a CPU above 100% and a traffic mix that does not add up to 1 (boundaries included)", () => {
        assert.deepEqual(problems({ dailyChangeFraction: 1 }), []);
        assert.deepEqual(problems({ dailyChangeFraction: 1.01 }), ["u.yaml:web.dailyChangeFraction: 1.01 is not allowed; expected a fraction between 0 and 1"]);
        assert.deepEqual(problems({ databaseCpuPercent: 100 }), []);
        assert.deepEqual(problems({ databaseCpuPercent: 100.5 }), ["u.yaml:web.databaseCpuPercent: 100.5 is not allowed; expected a percentage between 0 and 100"]);
        assert.deepEqual(problems({ cdnTrafficShareUs: 0, cdnTrafficShareIndia: 1 }), []);
        assert.deepEqual(problems({ cdnTrafficShareEurope: 1.5 }), [
            "u.yaml:web.cdnTrafficShareEurope: 1.5 is not allowed; expected a fraction between 0 and 1",
            `u.yaml:web: the CDN traffic shares (${SHARES}) add up to 2.5; they must add up to 1`,
        ]);
        // Within 0.001 of 1 is 1 (shares written with three decimals); further off is refused, rounded to three decimals.
        assert.deepEqual(problems({ cdnTrafficShareUs: 0.6, cdnTrafficShareEurope: 0.3995 }), []);
        assert.deepEqual(problems({ cdnTrafficShareUs: 0.6, cdnTrafficShareEurope: 0.4015 }), [`u.yaml:web: the CDN traffic shares (${SHARES}) add up to 1.002; they must add up to 1`]);
        assert.deepEqual(problems({ cdnTrafficShareUs: 0.9984 }), [`u.yaml:web: the CDN traffic shares (${SHARES}) add up to 0.998; they must add up to 1`]);
    });

    it("checks the mix only once every key is valid, and says everything in one error", () => {
        const badMix = { ...base, cdnTrafficShareUs: 0.5 };
        assert.deepEqual(problems({ foo: 1 }, badMix), [`u.yaml:web.foo: is not a usage key; known keys: ${USAGE_KEYS.join(", ")}`]);
        assert.throws(() => withOverrides(base, { requests: -1, albLcu: -2 }, "w"), (e: Error) => {
            assert.equal(e.name, "UsageError");
            assert.equal(e.message, "invalid usage:\n  - w.requests: -1 is not allowed; expected a number >= 0\n  - w.albLcu: -2 is not allowed; expected a number >= 0");
            return true;
        });
    });
});
