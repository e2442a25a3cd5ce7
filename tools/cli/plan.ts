/**
 * `npm run plan`: previews stacks offline (no Pulumi CLI, no cloud account) by running the
 * unchanged program under Pulumi's mock runtime, or reads a `pulumi preview --json` written by the
 * CLI, then checks what each stack will hold with the policy pack, started and driven exactly as
 * `pulumi preview --policy-pack policies` does, and prices it.
 *
 * Exit codes: 0 clean; 1 gate failure (a mandatory policy violation, a budget overrun or a stack
 * that cannot be priced); 2 bad input (flags, stack files, stack config, policy config, a failed
 * preview) in any stack, the others still checked and reported; 3 internal error.
 */
import { Command, Option } from "commander";
import pc from "picocolors";
import { changeLines, costChange, signedUsd, summaryOfChange } from "../cost/change";
import { usd } from "../../core/cost/money";
import { readUsageFile } from "../cost/costInputs";
import { estimateText } from "../cost/report";
import { Colors, countByType, NO_COLORS, renderOutputs, renderSummary, renderTree, summaryLine } from "../offline/render";
import { listStacks, readProject } from "../offline/project";
import { checkStacks, FailedCheck, StackCheck } from "../pipeline/checkStacks";
import { allFindings, mandatoryCount, PolicyResult } from "../policy/evaluate";
import { compareFindings, FindingChanges } from "../policy/compareFindings";
import { junitReport, markdownReport, sarifReport, textReport } from "../policy/reports";
import { awsRegion, EXIT, parseArgs, Printer, reportError, StackSelection, withStackSelection } from "./support/common";
import { reportTargets, writeReport } from "./support/io";

export { EXIT } from "./support/common";

interface PlanOptions extends StackSelection {
    json?: string;
    tree: boolean;
    quiet?: boolean;
    verbose?: boolean;
    showSames?: boolean;
    policies: boolean;
    unknowns?: boolean;
    policyConfig?: string;
    region?: string;
    sarif?: string;
    junit?: string;
    markdown?: string;
    base?: string;
    failOn: "any" | "new";
}

function jsonPathFor(file: string, stack: string, many: boolean): string {
    if (file === "-" || file.includes("{stack}")) return file.replace(/\{stack\}/g, stack);
    if (!many) return file;
    const dot = file.lastIndexOf(".");
    return dot > file.lastIndexOf("/") ? `${file.slice(0, dot)}.${stack}${file.slice(dot)}` : `${file}.${stack}.json`;
}

function printPlan(s: StackCheck, opts: PlanOptions, out: Printer, c: Colors) {
    if (opts.quiet) return;
    out(c.bold(`Previewing stack ${s.stack} (${s.durationMs === undefined ? "from a pulumi preview --json file" : "offline: mock engine, nothing is created"})`));
    out("");
    if (opts.tree) {
        renderTree(s.read, c, opts.showSames).forEach((l) => out(l));
        out("");
    }
    const outputs = renderOutputs(s.preview.tieredInfra?.outputs as Record<string, unknown> | undefined);
    if (outputs.length) {
        outputs.forEach((l) => out(l));
        out("");
    }
    renderSummary(s.read, c).forEach((l) => out(l));
    out("");
    if (s.costBefore) {
        const change = costChange(s.costBefore, s.cost);
        out(`Cost: ${summaryOfChange(s.costBefore, s.cost)}`);
        changeLines(change).forEach((l) => out(l));
        if (!change.resources.length) out("  no resource changed cost");
        out("");
    }
    if (opts.verbose) {
        out("Resources by type:");
        for (const [type, n] of countByType(s.read)) out(`  ${String(n).padStart(4)}  ${type}`);
        out("");
    }
    if (s.placeholderSecrets.length > 0) {
        out(`Note: ${s.placeholderSecrets.length} encrypted config value(s) cannot be decrypted offline and were replaced by a placeholder:`);
        for (const p of s.placeholderSecrets) out(`  - ${p}`);
        out("  A real `pulumi preview` decrypts them with the stack's secrets provider.");
        out("");
    }
    for (const w of s.stackConfig?.warnings ?? []) out(`warning: ${w}`);
}

/** With a base: what the change does to the findings. */
function findingChanges(s: StackCheck): FindingChanges | undefined {
    return s.policy && s.basePolicy ? compareFindings(allFindings(s.basePolicy), allFindings(s.policy)) : undefined;
}

