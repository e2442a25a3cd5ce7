/**
 * The workflow a team copies (.github/workflows/policy-gate.yml) is valid for GitHub: checked by
 * GitHub's own parser (@actions/workflow-parser, the one behind the VS Code extension), and every
 * command it runs exists.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import YAML from "yaml";
import { PROJECT_DIR } from "./harness";

const WORKFLOW_DIR = path.join(PROJECT_DIR, ".github", "workflows");

interface WorkflowParser {
    parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: { errors: { getErrors(): Array<{ message: string }> } }; value: unknown };
    convertWorkflowTemplate(context: unknown, value: unknown): Promise<{ jobs?: Array<{ id: { value: string } }> }>;
    NoOperationTraceWriter: new () => unknown;
}

/** The parser is ESM-only and imports its schema as JSON: bundled once to CommonJS for this test. */
function loadParser(): WorkflowParser {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "workflow-parser-")), "parser.cjs");
    require("esbuild").buildSync({
        stdin: { contents: 'export * from "@actions/workflow-parser"', resolveDir: PROJECT_DIR, loader: "js" },
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        outfile: out,
        logLevel: "error",
    });
    return require(out);
}

async function validate(parser: WorkflowParser, name: string, content: string): Promise<{ errors: string[]; jobs: string[] }> {
    const parsed = parser.parseWorkflow({ name, content }, new parser.NoOperationTraceWriter());
    const template = parsed.value === undefined ? undefined : await parser.convertWorkflowTemplate(parsed.context, parsed.value);
    return { errors: parsed.context.errors.getErrors().map((e) => e.message), jobs: (template?.jobs ?? []).map((j) => j.id.value) };
}

describe("the GitHub workflow to copy", function () {
    this.timeout(60_000);
    let parser: WorkflowParser;
    const files = fs.readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f));

    before(() => {
        parser = loadParser();
    });

    it("exists", () => assert.deepEqual(files, ["policy-gate.yml"]));

    for (const file of files) {
        it(`${file} passes GitHub's workflow parser`, async () => {
            const { errors, jobs } = await validate(parser, `.github/workflows/${file}`, fs.readFileSync(path.join(WORKFLOW_DIR, file), "utf8"));
            assert.deepEqual(errors, []);
            assert.deepEqual(jobs, ["offline-gate", "real-preview"]);
        });

        it(`${file} runs only scripts package.json has, and pins every action to a version`, () => {
            const doc = YAML.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), "utf8"));
            const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8")).scripts);
            const steps = Object.values(doc.jobs as Record<string, { steps: Array<{ run?: string; uses?: string }> }>).flatMap((j) => j.steps);
            const called = steps.flatMap((s) => [...(s.run ?? "").matchAll(/npm run(?: -s)? ([a-z-]+)/g)].map((m) => m[1]));
            assert.ok(called.includes("plan") && called.includes("policy-config"), "the gate plans and checks the policy config");
            for (const script of called) assert.ok(scripts.includes(script), `npm run ${script} exists`);
            for (const s of steps.filter((x) => x.uses)) assert.match(s.uses!, /^[\w.-]+\/[\w./-]+@v?\d/, `${s.uses} is pinned`);
        });
    }

    it("the parser catches what GitHub would reject (so a pass means something)", async () => {
        const broken = [
            "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    foo: bar\n    steps:\n      - run: echo\n",
            "name: x\non: push\njobs:\n  a:\n    steps:\n      - run: echo\n",
            "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n  b:\n    needs: nope\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
        ];
        for (const content of broken) assert.ok((await validate(parser, "w.yml", content)).errors.length > 0, content);
    });
});
