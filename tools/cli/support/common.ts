/** What every command-line tool shares: exit codes, argument parsing, and turning errors into them. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { InputError } from "../../../core/errors";
import { AWS_REGIONS } from "../../../infra/config";

/** 0 clean; 1 gate failure (mandatory policy violation or budget); 2 bad input; 3 internal error. */
export const EXIT = { ok: 0, gate: 1, input: 2, internal: 3 } as const;

export type Printer = (line: string) => void;

/** Parses `argv` with `program`; returns its options, or the exit code when parsing ended the run (help, bad flag). */
export function parseArgs<T>(program: Command, argv: string[], out: Printer, err: Printer): T | number {
    program.exitOverride().configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
    try {
        program.parse(argv, { from: "user" });
    } catch (e) {
        if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.input;
        throw e;
    }
    return program.opts<T & object>();
}

/**
 * Bad input (our InputError, or the program's ConfigError, matched by name so that importing this
 * module never loads the Pulumi SDK) is reported as such with exit 2; anything else is a bug: exit 3.
 * Never a stack trace either way.
 */
export function reportError(e: unknown, err: Printer): number {
    if (e instanceof InputError || (e as Error)?.name === "ConfigError") {
        err(`error: ${(e as Error).message}`);
        return EXIT.input;
    }
    err(`internal error: ${(e as Error)?.message ?? String(e)}`);
    err("This is a bug in tiered-infra; please report it with the command you ran.");
    return EXIT.internal;
}

/** Options every stack-reading command shares: which stacks (or which preview file), usage, project. */
export interface StackSelection {
    stack: string;
    all?: boolean;
    previewJson?: string;
    usage?: string;
    projectDir: string;
}

/** Adds the stack-selection options to a command; `verb` words the help ("plan", "estimate"). */
export function withStackSelection(program: Command, verb: string): Command {
    return program
        .addOption(new Option("-s, --stack <name>", `stack to ${verb} (a stacks/Pulumi.<name>.yaml)`).default("small").conflicts(["all", "previewJson"]))
        .addOption(new Option("-a, --all", `${verb} every stack in the stack config directory`).conflicts("previewJson"))
        .option("--preview-json <file>", `read a \`pulumi preview --json\` file (written by the Pulumi CLI) instead of planning offline`)
        .option("--usage <file>", "usage overrides (YAML/JSON: { default: {...}, <tier>: {...}, <stack>: {...} }) for cost estimates and the budget policy")
        .option("--project-dir <dir>", "directory holding Pulumi.yaml", process.cwd());
}

/** A flag's value that must be an AWS region name (the provider's own list): a typo is refused, never priced as some default. */
export function awsRegion(): (value: string) => string {
    return (value) => {
        if ((AWS_REGIONS as readonly string[]).includes(value)) return value;
        throw new InvalidArgumentError(`not an AWS region name; expected one such as us-east-1, eu-central-1, ap-southeast-2 (the provider's list: ${AWS_REGIONS.length} names)`);
    };
}