function printFindingChanges(s: StackCheck, out: Printer, c: Colors) {
    const ch = findingChanges(s);
    if (!ch) return;
    const blocking = (fs: typeof ch.added) => fs.filter((f) => f.level === "mandatory" && !f.waived).length;
    out(`Policies against ${s.base}: ${ch.added.length} new (${blocking(ch.added)} mandatory), ${ch.fixed.length} fixed, ${ch.open.length} still open (${blocking(ch.open)} mandatory)`);
    for (const f of ch.added) out(`  ${c.red("+ new")}   [${f.waived ? "waived" : f.level}] ${f.policy}: ${f.resourceName}: ${f.message}`);
    for (const f of ch.fixed) out(`  ${c.green("- fixed")} [${f.waived ? "waived" : f.level}] ${f.policy}: ${f.resourceName}: ${f.message}`);
    out("");
}

function policyCounts(policy: PolicyResult): string {
    const f = allFindings(policy);
    return `policies: ${mandatoryCount(policy)} mandatory, ${f.filter((x) => x.level === "advisory" && !x.waived).length} advisory, ${f.filter((x) => x.waived).length} waived`;
}

function summary(s: StackCheck): string {
    const types = new Set(s.read.changes.filter((ch) => ch.after).map((ch) => ch.type)).size;
    const parts = [`${s.stack}: ${summaryLine(s.read)} (${types} types)`];
    parts.push(s.costBefore ? `cost ${summaryOfChange(s.costBefore, s.cost)}` : `est. ${estimateText(s.cost, "/month")}`);
    if (s.policy) parts.push(policyCounts(s.policy));
    if (s.durationMs !== undefined) parts.push(`${(s.durationMs / 1000).toFixed(2)}s`);
    return parts.join(" | ");
}

