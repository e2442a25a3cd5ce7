/**
 * The pack's CrossGuard policies called in process, the way @pulumi/policy's server calls them
 * (server.js makeAnalyzeRpcFun / makeAnalyzeStackRpcFun): props wrapped in the SDK's own
 * `unknownCheckingProxy`, an UnknownValueError turned into the same advisory "can't run" note,
 * policies in pack order. Thousands of variants per second, for sweeps the gRPC round trip would
 * make slow; test/policies/pack.test.ts checks the same cases over gRPC.
 */
import { beginAnalysis, toPulumiPolicies } from "../../policies/pack";
import { ALL_POLICIES } from "../../policies/registry";
import { ResourceState, UNKNOWN_MARKER } from "../../core/plan/previewJson";
import { urnName } from "../../core/plan/urn";
import { PolicyPackConfig } from "../../tools/policy/analyzer";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy");

export interface Note {
    policyName: string;
    message: string;
    level: "mandatory" | "advisory";
}

const policies = toPulumiPolicies(ALL_POLICIES) as any[];
const defs = new Map(ALL_POLICIES.map((d) => [d.name, d]));

function levelOf(name: string, config: PolicyPackConfig, fallback: string): string {
    const c = config[name];
    return (typeof c === "string" ? c : (c?.enforcementLevel as string | undefined)) ?? fallback;
}

function propsOf(config: PolicyPackConfig, name: string): Record<string, unknown> {
    const c = config[name];
    if (!c || typeof c === "string") return {};
    const { enforcementLevel: _ignored, ...rest } = c;
    return rest;
}

/** The config of the latest run: as in the server, a policy's getConfig always reads the current config. */
let current: PolicyPackConfig = {};

/** Runs every policy of the pack on `states` (Analyze per resource, then AnalyzeStack when `stack`). */
export function evaluateInProcess(states: ResourceState[], config: PolicyPackConfig = {}, stack = states.length > 1): Note[] {
    current = config;
    const notes: Note[] = [];
    const copy = (v: unknown) => JSON.parse(JSON.stringify(v ?? {}));
    const run = (p: any, fn: () => void) => {
        try {
            fn();
        } catch (e) {
            if (e instanceof UnknownValueError) notes.push({ policyName: p.name, message: `can't run policy '${p.name}' during preview: ${(e as Error).message}`, level: "advisory" });
            else throw e;
        }
    };
    beginAnalysis(policies);
    for (const s of states) {
        for (const p of policies) {
            const level = levelOf(p.name, config, p.enforcementLevel);
            if (level === "disabled" || !p.validateResource) continue;
            const report = (message: string) => notes.push({ policyName: p.name, message, level: level as Note["level"] });
            const args = { type: s.type, urn: s.urn, name: urnName(s.urn), props: unknownCheckingProxy(copy(s.inputs)), getConfig: () => propsOf(current, p.name) };
            run(p, () => p.validateResource(args, report));
        }
    }
    if (stack) {
        const resources = states.map((s) => ({ type: s.type, urn: s.urn, name: urnName(s.urn), props: unknownCheckingProxy(copy(s.inputs)), dependencies: [] as any[], propertyDependencies: {} as Record<string, any[]> }));
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        states.forEach((s, i) => {
            resources[i].dependencies = (s.dependencies ?? []).map((u) => byUrn.get(u)).filter(Boolean);
            for (const [k, urns] of Object.entries(s.propertyDependencies ?? {})) resources[i].propertyDependencies[k] = urns.map((u) => byUrn.get(u)).filter(Boolean);
        });
        for (const p of policies) {
            const level = levelOf(p.name, config, p.enforcementLevel);
            if (level === "disabled" || !p.validateStack) continue;
            const report = (message: string) => notes.push({ policyName: p.name, message, level: level as Note["level"] });
            run(p, () => p.validateStack({ resources, getConfig: () => propsOf(current, p.name) }, report));
        }
    }
    return notes;
}

/** Whether a policy is a stack policy. */
export const isStackPolicy = (name: string) => defs.get(name)?.kind === "stack";

/** Every path of a value: its objects, arrays and leaves. */
export function paths(v: unknown, prefix: string[] = []): string[][] {
    if (v === null || typeof v !== "object") return prefix.length ? [prefix] : [];
    const own = prefix.length ? [prefix] : [];
    return [...own, ...Object.entries(v as object).filter(([, x]) => x !== undefined).flatMap(([k, x]) => paths(x, [...prefix, k]))];
}

export function withUnknown(inputs: Record<string, unknown>, path: string[]): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(inputs));
    let o = copy;
    for (const k of path.slice(0, -1)) o = o[k];
    o[path[path.length - 1]] = UNKNOWN_MARKER;
    return copy;
}

/** Each variant of `states` with one node of one resource unknown. */
export function* unknownVariants(states: ResourceState[]): Generator<{ states: ResourceState[]; where: string }> {
    for (const [i, s] of states.entries()) {
        for (const p of paths(s.inputs)) {
            const changed = states.map((x, j) => (j === i ? { ...x, inputs: withUnknown(x.inputs, p) } : x));
            yield { states: changed, where: `${s.type.split(":").pop()}#${i} ${p.join(".")}` };
        }
    }
}


