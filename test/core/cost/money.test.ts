import { strict as assert } from "assert";
import { usd } from "../../../core/cost/money";

describe("money format", () => {
    it("writes dollars with thousands separators and exactly two decimals, a minus before the sign, '-' for an unknown amount", () => {
        assert.deepEqual(
            [null, 0, 3, 0.5, 1234.5, 1234567.891, -0.5, -1234.567, 0.004].map(usd),
            ["-", "$0.00", "$3.00", "$0.50", "$1,234.50", "$1,234,567.89", "-$0.50", "-$1,234.57", "$0.00"],
        );
    });
});
