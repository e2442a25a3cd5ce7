/**
 * Builds the pack into `dist/index.js`: the policies and the parts of `../core` they use, bundled by
 * esbuild into one file whose only imports are the pack's own dependencies (@pulumi/policy). The
 * published pack (`npm pack`, `pulumi policy publish`) ships `dist/`, so it runs anywhere with
 * nothing but its own `node_modules`.
 *
 *   npm run build        (also run by `npm pack` through `prepack`, and by the project's `npm ci`)
 *
 * In the repository, `main.js` calls `ensureBuilt()` so a stale bundle is rebuilt (~60 ms) before
 * the pack starts; the published pack has no sources and no build.js, and loads `dist/` as is.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const packDir = __dirname;
const outfile = path.join(packDir, "dist", "index.js");
/** Where the pack's sources live: its own files and the shared core model. */
const SOURCES = [packDir, path.join(packDir, "..", "core")];

function newest(dir) {
    let t = 0;
    if (!fs.existsSync(dir)) return t;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.name === "node_modules" || e.name === "dist" || e.name === "config" || e.name.startsWith(".")) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) t = Math.max(t, newest(p));
        else if (/\.(ts|json)$/.test(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
    }
    return t;
}

/** One CommonJS bundle for Node 20: our code inlined, npm packages left to `node_modules`. */
function bundle(entry, out, opts = {}) {
    require("esbuild").buildSync({ entryPoints: [entry], outfile: out, bundle: true, platform: "node", target: "node20", format: "cjs", packages: "external", logLevel: "error", ...opts });
    return out;
}

function build() {
    return bundle(path.join(packDir, "index.ts"), outfile);
}

/** Builds the bundle if it is missing or older than any source; returns its path. */
function ensureBuilt() {
    const built = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
    if (built < Math.max(...SOURCES.map(newest))) build();
    return outfile;
}

module.exports = { build, bundle, ensureBuilt, newest, outfile };

if (require.main === module) console.log(`built ${path.relative(process.cwd(), build())}`);
