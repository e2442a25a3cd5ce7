/**
 * Where a finding lives in the repository, for reports that must point at a file and a line
 * (GitHub code scanning rejects a SARIF result without one).
 *
 * A resource's place is where the program registered it: `newState.sourcePosition`, which the
 * Pulumi CLI records for each registration and the offline engine maps back to the TypeScript that
 * wrote it. A resource registered where the SDK cannot see a position (inside an arrow function, or
 * in a provider SDK) takes the position of its nearest parent that has one. Anything without a
 * position in the project falls back to the stack file (the `config:` line) or `Pulumi.yaml`.
 */
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import { PreviewJson, ResourceState } from "../../core/plan/previewJson";

/** A place in the repository: a path relative to the project root, with forward slashes, and a 1-based line. */
export interface RepoLocation {
    file: string;
    line: number;
}

/** `file:///abs/path.ts#12,5` (the engine's format) -> the absolute path and the line. */
function parsePosition(pos: unknown): { file: string; line: number } | undefined {
    if (typeof pos !== "string") return undefined;
    const m = /^(file:\/\/[^#]+)#(\d+)(?:,\d+)?$/.exec(pos);
    if (!m) return undefined;
    try {
        return { file: fileURLToPath(m[1]), line: Number(m[2]) };
    } catch {
        return undefined;
    }
}

function toPosix(p: string): string {
    return p.split(path.sep).join("/");
}

/**
 * The path of `abs` relative to `root`, if it names a file of the project (not a dependency or a
 * build output). A preview written on another machine (a CI runner) has other absolute prefixes: the
 * longest tail of the path that exists under `root` is taken.
 */
export function projectRelative(abs: string, root: string): string | undefined {
    const parts = path.resolve(abs).split(path.sep).filter((x) => x !== "");
    for (let i = 0; i < parts.length; i++) {
        const rel = parts.slice(i).join("/");
        if (rel.split("/").some((seg) => seg === "node_modules" || seg === "dist")) return undefined;
        if (fs.existsSync(path.join(root, rel))) return rel;
    }
    return undefined;
}

/** Builds the locator of one preview: URN -> repository location. */
export function resourceLocator(preview: PreviewJson, root: string, fallback: RepoLocation): (urn: string | undefined) => RepoLocation {
    const states = new Map<string, ResourceState>();
    for (const s of preview.steps) {
        const st = s.newState ?? s.oldState;
        if (st) states.set(s.urn, st);
    }
    const cache = new Map<string, RepoLocation>();
    const locate = (urn: string | undefined, depth = 0): RepoLocation => {
        if (!urn || depth > 50) return fallback;
        const hit = cache.get(urn);
        if (hit) return hit;
        const st = states.get(urn) as (ResourceState & { sourcePosition?: string }) | undefined;
        const pos = parsePosition(st?.sourcePosition);
        const rel = pos && projectRelative(pos.file, root);
        const found = rel ? { file: rel, line: pos!.line } : locate(st?.parent, depth + 1);
        cache.set(urn, found);
        return found;
    };
    return locate;
}

/** Where a stack's own findings go: its stack file, else the project file. */
export function stackFallback(root: string, stackFile: string | undefined, configLine = 1): RepoLocation {
    if (stackFile) {
        const rel = projectRelative(stackFile, root);
        if (rel) return { file: rel, line: configLine };
    }
    return { file: "Pulumi.yaml", line: 1 };
}

export { toPosix };
