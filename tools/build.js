/**
 * Bundles of the command-line tools (`tools/cli/*.ts` -> `dist/cli/*.js`). Each is rebuilt by
 * esbuild (about 60 ms) whenever a source file is newer than the bundle, so nobody has to remember a
 * build step and a stale bundle cannot run. The policy pack builds itself (`policies/build.js`).
 *
 *   node tools/build.js   builds every bundle and the pack (run by `npm install` / `npm ci`)
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["core", "infra", "components", "tools"];

function bundleTargets() {
    const cli = fs.readdirSync(path.join(root, "tools", "cli")).filter((f) => f.endsWith(".ts"));
    return Object.fromEntries(cli.map((f) => [f.slice(0, -3), { entry: `tools/cli/${f}`, outfile: `dist/cli/${f.slice(0, -3)}.js` }]));
}

// One bundler configuration for the whole project: the pack's (policies/build.js).
const { bundle, newest } = require("../policies/build");

/** Builds the named bundle if it is missing or older than any source; returns its absolute path. */
function ensureBuilt(name) {
    const target = bundleTargets()[name];
    if (!target) throw new Error(`unknown bundle ${JSON.stringify(name)}; known: ${Object.keys(bundleTargets()).join(", ")}`);
    const outfile = path.join(root, target.outfile);
    const built = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
    const sources = Math.max(fs.statSync(path.join(root, "package.json")).mtimeMs, ...SOURCE_DIRS.map((d) => newest(path.join(root, d))));
    // A map beside each bundle (not loaded at run time) lets the offline engine map the source
    // position of every registration back to the component that made it (tools/offline/sourceMaps.ts).
    if (built < sources) bundle(path.join(root, target.entry), outfile, { sourcemap: "linked", sourcesContent: false });
    return outfile;
}

module.exports = { ensureBuilt, bundleTargets };

if (require.main === module) {
    for (const name of Object.keys(bundleTargets())) console.log(`built ${path.relative(root, ensureBuilt(name))}`);
    console.log(`built ${path.relative(root, require("../policies/build").ensureBuilt())}`);
}
