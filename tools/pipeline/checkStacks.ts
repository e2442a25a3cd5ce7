/**
 * The one pipeline every entry point shares (`npm run plan`, `npm run cost`, the benchmarks and the
 * tests): for each stack, get its preview (planned offline, or read from a `pulumi preview --json`
 * file), read it with the one preview reader, check what the stack will hold with the policy pack
 * over the analyzer protocol, and price it before and after the change. The command-line tools
 * only parse flags and print what this returns.
 *
 * The budget policy and the cost report get the same cost inputs (region, usage with any usage
 * file, fixed charges) from the same parsed stack config, so they cannot disagree.
 */
import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { InputError } from "../../core/errors";
import { CostInputs, estimate, PlannedResource } from "../../core/cost/estimator";
import { NO_USAGE, UsageError, withOverrides } from "../../core/cost/usage";
import { PreviewJson, ResourceState, SECRET_MARKER } from "../../core/plan/previewJson";
import { readPreview, ReadPreview, statesAfter, statesBefore } from "../../core/plan/reader";
import { parseStackConfig, StackConfig } from "../../infra/config";
import { costInputsFor, deploysSeed002System, UsageFile } from "../cost/costInputs";
import { EstimatedStack } from "../cost/report";
import type { PlannedStack } from "../offline/planProject";
import { configKeyLine, ProjectInfo, readProject } from "../offline/project";
import { BaseResult, BaseStack, diffPlans, plansAtBase, resolveBase } from "./changePreview";
import { AnalyzerInfo, PolicyPackConfig, PolicyPackProcess } from "../policy/analyzer";
import { allFindings, evaluateStates, fileFinding, Finding, mandatoryCount, PolicyResult, STACK_CONFIG_POLICY } from "../policy/evaluate";
import { policyConfigFor } from "../policy/generateConfig";
import { resourceLocator, stackFallback, toPosix } from "../policy/locations";
import { POLICY_PACK_DIR, policyConfigFileFor, readPolicyConfig, validatePolicyConfig } from "../policy/policyConfig";
import { scanStackConfig, scanStackFile, STACK_FILE_POLICY } from "../policy/stackFileScan";

export const BUDGET_POLICY = "stack-budget-enforce-monthly-limit";

export interface CheckOptions {
    /** Stacks to plan offline (in a project), a `pulumi preview --json` file to read, or previews in memory. */
    source: { project: ProjectInfo; stacks: string[]; base?: string } | { previewFile: string; project?: ProjectInfo } | { previews: PreviewJson[]; project?: ProjectInfo };
    /** A pack the caller started and stops (tests share one); default: the pipeline starts and stops its own. */
    pack?: { process: PolicyPackProcess; info: AnalyzerInfo };
    /** Run the policy pack (default true). */
    policies?: boolean;
    /** Offline plans leave outputs of resources created in the run unknown, as a first real preview does. */
    unknowns?: boolean;
    /** One policy config for every stack, instead of each stack's generated `policies/config/<stack>.json`. */
    policyConfigFile?: string;
    usageFile?: UsageFile;
    /** Region of resources whose provider and config name none (the CLI took it from its machine's environment). */
    region?: string;
    /** Plan the project's stacks as if their `aws:region` were this one (what they would cost there). */
    stackRegion?: string;
    /** How the estimate prices always-on lines and free allowances (`npm run cost -- --pricing/--upfront/--shared-account`). */
    pricing?: Pick<CostInputs, "pricing" | "upfront" | "freeAllowances">;
    /** Called before each stack starts (for progress on a terminal). */
    onStart?: (stack: string, index: number, total: number) => void;
    /** Called as each stack finishes, so a tool can print while the next one runs. */
    onStack?: (check: StackCheck, info?: AnalyzerInfo) => void;
    /** Called when a stack cannot be checked (bad input); the pipeline goes on with the next. */
    onFailure?: (failure: FailedCheck, info?: AnalyzerInfo) => void;
}

