/**
 * `npm run plan`: previews stacks offline (no Pulumi CLI, no cloud account) by running the
 * unchanged program under Pulumi's mock runtime, then checks every planned resource with the
 * policy pack, started and driven exactly as `pulumi preview --policy-pack policies` does.
 *
 * Exit codes: 0 clean; 1 gate failure (mandatory policy violation or budget); 2 bad input
 * (flags, stack files, stack config, policy config); 3 internal error.
 */
import { Command, Option } from "commander";
import { EXIT, parseArgs, reportError } from "./support/common";
import * as fs from "fs";
import * as path from "path";
import { estimatePreview } from "../cost/estimateStack";
import { StackCost } from "../cost/estimator";
import { scanStackFile, StackFileFinding } from "../../policies/stackFiles";
import type { PlannedStack } from "../offline/planProject";
import { PreviewJson, readPreviewFile } from "../offline/previewJson";
import { countByType, renderTree } from "../offline/render";
import { InputError, listStacks, ProjectInfo, readProject } from "../offline/stackFiles";
import { AnalyzerInfo, PolicyPackProcess } from "../policy/analyzer";
import { allFindings, evaluatePreview, mandatoryCount, PolicyResult } from "../policy/evaluate";
import { POLICY_PACK_DIR, policyConfigFileFor, readPolicyConfig, validatePolicyConfig } from "../policy/policyConfig";
import { junitReport, markdownReport, sarifReport, textReport } from "../policy/reports";

export { EXIT } from "./support/common";

interface PlanOptions {
    stack: string;
    all?: boolean;
    json?: string;
    previewJson?: string;
    projectDir: string;
    tree: boolean;
    quiet?: boolean;
    policies: boolean;
    policyConfig?: string;
    sarif?: string;
    junit?: string;
    markdown?: string;
}

/** A stack to check: planned offline, or read from a real `pulumi preview --json`. */
interface StackPreview {
    stack: string;
    tier?: string;
    preview: PreviewJson;
    durationMs?: number;
    placeholderSecrets: string[];
    stackFile?: string;
}

function jsonPathFor(file: string, stack: string, many: boolean): string {
    if (file.includes("{stack}")) return file.replace(/\{stack\}/g, stack);
    if (!many) return file;
    const ext = path.extname(file);
    return `${file.slice(0, file.length - ext.length)}.${stack}${ext || ".json"}`;
}

function writeFile(file: string, text: string, out: (l: string) => void) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
    out(`  wrote ${file}`);
}

function printPlan(s: StackPreview, opts: PlanOptions, out: (line: string) => void) {
    const steps = s.preview.steps;
    if (opts.quiet) return;
    out(`Previewing stack ${s.stack} (${s.durationMs === undefined ? "from a pulumi preview --json file" : "offline: mock engine, nothing is created"})`);
    out("");
    if (opts.tree) {
        renderTree(steps).forEach((l) => out(l));
        out("");
    }
    out("Resources by type:");
    for (const [type, n] of countByType(steps)) out(`  ${String(n).padStart(4)}  ${type}`);
    out("");
    if (s.placeholderSecrets.length > 0) {
        out(`Note: ${s.placeholderSecrets.length} encrypted config value(s) cannot be decrypted offline and were replaced by a placeholder:`);
        for (const p of s.placeholderSecrets) out(`  - ${p}`);
        out("  A real `pulumi preview` decrypts them with the stack's secrets provider.");
        out("");
    }
}

function summary(s: StackPreview, policy: PolicyResult | undefined, cost: StackCost): string {
    const steps = s.preview.steps;
    const types = new Set(steps.map((x) => x.newState?.type)).size;
    const parts = [`${s.stack}: ${steps.length} resources to create (${types} types)`];
    parts.push(cost.regionPriced ? `est. $${cost.totalMonthlyCost.toFixed(2)}/month` : `cost: region ${cost.region} unpriced`);
    if (policy) {
        const f = allFindings(policy);
        parts.push(`policies: ${mandatoryCount(policy)} mandatory, ${f.filter((x) => x.level === "advisory" && !x.waived).length} advisory, ${f.filter((x) => x.waived).length} waived`);
    }
    if (s.durationMs !== undefined) parts.push(`${(s.durationMs / 1000).toFixed(2)}s`);
    return parts.join(" | ");
}

async function planned(project: ProjectInfo, stack: string): Promise<StackPreview> {
    // Loaded on first use: it pulls in the program and the provider SDKs (~1 s), and the policy
    // pack should already be starting in its own process by then.
    const { planStack } = require("../offline/planProject") as typeof import("../offline/planProject");
    const run: PlannedStack = await planStack(project, stack);
    const tier = run.preview.config?.["tiered-infra:tier"];
    return { stack, tier: typeof tier === "string" ? tier : undefined, preview: run.preview, durationMs: run.durationMs, placeholderSecrets: run.placeholderSecrets, stackFile: run.stackFile };
}

