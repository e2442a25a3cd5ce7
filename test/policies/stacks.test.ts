import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { scanStackConfig, scanStackFile } from "../../tools/policy/stackFileScan";
import { main } from "../../tools/cli/plan";
import { PreviewJson } from "../../core/plan/previewJson";
import { listStacks, readStackConfig } from "../../tools/offline/project";
import { AnalyzerInfo } from "../../tools/policy/analyzer";
import { mandatoryCount, PolicyResult } from "../../tools/policy/evaluate";
import { checkStacks } from "../../tools/pipeline/checkStacks";
import { junitReport, markdownReport } from "../../tools/policy/reports";
import { planShippedStack, project } from "../harness";
import { policyPack } from "../policyHarness";
import { planStack } from "../../tools/offline/planProject";
import { UNKNOWN_MARKER } from "../../core/plan/previewJson";

/** A shipped stack planned as a first real preview sees it: outputs of resources created in the run unknown. */
const firstPreviews = new Map<string, Promise<PreviewJson>>();
function firstPreview(stack: string): Promise<PreviewJson> {
    if (!firstPreviews.has(stack)) firstPreviews.set(stack, planStack(project, stack, { unknowns: true }).then((r) => r.preview));
    return firstPreviews.get(stack)!;
}

/** A shipped stack's plan (changed by `mutate`) through the one pipeline, with the test run's pack. */
async function evaluate(stack: string, mutate?: (p: PreviewJson) => void): Promise<{ result: PolicyResult; info: AnalyzerInfo }> {
    const { pack, info } = await policyPack();
    const preview: PreviewJson = JSON.parse(JSON.stringify((await planShippedStack(stack)).preview));
    mutate?.(preview);
    const { checks } = await checkStacks({ source: { previews: [preview], project }, pack: { process: pack, info } });
    return { info, result: checks[0].policy! };
}

/** The inputs of the one resource of `type` whose URN ends with `suffix`. */
function inputsOf(p: PreviewJson, type: string, suffix = ""): any {
    const found = p.steps.filter((s) => s.newState?.type === type && s.urn.endsWith(suffix));
    assert.equal(found.length, 1, `${type} *${suffix}: ${found.length}`);
    return found[0].newState!.inputs;
}

