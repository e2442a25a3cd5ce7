/**
 * The offline preview of a change: the stack planned at a base (a git ref, planned by that
 * revision's own code in a temporary worktree, or a saved `plan --json`) and at the working tree,
 * turned into the `pulumi preview --json` a real preview of the change would give: `create`,
 * `update` (with the changed input paths as `detailedDiff`), `delete` and `same` steps. The rest of
 * the pipeline then reads it like any preview: cost before and after, policies on what the stack
 * will hold.
 *
 * Offline, a provider's replace decision is unknown: a changed input shows as an update with its
 * path; the real `pulumi preview` tells which changes replace.
 */
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { InputError } from "../../core/errors";
import { readProject } from "../offline/project";
import { PreviewJson, PreviewStep, ResourceState } from "../../core/plan/previewJson";

/** The inputs a plan records that are not the program's: differences in them are not changes. */
const NOT_INPUTS = new Set(["__defaults"]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** PropertyPath syntax of the CLI's detailedDiff: `a.b`, `list[0]`, `tags["kubernetes.io/name"]`. */
function joinPath(base: string, key: string | number): string {
    if (typeof key === "number") return `${base}[${key}]`;
    const simple = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
    return simple ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

/** Every path where two input values differ, with the CLI's kinds (`add`, `delete`, `update`). */
export function inputDiff(before: unknown, after: unknown, at = ""): Record<string, { kind: "add" | "delete" | "update"; inputDiff: true }> {
    const out: Record<string, { kind: "add" | "delete" | "update"; inputDiff: true }> = {};
    const walk = (b: unknown, a: unknown, p: string) => {
        if (b === undefined && a === undefined) return;
        if (b === undefined) {
            out[p] = { kind: "add", inputDiff: true };
            return;
        }
        if (a === undefined) {
            out[p] = { kind: "delete", inputDiff: true };
            return;
        }
        if (isPlainObject(b) && isPlainObject(a)) {
            for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) if (!(p === "" && NOT_INPUTS.has(k))) walk(b[k], a[k], joinPath(p, k));
            return;
        }
        if (Array.isArray(b) && Array.isArray(a)) {
            for (let i = 0; i < Math.max(a.length, b.length); i++) walk(b[i], a[i], joinPath(p, i));
            return;
        }
        if (JSON.stringify(b) !== JSON.stringify(a)) out[p] = { kind: "update", inputDiff: true };
    };
    walk(before, after, at);
    return out;
}

/** The change preview between a base plan and the working tree's plan of one stack. */
export function diffPlans(base: PreviewJson, head: PreviewJson): PreviewJson {
    const was = new Map(base.steps.filter((s) => s.newState).map((s) => [s.urn, s.newState!]));
    const now = new Map(head.steps.filter((s) => s.newState).map((s) => [s.urn, s.newState!]));
    const steps: PreviewStep[] = [];
    const counts: Record<string, number> = {};
    const add = (step: PreviewStep & { diffReasons?: string[]; detailedDiff?: unknown }) => {
        steps.push(step);
        counts[step.op] = (counts[step.op] ?? 0) + 1;
    };
    for (const [urn, after] of now) {
        const before = was.get(urn);
        if (!before) {
            add({ op: "create", urn, ...(after.provider ? { provider: after.provider } : {}), newState: after, detailedDiff: null } as PreviewStep);
            continue;
        }
        const diff = inputDiff(before.inputs, after.inputs);
        const reasons = [...new Set(Object.keys(diff).map((p) => p.split(/[.[]/)[0]))];
        const changed = reasons.length > 0 || before.type !== after.type;
        add({
            op: changed ? "update" : "same",
            urn,
            ...(after.provider ? { provider: after.provider } : {}),
            oldState: before,
            newState: after,
            ...(changed ? { diffReasons: reasons } : {}),
            detailedDiff: changed ? diff : null,
        } as PreviewStep);
    }
    // Deletions, children before parents as the engine deletes them.
    for (const [urn, before] of [...was].reverse()) {
        if (!now.has(urn)) add({ op: "delete", urn, ...(before.provider ? { provider: before.provider } : {}), oldState: before as ResourceState, detailedDiff: null } as PreviewStep);
    }
    return {
        config: head.config,
        steps,
        diagnostics: [],
        duration: head.duration,
        changeSummary: counts,
        tieredInfra: { ...(head.tieredInfra ?? {}), base: base.tieredInfra?.base ?? "plan" },
    };
}

function git(dir: string, args: string[]): string {
    return execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** A stack as it was at the base: its plan, and its stack file's text (for the stack-file scan). */
export interface BaseStack {
    preview: PreviewJson;
    /** Path of the stack file relative to the repository, and its text at the base; absent when the stack did not exist. */
    stackFile?: { path: string; text: string };
    /** The stack-file scan's findings a saved plan recorded (`tieredInfra.stackFileFindings`). */
    stackFileFindings?: Array<{ path: string; message: string }>;
}

/** The base of a saved plan JSON file. */
function planFile(base: string, stacks: string[]): Map<string, BaseResult> {
    let doc: PreviewJson;
    try {
        doc = JSON.parse(fs.readFileSync(base, "utf8"));
    } catch (e) {
        throw new InputError(`--base: ${base} is not readable JSON (${(e as Error).message})`);
    }
    if (!Array.isArray(doc?.steps)) throw new InputError(`--base: ${base} is neither a git revision nor a plan JSON (write one with \`npm run plan -- --stack NAME --json FILE\`)`);
    const stack = typeof doc.tieredInfra?.stack === "string" ? doc.tieredInfra.stack : undefined;
    if (stacks.length !== 1 || (stack && stack !== stacks[0])) throw new InputError(`--base: ${base} is the plan of ${stack ?? "one stack"}; compare it with that stack alone (--stack ${stack ?? "NAME"})`);
    const recorded = doc.tieredInfra?.stackFileFindings;
    return new Map([[stacks[0], { preview: { ...doc, tieredInfra: { ...(doc.tieredInfra ?? {}), base } }, ...(Array.isArray(recorded) ? { stackFileFindings: recorded as BaseStack["stackFileFindings"] } : {}) }]]);
}

/**
 * What `--base` names: a saved plan file, or a git revision of the project (its commit). Checked
 * before anything is planned, so a mistyped base fails at once (exit 2) rather than after the plans.
 */
export function resolveBase(projectDir: string, base: string): { file?: true; sha?: string } {
    if (fs.existsSync(base) && fs.statSync(base).isFile()) return { file: true };
    try {
        return { sha: git(projectDir, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]) };
    } catch {
        throw new InputError(`--base: ${JSON.stringify(base)} is neither a file nor a git revision of ${projectDir} (give a branch, tag, commit or a plan JSON file)`);
    }
}

/** What the base plans depend on besides the base commit's tree. */
interface BaseInputs {
    /** The project folder, relative to the repository's top. */
    projectRel: string;
    /** This tool's folder relative to the repository's top; undefined when the tool lives outside the repository. */
    toolRel?: string;
    unknowns: boolean;
}

/**
 * Where the plans of one base are kept between runs: the repository's git directory (never
 * committed, gone with the clone), under a key of everything a base plan depends on — the base
 * commit's tree (its code and stack files), where the project and the tool sit in it, whether
 * outputs are left unknown, this checkout's lock file (the base runs with this checkout's
 * node_modules) and the Node version. A commit that changes anything has another tree, so a kept
 * plan is never stale; `TIERED_INFRA_BASE_CACHE=off` turns the store off. A tool outside the
 * repository plans the base with its own code, which no tree pins: nothing is kept then.
 */
function baseCacheDir(top: string, sha: string, inputs: BaseInputs, tool: string): string | undefined {
    if (process.env.TIERED_INFRA_BASE_CACHE === "off" || inputs.toolRel === undefined) return undefined;
    try {
        const gitDir = path.resolve(top, git(top, ["rev-parse", "--git-common-dir"]));
        const lock = path.join(tool, "package-lock.json");
        const key = createHash("sha256")
            .update(JSON.stringify([BASE_CACHE_FORMAT, git(top, ["rev-parse", `${sha}^{tree}`]), inputs, fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : "", process.version]))
            .digest("hex")
            .slice(0, 32);
        return path.join(gitDir, "tiered-infra", "base-plans", key);
    } catch {
        return undefined;
    }
}
/** Bumped when what a kept base plan holds changes shape. */
const BASE_CACHE_FORMAT = 2;

type KeptBase = { absent: true } | { preview: PreviewJson; stackFile: { path: string; text: string } };

/** A kept plan, or undefined when there is none or it is not one (then the stack is planned again). */
function readKept(dir: string | undefined, stack: string): KeptBase | undefined {
    if (!dir) return undefined;
    try {
        const k = JSON.parse(fs.readFileSync(path.join(dir, `${stack}.json`), "utf8"));
        if (k?.absent === true) return { absent: true };
        const ok = Array.isArray(k?.preview?.steps) && k.preview.steps.length > 0 && typeof k?.stackFile?.path === "string" && typeof k.stackFile.text === "string";
        return ok ? k : undefined;
    } catch {
        return undefined;
    }
}

/** Written whole or not at all: a rename, so a run stopped half-way leaves no torn entry. */
function keep(dir: string | undefined, stack: string, kept: KeptBase): void {
    if (!dir) return;
    try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = path.join(dir, `.${stack}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, JSON.stringify(kept));
        fs.renameSync(tmp, path.join(dir, `${stack}.json`));
    } catch {
        // A store that cannot be written only costs the next run a plan.
    }
}

/** The folder of this tool's checkout (the one holding `tools/launch.js`), from the source or its bundle. */
function toolRoot(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "tools", "launch.js"))) return fs.realpathSync(dir);
        if (path.dirname(dir) === dir) throw new Error(`tools/launch.js not found above ${__dirname}`);
    }
}

/** What the base's planner said about `stack` (`error: <stack>: ...` and its indented lines), or its last lines. */
function baseError(output: string, stack: string): string {
    const lines = output.trim().split("\n");
    const at = lines.findIndex((l) => l.startsWith(`error: ${stack}: `));
    if (at < 0) return lines.slice(-5).join("\n");
    const end = lines.findIndex((l, i) => i > at && !/^\s/.test(l));
    return [lines[at].slice(`error: ${stack}: `.length), ...lines.slice(at + 1, end < 0 ? undefined : end)].join("\n");
}

/** A stack's base plan, or why it could not be made (that stack fails; the others go on). */
export type BaseResult = BaseStack | { error: InputError };

/**
 * The plans of `stacks` at `base`: a saved plan JSON file (one stack), or a git revision planned by
 * its own code (`tools/launch.js plan` of that revision, in one temporary worktree sharing this
 * checkout's node_modules). A stack that does not exist at the base plans as empty: everything is a
 * create; a stack that cannot be planned there fails alone. Plans of a revision are kept
 * (`baseCacheDir`), so comparing against the same base again (the edit-preview loop on a branch)
 * plans only the working tree.
 */
export function plansAtBase(projectDir: string, stacks: string[], base: string, opts: { unknowns?: boolean } = {}): Map<string, BaseResult> {
    const resolved = resolveBase(projectDir, base);
    if (resolved.file) return planFile(base, stacks);
    const sha = resolved.sha!;
    const label = `${base} (${sha.slice(0, 12)})`;
    // Real paths: a project reached through a symlink (or macOS's /var -> /private/var) is still inside the repository.
    const project = fs.realpathSync(projectDir);
    const top = fs.realpathSync(git(project, ["rev-parse", "--show-toplevel"]));
    const tool = toolRoot();
    const toolRel = path.relative(top, tool);
    const inputs: BaseInputs = { projectRel: path.relative(top, project), ...(toolRel.startsWith("..") || path.isAbsolute(toolRel) ? {} : { toolRel }), unknowns: opts.unknowns === true };
    const cacheDir = baseCacheDir(top, sha, inputs, tool);
    const results = new Map<string, BaseResult>();
    const kept = new Map(stacks.map((st) => [st, readKept(cacheDir, st)]));
    const toPlan = stacks.filter((st) => !kept.get(st));
    if (toPlan.length) {
        // Registrations of worktrees whose folders are gone (a run killed before it cleaned up).
        try {
            git(top, ["worktree", "prune"]);
        } catch {
            // Pruning is housekeeping only.
        }
        const tree = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-infra-base-"));
        let signal: NodeJS.Signals | null = null;
        // Ctrl-C goes to the planner and to this process alike: while it plans, this process waits
        // for it (a listener keeps Node from dying at once), cleans up, then stops as asked.
        const wait = () => undefined;
        process.on("SIGINT", wait).on("SIGTERM", wait);
        try {
            git(top, ["worktree", "add", "--detach", "--force", tree, sha]);
            // The base's own tool when it is in the repository; otherwise this one, on the base's files.
            const baseTool = inputs.toolRel === undefined ? tool : path.join(tree, inputs.toolRel);
            for (const modules of ["node_modules", path.join("policies", "node_modules")]) {
                if (fs.existsSync(path.join(tool, modules)) && !fs.existsSync(path.join(baseTool, modules))) fs.symlinkSync(path.join(tool, modules), path.join(baseTool, modules), "dir");
            }
            const baseProject = path.join(tree, inputs.projectRel);
            let stackDir: string | undefined;
            try {
                stackDir = readProject(baseProject).stackConfigDir;
            } catch {
                stackDir = undefined; // no project at the base: every stack is new
            }
            const stackFileAt = (stack: string) => {
                const f = stackDir && path.join(stackDir, `Pulumi.${stack}.yaml`);
                return f && fs.existsSync(f) ? f : undefined;
            };
            const present = toPlan.filter((st) => stackFileAt(st));
            const outDir = path.join(tree, ".base-plans");
            let failure = (_st: string) => "";
            if (present.length) {
                // The base's own code plans its own stack files; policies are checked here, by this revision's pack.
                const args = [...(present.length === 1 ? ["--stack", present[0]] : ["--all"]), ...(inputs.unknowns ? ["--unknowns"] : [])];
                const run = spawnSync(process.execPath, [path.join(baseTool, "tools", "launch.js"), "plan", ...args, "--no-policies", "--quiet", "--json", path.join(outDir, "{stack}.json"), "--project-dir", baseProject], { cwd: baseTool, encoding: "utf8" });
                signal = run.signal;
                failure = (st) => `(exit ${run.status}): ${baseError(run.stderr || run.stdout || "", st)}`;
            }
            if (signal) throw new InputError(`--base ${base}: planning at ${sha.slice(0, 12)} was stopped (${signal})`);
            for (const st of toPlan) {
                const file = stackFileAt(st);
                if (file && !fs.existsSync(path.join(outDir, `${st}.json`))) {
                    results.set(st, { error: new InputError(`--base ${base}: planning ${st} at ${sha.slice(0, 12)} failed ${failure(st)}`) });
                    continue;
                }
                const planned: KeptBase = !file ? { absent: true }
                    : { preview: JSON.parse(fs.readFileSync(path.join(outDir, `${st}.json`), "utf8")), stackFile: { path: path.relative(tree, file), text: fs.readFileSync(file, "utf8") } };
                kept.set(st, planned);
                keep(cacheDir, st, planned);
            }
        } finally {
            try {
                git(top, ["worktree", "remove", "--force", tree]);
            } catch {
                fs.rmSync(tree, { recursive: true, force: true });
            }
            process.removeListener("SIGINT", wait).removeListener("SIGTERM", wait);
            if (signal === "SIGINT" || signal === "SIGTERM") process.kill(process.pid, signal);
        }
    }
    for (const st of stacks) {
        if (results.has(st)) continue;
        const k = kept.get(st)!;
        results.set(st, "absent" in k
            ? { preview: { steps: [], config: {}, tieredInfra: { stack: st, base: `${label}; the stack did not exist` } } }
            : { preview: { ...k.preview, tieredInfra: { ...(k.preview.tieredInfra ?? {}), base: label } }, stackFile: k.stackFile });
    }
    return results;
}
