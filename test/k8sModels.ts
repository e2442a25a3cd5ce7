/**
 * Validates Kubernetes objects from a plan against the official OpenAPI models
 * (`kubernetes-models`, generated from the Kubernetes OpenAPI spec).
 */
import { PreviewStep } from "../core/plan/previewJson";

export interface K8sObject {
    apiVersion: string;
    kind: string;
    [key: string]: unknown;
}

/** API groups of custom resources we create (from operators' CRDs), which the core models do not cover. */
const CUSTOM_RESOURCE_GROUPS = ["external-secrets.io"];

/** Kubernetes objects of the core APIs registered in a plan (custom resources and Helm releases excluded). */
export function kubernetesObjects(steps: PreviewStep[]): Array<{ urn: string; object: K8sObject }> {
    const isCustom = (type: string) => type.startsWith("kubernetes:helm.sh/") || CUSTOM_RESOURCE_GROUPS.some((g) => type.startsWith(`kubernetes:${g}/`));
    return steps
        .filter((s) => s.newState?.custom && s.newState.type.startsWith("kubernetes:") && !isCustom(s.newState.type))
        .map((s) => ({ urn: s.urn, object: s.newState!.inputs as K8sObject }));
}

/** Throws the model's validation error for an invalid object. */
export function validateKubernetesObject(object: K8sObject): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const models = require(`kubernetes-models/${object.apiVersion}`) as Record<string, new (o: unknown) => { validate(): void }>;
    const Model = models[object.kind];
    if (!Model) throw new Error(`no kubernetes-models class for ${object.apiVersion} ${object.kind}`);
    new Model(object).validate();
}
