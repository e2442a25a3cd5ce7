import { strict as assert } from "assert";
import { decodeUndecided, encodeUndecided } from "../../../core/policy/undecided";

describe("decided-at-apply notes over the analyzer protocol (core/policy/undecided)", () => {
    const note = { policy: "aws-rds-instance-require-multi-az", paths: ["multiAz", "tags.a.b[0]"] };

    it("carries the policy and every path from the pack to the tools", () => {
        assert.deepEqual(decodeUndecided(encodeUndecided(note)), note);
    });

    it("starts with one readable line for people reading the Pulumi CLI's output", () => {
        assert.equal(encodeUndecided(note).split("\n")[0], "aws-rds-instance-require-multi-az: decided at apply: multiAz, tags.a.b[0]");
    });

    it("finds no note in an ordinary message or a damaged data line", () => {
        assert.equal(decodeUndecided("multiAz is off"), undefined);
        assert.equal(decodeUndecided("x\ntiered-infra:undecided {not json"), undefined);
        assert.equal(decodeUndecided(`x\ntiered-infra:undecided ${JSON.stringify({ policy: "p", paths: [1] })}`), undefined);
    });
});
