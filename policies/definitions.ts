/**
 * What a policy is, independent of the CrossGuard SDK: metadata as data and a pure check.
 * `pack.ts` turns these into @pulumi/policy policies (adding config defaults and waivers), so the
 * checks can be read and unit-tested without starting a policy server.
 */

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

/** A resource as policies see it (inputs at preview). */
export interface Subject {
    type: string;
    urn: string;
    name: string;
    props: Record<string, any>;
}

/** A resource as stack policies see it: with its dependencies and parent. */
export interface StackSubject extends Subject {
    dependencies: string[];
    parent?: string;
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
    /** Violation messages for one resource (empty when it complies). */
    check(resource: Subject, config: C): string[];
}

export interface StackFinding {
    urn?: string;
    message: string;
}

export interface StackPolicyDefinition<C = any> extends PolicyBase {
    kind: "stack";
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
