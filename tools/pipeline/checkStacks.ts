/**
 * The one pipeline every entry point shares (`npm run plan`, `npm run cost`, the benchmarks and the
 * tests): for each stack, get its preview (planned offline, or read from a `pulumi preview --json`
 * file), check it with the policy pack over the analyzer protocol, and price it. The command-line
 * tools only parse flags and print what this returns.
 *
 * The budget policy and the cost report get the same cost inputs (region, usage with any usage
 * file, fixed charges) from the same parsed stack config, so they cannot disagree.
 */
import * as path from "path";
import { CostInputs, estimate } from "../../core/cost/estimator";
import { analyzableStates, PreviewJson, SECRET_MARKER } from "../../core/plan/previewJson";
import { previewInMemory, readPreviewFile } from "../../core/plan/readPreview";
import { parseStackConfig, StackConfig } from "../../infra/config";
import { costInputsFor, deploysSeed002System, UsageFile } from "../cost/costInputs";
import { EstimatedStack } from "../cost/report";
import type { PlannedStack } from "../offline/planProject";
import { ProjectInfo } from "../offline/project";
import { AnalyzerInfo, PolicyPackConfig, PolicyPackProcess } from "../policy/analyzer";
import { allFindings, evaluatePreview, mandatoryCount, PolicyResult } from "../policy/evaluate";
import { POLICY_PACK_DIR, policyConfigFileFor, readPolicyConfig, validatePolicyConfig } from "../policy/policyConfig";
import { scanStackFile } from "../policy/stackFileScan";

export const BUDGET_POLICY = "stack-budget-enforce-monthly-limit";

export interface CheckOptions {
    /** Stacks to plan offline (in a project), a `pulumi preview --json` file to read, or previews in memory. */
    source: { project: ProjectInfo; stacks: string[] } | { previewFile: string; project?: ProjectInfo } | { previews: PreviewJson[]; project?: ProjectInfo };
    /** A pack the caller started and stops (tests share one); default: the pipeline starts and stops its own. */
    pack?: { process: PolicyPackProcess; info: AnalyzerInfo };
    /** Run the policy pack (default true). */
    policies?: boolean;
    /** Offline plans leave outputs of resources created in the run unknown, as a first real preview does. */
    unknowns?: boolean;
    /** One policy config for every stack, instead of each stack's generated `policies/config/<stack>.json`. */
    policyConfigFile?: string;
    usageFile?: UsageFile;
    /** Called before each stack starts (for progress on a terminal). */
    onStart?: (stack: string, index: number, total: number) => void;
    /** Called as each stack finishes, so a tool can print while the next one runs. */
    onStack?: (check: StackCheck, info?: AnalyzerInfo) => void;
}

/** Everything known about one stack after the pipeline. */
export interface StackCheck {
    stack: string;
    tier?: string;
    preview: PreviewJson;
    stackConfig: StackConfig;
    /** Offline plans only: how long the mock engine took. */
    durationMs?: number;
    placeholderSecrets: string[];
    stackFile?: string;
    costInputs: CostInputs;
    cost: EstimatedStack;
    /** Absent when the pack was not run. */
    policy?: PolicyResult;
}

export interface CheckRun {
    checks: StackCheck[];
    /** The pack's description, when it ran. */
    info?: AnalyzerInfo;
}

