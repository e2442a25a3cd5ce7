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

    it("rounds a half written in decimal up even when its binary value sits just below it (1.005 is 1.00499999999999989...)", () => {
        assert.deepEqual([1.005, 1.255, 2.675, -1.005, 1e6 + 0.005, 8.345, 1.0049, 0.0149999].map(cents), [1.01, 1.26, 2.68, -1.01, 1000000.01, 8.35, 1, 0.01]);
        assert.deepEqual([12.3, 99.99, 1e9 + 0.25, Number.NaN].map(cents), [12.3, 99.99, 1e9 + 0.25, Number.NaN], "a figure already in cents stays as it is");
    });
});

