import { strict as assert } from "assert";
import { listStacks } from "../../tools/offline/stackFiles";
import { planShippedStack, project } from "../harness";
import { kubernetesObjects, validateKubernetesObject } from "../k8sModels";

describe("program", () => {
    it("exports what a user needs: cluster name, kubeconfig (secret), app endpoint", async () => {
        const outputs = (await planShippedStack("medium")).outputs;
        assert.equal(outputs.clusterName, "web-medium");
        assert.equal(outputs.kubeconfig, "[secret]");
        assert.match(String(outputs.appServiceEndpoint), /^http:\/\/internal-.+\.elb\.amazonaws\.com$/);
        assert.equal(outputs.appInternalUrl, "http://web.web.svc.cluster.local");
    });

    it("emits Kubernetes objects that validate against the official OpenAPI models, in every stack", async () => {
        for (const stack of listStacks(project)) {
            const objects = kubernetesObjects((await planShippedStack(stack)).preview.steps);
            assert.ok(objects.length >= 5, `${stack}: ${objects.length} objects`);
            for (const { urn, object } of objects) {
                try {
                    validateKubernetesObject(object);
                } catch (e) {
                    assert.fail(`${urn}: ${(e as Error).message}`);
                }
            }
        }
    });

    it("catches an invalid object (the validation is not vacuous)", () => {
        assert.throws(() => validateKubernetesObject({ apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", spec: { minReplicas: "three" } }));
    });
});
