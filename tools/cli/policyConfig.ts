/**
 * `npm run policy-config`: writes `policies/config/<stack>.json` for every stack (or one) from the
 * tier table and the stack files (see tools/policy/generateConfig.ts). `--check` writes nothing
 * and exits 1 when a committed file differs from what would be generated (for CI).
 *
 * Exit codes: 0 written or up to date; 1 out of date (--check); 2 bad input; 3 internal error.
 */
import { Command, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import { parseStackConfig } from "../../infra/config";
import { costInputsFor } from "../cost/costInputs";
import { listStacks, readProject, readStackConfig } from "../offline/project";
import { policyConfigText } from "../policy/generateConfig";
import { POLICY_PACK_DIR } from "../policy/policyConfig";
import { EXIT, parseArgs, reportError } from "./support/common";

interface Options {
    stack?: string;
    check?: boolean;
    projectDir: string;
    outDir: string;
}

/** The generated text of each stack's config, by file path. */
export function generatedPolicyConfigs(projectDir: string, stacks?: string[], outDir = path.join(POLICY_PACK_DIR, "config")): Map<string, string> {
    const project = readProject(projectDir);
    const out = new Map<string, string>();
    for (const stack of stacks ?? listStacks(project)) {
        const file = readStackConfig(project, stack);
        const cfg = parseStackConfig(file.config, file.secretKeys);
        out.set(path.join(outDir, `${stack}.json`), policyConfigText(cfg, costInputsFor(stack, cfg)));
    }
    return out;
}

export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
    const program = new Command("policy-config")
        .description("Generate the policy pack's per-stack config (policies/config/<stack>.json) from the tier table and the stack files.")
        .addOption(new Option("-s, --stack <name>", "only this stack (default: every stack)"))
        .option("--check", "write nothing; exit 1 if a committed file is missing or out of date")
        .option("--out-dir <dir>", "where the files go", path.join(POLICY_PACK_DIR, "config"))
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", process.cwd());
    const opts = parseArgs<Options>(program, argv, out, err);
    if (typeof opts === "number") return opts;
    try {
        const files = generatedPolicyConfigs(path.resolve(opts.projectDir), opts.stack ? [opts.stack] : undefined, opts.outDir);
        const stale = [...files].filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text).map(([file]) => file);
        if (opts.check) {
            for (const f of stale) err(`out of date: ${path.relative(process.cwd(), f)}; run \`npm run policy-config\``);
            if (stale.length === 0) out(`${files.size} policy config file(s) up to date`);
            return stale.length ? EXIT.gate : EXIT.ok;
        }
        fs.mkdirSync(opts.outDir, { recursive: true });
        for (const f of stale) {
            fs.writeFileSync(f, files.get(f)!);
            out(`wrote ${path.relative(process.cwd(), f)}`);
        }
        out(`${files.size} policy config file(s), ${stale.length} updated`);
        return EXIT.ok;
    } catch (e) {
        return reportError(e, err);
    }
}
