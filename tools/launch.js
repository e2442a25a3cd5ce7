#!/usr/bin/env node
/**
 * Starts a command-line tool (`tools/cli/<name>.ts`) from its bundle (see build.js). A bundle loads
 * in one file read instead of transpiling ~50 modules on every run, which keeps `npm run plan` close
 * to the cost of loading the Pulumi SDKs themselves.
 *
 * Usage: node tools/launch.js <tool> [args...]
 */
"use strict";

const { bundleTargets, ensureBuilt } = require("./build");

const tool = process.argv[2];
const tools = Object.keys(bundleTargets());
if (!tools.includes(tool)) {
    console.error(`usage: node tools/launch.js <tool> [options]; tools: ${tools.join(", ")}`);
    process.exit(2);
}
const bundle = ensureBuilt(tool);

// @pulumi/pulumi requires the TypeScript compiler when it loads (runtime/closure/parseFunction.js),
// for serialising JavaScript closures, which our programs never do: a tenth of every run went to
// loading it. The SDK gets a stand-in that loads the real module the first time it is used.
lazyTypescriptForPulumi();

function lazyTypescriptForPulumi() {
    const Module = require("module");
    const load = Module._load;
    const sdk = `${require("path").sep}@pulumi${require("path").sep}pulumi${require("path").sep}`;
    Module._load = function (request, parent, isMain) {
        if (request !== "typescript" || !parent || !parent.filename || !parent.filename.includes(sdk)) return load.apply(this, arguments);
        let real;
        const ts = () => (real ??= load.call(this, request, parent, isMain));
        return new Proxy({}, {
            get: (_, key) => ts()[key],
            has: (_, key) => key in ts(),
            ownKeys: () => Reflect.ownKeys(ts()),
            getOwnPropertyDescriptor: (_, key) => {
                const d = Object.getOwnPropertyDescriptor(ts(), key);
                return d && { ...d, configurable: true };
            },
        });
    };
}

// A reader that goes away (`| head`) closes the pipe: stop writing, quietly. The command runs on and
// exits with the code its result deserves.
for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e) => {
        if (e && e.code !== "EPIPE") throw e;
    });
}

/** Exits once stdout and stderr have drained: pipes are asynchronous, and exiting early cuts output at 64 KiB. */
function exitWhenDrained(code) {
    process.exitCode = code;
    let pending = 2;
    const done = () => {
        if (--pending === 0) process.exit(code);
    };
    for (const stream of [process.stdout, process.stderr]) {
        if (stream.destroyed || !stream.writable) done();
        else stream.write("", done);
    }
}

const { main } = require(bundle);
main(process.argv.slice(3)).then(exitWhenDrained, (e) => {
    console.error(`internal error: ${(e && e.message) || e}`);
    exitWhenDrained(3);
});