export async function main(argv: string[], out: Printer = console.log, err: Printer = console.error): Promise<number> {
    const started = process.hrtime.bigint();
    const program = withStackSelection(new Command("plan"), "plan")
        .description("Preview stacks offline (the Pulumi program under the mock engine), or read a pulumi preview --json, and check them with the policy pack and the cost estimate.")
        .option("--json <file>", "write the plan as `pulumi preview --json` (- for stdout; with several stacks one file per stack: FILE.<stack>.json, or put {stack} in FILE)")
        .option("--no-policies", "skip the policy pack (faster; never for a CI gate)")
        .option("--unknowns", "leave outputs of resources created in this run unknown, as a first real `pulumi preview` does")
        .option("--policy-config <file>", "policy-pack config for every stack (default: each stack's generated policies/config/<stack>.json)")
        .option("--region <name>", "AWS region of resources whose provider and config name none (a preview written where the region came from the environment)", awsRegion())
        .option("--sarif <file>", "write policy results as SARIF 2.1.0 for GitHub code scanning (- for stdout)")
        .option("--junit <file>", "write policy results as JUnit XML (- for stdout)")
        .option("--markdown <file>", "write a policy and cost summary for a pull-request comment (- for stdout)")
        // A preview the CLI wrote has no base here to plan: with --base, --fail-on new would find nothing new and pass.
        .addOption(new Option("--base <ref|file>", "preview the change against a base: a git revision (planned by its own code in a temporary worktree) or a saved plan JSON").conflicts("previewJson"))
        .addOption(new Option("--fail-on <which>", "with --base: exit 1 for any mandatory finding, or only for new ones").choices(["any", "new"]).default("any"))
        .option("--no-tree", "omit the resource tree")
        .option("--show-sames", "list unchanged resources in the tree too")
        .option("-v, --verbose", "also print resources by type")
        .option("-q, --quiet", "print only the summary line per stack (and blocking findings)");
    const opts = parseArgs<PlanOptions>(program, argv, out, err);
    if (typeof opts === "number") return opts;

    try {
        const { human, toStdout } = reportTargets({ json: opts.json, sarif: opts.sarif, junit: opts.junit, markdown: opts.markdown }, out, err);
        // Colour only on a terminal, and never with NO_COLOR (picocolors checks both).
        const colors: Colors = human === out && pc.isColorSupported && process.stdout.isTTY ? pc : NO_COLORS;
        const project = opts.previewJson ? undefined : readProject(opts.projectDir);
        const stacks = project ? (opts.all ? listStacks(project) : [opts.stack]) : ["preview"];
        let total = 0;
        const { checks, failures, info } = await checkStacks({
            source: project ? { project, stacks, base: opts.base } : { previewFile: opts.previewJson! },
            policies: opts.policies,
            unknowns: opts.unknowns,
            policyConfigFile: opts.policyConfig,
            usageFile: opts.usage ? readUsageFile(opts.usage) : undefined,
            region: opts.region,
            onStart: (stack, i, n) => {
                if (n > 1 && process.stderr.isTTY) process.stderr.write(`planning ${stack} (${i + 1}/${n})...\n`);
            },
            onStack: (s, packInfo) => {
                printPlan(s, opts, human, colors);
                for (const n of s.notes) err(`note: ${s.stack}: ${n}`);
                total += s.read.changes.length;
                if (s.policy && packInfo && (!opts.quiet || mandatoryCount(s.policy) > 0)) textReport(s.policy, packInfo).forEach((l) => human(l));
                if (!opts.quiet) printFindingChanges(s, human, colors);
                human(summary(s));
                if (opts.json) writeReport(jsonPathFor(opts.json, s.stack, stacks.length > 1), JSON.stringify(s.preview, null, 2) + "\n", out, human, "--json");
                if (stacks.length > 1) human("");
            },
            onFailure: (f: FailedCheck) => {
                err(`error: ${f.stack}: ${f.error.message}`);
                if (stacks.length > 1) human("");
            },
        });
        const results = [...checks.flatMap((c) => (c.policy ? [c.policy] : [])), ...failures.flatMap((f) => (f.policy ? [f.policy] : []))];
        if (stacks.length > 1) human(`${checks.length} of ${stacks.length} stacks planned, ${total} resources in all${failures.length ? `; ${failures.length} could not be checked: ${failures.map((f) => f.stack).join(", ")}` : ""}.`);
        if (info) {
            if (opts.sarif) writeReport(opts.sarif, JSON.stringify(sarifReport(results, info), null, 2) + "\n", out, human, "--sarif");
            if (opts.junit) writeReport(opts.junit, junitReport(results, info), out, human, "--junit");
            if (opts.markdown) writeReport(opts.markdown, markdownReport(results, info) + costMarkdown(checks), out, human, "--markdown");
        } else if (opts.sarif || opts.junit || opts.markdown) {
            err("note: --sarif, --junit and --markdown need the policy pack; they were not written with --no-policies");
        }
        if (!opts.quiet || stacks.length > 1) human(`Duration: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)}s`);
        void toStdout;
        if (failures.length) return EXIT.input;
        if (opts.base && opts.failOn === "new") {
            const added = checks.filter((ch) => (findingChanges(ch)?.added ?? []).some((f) => f.level === "mandatory" && !f.waived)).map((ch) => ch.stack);
            if (added.length) {
                err(`error: the change brings new mandatory policy violations in ${added.join(", ")}`);
                return EXIT.gate;
            }
            return EXIT.ok;
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

/** The change and cost sections of the pull-request comment: each stack's changes, estimate or cost change, and new or fixed findings. */
function costMarkdown(checks: StackCheck[]): string {
    if (!checks.length) return "";
    const out = ["", "### Changes and monthly cost", "", "| stack | changes | monthly cost |", "|---|---|---|"];
    for (const c of checks) out.push(`| ${c.stack} | ${summaryLine(c.read)} | ${c.costBefore ? summaryOfChange(c.costBefore, c.cost) : estimateText(c.cost, "/month")} |`);
    for (const c of checks.filter((x) => x.costBefore)) {
        const change = costChange(c.costBefore, c.cost);
        if (!change.resources.length) continue;
        out.push("", `<details><summary>${c.stack}: cost by resource</summary>`, "", "| | resource | type | before | after | monthly delta |", "|---|---|---|---:|---:|---:|");
        const mark = { created: "+", deleted: "-", changed: "~", unpriced: "?" } as const;
        const money = (n: number | null, absent: boolean) => (absent ? "" : n === null ? "unpriced" : usd(n));
        for (const r of change.resources) out.push(`| ${mark[r.change]} | \`${r.name}\` | \`${r.type}\` | ${money(r.before, r.change === "created")} | ${money(r.after, r.change === "deleted")} | ${signedUsd(r.delta)} |`);
        out.push("", "</details>");
    }
    for (const c of checks) {
        const ch = findingChanges(c);
        if (!ch || (!ch.added.length && !ch.fixed.length)) continue;
        out.push("", `#### ${c.stack}: policy findings against ${c.base}`, "");
        for (const f of ch.added) out.push(`- 🆕 **${f.waived ? "waived" : f.level}** \`${f.policy}\` on \`${f.resourceName}\`: ${f.message.replace(/\n/g, " ")}`);
        for (const f of ch.fixed) out.push(`- ✅ fixed \`${f.policy}\` on \`${f.resourceName}\`: ${f.message.replace(/\n/g, " ")}`);
    }
    out.push("");
    return out.join("\n");
}
