import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { containsUnknown, isUnknown, UNKNOWN_SENTINELS } from "../../../core/plan/unknown";

describe("unknown values (core/plan/unknown)", () => {
    it("recognises the engine's marker and every typed sentinel of @pulumi/policy", () => {
        const proxy = require("@pulumi/policy/proxy");
        const sdk = ["unknownStringValue", "unknownBooleanValue", "unknownNumberValue", "unknownArrayValue", "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue"].map((k) => proxy[k]);
        assert.deepEqual([...UNKNOWN_SENTINELS].sort(), [...sdk].sort());
        assert.equal(proxy.unknownStringValue, UNKNOWN_MARKER, "the engine sends the string sentinel");
        for (const s of sdk) assert.ok(isUnknown(s));
    });

    it("is not fooled by values that merely look alike", () => {
        for (const v of ["04da6b54-80e4-46f7-96ec-b56ff0331ba8", "", "[secret]", undefined, null, 0, {}]) assert.equal(isUnknown(v), false);
    });

    it("finds an unknown at any depth", () => {
        assert.ok(containsUnknown({ a: [{ b: UNKNOWN_MARKER }] }));
        assert.ok(!containsUnknown({ a: [{ b: "x" }] }));
    });
});
