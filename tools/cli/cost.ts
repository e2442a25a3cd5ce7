/**
 * `npm run cost`: the monthly cost of a stack (or every stack, side by side with the seed's
 * range) before anything is deployed, from the offline plan or a real `pulumi preview --json`.
 *
 * Exit codes (tools/cli/support/common.ts): 0 done; 1 an estimate is incomplete (something could
 * not be priced: the figures are lower bounds); 2 bad input (flags, files, stack config, usage) in
 * any stack, the others still reported; 3 internal error.
 */
import { Command, Option } from "commander";
import * as path from "path";
import { InputError } from "../../core/errors";
import { PRICING_MODES, PricingMode, UPFRONT_OPTIONS } from "../../core/cost/estimator";
import { Upfront } from "../../core/cost/commitmentRates";
import { PRICED_REGIONS } from "../../core/cost/catalog";
import { checkUsageSections, readUsageFile } from "../cost/costInputs";
import { costChange } from "../cost/change";
import { buildReport, compare, CostReport, diffText, estimateText, htmlReport, markdownReport, tableReport } from "../cost/report";
import { listStacks, readProject } from "../offline/project";
import { checkStacks } from "../pipeline/checkStacks";
import { EXIT, parseArgs, Printer, reportError, StackSelection, withStackSelection } from "./support/common";
import { readInput, STDIO, writeReport } from "./support/io";

const FORMATS = ["table", "json", "markdown", "html"] as const;

interface CostOptions extends StackSelection {
    format: (typeof FORMATS)[number];
    out?: string;
    compareTo?: string;
    summary?: boolean;
    region?: string;
    pricing: PricingMode;
    upfront: Upfront;
    sharedAccount?: boolean;
}

function readReport(file: string): CostReport {
    let doc: any;
    try {
        doc = JSON.parse(readInput(file));
    } catch (e) {
        throw new InputError(`--compare-to: ${file} is not readable JSON (${(e as Error).message})`);
    }
    if (!doc || !Array.isArray(doc.stacks)) throw new InputError(`--compare-to: ${file} is not a cost report (no "stacks"); write one with --format json`);
    return doc;
}

export async function main(argv: string[], out: Printer = console.log, err: Printer = console.error): Promise<number> {
    const program = withStackSelection(new Command("cost"), "estimate")
        .description("Estimate the monthly AWS cost of stacks from the offline plan, or the cost of a change from a pulumi preview --json; --all puts the tiers side by side with seed 002's ranges.")
        .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS as unknown as string[]).default("table"))
        .option("-o, --out <file>", "write the report to FILE (- for stdout; html defaults to reports/cost.html)")
        .option("--compare-to <file>", "per-resource differences against an earlier --format json report (- for stdin); in JSON output they are the `diff` key")
        .option("--summary", "only the totals (with --all: the tiers side by side)")
        .option("--region <name>", "price the stacks as if deployed in this AWS region (offline plans); for a preview file, the region of resources whose provider and config name none")
        .addOption(new Option("--pricing <mode>", "how always-on compute, database and cache lines are priced: on-demand, a 1-year or a 3-year commitment (Compute Savings Plans for EKS nodes, reserved instances for RDS and ElastiCache); usage lines stay on-demand").choices(PRICING_MODES as unknown as string[]).default("on-demand"))
        .addOption(new Option("--upfront <payment>", "upfront payment of a commitment (with --pricing savings-*)").choices(UPFRONT_OPTIONS as unknown as string[]).default("none"))
        .option("--shared-account", "do not subtract the account's always-free allowances (CloudFront 1 TB and 10 M requests): other workloads of the account use them");
    const opts = parseArgs<CostOptions>(program, argv, out, err);
    if (typeof opts === "number") return opts;
    try {
        // An empty --region would otherwise be no region at all: the stacks' own (us-east-1), silently.
        if (opts.region !== undefined && opts.region.trim() === "") throw new InputError(`--region: ${JSON.stringify(opts.region)} names no region; give an AWS region name (the catalog prices ${PRICED_REGIONS.join(", ")})`);
        const usageFile = opts.usage ? readUsageFile(opts.usage) : undefined;
        const previous = opts.compareTo ? readReport(opts.compareTo) : undefined;
        const project = opts.previewJson ? undefined : readProject(path.resolve(opts.projectDir));
        if (usageFile && project) checkUsageSections(usageFile, listStacks(project));
        const { checks, failures } = await checkStacks({
            source: project ? { project, stacks: opts.all ? listStacks(project) : [opts.stack] } : { previewFile: opts.previewJson! },
            policies: false,
            usageFile,
            region: opts.region,
            ...(opts.region && project ? { stackRegion: opts.region } : {}),
            pricing: { pricing: opts.pricing, upfront: opts.upfront, ...(opts.sharedAccount ? { freeAllowances: false } : {}) },
            onStart: (stack, i, total) => {
                if (total > 1 && process.stderr.isTTY) process.stderr.write(`estimating ${stack} (${i + 1}/${total})...\n`);
            },
            onFailure: (f) => err(`error: ${f.stack}: ${f.error.message}`),
        });
        // A preview names its one stack only once read.
        if (usageFile && !project && checks.length) checkUsageSections(usageFile, checks.map((c) => c.stack));
        for (const c of checks) for (const n of c.notes) err(`note: ${c.stack}: ${n}`);
        const report = buildReport(checks.map((c) => ({ ...c.cost, ...(c.costBefore ? { change: costChange(c.costBefore, c.cost) } : {}) })));
        const diff = previous ? compare(previous, report) : undefined;
        const file = opts.out ?? (opts.format === "html" ? "reports/cost.html" : undefined);
        const toStdout = !file || file === STDIO;
        const text =
            opts.format === "json" ? JSON.stringify(diff ? { ...report, diff } : report, null, 2) + "\n"
                : opts.format === "markdown" ? markdownReport(report, { summary: opts.summary, diff })
                    : opts.format === "html" ? htmlReport(report)
                        : tableReport(report, { summary: opts.summary }) + "\n" + (diff ? diffText(diff) + "\n" : "");
        writeReport(file ?? STDIO, text, out);
        if (!toStdout) err(`wrote ${file} (${report.stacks.map((st) => `${st.stack} ${estimateText(st, "/month")}`).join(", ")})`);
        if (failures.length) return EXIT.input;
        const incomplete = report.stacks.filter((st) => !st.complete).map((st) => st.stack);
        if (incomplete.length) {
            err(`error: not fully priced: ${incomplete.join(", ")} (the totals are lower bounds; see what is unpriced above)`);
            return EXIT.gate;
        }
        return EXIT.ok;
    } catch (e) {
        return reportError(e, err);
    }
}
