/**
 * The layout is the architecture: each area may import only the areas below it. `core/` (the plan
 * and cost model) imports nothing of ours; the policy pack imports only `core/`, so it can be
 * published on its own; the tools never reach into each other except through the pipeline and the
 * command-line layer.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

/** Area of a path relative to the root: `tools/<sub>` for tools, else the top-level folder. */
function areaOf(rel: string): string {
    const parts = rel.split(path.sep);
    return parts[0] === "tools" && parts.length > 2 ? `tools/${parts[1]}` : parts[0];
}

/** Which areas each area may import (besides itself and npm packages). */
const ALLOWED: Record<string, string[]> = {
    core: [],
    policies: ["core"],
    components: ["core"],
    infra: ["components", "core"],
    "tools/offline": ["infra", "core"],
    "tools/cost": ["infra", "core"],
    "tools/policy": ["tools/cost", "infra", "core"],
    "tools/pipeline": ["tools/offline", "tools/cost", "tools/policy", "infra", "core"],
    "tools/cli": ["tools/cli", "tools/pipeline", "tools/offline", "tools/cost", "tools/policy", "infra", "core"],
    // tools/build.js bundles the command-line tools with the pack's own builder (policies/build.js).
    tools: ["policies"],
};

function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (["node_modules", "dist"].includes(e.name) || e.name.startsWith(".")) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...sourceFiles(p));
        else if (/\.(ts|js)$/.test(e.name)) out.push(p);
    }
    return out;
}

/** Every relative import of the project's sources: [importing file, imported file], both relative to the root. */
function relativeImports(): Array<[string, string]> {
    const edges: Array<[string, string]> = [];
    for (const top of ["core", "policies", "components", "infra", "tools"]) {
        for (const file of sourceFiles(path.join(ROOT, top))) {
            const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
            for (const imp of info.importedFiles) {
                if (!imp.fileName.startsWith(".")) continue;
                edges.push([path.relative(ROOT, file), path.relative(ROOT, path.resolve(path.dirname(file), imp.fileName))]);
            }
        }
    }
    return edges;
}

describe("architecture: allowed import directions", () => {
    const edges = relativeImports();

    it("reads the project's imports (the check is not vacuous)", () => {
        assert.ok(edges.length > 150, `only ${edges.length} imports found`);
        assert.ok(edges.some(([from, to]) => from.startsWith("policies") && to.startsWith("core")), "the pack imports the core");
    });

    it("imports only from allowed areas", () => {
        const bad = edges.filter(([from, to]) => {
            const a = areaOf(from);
            const b = areaOf(to);
            return a !== b && !(ALLOWED[a] ?? []).includes(b);
        });
        assert.deepEqual(bad.map(([from, to]) => `${from} -> ${to}`), []);
    });

    it("keeps the tools' cost model free of policy code, and the pack free of tools and infra", () => {
        assert.deepEqual(edges.filter(([from, to]) => areaOf(from) === "tools/cost" && areaOf(to) === "tools/policy"), []);
        assert.deepEqual(edges.filter(([from, to]) => areaOf(from) === "policies" && ["tools", "infra", "components"].includes(to.split(path.sep)[0])), []);
    });

    it("flags an import the rules forbid", () => {
        // The rule itself, on a made-up edge: a policy importing the offline engine.
        const a = areaOf(path.join("policies", "rules", "x.ts"));
        const b = areaOf(path.join("tools", "offline", "engine.ts"));
        assert.equal(ALLOWED[a].includes(b), false);
    });
});