/** Everything known about one stack after the pipeline. */
export interface StackCheck {
    stack: string;
    tier?: string;
    preview: PreviewJson;
    /** The preview as the reader understood it: each resource's op, state before and after. */
    read: ReadPreview;
    /** The stack's validated config; absent for a preview of another project. */
    stackConfig?: StackConfig;
    /** Offline plans only: how long the mock engine took. */
    durationMs?: number;
    placeholderSecrets: string[];
    stackFile?: string;
    costInputs: CostInputs;
    /** What the stack costs after the change. */
    cost: EstimatedStack;
    /** What it cost before, when the preview changes a stack that exists (not a first deployment). */
    costBefore?: EstimatedStack;
    /** Absent when the pack was not run. */
    policy?: PolicyResult;
    /** With a base: the base plan checked by the same pack and config, to tell new findings from fixed and still-open ones. */
    basePolicy?: PolicyResult;
    /** With a base: what it was (`main (1a2b3c4d5e6f)`, or a plan file). */
    base?: string;
    /** Things the user should know about how the stack was checked (printed as notes). */
    notes: string[];
}

/** A stack that could not be checked: bad stack config, unreadable or failed preview. */
export interface FailedCheck {
    stack: string;
    error: Error;
    /** The error as findings on the stack file (rule `stack-config-require-valid`), for the CI reports. */
    findings: Finding[];
    /** The same findings as a policy result, when the pack ran (so SARIF, JUnit and Markdown carry them). */
    policy?: PolicyResult;
}

export interface CheckRun {
    checks: StackCheck[];
    /** Stacks that failed with bad input; the others were still checked. */
    failures: FailedCheck[];
    /** The pack's description, when it ran. */
    info?: AnalyzerInfo;
}

