/**
 * Policy evaluation throughput on synthetic stacks of 1k, 10k and 50k resources (copies of the
 * small tier's real resources with unique URNs), measured two ways in one run:
 * - over the analyzer gRPC protocol: the pack started as the CLI starts it, Analyze per resource
 *   (32 in flight) then AnalyzeStack;
 * - in process: the same CrossGuard policies called directly, no serialisation.
 * Targets: at least 5,000 resources/s over gRPC, and time per resource flat as the stack grows.
 */
import * as path from "path";
import { toPulumiPolicies } from "../policies/pack";
import { ALL_POLICIES } from "../policies/registry";
import { runStack } from "../tools/offline/engine";
import { ResourceState } from "../core/plan/previewJson";
import { readProject, readStackConfig } from "../tools/offline/project";
import { PolicyPackProcess } from "../tools/policy/analyzer";
import { readPreview, statesAfter } from "../core/plan/reader";
import { POLICY_PACK_DIR, readPolicyConfig, validatePolicyConfig } from "../tools/policy/policyConfig";
import { deploy } from "../infra/program";

const ROOT = path.resolve(__dirname, "..");

async function baseStates(): Promise<ResourceState[]> {
    const project = readProject(ROOT);
    const file = readStackConfig(project, "small");
    const run = await runStack({ project: project.name, stack: "small", region: "us-east-1", config: file.config, secretKeys: file.secretKeys, program: deploy });
    return statesAfter(readPreview(run.preview, "bench"));
}

/** `n` resources: the real ones repeated, each copy with its own URNs (and dependencies rewritten to match). */
function synthetic(base: ResourceState[], n: number): ResourceState[] {
    const out: ResourceState[] = [];
    for (let copy = 0; out.length < n; copy++) {
        const rename = (urn: string) => `${urn}-${copy}`;
        for (const s of base) {
            if (out.length === n) break;
            out.push({ ...s, urn: rename(s.urn), parent: s.parent && rename(s.parent), dependencies: (s.dependencies ?? []).map(rename) });
        }
    }
    return out;
}

async function overGrpc(pack: PolicyPackProcess, states: ResourceState[]) {
    const t0 = process.hrtime.bigint();
    const results = await Promise.all([...Array(32)].map(async (_, w) => {
        let n = 0;
        for (let i = w; i < states.length; i += 32) n += (await pack.analyze(states[i])).length;
        return n;
    }));
    const t1 = process.hrtime.bigint();
    await pack.analyzeStack(states);
    const t2 = process.hrtime.bigint();
    return { analyzeMs: Number(t1 - t0) / 1e6, stackMs: Number(t2 - t1) / 1e6, diagnostics: results.reduce((a, b) => a + b, 0) };
}

function inProcess(states: ResourceState[]) {
    const policies = toPulumiPolicies(ALL_POLICIES) as any[];
    const noop = () => undefined;
    const t0 = process.hrtime.bigint();
    for (const s of states) {
        const args = { type: s.type, urn: s.urn, name: s.urn.split("::").pop(), props: s.inputs, getConfig: () => ({}) };
        for (const p of policies) p.validateResource?.(args, noop);
    }
    const t1 = process.hrtime.bigint();
    const resources = states.map((s) => ({ type: s.type, urn: s.urn, name: s.urn.split("::").pop(), props: s.inputs, dependencies: (s.dependencies ?? []).map((urn) => ({ urn })) }));
    for (const p of policies) p.validateStack?.({ resources, getConfig: () => ({}) }, noop);
    const t2 = process.hrtime.bigint();
    return { analyzeMs: Number(t1 - t0) / 1e6, stackMs: Number(t2 - t1) / 1e6 };
}

export async function benchPolicies(sizes = [1_000, 10_000, 50_000]): Promise<void> {
    const base = await baseStates();
    const pack = await PolicyPackProcess.start(POLICY_PACK_DIR, { project: "tiered-infra", stack: "bench" });
    try {
        const info = await pack.info();
        const file = path.join(POLICY_PACK_DIR, "config", "small.json");
        await pack.configure(validatePolicyConfig(file, readPolicyConfig(file), info));
        const floor = await pack.emptyCallRate(5000);
        console.log(`policy evaluation, ${info.policies.length} policies, synthetic stacks from the small tier's ${base.length} resources`);
        console.log(`  gRPC floor (empty GetPluginInfo calls, 32 in flight): ${floor.toFixed(0)} calls/s`);
        console.log("  resources   gRPC analyze   gRPC stack   gRPC res/s   us/res   |  in-proc res/s   us/res");
        const perResource: number[] = [];
        const rates: number[] = [];
        for (const n of sizes) {
            const states = synthetic(base, n);
            const g = await overGrpc(pack, states);
            const p = inProcess(states);
            const gTotal = g.analyzeMs + g.stackMs;
            const pTotal = p.analyzeMs + p.stackMs;
            perResource.push((gTotal * 1000) / n);
            rates.push(n / (gTotal / 1000));
            console.log(`  ${String(n).padStart(9)}   ${g.analyzeMs.toFixed(0).padStart(9)} ms   ${g.stackMs.toFixed(0).padStart(7)} ms   ${(n / (gTotal / 1000)).toFixed(0).padStart(10)}   ${((gTotal * 1000) / n).toFixed(0).padStart(6)}   |  ${(n / (pTotal / 1000)).toFixed(0).padStart(13)}   ${((pTotal * 1000) / n).toFixed(1).padStart(6)}`);
        }
        console.log(`  gRPC throughput is ${(rates[rates.length - 1] / floor).toFixed(2)}x the protocol floor; target 5,000 res/s: ${Math.min(...rates) >= 5000 ? "met" : "MISSED"}`);
        console.log(`  growth: time per resource at ${sizes[sizes.length - 1]} is ${(perResource[perResource.length - 1] / perResource[0]).toFixed(2)}x that at ${sizes[0]} (1.00x = linear)`);
    } finally {
        await pack.stop();
    }
}

if (require.main === module) benchPolicies().catch((e) => { console.error(e); process.exit(1); });
