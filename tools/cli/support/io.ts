/**
 * Input and output for the command-line tools, clean in pipes: `-` means stdin or stdout for every
 * file flag; when a report goes to stdout, everything meant for people goes to stderr so the report
 * stays pure; a reader that goes away (`| head`) ends output quietly, never with a stack trace, and
 * the exit code keeps its meaning. Exiting waits for output to drain (tools/launch.js).
 */
import * as fs from "fs";
import * as path from "path";
import { InputError } from "../../../core/errors";
import { Printer } from "./common";

/** The `-` of file flags. */
export const STDIO = "-";

/** Reads a file flag's value; `-` reads stdin. */
export function readInput(file: string): string {
    return fs.readFileSync(file === STDIO ? 0 : file, "utf8");
}

/**
 * The file flags of one command that write reports. At most one may be `-` (stdout holds one
 * document); `human` is where lines for people go: stderr when a report has stdout.
 */
export function reportTargets(flags: Record<string, string | undefined>, out: Printer, err: Printer): { human: Printer; toStdout?: string } {
    const onStdout = Object.entries(flags).filter(([, v]) => v === STDIO).map(([k]) => k);
    if (onStdout.length > 1) throw new InputError(`${onStdout.map((f) => `--${f}`).join(", ")}: only one report can go to stdout (-); write the others to files`);
    return { human: onStdout.length ? err : out, toStdout: onStdout[0] };
}

/** Why a report file cannot be written, in words, for the errors a path given by a person causes. */
const UNWRITABLE: Record<string, string> = {
    EISDIR: "it is a folder; give a file name",
    ENOTDIR: "a part of the path is a file, not a folder",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ENOENT: "that path cannot be created",
    ENAMETOOLONG: "the name is too long",
};

/**
 * Writes a report to its file (creating the folder) or, for `-`, to stdout; `note` tells people
 * where it went. A path that cannot be written is bad input (exit 2) naming the flag, not a crash.
 */
export function writeReport(file: string, text: string, out: Printer, note?: Printer, flag = "output"): void {
    if (file === STDIO) {
        out(text.endsWith("\n") ? text.slice(0, -1) : text);
        return;
    }
    try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(file, text);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? "";
        if (!(code in UNWRITABLE)) throw e;
        throw new InputError(`${flag}: cannot write ${JSON.stringify(file)}: ${UNWRITABLE[code]} (${code}); give a writable file path or - for stdout`);
    }
    note?.(`  wrote ${file}`);
}
