#!/usr/bin/env node
/**
 * Starts a command-line tool (`tools/cli/<name>.ts`) from a bundle that esbuild rebuilds whenever a
 * source file is newer than it. A bundle loads in one file read instead of transpiling ~50 modules
 * on every run, which keeps `npm run plan` close to the cost of loading the Pulumi SDKs themselves.
 *
 * Usage: node tools/launch.js <tool> [args...]
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["infra", "components", "tools", "policies"];
const tool = process.argv[2];
const entry = tool && path.join(root, "tools", "cli", `${tool}.ts`);
if (!entry || !fs.existsSync(entry)) {
    const tools = fs.readdirSync(path.join(root, "tools", "cli")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
    console.error(`usage: node tools/launch.js <tool> [options]; tools: ${tools.join(", ")}`);
    process.exit(2);
}
const bundle = path.join(root, "dist", "cli", `${tool}.js`);

function newestSource(dir) {
    let newest = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.name === "node_modules" || e.name.startsWith(".")) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
        else if (/\.(ts|js|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
    return newest;
}

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
const sources = Math.max(fs.statSync(path.join(root, "package.json")).mtimeMs, ...SOURCE_DIRS.filter((d) => fs.existsSync(path.join(root, d))).map((d) => newestSource(path.join(root, d))));
if (built < sources) {
    require("esbuild").buildSync({
        entryPoints: [entry],
        outfile: bundle,
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        packages: "external",
        logLevel: "error",
    });
}
// The Pulumi SDK captures a stack trace per resource and per internal promise, for debugging
// reports we never print. Source maps (each capture mapped through every SDK .js.map) and deep
// stacks made that a third of plan's time; our tools never show users a stack trace anyway.
process.setSourceMapsEnabled(false);
Error.stackTraceLimit = 1;

const { main } = require(bundle);
main(process.argv.slice(3)).then(
    (code) => process.exit(code),
    (e) => {
        console.error(`internal error: ${(e && e.message) || e}`);
        process.exit(3);
    },
);
