import { strict as assert } from "assert";
import { planShippedStack, resourcesOf } from "../harness";

describe("restrictedNamespace", () => {
    it("enforces the restricted Pod Security Standard on the app's namespace", async () => {
        const namespaces = resourcesOf(await planShippedStack("medium"));
        const ns = namespaces.one("kubernetes:core/v1:Namespace", "web").inputs;
        assert.equal(ns.metadata.name, "web");
        assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
        // The observability tools (kube-state-metrics) run under the same profile.
        assert.equal(namespaces.one("kubernetes:core/v1:Namespace", "observability").inputs.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    });
});
