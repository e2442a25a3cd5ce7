/** What the policy server hands a policy, built for in-process rule tests: one resource, or one of a stack's. */
import { StackSubject, Subject } from "../../../policies/definitions";

export const testUrn = (type: string, name: string) => `urn:pulumi:test::tiered-infra::${type}::${name}`;

/** A resource as a resource policy sees it. */
export const resourceSubject = (type: string, props: Record<string, any>, name = "x"): Subject => ({ type, urn: testUrn(type, name), name, props }) as Subject;

/** A resource as a stack policy sees it: no dependencies unless `extra` gives them. */
export const stackSubject = (type: string, name: string, props: Record<string, any> = {}, extra: Partial<StackSubject> = {}): StackSubject =>
    ({ type, urn: testUrn(type, name), name, props, dependencies: [], propertyDependencies: {}, ...extra });
