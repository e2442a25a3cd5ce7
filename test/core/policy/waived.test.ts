import { strict as assert } from "assert";
import { decodeWaived, encodeWaived, WaivedFinding } from "../../../core/policy/waived";

describe("waived findings over the analyzer protocol (core/policy/waived)", () => {
    const w: WaivedFinding = { policy: "aws-rds-instance-require-multi-az", message: "multiAz is off: (a) b; c", expires: "2027-03-31", from: "tag", reason: "single-AZ until the Q3 migration: see ticket #12" };

    it("carries every field from the pack to the tools, whatever the reason and message contain", () => {
        assert.deepEqual(decodeWaived(encodeWaived(w)), w);
        for (const from of ["annotation", "label", "config"] as const) assert.equal(decodeWaived(encodeWaived({ ...w, from }))?.from, from);
    });

    it("starts with one readable line for people reading the Pulumi CLI's output", () => {
        assert.equal(encodeWaived(w).split("\n")[0], "waived aws-rds-instance-require-multi-az until 2027-03-31 (tag: single-AZ until the Q3 migration: see ticket #12): multiAz is off: (a) b; c");
    });

    it("finds no waiver in an ordinary message or a damaged data line", () => {
        assert.equal(decodeWaived("multiAz is off on a production primary"), undefined);
        assert.equal(decodeWaived("waived x until 2027-01-01 (tag: r): m"), undefined, "the readable line alone is not the contract");
        assert.equal(decodeWaived("x\ntiered-infra:waived {not json"), undefined);
        assert.equal(decodeWaived(`x\ntiered-infra:waived ${JSON.stringify({ ...w, expires: 20270331 })}`), undefined);
    });
});
