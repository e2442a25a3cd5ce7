/**
 * SARIF as GitHub code scanning accepts it ("SARIF support for code scanning", GitHub docs, and the
 * upload action's fingerprinting): checked here without uploading, on real findings of every kind.
 */
import { strict as assert } from "assert";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import type { Log } from "sarif";
import { PreviewJson } from "../../../core/plan/previewJson";
import { main } from "../../../tools/cli/plan";
import { planShippedStack, PROJECT_DIR } from "../../harness";

function capture() {
    const lines: string[] = [];
    return { lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tiered-sarif-"));

/** The 1-based line of the first line of `file` (relative to the project) that contains `text`. */
function lineOf(file: string, text: string): number {
    const i = fs.readFileSync(path.join(PROJECT_DIR, file), "utf8").split("\n").findIndex((l) => l.includes(text));
    assert.ok(i >= 0, `${text} in ${file}`);
    return i + 1;
}

/** The medium plan with findings of every kind a resource can have, one of them waived. */
async function brokenMedium(): Promise<string> {
    const preview: PreviewJson = JSON.parse(JSON.stringify((await planShippedStack("medium")).preview));
    const inputs = (type: string, suffix: string) => preview.steps.find((s) => s.newState?.type === type && s.urn.endsWith(suffix))!.newState!.inputs as any;
    inputs("aws:rds/instance:Instance", "medium-pg").publiclyAccessible = true;
    inputs("aws:rds/instance:Instance", "medium-pg").multiAz = false;
    inputs("aws:rds/instance:Instance", "medium-pg").tags = { "tiered-infra:waive:aws-rds-instance-require-multi-az": `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}: single-AZ until the migration` };
    inputs("kubernetes:apps/v1:Deployment", "medium-deployment").spec.template.spec.containers[0].env.push({ name: "API_TOKEN", value: "literal-token-value" });
    const file = path.join(tmp(), "medium.json");
    fs.writeFileSync(file, JSON.stringify(preview));
    return file;
}

function checkGitHubRules(log: Log, root: string): void {
    assert.equal(log.version, "2.1.0");
    assert.ok(log.$schema);
    assert.ok(log.runs.length >= 1 && log.runs.length <= 20);
    const seen = new Set<string>();
    for (const run of log.runs) {
        const key = `${run.tool.driver.name}/${run.automationDetails?.id}`;
        assert.ok(!seen.has(key), "one run per tool and category");
        seen.add(key);
        assert.ok(run.tool.driver.name);
        assert.match(run.automationDetails!.id!, /\/$/, "a category, with no run id after its last slash");
        const rules = run.tool.driver.rules!;
        assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, "rule ids are unique");
        for (const r of rules) {
            for (const t of [r.shortDescription?.text, r.fullDescription?.text, r.help?.text]) assert.ok(t && t.length <= 1024, `${r.id}: texts present and at most 1024 characters`);
            assert.ok(!r.name || r.name.length <= 255);
            const props = r.properties as Record<string, any>;
            assert.ok(Array.isArray(props.tags) && props.tags.length <= 20 && props.tags.includes("security"), `${r.id}: tags`);
            const sev = props["security-severity"];
            assert.equal(typeof sev, "string", `${r.id}: security-severity is a string`);
            const band = { critical: [9, 10], high: [7, 8.9], medium: [4, 6.9], low: [0.1, 3.9] }[props.severity as string]!;
            assert.ok(Number(sev) >= band[0] && Number(sev) <= band[1], `${r.id}: ${sev} in GitHub's ${props.severity} band`);
        }
        assert.ok(run.results!.length <= 25_000);
        for (const res of run.results!) {
            assert.ok(rules.some((r) => r.id === res.ruleId), `${res.ruleId} is a rule`);
            if (res.ruleIndex !== undefined) assert.equal(rules[res.ruleIndex].id, res.ruleId);
            assert.ok(res.message.text);
            assert.ok(["error", "warning", "note"].includes(res.level!), res.level);
            assert.equal(res.suppressions, undefined, "GitHub does not honour suppressions: waived findings stay out");
            assert.ok(res.locations!.length >= 1 && res.locations!.length <= 1000);
            const loc = res.locations![0].physicalLocation!;
            const uri = loc.artifactLocation!.uri!;
            assert.ok(!/^[a-z]+:\/\//i.test(uri) && !uri.startsWith("/") && !uri.startsWith("./") && !uri.includes("\\"), `relative uri: ${uri}`);
            assert.ok(fs.statSync(path.join(root, uri)).isFile(), `${uri} is a file of the repository`);
            assert.ok(Number.isInteger(loc.region!.startLine) && loc.region!.startLine! >= 1, `${uri}: startLine`);
            assert.match(res.partialFingerprints!.primaryLocationLineHash, /^[0-9a-f]{32}:1$/);
        }
    }
    assert.ok(gzipSync(JSON.stringify(log)).length < 10 * 1024 * 1024);
    const text = JSON.stringify(log);
    for (const abs of [PROJECT_DIR, os.tmpdir(), "file://"]) assert.ok(!text.includes(abs), `no absolute path (${abs}) anywhere`);
    const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"));
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
}

describe("SARIF for GitHub code scanning", function () {
    this.timeout(120_000);

    it("points resource findings at the component that registered the resource, stack findings at the stack file", async () => {
        const file = await brokenMedium();
        const out = path.join(tmp(), "r.sarif");
        const c = capture();
        assert.equal(await main(["--preview-json", file, "--quiet", "--sarif", out], c.out, c.err), 1, c.lines.join("\n"));
        const log: Log = JSON.parse(fs.readFileSync(out, "utf8"));
        checkGitHubRules(log, PROJECT_DIR);
        const results = log.runs[0].results!;
        const at = (rule: string) => results.filter((r) => r.ruleId === rule).map((r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri}:${r.locations![0].physicalLocation!.region!.startLine}`);
        assert.deepEqual(at("data-tier-disallow-public-access"), [`components/database.ts:${lineOf("components/database.ts", "new aws.rds.Instance(`${name}-pg`")}`]);
        assert.deepEqual(at("kubernetes-workload-disallow-literal-secret-env"), [`components/appTier.ts:${lineOf("components/appTier.ts", "new k8s.apps.v1.Deployment(")}`]);
        assert.deepEqual(at("aws-rds-instance-require-multi-az"), [], "the waived finding is not uploaded");
        const pub = results.find((r) => r.ruleId === "data-tier-disallow-public-access")!;
        assert.match(pub.locations![0].logicalLocations![0].fullyQualifiedName!, /^urn:pulumi:medium::tiered-infra::.*aws:rds\/instance:Instance::web-medium-pg$/);
        assert.equal(pub.level, "error");
        // The same finding keeps its fingerprint from run to run, so GitHub keeps one alert.
        const again = path.join(tmp(), "again.sarif");
        await main(["--preview-json", file, "--quiet", "--sarif", again], capture().out, capture().err);
        const fingerprints = (f: string) => (JSON.parse(fs.readFileSync(f, "utf8")) as Log).runs[0].results!.map((r) => r.partialFingerprints!.primaryLocationLineHash).sort();
        assert.deepEqual(fingerprints(again), fingerprints(out));
        assert.equal(new Set(fingerprints(out)).size, results.length, "one fingerprint per finding");
    });

    it("reports stack-file secrets and config errors on the offending key's line, and still writes the reports", async () => {
        const dir = tmp();
        fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "stacks"));
        const leak = ["config:", "  aws:region: us-east-1", "  tiered-infra:tier: small", "  tiered-infra:alerting: { emails: [ops@example.com] }", "  tiered-infra:app:", "    env:", "      STRIPE_SECRET_KEY: plain-text-value", ""].join("\n");
        const bad = ["config:", "  aws:region: us-east-1", "  tiered-infra:tier: small", "  tiered-infra:alerting: { emails: [ops@example.com] }", "  tiered-infra:sizing:", "    app:", "      maxReplicas: 500", ""].join("\n");
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.leak.yaml"), leak);
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.bad.yaml"), bad);
        const out = path.join(dir, "r.sarif");
        const c = capture();
        const code = await main(["--all", "--quiet", "--project-dir", dir, "--sarif", out, "--junit", path.join(dir, "r.xml"), "--markdown", path.join(dir, "r.md")], c.out, c.err);
        assert.equal(code, 2, "a stack with bad config is bad input; the other is still checked");
        assert.match(c.lines.join("\n"), /error: bad: invalid stack configuration:\n {2}- tiered-infra:sizing\.app\.maxReplicas: 500 is too large/);
        const log: Log = JSON.parse(fs.readFileSync(out, "utf8"));
        checkGitHubRules(log, dir);
        const loc = (rule: string) => log.runs[0].results!.filter((r) => r.ruleId === rule).map((r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri}:${r.locations![0].physicalLocation!.region!.startLine}`);
        assert.deepEqual(loc("stack-config-disallow-plaintext-secrets"), ["stacks/Pulumi.leak.yaml:7"]);
        assert.deepEqual(loc("stack-config-require-valid"), ["stacks/Pulumi.bad.yaml:7"]);
        assert.match(fs.readFileSync(path.join(dir, "r.xml"), "utf8"), /name="stack-config-require-valid"><failure message="1 mandatory violation\(s\)"/);
        assert.match(fs.readFileSync(path.join(dir, "r.md"), "utf8"), /\| bad \| 1 \| 0 \| 0 \| ❌ blocked \|/);
    });
});
