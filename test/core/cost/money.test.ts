import { strict as assert } from "assert";
import { cents, usd } from "../../../core/cost/money";

describe("money format", () => {
    it("writes dollars with thousands separators and exactly two decimals, a minus before the sign, '-' for an unknown amount", () => {
        assert.deepEqual(
            [null, 0, 3, 0.5, 1234.5, 1234567.891, -0.5, -1234.567, 0.004].map(usd),
            ["-", "$0.00", "$3.00", "$0.50", "$1,234.50", "$1,234,567.89", "-$0.50", "-$1,234.57", "$0.00"],
        );
    });

    it("rounds to cents with halves away from zero, so a charge and the credit that cancels it net $0.00", () => {
        assert.deepEqual([0.005, -0.005, 0.004, -0.004, 12.345, -12.345, 0, -0].map(cents), [0.01, -0.01, 0, 0, 12.35, -12.35, 0, 0]);
        assert.equal(cents(0.005) + cents(-0.005), 0);
        assert.ok(Object.is(cents(-0.001), 0), "never -0 (it prints as -$0.00 in some formats)");
    });
});

