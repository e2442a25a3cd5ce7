/**
 * What a policy is, independent of the CrossGuard SDK: metadata as data and a pure check.
 * `pack.ts` turns these into @pulumi/policy policies (adding config defaults and waivers), so the
 * checks can be read and unit-tested without starting a policy server.
 */
import { isUnknown, UNKNOWN_MARKER } from "../core/plan/unknown";

export type Severity = "low" | "medium" | "high" | "critical";
export type EnforcementLevel = "advisory" | "mandatory" | "disabled";
export type Concern = "secrets" | "cors" | "retention" | "encryption" | "exposure" | "resilience" | "workloads" | "cost" | "governance" | "observability";

/** A JSON-schema property of a policy's config, with its default (the CLI validates config against it). */
export interface ConfigProperty {
    type: "integer" | "number" | "boolean" | "string" | "array" | "object";
    description: string;
    default?: unknown;
    minimum?: number;
    maximum?: number;
    items?: Record<string, unknown>;
    enum?: unknown[];
    properties?: Record<string, unknown>;
    required?: string[];
    additionalProperties?: boolean;
}

/**
 * A resource as policies see it: its inputs at preview, plain data. A value the engine will only
 * know at apply is `UNKNOWN_MARKER` (test it with `isUnknown`, re-exported below); it can stand for
 * any value, object or array, at any depth.
 */
export interface Subject {
    type: string;
    urn: string;
    name: string;
    props: Record<string, any>;
}

/** A resource as stack policies see it: with its dependencies (URNs), per-property dependencies and parent. */
export interface StackSubject extends Subject {
    dependencies: string[];
    /** URNs each input depends on, by top-level property (`bucket` -> the bucket's URN): how to link resources whose references are unknown. */
    propertyDependencies: Record<string, string[]>;
    parent?: string;
    /** The region of the resource's provider, as the engine describes the provider (unset when unknown or not AWS). */
    providerRegion?: string;
}

export { isUnknown, UNKNOWN_MARKER };

/**
 * What a check could not judge at preview: the input at `path` is unknown and decides the verdict.
 * Reported once per resource and policy as an advisory "decided at apply: <paths>" note; it never
 * blocks and never hides a violation the check found elsewhere.
 */
export interface Undecided {
    undecided: string;
}

export const undecided = (path: string): Undecided => ({ undecided: path });

/** A check's result: violation messages and what it could not judge yet. */
export type Finding = string | Undecided;

export function isUndecided(f: unknown): f is Undecided {
    return typeof f === "object" && f !== null && typeof (f as Undecided).undecided === "string";
}

interface PolicyBase {
    /** Stable kebab-case name saying what the policy demands. */
    name: string;
    description: string;
    severity: Severity;
    /** Default level; `mandatory` for what must block a deployment. */
    enforcementLevel: Exclude<EnforcementLevel, "disabled">;
    concern: Concern;
    /** The seed document or standard the rule comes from. */
    source: string;
    /** What to change to comply. */
    remediation: string;
    /** Thresholds and switches, with defaults and reasons. */
    config?: Record<string, ConfigProperty>;
}

export interface ResourcePolicyDefinition<C = any> extends PolicyBase {
    kind: "resource";
    /** Resource type tokens the policy reads; others are not applicable. */
    resourceTypes: readonly string[];
    /** Violation messages for one resource (empty when it complies), and what it could not judge. */
    check(resource: Subject, config: C): Finding[];
}

export type StackFinding = { urn?: string; message: string } | { urn: string; undecided: string };

export interface StackPolicyDefinition<C = any> extends PolicyBase {
    kind: "stack";
    /** The one resource type the policy is about, when it has nothing to say without one (the server then skips it cheaply). */
    subjectType?: string;
    checkStack(resources: StackSubject[], config: C): StackFinding[];
}

export type PolicyDefinition = ResourcePolicyDefinition | StackPolicyDefinition;

/** Config with every property's default filled in. */
export function withDefaults<C>(def: PolicyBase, config: Record<string, unknown> | undefined): C {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(def.config ?? {})) if (p.default !== undefined) out[k] = p.default;
    return { ...out, ...(config ?? {}) } as C;
}

/** Shared config property: whether the stack is production (stricter rules apply). */
export const PRODUCTION_CONFIG: Record<string, ConfigProperty> = {
    production: { type: "boolean", default: true, description: "The stack is production: data-protection and availability minimums apply." },
};
