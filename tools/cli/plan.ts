/**
 * `npm run plan`: previews stacks offline (no Pulumi CLI, no cloud account) by running the
 * unchanged program under Pulumi's mock runtime.
 *
 * Exit codes: 0 clean; 1 gate failure (mandatory policy violation or budget); 2 bad input
 * (flags, stack files, stack config); 3 internal error.
 */
import { Command, CommanderError, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../../infra/config";
import { PlannedStack, planStack } from "../offline/planProject";
import { countByType, renderTree } from "../offline/render";
import { InputError, listStacks, readProject } from "../offline/stackFiles";

export const EXIT = { ok: 0, gate: 1, input: 2, internal: 3 } as const;

interface PlanOptions {
    stack?: string;
    all?: boolean;
    json?: string;
    projectDir: string;
    tree: boolean;
    quiet?: boolean;
}

function jsonPathFor(file: string, stack: string, many: boolean): string {
    if (file.includes("{stack}")) return file.replace(/\{stack\}/g, stack);
    if (!many) return file;
    const ext = path.extname(file);
    return `${file.slice(0, file.length - ext.length)}.${stack}${ext || ".json"}`;
}

function printStack(run: PlannedStack, opts: PlanOptions, out: (line: string) => void) {
    const steps = run.preview.steps;
    if (!opts.quiet) {
        out(`Previewing stack ${run.stack} (offline: mock engine, nothing is created)`);
        out("");
        if (opts.tree) {
            renderTree(steps).forEach((l) => out(l));
            out("");
        }
        out("Resources by type:");
        for (const [type, n] of countByType(steps)) out(`  ${String(n).padStart(4)}  ${type}`);
        out("");
        if (run.placeholderSecrets.length > 0) {
            out(`Note: ${run.placeholderSecrets.length} encrypted config value(s) cannot be decrypted offline and were replaced by a placeholder:`);
            for (const p of run.placeholderSecrets) out(`  - ${p}`);
            out("  A real `pulumi preview` decrypts them with the stack's secrets provider.");
            out("");
        }
    }
    const types = new Set(steps.map((s) => s.newState?.type)).size;
    out(`${run.stack}: ${steps.length} resources to create (${types} types) in ${(run.durationMs / 1000).toFixed(2)}s`);
}

export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
    const program = new Command("plan")
        .description("Preview stacks offline: run the Pulumi program under the mock engine and show what it would create.")
        .addOption(new Option("-s, --stack <name>", "stack to plan (a stacks/Pulumi.<name>.yaml)").default("small").conflicts("all"))
        .option("-a, --all", "plan every stack in the stack config directory")
        .option("--json <file>", "write the plan as `pulumi preview --json` (with --all, one file per stack: FILE.<stack>.json, or use {stack} in FILE)")
        .option("--no-tree", "omit the resource tree")
        .option("-q, --quiet", "print only the summary line per stack")
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", process.cwd())
        .exitOverride()
        .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
    try {
        program.parse(argv, { from: "user" });
    } catch (e) {
        if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.input;
        throw e;
    }
    const opts = program.opts<PlanOptions>();

    try {
        const project = readProject(path.resolve(opts.projectDir));
        const stacks = opts.all ? listStacks(project) : [opts.stack ?? "small"];
        const progress = opts.all && process.stderr.isTTY;
        const runs: PlannedStack[] = [];
        for (const [i, stack] of stacks.entries()) {
            if (progress) process.stderr.write(`planning ${stack} (${i + 1}/${stacks.length})...\n`);
            const run = await planStack(project, stack);
            runs.push(run);
            printStack(run, opts, out);
            if (opts.json) {
                const file = jsonPathFor(opts.json, stack, stacks.length > 1);
                fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
                fs.writeFileSync(file, JSON.stringify(run.preview, null, 2) + "\n");
                out(`  wrote ${file}`);
            }
            if (stacks.length > 1) out("");
        }
        if (runs.length > 1) {
            const total = runs.reduce((n, r) => n + r.preview.steps.length, 0);
            out(`${runs.length} stacks planned, ${total} resources in all.`);
        }
        return EXIT.ok;
    } catch (e) {
        if (e instanceof ConfigError || e instanceof InputError) {
            err(`error: ${e.message}`);
            return EXIT.input;
        }
        err(`internal error: ${(e as Error)?.message ?? String(e)}`);
        err("This is a bug in tiered-infra; please report it with the command you ran.");
        return EXIT.internal;
    }
}
