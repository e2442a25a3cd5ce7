/**
 * `npm run cost`: the monthly cost of a stack (or every stack, side by side with the seed's
 * range) before anything is deployed, from the offline plan or a real `pulumi preview --json`.
 *
 * Exit codes (tools/cli/support/common.ts): 0 done; 2 bad input (flags, files, stack config, usage); 3 internal error.
 */
import { Command, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import { InputError } from "../../core/errors";
import { readUsageFile } from "../cost/costInputs";
import { buildReport, compare, CostReport, diffText, htmlReport, markdownReport, tableReport } from "../cost/report";
import { listStacks, readProject } from "../offline/project";
import { checkStacks } from "../pipeline/checkStacks";
import { EXIT, parseArgs, reportError, StackSelection, withStackSelection } from "./support/common";

const FORMATS = ["table", "json", "markdown", "html"] as const;

interface CostOptions extends StackSelection {
    format: (typeof FORMATS)[number];
    out?: string;
    compareTo?: string;
}

function readReport(file: string): CostReport {
    let doc: any;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(`--compare-to: ${file} is not readable JSON (${(e as Error).message})`);
    }
    if (!doc || !Array.isArray(doc.stacks)) throw new InputError(`--compare-to: ${file} is not a cost report (no "stacks"); write one with --format json`);
    return doc;
}

export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
    const program = withStackSelection(new Command("cost"), "estimate")
        .description("Estimate the monthly AWS cost of stacks from the offline plan (or a pulumi preview --json file); --all puts the tiers side by side with seed 002's ranges.")
        .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS as unknown as string[]).default("table"))
        .option("-o, --out <file>", "write the report to FILE (html defaults to reports/cost.html)")
        .option("--compare-to <file>", "show per-resource differences against an earlier --format json report");
    const opts = parseArgs<CostOptions>(program, argv, out, err);
    if (typeof opts === "number") return opts;
    try {
        const usageFile = opts.usage ? readUsageFile(opts.usage) : undefined;
        const previous = opts.compareTo ? readReport(opts.compareTo) : undefined;
        const project = opts.previewJson ? undefined : readProject(path.resolve(opts.projectDir));
        const { checks } = await checkStacks({
            source: project ? { project, stacks: opts.all ? listStacks(project) : [opts.stack] } : { previewFile: opts.previewJson! },
            policies: false,
            usageFile,
            onStart: (stack, i, total) => {
                if (total > 1 && process.stderr.isTTY) process.stderr.write(`estimating ${stack} (${i + 1}/${total})...\n`);
            },
        });
        const costs = checks.map((c) => c.cost);
        const report = buildReport(costs);
        const text =
            opts.format === "json" ? JSON.stringify(report, null, 2) + "\n"
                : opts.format === "markdown" ? markdownReport(report)
                    : opts.format === "html" ? htmlReport(report)
                        : tableReport(report) + "\n";
        const file = opts.out ?? (opts.format === "html" ? "reports/cost.html" : undefined);
        if (file) {
            fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
            fs.writeFileSync(file, text);
            out(`wrote ${file} (${report.stacks.map((s) => `${s.stack} $${s.totalMonthlyCost.toFixed(2)}/month`).join(", ")})`);
        } else {
            out(text.trimEnd());
        }
        if (previous) out(diffText(compare(previous, report)));
        for (const s of report.stacks) if (!s.regionPriced) err(`warning: ${s.stack}: region ${s.region} has no prices in the catalog; its estimate is incomplete (only us-east-1 is priced)`);
        return EXIT.ok;
    } catch (e) {
        return reportError(e, err);
    }
}
