/**
 * `npm run plan`: previews stacks offline (no Pulumi CLI, no cloud account) by running the
 * unchanged program under Pulumi's mock runtime, then checks every planned resource with the
 * policy pack, started and driven exactly as `pulumi preview --policy-pack policies` does.
 *
 * Exit codes: 0 clean; 1 gate failure (mandatory policy violation or budget); 2 bad input
 * (flags, stack files, stack config, policy config); 3 internal error.
 */
import { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import { readUsageFile } from "../cost/costInputs";
import { countByType, renderTree } from "../offline/render";
import { listStacks, readProject } from "../offline/project";
import { checkStacks, StackCheck } from "../pipeline/checkStacks";
import { allFindings, mandatoryCount } from "../policy/evaluate";
import { junitReport, markdownReport, sarifReport, textReport } from "../policy/reports";
import { EXIT, parseArgs, reportError, StackSelection, withStackSelection } from "./support/common";

export { EXIT } from "./support/common";

interface PlanOptions extends StackSelection {
    json?: string;
    tree: boolean;
    quiet?: boolean;
    policies: boolean;
    policyConfig?: string;
    sarif?: string;
    junit?: string;
    markdown?: string;
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

function printPlan(s: StackCheck, opts: PlanOptions, out: (line: string) => void) {
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
    for (const w of s.stackConfig.warnings ?? []) out(`warning: ${w}`);
}

function summary(s: StackCheck): string {
    const steps = s.preview.steps;
    const types = new Set(steps.map((x) => x.newState?.type)).size;
    const parts = [`${s.stack}: ${steps.length} resources to create (${types} types)`];
    parts.push(s.cost.regionPriced ? `est. $${s.cost.totalMonthlyCost.toFixed(2)}/month` : `cost: region ${s.cost.region} unpriced`);
    if (s.policy) {
        const f = allFindings(s.policy);
        parts.push(`policies: ${mandatoryCount(s.policy)} mandatory, ${f.filter((x) => x.level === "advisory" && !x.waived).length} advisory, ${f.filter((x) => x.waived).length} waived`);
    }
    if (s.durationMs !== undefined) parts.push(`${(s.durationMs / 1000).toFixed(2)}s`);
    return parts.join(" | ");
}

export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
    const program = withStackSelection(new Command("plan"), "plan")
        .description("Preview stacks offline (the Pulumi program under the mock engine) and check them with the policy pack.")
        .option("--json <file>", "write the plan as `pulumi preview --json` (with --all, one file per stack: FILE.<stack>.json, or use {stack} in FILE)")
        .option("--no-policies", "skip the policy pack (faster; never for a CI gate)")
        .option("--policy-config <file>", "policy-pack config (default: the stack's generated policies/config/<stack>.json)")
        .option("--sarif <file>", "write policy results as SARIF 2.1.0")
        .option("--junit <file>", "write policy results as JUnit XML")
        .option("--markdown <file>", "write a policy summary for a pull-request comment")
        .option("--no-tree", "omit the resource tree")
        .option("-q, --quiet", "print only the summary line per stack (and blocking findings)");
    const opts = parseArgs<PlanOptions>(program, argv, out, err);
    if (typeof opts === "number") return opts;

    try {
        const project = opts.previewJson ? undefined : readProject(path.resolve(opts.projectDir));
        const stacks = project ? (opts.all ? listStacks(project) : [opts.stack]) : ["preview"];
        let total = 0;
        const { checks, info } = await checkStacks({
            source: project ? { project, stacks } : { previewFile: opts.previewJson! },
            policies: opts.policies,
            policyConfigFile: opts.policyConfig,
            usageFile: opts.usage ? readUsageFile(opts.usage) : undefined,
            onStart: (stack, i, n) => {
                if (n > 1 && process.stderr.isTTY) process.stderr.write(`planning ${stack} (${i + 1}/${n})...\n`);
            },
            onStack: (s, packInfo) => {
                printPlan(s, opts, out);
                total += s.preview.steps.length;
                if (s.policy && packInfo) {
                    const blocking = mandatoryCount(s.policy) > 0;
                    if (!opts.quiet || blocking) textReport(s.policy, packInfo).forEach((l) => out(l));
                }
                out(summary(s));
                if (opts.json) writeFile(jsonPathFor(opts.json, s.stack, stacks.length > 1), JSON.stringify(s.preview, null, 2) + "\n", out);
                if (stacks.length > 1) out("");
            },
        });
        if (stacks.length > 1) out(`${stacks.length} stacks planned, ${total} resources in all.`);
        const results = checks.flatMap((c) => (c.policy ? [c.policy] : []));
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
    }
}
