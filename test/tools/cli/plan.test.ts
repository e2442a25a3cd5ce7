import { strict as assert } from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { main } from "../../../tools/cli/plan";
import { PreviewJson } from "../../../core/plan/previewJson";
import { listStacks } from "../../../tools/offline/project";
import { planShippedStack, project, PROJECT_DIR, runProgram } from "../../harness";

function capture() {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
}

function tmpDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "tiered-infra-"));
}

/** A throwaway project with the real Pulumi.yaml and one stack file. */
function fixtureProject(stack: string, yaml: string): string {
    const dir = tmpDir();
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.mkdirSync(path.join(dir, "stacks"));
    fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`), yaml);
    return dir;
}

describe("plan", () => {
    it("writes preview-shaped JSON for --stack large --json FILE", async () => {
        const file = path.join(tmpDir(), "out.json");
        const c = capture();
        assert.equal(await main(["--stack", "large", "--json", file, "--quiet"], c.out, c.err), 0, c.errors.join("\n"));
        const preview: PreviewJson = JSON.parse(fs.readFileSync(file, "utf8"));
        assert.ok(preview.steps.length > 10);
        assert.equal(preview.changeSummary?.create, preview.steps.length);
        const urns = new Set(preview.steps.map((s) => s.urn));
        for (const step of preview.steps) {
            assert.equal(step.op, "create");
            assert.match(step.urn, /^urn:pulumi:large::tiered-infra::[^:]/);
            const st = step.newState!;
            assert.equal(st.urn, step.urn);
            assert.equal(typeof st.type, "string");
            assert.equal(typeof st.custom, "boolean");
            assert.equal(typeof st.inputs, "object");
            if (st.type !== "pulumi:pulumi:Stack") assert.ok(urns.has(st.parent!), `${step.urn} has parent ${st.parent} outside the plan`);
        }
        assert.equal(preview.steps[0].newState!.type, "pulumi:pulumi:Stack");
        assert.equal(preview.config?.["tiered-infra:tier"], "large");
    });

    it("registers resources for every shipped stack", async () => {
        for (const stack of listStacks(project)) {
            const run = await planShippedStack(stack);
            assert.ok(run.preview.steps.filter((s) => s.newState?.custom).length >= 8, `${stack} registered too little`);
        }
    });

    it("prints the tree, outputs and change summary as pulumi preview does, counts per type with --verbose", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "medium", "--verbose"], c.out, c.err), 0);
        const text = c.lines.join("\n");
        assert.match(text, /^ \+ {3}pulumi:pulumi:Stack +tiered-infra-medium$/m);
        assert.match(text, /└─ aws:ec2\/routeTableAssociation:RouteTableAssociation +web-medium-private-2$/m);
        assert.match(text, /^Outputs:\n(.*\n)*? {4}kubeconfig +: "\[secret\]"$/m);
        const created = /^Resources:\n {4}\+ (\d+) to create$/m.exec(text);
        assert.ok(created, text);
        assert.match(text, /Resources by type:\n(.*\n)*\s+9 +aws:ec2\/subnet:Subnet\n/);
        assert.match(text, new RegExp(`^medium: \\+ ${created[1]} to create \\(\\d+ types\\) \\| est\\. \\$[\\d,]+\\.\\d\\d/month \\| policies: 0 mandatory`, "m"));
        assert.match(text, /^Duration: \d+\.\ds$/m);
        // Types and names never run together, however long the type.
        for (const line of text.split("\n").filter((l) => /^ \+ {3}/.test(l))) assert.match(line, /\S {2,}\S+$/, line);
        const plain = capture();
        await main(["--stack", "local"], plain.out, plain.err);
        assert.doesNotMatch(plain.lines.join("\n"), /Resources by type/, "the by-type block needs --verbose");
    });

    it("writes secret inputs as [secret], exactly as Pulumi does", async () => {
        const run = await runProgram(async () => {
            new aws.secretsmanager.SecretVersion("s", { secretId: "x", secretString: pulumi.secret("hunter2") });
            return { token: pulumi.secret("hunter2"), plain: "visible" };
        });
        const step = run.preview.steps.find((s) => s.newState?.type === "aws:secretsmanager/secretVersion:SecretVersion")!;
        assert.equal(step.newState!.inputs.secretString, "[secret]");
        assert.deepEqual(run.outputs, { token: "[secret]", plain: "visible" });
        assert.ok(!JSON.stringify(run.preview).includes("hunter2"));
    });

    it("substitutes a placeholder for encrypted config and says so", async () => {
        const dir = fixtureProject("enc", [
            "config:",
            "  aws:region: us-east-1",
            "  tiered-infra:tier: small",
            "  tiered-infra:alerting: { emails: [ops@example.com] }",
            "  tiered-infra:appSecrets:",
            "    API_KEY:",
            "      secure: v1:c2FsdA==:ZW5jcnlwdGVk",
        ].join("\n"));
        const file = path.join(dir, "plan.json");
        const c = capture();
        assert.equal(await main(["--stack", "enc", "--project-dir", dir, "--json", file], c.out, c.err), 0, c.errors.join("\n"));
        assert.match(c.lines.join("\n"), /1 encrypted config value\(s\) cannot be decrypted offline[\s\S]*tiered-infra:appSecrets\.API_KEY/);
        const preview: PreviewJson = JSON.parse(fs.readFileSync(file, "utf8"));
        assert.equal(preview.config?.["tiered-infra:appSecrets"], "[secret]");
        assert.deepEqual(preview.tieredInfra?.placeholderSecrets, ["tiered-infra:appSecrets.API_KEY"]);
    });

    it("exits 2 with the config error and no stack trace on a bad stack config", async () => {
        const dir = fixtureProject("bad", "config:\n  aws:region: us-east-1\n  tiered-infra:tier: huge\n");
        const c = capture();
        assert.equal(await main(["--stack", "bad", "--project-dir", dir], c.out, c.err), 2);
        assert.match(c.errors.join("\n"), /tiered-infra:tier: "huge" is not allowed; expected one of: small, medium, large/);
    });

    it("exits 2 when a stack's DR region is its own region", async () => {
        const dir = fixtureProject("west", "config:\n  aws:region: us-west-2\n  tiered-infra:tier: medium\n");
        const c = capture();
        assert.equal(await main(["--stack", "west", "--project-dir", dir], c.out, c.err), 2);
        assert.match(c.errors.join("\n"), /tiered-infra:sizing\.recovery\.drRegion: "us-west-2" is not allowed; must differ from aws:region \(us-west-2\)/);
        assert.doesNotMatch(c.errors.join("\n"), /\n\s+at .+:\d+:\d+/, "no stack trace");
    });

    it("exits 2 on a PagerDuty URL in plain text, and on a production stack nobody is alerted for", async () => {
        const plain = fixtureProject("pd", "config:\n  aws:region: us-east-1\n  tiered-infra:tier: small\n  tiered-infra:alerting:\n    pagerDutyUrl: https://events.pagerduty.com/integration/abc/enqueue\n");
        const c = capture();
        assert.equal(await main(["--stack", "pd", "--project-dir", plain], c.out, c.err), 2);
        assert.match(c.errors.join("\n"), /tiered-infra:alerting\.pagerDutyUrl: is stored in plain text; set it with `pulumi config set --secret --path 'alerting\.pagerDutyUrl' URL`/);
        const nobody = fixtureProject("nobody", "config:\n  aws:region: us-east-1\n  tiered-infra:tier: medium\n");
        const d = capture();
        assert.equal(await main(["--stack", "nobody", "--project-dir", nobody], d.out, d.err), 2);
        assert.match(d.errors.join("\n"), /tiered-infra:alerting: a production stack needs at least one alert subscriber/);
        // Encrypted, it plans: the offline placeholder stands in for the URL.
        const secret = fixtureProject("pds", "config:\n  aws:region: us-east-1\n  tiered-infra:tier: small\n  tiered-infra:alerting:\n    pagerDutyUrl:\n      secure: v1:c2FsdA==:ZW5jcnlwdGVk\n");
        const e = capture();
        assert.equal(await main(["--stack", "pds", "--project-dir", secret, "--no-tree", "--no-policies"], e.out, e.err), 0, e.errors.join("\n"));
    });

    it("exits 2 naming the flag when a report cannot be written there (a folder, a read-only place)", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "local", "--quiet", "--no-policies", "--json", os.tmpdir()], c.out, c.err), 2);
        assert.match(c.errors.join("\n"), new RegExp(`--json: cannot write "${os.tmpdir()}": it is a folder; give a file name \\(EISDIR\\)`));
        const d = capture();
        assert.equal(await main(["--stack", "local", "--quiet", "--sarif", "/proc/tiered-infra.sarif"], d.out, d.err), 2);
        assert.match(d.errors.join("\n"), /--sarif: cannot write "\/proc\/tiered-infra\.sarif": /);
        assert.doesNotMatch(c.errors.join("\n") + d.errors.join("\n"), /internal error|\n\s+at /);
    });

    it("exits 2 on an unknown stack or flag", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "nope"], c.out, c.err), 2);
        assert.match(c.errors.join("\n"), /"nope" is not a stack of this project; known stacks: small, medium, large/);
        assert.equal(await main(["--frobnicate"], c.out, c.err), 2);
        assert.equal(await main(["--stack", "small", "--all"], c.out, c.err), 2);
        const r = capture();
        assert.equal(await main(["--preview-json", "test/fixtures/preview/default-provider-eu-west-2.json", "--region", "mars-1"], r.out, r.err), 2);
        assert.match(r.errors.join("\n"), /option '--region <name>' argument 'mars-1' is invalid\. not an AWS region name; expected one such as us-east-1/);
        // A CLI-written preview has no base to plan here: --fail-on new would find nothing new and pass.
        const e = capture();
        assert.equal(await main(["--preview-json", "test/fixtures/preview/default-provider-eu-west-2.json", "--base", "HEAD", "--fail-on", "new"], e.out, e.err), 2);
        assert.match(e.errors.join("\n"), /'--base <ref\|file>' cannot be used with option '--preview-json <file>'/);
    });

    it("runs as `npm run plan` in a separate process with the documented exit codes", function () {
        const dir = fixtureProject("bad", "config:\n  aws:region: us-east-1\n  tiered-infra:tier: small\n  tiered-infra:sizing: {app: {maxReplicas: 0}}\n");
        const bad = spawnSync(process.execPath, ["tools/launch.js", "plan", "--stack", "bad", "--project-dir", dir], { cwd: PROJECT_DIR, encoding: "utf8" });
        assert.equal(bad.status, 2, bad.stderr);
        assert.match(bad.stderr, /tiered-infra:sizing\.app\.maxReplicas: 0 is too small; must be at least 1/);
        assert.doesNotMatch(bad.stderr + bad.stdout, /\n\s+at .+\(.+:\d+:\d+\)/, "no stack trace");
        const ok = execFileSync(process.execPath, ["tools/launch.js", "plan", "-q"], { cwd: PROJECT_DIR, encoding: "utf8" });
        assert.match(ok, /^small: \+ \d+ to create/m);
    });
});

describe("tools/launch.js", () => {
    it("names the tools it knows and exits 2 on an unknown one", () => {
        const r = spawnSync(process.execPath, ["tools/launch.js", "deploy"], { cwd: PROJECT_DIR, encoding: "utf8" });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /usage: node tools\/launch\.js <tool> \[options\]; tools: cost, plan/);
    });
});
