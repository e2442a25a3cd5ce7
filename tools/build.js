/**
 * Bundles of the TypeScript entry points that run outside the test runner: the command-line tools
 * and the policy pack. Each is rebuilt by esbuild (about 60 ms) whenever a source file is newer than
 * the bundle, so nobody has to remember a build step and a stale bundle cannot run.
 *
 *   node tools/build.js   builds every bundle (run by `npm install` / `npm ci`)
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["infra", "components", "tools", "policies"];

function bundleTargets() {
    const cli = fs.readdirSync(path.join(root, "tools", "cli")).filter((f) => f.endsWith(".ts"));
    const targets = Object.fromEntries(cli.map((f) => [f.slice(0, -3), { entry: `tools/cli/${f}`, outfile: `dist/cli/${f.slice(0, -3)}.js` }]));
    // The pack resolves @pulumi/policy from policies/node_modules, as the Pulumi CLI runs it there.
    targets.policies = { entry: "policies/index.ts", outfile: "policies/dist/index.js" };
    return targets;
}

function newestSource(dir) {
    let newest = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
        else if (/\.(ts|js|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
    return newest;
}

/** Builds the named bundle if it is missing or older than any source; returns its absolute path. */
function ensureBuilt(name) {
    const target = bundleTargets()[name];
    if (!target) throw new Error(`unknown bundle ${JSON.stringify(name)}; known: ${Object.keys(bundleTargets()).join(", ")}`);
    const outfile = path.join(root, target.outfile);
    const built = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
    const sources = Math.max(
        fs.statSync(path.join(root, "package.json")).mtimeMs,
        ...SOURCE_DIRS.filter((d) => fs.existsSync(path.join(root, d))).map((d) => newestSource(path.join(root, d))),
    );
    if (built < sources) {
        require("esbuild").buildSync({
            entryPoints: [path.join(root, target.entry)],
            outfile,
            bundle: true,
            platform: "node",
            target: "node20",
            format: "cjs",
            packages: "external",
            logLevel: "error",
        });
    }
    return outfile;
}

module.exports = { ensureBuilt, bundleTargets };

if (require.main === module) {
    for (const name of Object.keys(bundleTargets())) console.log(`built ${path.relative(root, ensureBuilt(name))}`);
}