/** The config of a preview written by the Pulumi CLI: secret keys show as `[secret]`. */
function configOfPreview(preview: PreviewJson): StackConfig {
    const raw = Object.fromEntries(Object.entries(preview.config ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
    return parseStackConfig(raw, new Set(Object.keys(raw).filter((k) => raw[k] === SECRET_MARKER)), { redactedSecrets: true });
}

type Target = { stack: string } | { file: string } | { preview: PreviewJson };

async function previewOf(project: ProjectInfo | undefined, stackOrFile: Target, unknowns?: boolean): Promise<Omit<StackCheck, "costInputs" | "cost" | "policy">> {
    if ("file" in stackOrFile || "preview" in stackOrFile) {
        const p = "file" in stackOrFile ? readPreviewFile(stackOrFile.file) : previewInMemory(stackOrFile.preview);
        return { stack: p.stack, tier: p.tier, preview: p.preview, stackConfig: configOfPreview(p.preview), placeholderSecrets: [] };
    }
    // Loaded on first use: it pulls in the program and the provider SDKs (~1 s), and the policy
    // pack should already be starting in its own process by then.
    const { planStack } = require("../offline/planProject") as typeof import("../offline/planProject");
    const run: PlannedStack = await planStack(project!, stackOrFile.stack, { unknowns });
    return {
        stack: run.stack,
        tier: run.stackConfig.tier,
        preview: run.preview,
        stackConfig: run.stackConfig,
        durationMs: run.durationMs,
        placeholderSecrets: run.placeholderSecrets,
        stackFile: run.stackFile,
    };
}

/** The stack's policy config, with the budget policy's cost inputs set to the ones the cost report uses. */
function policyConfigOf(check: { stack: string }, opts: CheckOptions, info: AnalyzerInfo, costInputs: CostInputs): { config: PolicyPackConfig; file?: string } {
    const file = opts.policyConfigFile ?? policyConfigFileFor(check.stack);
    const config = validatePolicyConfig(file ?? "(defaults)", file ? readPolicyConfig(file) : {}, info);
    const budget = config[BUDGET_POLICY];
    if (budget && typeof budget === "object") {
        config[BUDGET_POLICY] = { ...budget, region: costInputs.region, ...(costInputs.usage ? { usage: costInputs.usage } : {}), fixedCharges: costInputs.fixedCharges ?? [] };
    }
    return { config, file };
}

export async function checkStacks(opts: CheckOptions): Promise<CheckRun> {
    const src = opts.source;
    const targets: Target[] = "previewFile" in src ? [{ file: src.previewFile }] : "previews" in src ? src.previews.map((preview) => ({ preview })) : src.stacks.map((stack) => ({ stack }));
    const firstStack = "stacks" in src ? src.stacks[0] : "preview";
    const project = src.project;
    // The pack takes about a second to start: start it now, alongside the first plan.
    const ownPack = opts.policies !== false && !opts.pack;
    const packStart = !ownPack ? undefined : PolicyPackProcess.start(POLICY_PACK_DIR, { project: project?.name ?? "preview", stack: firstStack ?? "preview" });
    packStart?.catch(() => undefined);
    let pack: PolicyPackProcess | undefined = opts.policies === false ? undefined : opts.pack?.process;
    const checks: StackCheck[] = [];
    let info: AnalyzerInfo | undefined = opts.policies === false ? undefined : opts.pack?.info;
    try {
        for (const [i, target] of targets.entries()) {
            opts.onStart?.("stack" in target ? target.stack : "file" in target ? target.file : "preview", i, targets.length);
            const base = await previewOf(project, target, opts.unknowns);
            const costInputs = costInputsFor(base.stack, base.stackConfig, opts.usageFile);
            let policy: PolicyResult | undefined;
            if (pack || packStart) {
                pack ??= await packStart!;
                info ??= await pack.info();
                const { config, file } = policyConfigOf(base, opts, info, costInputs);
                const stackFileFindings = base.stackFile ? scanStackFile(base.stackFile) : [];
                policy = await evaluatePreview(pack, info, base.stack, base.preview, config, file && path.relative(project?.dir ?? process.cwd(), file), stackFileFindings);
            }
            const cost: EstimatedStack = {
                ...estimate(analyzableStates(base.preview), { stack: base.stack, tier: base.tier, ...costInputs }),
                seedSystem: deploysSeed002System(base.stackConfig),
            };
            base.preview.tieredInfra = {
                ...(base.preview.tieredInfra ?? {}),
                ...(policy && info ? { policy: { pack: info.name, version: info.version, configFile: policy.configFile, mandatory: mandatoryCount(policy), findings: allFindings(policy) } } : {}),
                cost: { region: cost.region, totalMonthlyCost: cost.totalMonthlyCost, currency: "USD" },
            };
            const check: StackCheck = { ...base, costInputs, cost, policy };
            checks.push(check);
            opts.onStack?.(check, info);
        }
        return { checks, info };
    } finally {
        if (ownPack) {
            if (!pack && packStart) pack = await packStart.catch(() => undefined);
            await pack?.stop();
        }
    }
}