export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
    const program = new Command("plan")
        .description("Preview stacks offline (the Pulumi program under the mock engine) and check them with the policy pack.")
        .addOption(new Option("-s, --stack <name>", "stack to plan (a stacks/Pulumi.<name>.yaml)").default("small").conflicts(["all", "previewJson"]))
        .addOption(new Option("-a, --all", "plan every stack in the stack config directory").conflicts("previewJson"))
        .option("--json <file>", "write the plan as `pulumi preview --json` (with --all, one file per stack: FILE.<stack>.json, or use {stack} in FILE)")
        .option("--preview-json <file>", "check a `pulumi preview --json` file produced elsewhere instead of planning")
        .option("--no-policies", "skip the policy pack (faster; never for a CI gate)")
        .option("--policy-config <file>", "policy-pack config (default: policies/config/<stack or tier>.json)")
        .option("--sarif <file>", "write policy results as SARIF 2.1.0")
        .option("--junit <file>", "write policy results as JUnit XML")
        .option("--markdown <file>", "write a policy summary for a pull-request comment")
        .option("--no-tree", "omit the resource tree")
        .option("-q, --quiet", "print only the summary line per stack (and blocking findings)")
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", process.cwd());
    const opts = parseArgs<PlanOptions>(program, argv, out, err);
    if (typeof opts === "number") return opts;

    let pack: PolicyPackProcess | undefined;
    let packStart: Promise<PolicyPackProcess> | undefined;
    try {
        const project = readProject(path.resolve(opts.projectDir));
        const stacks = opts.previewJson ? [undefined] : opts.all ? listStacks(project) : [opts.stack];
        // The pack takes about a second to start: start it now, alongside the first plan.
        if (opts.policies) {
            packStart = PolicyPackProcess.start(POLICY_PACK_DIR, { project: project.name, stack: stacks[0] ?? "preview" });
            packStart.catch(() => undefined);
        }
        const progress = opts.all && process.stderr.isTTY;
        const results: PolicyResult[] = [];
        let info: AnalyzerInfo | undefined;
        let total = 0;
        for (const [i, stack] of stacks.entries()) {
            if (progress) process.stderr.write(`planning ${stack} (${i + 1}/${stacks.length})...\n`);
            const s: StackPreview = stack === undefined ? { ...readPreviewFile(opts.previewJson!), placeholderSecrets: [] } : await planned(project, stack);
            printPlan(s, opts, out);
            total += s.preview.steps.length;

            let policy: PolicyResult | undefined;
            if (packStart) {
                pack ??= await packStart;
                info ??= await pack.info();
                const configFile = opts.policyConfig ?? policyConfigFileFor(s.stack, s.tier, undefined, String(s.preview.config?.["tiered-infra:platform"] ?? "aws"));
                const config = validatePolicyConfig(configFile ?? "(defaults)", configFile ? readPolicyConfig(configFile) : {}, info);
                const stackFileFindings: StackFileFinding[] = s.stackFile ? scanStackFile(s.stackFile) : [];
                policy = await evaluatePreview(pack, info, s.stack, s.preview, config, configFile && path.relative(project.dir, configFile), stackFileFindings);
                results.push(policy);
                const blocking = mandatoryCount(policy) > 0;
                if (!opts.quiet || blocking) textReport(policy, info).forEach((l) => out(l));
                s.preview.tieredInfra = {
                    ...(s.preview.tieredInfra ?? {}),
                    policy: {
                        pack: info.name,
                        version: info.version,
                        configFile: policy.configFile,
                        mandatory: mandatoryCount(policy),
                        findings: allFindings(policy),
                    },
                };
            }
            const cost = estimatePreview(s.stack, s.tier, s.preview);
            s.preview.tieredInfra = { ...(s.preview.tieredInfra ?? {}), cost: { region: cost.region, totalMonthlyCost: cost.totalMonthlyCost, currency: "USD" } };
            out(summary(s, policy, cost));
            if (opts.json) writeFile(jsonPathFor(opts.json, s.stack, stacks.length > 1), JSON.stringify(s.preview, null, 2) + "\n", out);
            if (stacks.length > 1) out("");
        }
        if (stacks.length > 1) out(`${stacks.length} stacks planned, ${total} resources in all.`);
        if (info) {
            if (opts.sarif) writeFile(opts.sarif, JSON.stringify(sarifReport(results, info), null, 2) + "\n", out);
            if (opts.junit) writeFile(opts.junit, junitReport(results, info), out);
            if (opts.markdown) writeFile(opts.markdown, markdownReport(results, info), out);
        } else if (opts.sarif || opts.junit || opts.markdown) {
            err("note: --sarif, --junit and --markdown need the policy pack; they were not written with --no-policies");
        }
        const blocked = results.filter((r) => mandatoryCount(r) > 0).map((r) => r.stack);
        if (blocked.length) {
            err(`error: mandatory policy violations in ${blocked.join(", ")}`);
            return EXIT.gate;
        }
        return EXIT.ok;
    } catch (e) {
        return reportError(e, err);
    } finally {
        if (!pack && packStart) pack = await packStart.catch(() => undefined);
        await pack?.stop();
    }
}