/** The config of a preview written by the Pulumi CLI (secret keys show as `[secret]`); undefined when it is not this project's. */
function configOfPreview(preview: PreviewJson): StackConfig | undefined {
    const raw = Object.fromEntries(Object.entries(preview.config ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
    if (!Object.keys(raw).some((k) => k.startsWith("tiered-infra:"))) return undefined;
    return parseStackConfig(raw, new Set(Object.keys(raw).filter((k) => raw[k] === SECRET_MARKER)), { redactedSecrets: true });
}

type Target = { stack: string; base?: () => BaseStack } | { file: string } | { preview: PreviewJson };
type Base = Omit<StackCheck, "costInputs" | "cost" | "costBefore" | "policy" | "basePolicy" | "notes"> & { baseStack?: BaseStack };

function readJson(file: string): PreviewJson {
    try {
        return JSON.parse(fs.readFileSync(file === "-" ? 0 : file, "utf8"));
    } catch (e) {
        throw new InputError(`--preview-json: ${file} is not readable JSON (${(e as Error).message})`);
    }
}

/** The stack file of a previewed stack, when the project holds one (for locations and the stack-file scan). */
function projectIn(dir: string): ProjectInfo | undefined {
    try {
        return readProject(dir);
    } catch {
        return undefined;
    }
}

function stackFileOf(project: ProjectInfo | undefined, stack: string): string | undefined {
    if (!project) return undefined;
    const file = path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    return fs.existsSync(file) ? file : undefined;
}

async function previewOf(project: ProjectInfo | undefined, target: Target, region?: string, unknowns?: boolean, stackRegion?: string): Promise<Base> {
    if ("file" in target || "preview" in target) {
        const doc = "file" in target ? readJson(target.file) : target.preview;
        const read = readPreview(doc, "file" in target ? target.file : "preview", region);
        const stackFile = stackFileOf(project, read.stack);
        return { stack: read.stack, tier: read.tier, preview: doc, read, stackConfig: configOfPreview(doc), placeholderSecrets: [], ...(stackFile ? { stackFile } : {}) };
    }
    // Loaded on first use: it pulls in the program and the provider SDKs (~1 s), and the policy
    // pack should already be starting in its own process by then.
    const { planStack } = require("../offline/planProject") as typeof import("../offline/planProject");
    const run: PlannedStack = await planStack(project!, target.stack, { unknowns, ...(stackRegion ? { region: stackRegion } : {}) });
    const baseStack = target.base?.();
    const preview = baseStack ? diffPlans(baseStack.preview, run.preview) : run.preview;
    return {
        stack: run.stack,
        tier: run.stackConfig.tier,
        preview,
        read: readPreview(preview, `plan of ${run.stack}`, region),
        ...(baseStack ? { baseStack, base: String(baseStack.preview.tieredInfra?.base ?? "base") } : {}),
        stackConfig: run.stackConfig,
        durationMs: run.durationMs,
        placeholderSecrets: run.placeholderSecrets,
        stackFile: run.stackFile,
    };
}

/** Cost inputs of a preview of another project: the region the reader found, usage only from a usage file. */
function foreignCostInputs(stack: string, read: ReadPreview, region: string | undefined, usageFile?: UsageFile): CostInputs {
    let usage = NO_USAGE;
    try {
        for (const key of ["default", stack]) if (usageFile?.sections[key]) usage = withOverrides(usage, usageFile.sections[key], `${usageFile.name}: ${key}`);
    } catch (e) {
        if (e instanceof UsageError) throw new InputError(e.message);
        throw e;
    }
    const configRegion = typeof read.config["aws:region"] === "string" ? (read.config["aws:region"] as string) : undefined;
    return { region: configRegion ?? region ?? "unknown", usage, fixedCharges: [] };
}

/** The cost inputs as the budget policy's config carries them (unknown usage figures left out). */
function budgetInputs(c: CostInputs): Record<string, unknown> {
    const usage = c.usage && Object.fromEntries(Object.entries(c.usage).filter(([, v]) => Number.isFinite(v)));
    return {
        region: c.region,
        ...(usage ? { usage } : {}),
        fixedCharges: c.fixedCharges ?? [],
        ...(c.freeAllowances === false ? { freeAllowances: false } : {}),
        ...(c.resourceUsage ? { resourceUsage: c.resourceUsage } : {}),
    };
}

/**
 * The stack's policy config, with the budget policy's cost inputs set to the ones the cost report
 * uses. A stack without a committed config file (a new stack, before `npm run policy-config`) is
 * checked with the config that command would generate, and the pipeline says so.
 */
function policyConfigOf(check: Base, opts: CheckOptions, info: AnalyzerInfo, costInputs: CostInputs): { config: PolicyPackConfig; file?: string; note?: string } {
    const file = opts.policyConfigFile ?? policyConfigFileFor(check.stack);
    const raw = file ? readPolicyConfig(file) : check.stackConfig ? policyConfigFor(check.stackConfig, costInputs) : {};
    const config = validatePolicyConfig(file ?? `(generated for ${check.stack})`, raw, info);
    const budget = config[BUDGET_POLICY];
    if (budget && typeof budget === "object") config[BUDGET_POLICY] = { ...budget, ...budgetInputs(costInputs) };
    const note = file ? undefined
        : check.stackConfig ? `policies/config/${check.stack}.json does not exist: checked with the config \`npm run policy-config\` would write for it; commit that file`
            : "no policy config for this preview: the pack's defaults apply (give one with --policy-config; the budget gate needs maxMonthlyUsd)";
    return { config, file, note };
}

/** Bad input for one stack (its config, its preview file): reported as findings, and the run goes on. */
function isInputError(e: unknown): e is Error & { problems?: string[] } {
    return e instanceof InputError || (e as Error)?.name === "ConfigError";
}

/** ConfigError problems read `<key>: <what is wrong>`: the key locates the finding in the stack file. */
function problemKey(problem: string): string {
    return /^([A-Za-z0-9_.:[\]-]+): /.exec(problem)?.[1] ?? "";
}

const plannedOf = (states: Array<ResourceState & { region?: string }>): PlannedResource[] =>
    states.map((s) => ({
        urn: s.urn, type: s.type, custom: s.custom, inputs: s.inputs ?? {}, dependencies: s.dependencies,
        // Which input a reference came from: how a replication's ends are found when bucket names are known only at apply.
        ...(s.propertyDependencies ? { propertyDependencies: s.propertyDependencies } : {}),
        ...(s.region ? { region: s.region } : {}),
    }));

type RunningPack = { process: PolicyPackProcess; info: AnalyzerInfo };
let processPack: (() => Promise<RunningPack>) | undefined;

/**
 * Makes every check in this process that is given no pack use the one `provider` returns, instead of
 * starting (~2.5 s of CPU) and stopping a pack of its own. The CLI runs one check per process and
 * never sets it; the test suite runs dozens of CLI `main()`s per process and shares the pack its
 * harness starts per test file (test/rootHooks.ts). The pack reads no stack or project name, and
 * every check configures it for its own stack before analysing.
 */
export function shareOnePolicyPack(provider: (() => Promise<RunningPack>) | undefined): void {
    processPack = provider;
}

export async function checkStacks(opts: CheckOptions): Promise<CheckRun> {
    if (opts.policies !== false && !opts.pack && processPack) return checkStacks({ ...opts, pack: await processPack() });
    const src = opts.source;
    if ("stacks" in src && src.base) resolveBase(src.project.dir, src.base);
    // With a base, every stack's base plan is made in one go (one worktree, one run), when first needed.
    let basePlans: Map<string, BaseResult> | undefined;
    const baseOf = (stack: string) => (): BaseStack => {
        const result = (basePlans ??= plansAtBase(src.project!.dir, (src as { stacks: string[] }).stacks, (src as { base: string }).base, { unknowns: opts.unknowns })).get(stack)!;
        if ("error" in result) throw result.error;
        return result;
    };
    const targets: Target[] = "previewFile" in src ? [{ file: src.previewFile }] : "previews" in src ? src.previews.map((preview) => ({ preview })) : src.stacks.map((stack) => ({ stack, ...(src.base ? { base: baseOf(stack) } : {}) }));
    const firstStack = "stacks" in src ? src.stacks[0] : "preview";
    // A preview read from a file belongs to the project in the working directory, when there is one.
    const project = src.project ?? projectIn(process.cwd());
    const root = project?.dir ?? process.cwd();
    // The pack takes about a second to start: start it now, alongside the first plan.
    const ownPack = opts.policies !== false && !opts.pack;
    const packStart = !ownPack ? undefined : PolicyPackProcess.start(POLICY_PACK_DIR, { project: project?.name ?? "preview", stack: firstStack ?? "preview" });
    packStart?.catch(() => undefined);
    let pack: PolicyPackProcess | undefined = opts.policies === false ? undefined : opts.pack?.process;
    const checks: StackCheck[] = [];
    const failures: FailedCheck[] = [];
    let info: AnalyzerInfo | undefined = opts.policies === false ? undefined : opts.pack?.info;
    const packInfo = async () => {
        if (!pack && !packStart) return undefined;
        pack ??= await packStart!;
        info ??= await pack.info();
        return { pack, info };
    };
    try {
        for (const [i, target] of targets.entries()) {
            const name = "stack" in target ? target.stack : "file" in target ? target.file : "preview";
            opts.onStart?.(name, i, targets.length);
            let base: Base;
            let costInputs: CostInputs;
            try {
                base = await previewOf(project, target, opts.region, opts.unknowns, opts.stackRegion);
                costInputs = {
                    ...(base.stackConfig ? costInputsFor(base.stack, base.stackConfig, opts.usageFile) : foreignCostInputs(base.stack, base.read, opts.region, opts.usageFile)),
                    ...opts.pricing,
                };
            } catch (e) {
                if (!isInputError(e)) throw e;
                const failed = failedCheck(e, target, project, await packInfo());
                failures.push(failed);
                opts.onFailure?.(failed, info);
                continue;
            }
            const notes: string[] = [...base.read.warnings];
            // The stack file's plain-text secrets, recorded in the plan too (a saved plan can then be a base).
            const scanned = base.stackFile ? scanStackFile(base.stackFile) : [];
            const after = statesAfter(base.read);
            let policy: PolicyResult | undefined;
            let basePolicy: PolicyResult | undefined;
            const running = await packInfo();
            if (running) {
                const { config, file, note } = policyConfigOf(base, opts, running.info, costInputs);
                if (note) notes.push(note);
                const fallback = stackFallback(root, base.stackFile, base.stackFile ? configKeyLine(base.stackFile, "config") : 1);
                const stackFileFindings = scanned.map((f) => fileFinding(STACK_FILE_POLICY, "critical", `${f.path} ${f.message}`, { file: fallback.file, line: configKeyLine(base.stackFile!, f.path) }));
                const configFile = file && toPosix(path.relative(root, path.resolve(file)));
                const locate = resourceLocator(base.preview, root, fallback);
                policy = await evaluateStates(running.pack, running.info, base.stack, after, config, configFile, locate, stackFileFindings);
                if (base.baseStack) {
                    const baseAfter = statesAfter(readPreview(base.baseStack.preview, `base plan of ${base.stack}`, opts.region));
                    const baseFile = base.baseStack.stackFile;
                    const baseScan = baseFile ? scanStackConfig(baseFile.path, YAML.parse(baseFile.text)) : base.baseStack.stackFileFindings ?? [];
                    const baseFileFindings = baseScan.map((f) => fileFinding(STACK_FILE_POLICY, "critical", `${f.path} ${f.message}`, { file: fallback.file, line: 1 }));
                    basePolicy = await evaluateStates(running.pack, running.info, base.stack, baseAfter, config, configFile, locate, baseFileFindings);
                }
            }
            const estimated = (states: Array<ResourceState & { region?: string }>): EstimatedStack => ({
                ...estimate(plannedOf(states), { stack: base.stack, tier: base.tier, ...costInputs }),
                seedSystem: base.stackConfig ? deploysSeed002System(base.stackConfig) : false,
            });
            const cost = estimated(after);
            const changesExisting = base.read.changes.some((c) => c.before !== undefined && c.type !== "pulumi:pulumi:Stack");
            const costBefore = changesExisting ? estimated(statesBefore(base.read)) : undefined;
            base.preview.tieredInfra = {
                ...(base.preview.tieredInfra ?? {}),
                ...(policy && info ? { policy: { pack: info.name, version: info.version, configFile: policy.configFile, mandatory: mandatoryCount(policy), findings: allFindings(policy) } } : {}),
                cost: { region: cost.region, totalMonthlyCost: cost.totalMonthlyCost, complete: cost.complete, currency: "USD" },
                ...(base.stackFile ? { stackFileFindings: scanned.map((f) => ({ path: f.path, message: f.message })) } : {}),
            };
            const { baseStack: _baseStack, ...fields } = base;
            const check: StackCheck = { ...fields, costInputs, cost, costBefore, policy, basePolicy, notes };
            checks.push(check);
            opts.onStack?.(check, info);
        }
        return { checks, failures, info };
    } finally {
        if (ownPack) {
            if (!pack && packStart) pack = await packStart.catch(() => undefined);
            await pack?.stop();
        }
    }
}

/** A stack whose input did not validate: its problems as findings on the stack file, so CI reports show them. */
function failedCheck(e: Error & { problems?: string[] }, target: Target, project: ProjectInfo | undefined, running: { info: AnalyzerInfo } | undefined): FailedCheck {
    const stack = "stack" in target ? target.stack : "file" in target ? path.basename(target.file) : "preview";
    const root = project?.dir ?? process.cwd();
    let stackFile: string | undefined;
    if ("stack" in target && project) {
        const candidate = path.join(project.stackConfigDir, `Pulumi.${target.stack}.yaml`);
        if (fs.existsSync(candidate)) stackFile = candidate;
    }
    const fallback = stackFallback(root, stackFile, stackFile ? configKeyLine(stackFile, "config") : 1);
    const problems = e.problems?.length ? e.problems : [e.message];
    const findings = problems.map((p) => fileFinding(STACK_CONFIG_POLICY, "high", p, { file: fallback.file, line: stackFile && problemKey(p) ? configKeyLine(stackFile, problemKey(p)) : fallback.line }));
    const policy: PolicyResult | undefined = running ? { stack, packName: running.info.name, packVersion: running.info.version, findings } : undefined;
    return { stack, error: e, findings, policy };
}
