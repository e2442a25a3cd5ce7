/**
 * `npm run cost`: the monthly cost of a stack (or every stack, side by side with the seed's
 * range) before anything is deployed, from the offline plan or a real `pulumi preview --json`.
 *
 * Exit codes (tools/cli/common.ts): 0 done; 2 bad input (flags, files, stack config, usage); 3 internal error.
 */
import { Command, Option } from "commander";
import { EXIT, parseArgs, reportError } from "./support/common";
import * as fs from "fs";
import * as path from "path";
import { StackCost } from "../cost/estimator";
import { estimatePreview, readUsageFile, UsageFile } from "../cost/estimateStack";
import { buildReport, compare, CostReport, diffText, htmlReport, markdownReport, tableReport } from "../cost/report";
import { planStack } from "../offline/planProject";
import { readPreviewFile } from "../offline/previewJson";
import { InputError, listStacks, readProject } from "../offline/stackFiles";

const FORMATS = ["table", "json", "markdown", "html"] as const;

interface CostOptions {
    stack: string;
    all?: boolean;
    previewJson?: string;
    usage?: string;
    format: (typeof FORMATS)[number];
    out?: string;
    compareTo?: string;
    projectDir: string;
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
    const program = new Command("cost")
        .description("Estimate the monthly AWS cost of stacks from the offline plan (or a pulumi preview --json file).")
        .addOption(new Option("-s, --stack <name>", "stack to estimate").default("small").conflicts(["all", "previewJson"]))
        .addOption(new Option("-a, --all", "every stack, side by side with each tier's seed 002 range").conflicts("previewJson"))
        .option("--preview-json <file>", "estimate a `pulumi preview --json` file instead of planning")
        .option("--usage <file>", "usage overrides (YAML/JSON): { default: {...}, <tier>: {...}, <stack>: {...} }")
        .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS as unknown as string[]).default("table"))
        .option("-o, --out <file>", "write the report to FILE (html defaults to reports/cost.html)")
        .option("--compare-to <file>", "show per-resource differences against an earlier --format json report")
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", process.cwd());
    const opts = parseArgs<CostOptions>(program, argv, out, err);
    if (typeof opts === "number") return opts;
    try {
        const usageFile: UsageFile | undefined = opts.usage ? readUsageFile(opts.usage) : undefined;
        const previous = opts.compareTo ? readReport(opts.compareTo) : undefined;
        const costs: StackCost[] = [];
        if (opts.previewJson) {
            const p = readPreviewFile(opts.previewJson);
            costs.push(estimatePreview(p.stack, p.tier, p.preview, usageFile, opts.usage));
        } else {
            const project = readProject(path.resolve(opts.projectDir));
            const stacks = opts.all ? listStacks(project) : [opts.stack];
            for (const [i, stack] of stacks.entries()) {
                if (opts.all && process.stderr.isTTY) process.stderr.write(`estimating ${stack} (${i + 1}/${stacks.length})...\n`);
                const run = await planStack(project, stack);
                const tier = run.preview.config?.["tiered-infra:tier"];
                costs.push(estimatePreview(stack, typeof tier === "string" ? tier : undefined, run.preview, usageFile, opts.usage));
            }
        }
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
