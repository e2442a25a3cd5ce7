import { strict as assert } from "assert";
import { planShippedStack, resourcesOf } from "../harness";

describe("restrictedNamespace", () => {
    it("enforces the restricted Pod Security Standard on the app's namespace", async () => {
        const ns = resourcesOf(await planShippedStack("medium")).one("kubernetes:core/v1:Namespace").inputs;
        assert.equal(ns.metadata.name, "web");
        assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    });
});
