/**
 * One policy-pack process for the whole test run, started exactly as the Pulumi CLI starts it and
 * driven over the analyzer gRPC protocol, so every policy test goes through the real server code.
 */
import { ResourceState } from "../core/plan/previewJson";
import { AnalyzerInfo, Diagnostic, PolicyPackConfig, PolicyPackProcess } from "../tools/policy/analyzer";
import { POLICY_PACK_DIR, validatePolicyConfig } from "../tools/policy/policyConfig";

let started: Promise<{ pack: PolicyPackProcess; info: AnalyzerInfo }> | undefined;

export function policyPack(): Promise<{ pack: PolicyPackProcess; info: AnalyzerInfo }> {
    started ??= (async () => {
        // tools/build.js keeps the pack's bundle current before the process loads it (policies/main.js).
        const pack = await PolicyPackProcess.start(POLICY_PACK_DIR, { project: "tiered-infra", stack: "test" });
        return { pack, info: await pack.info() };
    })();
    return started;
}

/** Stops the pack if a test started it (test/rootHooks.ts: after the run, or after each file in parallel mode). */
export async function stopPolicyPack(): Promise<void> {
    const running = started;
    started = undefined;
    if (running) await (await running).pack.stop();
}

export async function configure(config: PolicyPackConfig = {}): Promise<PolicyPackProcess> {
    const { pack, info } = await policyPack();
    await pack.configure(validatePolicyConfig("(test)", config, info));
    return pack;
}

let counter = 0;
/** A resource state as the engine would send it. */
export function state(type: string, inputs: Record<string, unknown>, extra: Partial<ResourceState> = {}): ResourceState {
    const name = extra.urn?.split("::").pop() ?? `r${++counter}`;
    return { urn: `urn:pulumi:test::tiered-infra::${type}::${name}`, type, custom: true, inputs, ...extra };
}

export async function analyze(s: ResourceState, config: PolicyPackConfig = {}): Promise<Diagnostic[]> {
    return (await configure(config)).analyze(s);
}

export async function analyzeStack(states: ResourceState[], config: PolicyPackConfig = {}): Promise<Diagnostic[]> {
    return (await configure(config)).analyzeStack(states);
}

export function messagesOf(ds: Diagnostic[], policy: string): string[] {
    return ds.filter((d) => d.policyName === policy).map((d) => d.message);
}
