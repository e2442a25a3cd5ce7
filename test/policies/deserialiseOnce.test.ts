import { strict as assert } from "assert";
import { deserialiseOncePerMessage } from "../../policies/deserialiseOnce";

describe("one deserialisation per message (policy server speed-up)", () => {
    function fakeSdk() {
        const calls: Array<[object, boolean | undefined]> = [];
        const module: { deserializeProperties?: unknown } = {
            deserializeProperties: (struct: object, proxySecrets?: boolean) => {
                calls.push([struct, proxySecrets]);
                return { from: struct, proxySecrets };
            },
        };
        return { module, calls };
    }

    it("deserialises a message once however many policies ask, per secrets flag", () => {
        const { module, calls } = fakeSdk();
        assert.equal(deserialiseOncePerMessage(module), true);
        const deserialise = module.deserializeProperties as (s: object, p?: boolean) => unknown;
        const request = {};
        const first = deserialise(request, false);
        for (let policy = 0; policy < 24; policy++) assert.equal(deserialise(request, false), first);
        assert.deepEqual(deserialise(request, true), { from: request, proxySecrets: true });
        assert.equal(calls.length, 2);
    });

    it("keeps different messages apart", () => {
        const { module, calls } = fakeSdk();
        deserialiseOncePerMessage(module);
        const deserialise = module.deserializeProperties as (s: object, p?: boolean) => { from: object };
        const a = {};
        const b = {};
        assert.equal(deserialise(a, false).from, a);
        assert.equal(deserialise(b, false).from, b);
        assert.equal(calls.length, 2);
    });

    it("hands a message without properties (protobuf's unset field: undefined) to the SDK as it is", () => {
        // A WeakMap refuses undefined and null as keys: memoising them would throw inside the policy server.
        const { module, calls } = fakeSdk();
        deserialiseOncePerMessage(module);
        const deserialise = module.deserializeProperties as (s: unknown, p?: boolean) => unknown;
        assert.deepEqual(deserialise(undefined, false), { from: undefined, proxySecrets: false });
        assert.deepEqual(deserialise(null, true), { from: null, proxySecrets: true });
        assert.deepEqual(calls, [[undefined, false], [null, true]]);
    });

    it("patches once, and leaves an SDK without the function alone", () => {
        const { module } = fakeSdk();
        assert.equal(deserialiseOncePerMessage(module), true);
        assert.equal(deserialiseOncePerMessage(module), false, "a second patch would stack memo layers");
        const moved: { deserializeProperties?: unknown } = {};
        assert.equal(deserialiseOncePerMessage(moved), false);
        assert.equal(moved.deserializeProperties, undefined);
    });

    it("applies to the SDK the pack's server calls through", () => {
        // The pack's own @pulumi/policy: server.js reads deserialize_1.deserializeProperties at call time.
        const sdk = require("../../policies/node_modules/@pulumi/policy/deserialize");
        assert.equal(typeof sdk.deserializeProperties, "function");
        const server: string = require("fs").readFileSync(require.resolve("../../policies/node_modules/@pulumi/policy/server.js"), "utf8");
        assert.match(server, /deserialize_1\.deserializeProperties\(req\.getProperties\(\)/);
    });
});
