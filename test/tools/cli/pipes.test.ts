/**
 * The tools as CI and people use them: in pipes, through `npm run`'s launcher, with `-` for stdout,
 * read by JSON parsers and cut short by `head`. Output is never truncated, a closed pipe ends
 * quietly, exit codes keep their meaning, JSON output is only JSON.
 */
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR } from "../../harness";

/** Runs a shell pipeline in the project; returns every stage's exit code and the output. */
function pipeline(cmd: string): { codes: number[]; stdout: string; stderr: string } {
    const r = spawnSync("bash", ["-c", `set -o pipefail; ${cmd}; echo "codes:\${PIPESTATUS[*]}" >&2`], { cwd: PROJECT_DIR, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const m = /codes:([\d ]+)\s*$/.exec(r.stderr);
    assert.ok(m, r.stderr);
    return { codes: m[1].trim().split(" ").map(Number), stdout: r.stdout, stderr: r.stderr.slice(0, m.index) };
}

const PARSE = `node -e "const t=require('fs').readFileSync(0,'utf8'); const d=JSON.parse(t); console.log(Object.keys(d).join(',')); console.error('bytes:' + t.length)"`;
const NO_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;

describe("command-line tools in pipes", function () {
    this.timeout(120_000);

    it("cost --all --format json reaches a JSON parser whole (over 64 KiB through a pipe)", () => {
        const r = pipeline(`node tools/launch.js cost --all --format json | ${PARSE}`);
        assert.deepEqual(r.codes, [0, 0], r.stderr.slice(-2000));
        assert.match(r.stdout, /^version,currency,generatedAt,catalogDate,hoursPerMonth,totalMonthlyCost,complete,stacks$/m);
        const bytes = Number(/bytes:(\d+)/.exec(r.stderr)![1]);
        assert.ok(bytes > 128 * 1024, `${bytes} bytes went through`);
    });

    it("stops quietly when the reader goes away, with the command's own exit code", () => {
        // One stack's JSON cost report (~165 KiB) overflows the pipe's 64 KiB after head has gone.
        for (const cmd of ["node tools/launch.js cost --stack large --format json | head -1", "node tools/launch.js plan --stack local | head -1"]) {
            const r = pipeline(cmd);
            assert.equal(r.codes[0], 0, `${cmd}: ${r.stderr}`);
            assert.equal(r.stdout.split("\n").filter(Boolean).length, 1);
            assert.doesNotMatch(r.stderr, NO_TRACE, `${cmd}: no stack trace`);
            assert.doesNotMatch(r.stderr, /EPIPE/);
        }
    });

    it("writes a report to stdout for '-', with everything for people on stderr", () => {
        const plan = pipeline(`node tools/launch.js plan --stack local --json - | ${PARSE}`);
        assert.deepEqual(plan.codes, [0, 0], plan.stderr);
        assert.match(plan.stdout, /^config,steps,diagnostics,duration,changeSummary,tieredInfra$/m);
        assert.match(plan.stderr, /^local: \+ \d+ to create/m, "the summary still reaches the person, on stderr");
        const sarif = pipeline(`node tools/launch.js plan --stack local --quiet --sarif - | ${PARSE}`);
        assert.deepEqual(sarif.codes, [0, 0], sarif.stderr);
        assert.match(sarif.stdout, /^version,\$schema,runs$/m);
    });

    it("keeps JSON output pure when comparing with an earlier report, and reads it from stdin with '-'", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-pipes-"));
        const before = path.join(dir, "before.json");
        assert.equal(pipeline(`node tools/launch.js cost --stack local --format json --out ${before}`).codes[0], 0);
        const r = pipeline(`cat ${before} | node tools/launch.js cost --stack local --format json --compare-to - | ${PARSE}`);
        assert.deepEqual(r.codes, [0, 0, 0], r.stderr);
        assert.match(r.stdout, /,stacks,diff$/m);
    });

    it("refuses two reports on stdout (exit 2, no stack trace)", () => {
        const r = pipeline("node tools/launch.js plan --stack local --json - --sarif -");
        assert.equal(r.codes[0], 2);
        assert.match(r.stderr, /--json, --sarif: only one report can go to stdout \(-\)/);
        assert.doesNotMatch(r.stderr, NO_TRACE);
    });
});