function capture() {
    const lines: string[] = [];
    return { lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}

describe("policies on the shipped stacks", function () {
    this.timeout(120_000);

    for (const stack of listStacks(project)) {
        it(`${stack} planned with unknowns (a first preview) has zero mandatory violations and nothing that "can't run"`, async () => {
            const { pack, info } = await policyPack();
            const preview = await firstPreview(stack);
            const unknownInputs = JSON.stringify(preview.steps).split(UNKNOWN_MARKER).length - 1;
            if (!stack.endsWith("local")) assert.ok(unknownInputs > 50, `only ${unknownInputs} unknown inputs: the unknowns mode is not exercised`);
            const { checks } = await checkStacks({ source: { previews: [JSON.parse(JSON.stringify(preview))], project }, pack: { process: pack, info } });
            const findings = checks[0].policy!.findings;
            assert.deepEqual(findings.filter((f) => f.level === "mandatory" && !f.waived).map((f) => `${f.policy}: ${f.resourceName}: ${f.message}`), []);
            assert.deepEqual(findings.filter((f) => /can't run|could not judge/.test(f.message)).map((f) => `${f.policy}: ${f.message}`), []);
            // What could not be judged is said once per resource and policy, filed under that policy.
            for (const f of findings.filter((x) => x.message.startsWith("decided at apply: "))) assert.ok(info.policies.some((p) => p.name === f.policy), f.policy);
        });
    }

    it("plan --unknowns plans a stack as a first preview and gates it the same way", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "medium", "--quiet", "--unknowns"], c.out, c.err), 0, c.lines.join("\n"));
        assert.match(c.lines.join("\n"), /medium: \+ \d+ to create .*\| policies: 0 mandatory, \d+ advisory/);
    });

    it("a first preview of a broken stack still fails: a literal secret beside unknown values", async () => {
        const { pack, info } = await policyPack();
        const preview: PreviewJson = JSON.parse(JSON.stringify(await firstPreview("small")));
        const env = inputsOf(preview, "kubernetes:apps/v1:Deployment", "small-deployment").spec.template.spec.containers[0].env;
        assert.ok(env.some((e: any) => e.value === UNKNOWN_MARKER), "the app's env carries unknown values");
        env.push({ name: "STRIPE_SECRET_KEY", value: "sk_live_FAKEfake0123FAKEfake0123" });
        inputsOf(preview, "aws:ec2/securityGroup:SecurityGroup", "small-db").ingress.push({ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] });
        const { checks } = await checkStacks({ source: { previews: [preview], project }, pack: { process: pack, info } });
        const blocking = checks[0].policy!.findings.filter((f) => f.level === "mandatory").map((f) => f.policy).sort();
        assert.deepEqual(blocking, ["aws-security-group-disallow-public-data-ports", "kubernetes-workload-disallow-literal-secret-env"]);
    });

    // Each concern catches a deliberately broken variant of a real component.
    const broken: Array<[string, string, (p: PreviewJson) => void]> = [
        ["secrets: a literal password in the app Deployment", "kubernetes-workload-disallow-literal-secret-env",
            (p) => inputsOf(p, "kubernetes:apps/v1:Deployment", "small-deployment").spec.template.spec.containers[0].env.push({ name: "DATABASE_PASSWORD", value: "hunter2hunter2" })],
        ["cors: the CDN's response headers allow *", "aws-cloudfront-response-headers-restrict-cors",
            (p) => (inputsOf(p, "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy").corsConfig.accessControlAllowOrigins.items = ["*"])],
        ["retention: the flow-log group loses its retention", "aws-cloudwatch-log-group-configure-retention",
            (p) => delete inputsOf(p, "aws:cloudwatch/logGroup:LogGroup", "small-flow-logs").retentionInDays],
        ["retention: RDS backups cut to a week", "aws-rds-instance-configure-backup-retention",
            (p) => (inputsOf(p, "aws:rds/instance:Instance", "small-pg").backupRetentionPeriod = 7)],
        ["encryption: the cache stops encrypting at rest", "data-require-encryption-at-rest",
            (p) => (inputsOf(p, "aws:elasticache/replicationGroup:ReplicationGroup").atRestEncryptionEnabled = false)],
        ["exposure: the database security group opens 5432 to the internet", "aws-security-group-disallow-public-data-ports",
            (p) => inputsOf(p, "aws:ec2/securityGroup:SecurityGroup", "small-db").ingress.push({ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] })],
        ["resilience: the primary loses Multi-AZ", "aws-rds-instance-require-multi-az",
            (p) => (inputsOf(p, "aws:rds/instance:Instance", "small-pg").multiAz = false)],
        ["workloads: the pooler loses its probes", "kubernetes-workload-require-probes-and-limits",
            (p) => delete inputsOf(p, "kubernetes:apps/v1:Deployment", "small-pgbouncer").spec.template.spec.containers[0].readinessProbe],
        ["monitoring: the database's free-storage alarm is removed", "monitoring-alarm-coverage",
            (p) => (p.steps = p.steps.filter((s) => !s.urn.endsWith("::web-small-rds-free-storage")))],
        ["monitoring: the critical alert topic loses its KMS key", "monitoring-alarm-coverage",
            (p) => delete inputsOf(p, "aws:sns/topic:Topic", "small-critical").kmsMasterKeyId],
    ];
    for (const [title, policy, mutate] of broken) {
        it(`catches ${title}`, async () => {
            const { result } = await evaluate("small", mutate);
            assert.ok(result.findings.some((f) => f.policy === policy && f.level === "mandatory"), `${policy} not reported`);
            assert.ok(mandatoryCount(result) >= 1);
        });
    }

    it("writes JUnit with a failing case per violated mandatory policy, and Markdown for a PR", async () => {
        const { result, info } = await evaluate("small", (p) => (inputsOf(p, "aws:rds/instance:Instance", "small-pg").multiAz = false));
        const junit = junitReport([result], info);
        assert.match(junit, /<testsuite name="policies small" tests="\d+" failures="1" errors="0">/);
        assert.match(junit, /<testcase classname="tiered-infra.small" name="aws-rds-instance-require-multi-az"><failure message="1 mandatory violation\(s\)"/);
        const md = markdownReport([result], info);
        assert.match(md, /\| small \| 1 \| \d+ \| \d+ \| ❌ blocked \|/);
        assert.match(md, /\| `aws-rds-instance-require-multi-az` \| `web-small-pg` \| multiAz is off on a production primary \| Set multiAz: true\. \(Source: seed 002/);
    });

    it("plan gates on mandatory violations of a real preview JSON and writes the CI files", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-policy-"));
        const preview = JSON.parse(JSON.stringify((await planShippedStack("medium")).preview));
        inputsOf(preview, "aws:rds/instance:Instance", "medium-pg").publiclyAccessible = true;
        const file = path.join(dir, "preview.json");
        fs.writeFileSync(file, JSON.stringify(preview));
        const c = capture();
        const code = await main(["--preview-json", file, "--no-tree", "--sarif", path.join(dir, "r.sarif"), "--junit", path.join(dir, "r.xml"), "--markdown", path.join(dir, "r.md")], c.out, c.err);
        assert.equal(code, 1, c.lines.join("\n"));
        const text = c.lines.join("\n");
        assert.match(text, /\[mandatory\] data-tier-disallow-public-access \(critical\)\n\s+web-medium-pg \(aws:rds\/instance:Instance\): publiclyAccessible is true\n\s+fix: Set publiclyAccessible: false/);
        assert.match(text, /config policies\/config\/medium\.json/);
        assert.match(text, /error: mandatory policy violations in medium/);
        for (const f of ["r.sarif", "r.xml", "r.md"]) assert.ok(fs.statSync(path.join(dir, f)).size > 100, f);
    });

    it("plan --all passes every shipped stack through the pack with zero mandatory violations", async () => {
        const c = capture();
        // On failure the output names each violation (policy, resource, message, fix) under its stack.
        assert.equal(await main(["--all", "--quiet"], c.out, c.err), 0, c.lines.join("\n"));
        const summaries = c.lines.filter((l) => / \| policies: /.test(l));
        assert.deepEqual(summaries.map((l) => l.split(":")[0]), listStacks(project));
        for (const s of summaries) assert.match(s, /policies: 0 mandatory/);
    });
});

describe("stack-file secret scan", () => {
    it("finds nothing in the shipped stack files", () => {
        for (const stack of listStacks(project)) assert.deepEqual(scanStackFile(readStackConfig(project, stack).file), []);
    });

    it("flags plain-text values under secret-looking keys and credential-looking values, not secure: ones", () => {
        const findings = scanStackConfig("Pulumi.x.yaml", {
            config: {
                "tiered-infra:appSecrets": { API_KEY: { secure: "v1:abc" }, OTHER_TOKEN: "plain" },
                "tiered-infra:app": { env: { DATABASE_URL: "postgres://u:pw@db/app", LOG_LEVEL: "info" } },
                "aws:secretKey": "abc",
                "tiered-infra:tier": "small",
            },
        });
        assert.deepEqual(findings.map((f) => f.path).sort(), ["aws:secretKey", "tiered-infra:app.env.DATABASE_URL", "tiered-infra:appSecrets.OTHER_TOKEN"]);
    });
});
