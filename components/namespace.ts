import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/**
 * A namespace that enforces the Pod Security Standards' `restricted` profile, so a workload that
 * asks for root, privilege escalation or host access is rejected by the API server itself.
 */
export function restrictedNamespace(name: string, opts: pulumi.CustomResourceOptions): k8s.core.v1.Namespace {
    return new k8s.core.v1.Namespace(name, {
        metadata: {
            name,
            labels: {
                "pod-security.kubernetes.io/enforce": "restricted",
                "pod-security.kubernetes.io/enforce-version": "latest",
                "pod-security.kubernetes.io/warn": "restricted",
            },
        },
    }, opts);
}
