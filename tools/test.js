#!/usr/bin/env node
/**
 * `npm test`: the type check and the mocha suite (parallel, 2 jobs) side by side. The suite's
 * workers wait on the subprocesses they start (CLI runs, policy packs), so the type check fills
 * cores that would idle; run one after the other they took ~15 s longer on 2 cores. Exits non-zero
 * if either fails; the type check's errors print after the suite's report.
 */
"use strict";

const { spawn } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, opts = {}) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: root, stdio: opts.capture ? ["ignore", "pipe", "pipe"] : "inherit" });
        let output = "";
        if (opts.capture) for (const s of [child.stdout, child.stderr]) s.on("data", (d) => (output += d));
        child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
        child.on("error", (e) => resolve({ code: 1, output: String(e) }));
    });
}

(async () => {
    const [types, tests] = await Promise.all([
        run("npm", ["run", "-s", "typecheck"], { capture: true }),
        run(bin("mocha"), ["--parallel", "--jobs", "2", ...process.argv.slice(2)]),
    ]);
    if (types.code !== 0) process.stderr.write(`\ntype check failed (npm run typecheck):\n${types.output}`);
    process.exit(types.code !== 0 ? types.code : tests.code);
})();
