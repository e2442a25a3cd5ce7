/**
 * The pack as an organisation would publish it (`pulumi policy publish` packs the directory with
 * npm): built into a tarball, unpacked outside the repository, installed from its own lock file,
 * started exactly as the Pulumi CLI starts it, and compared with the in-repo pack on the same plan.
 */
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PreviewJson } from "../../core/plan/previewJson";
import { checkStacks } from "../../tools/pipeline/checkStacks";
import { PolicyPackProcess } from "../../tools/policy/analyzer";
import { Finding } from "../../tools/policy/evaluate";
import { POLICY_PACK_DIR } from "../../tools/policy/policyConfig";
import { planShippedStack, PROJECT_DIR, project } from "../harness";
import { policyPack } from "../policyHarness";

const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** The medium plan with violations of several kinds (and one waived), so the comparison means something. */
async function brokenMedium(): Promise<PreviewJson> {
    const preview: PreviewJson = JSON.parse(JSON.stringify((await planShippedStack("medium")).preview));
    const inputs = (type: string, suffix: string) => preview.steps.find((s) => s.newState?.type === type && s.urn.endsWith(suffix))!.newState!.inputs as any;
    inputs("aws:rds/instance:Instance", "medium-pg").publiclyAccessible = true;
    inputs("aws:rds/instance:Instance", "medium-pg").tags = { "tiered-infra:waive:aws-rds-instance-require-multi-az": "2099-01-01: far too long" };
    inputs("aws:rds/instance:Instance", "medium-pg").multiAz = false;
    inputs("kubernetes:apps/v1:Deployment", "medium-deployment").spec.template.spec.containers[0].env.push({ name: "API_TOKEN", value: "literal-token-value" });
    inputs("aws:cloudwatch/logGroup:LogGroup", "medium-flow-logs").retentionInDays = 1;
    return preview;
}

const key = (f: Finding) => `${f.policy} | ${f.level} | ${f.waived} | ${f.urn} | ${f.message}`;

describe("the published policy pack", function () {
    this.timeout(180_000);
    let dir: string;
    let published: PolicyPackProcess | undefined;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-infra-pack-"));
        assert.ok(!dir.startsWith(PROJECT_DIR + path.sep), "unpacked outside the repository");
        const tarball = npm(["pack", "--silent", "--pack-destination", dir], POLICY_PACK_DIR).trim().split("\n").pop()!;
        execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", dir]);
        npm(["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], path.join(dir, "package"));
    });

    after(async () => {
        await published?.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("ships only the bundle, its entry point, its manifest and its lock file", () => {
        const files = fs.readdirSync(path.join(dir, "package")).filter((f) => f !== "node_modules").sort();
        assert.deepEqual(files, ["PulumiPolicy.yaml", "README.md", "dist", "main.js", "npm-shrinkwrap.json", "package.json"]);
        const bundle = fs.readFileSync(path.join(dir, "package", "dist", "index.js"), "utf8");
        const requires = [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
        for (const r of requires) assert.ok(!r.startsWith("."), `the bundle requires a file outside itself: ${r}`);
        const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "package", "package.json"), "utf8")).dependencies);
        // A deep import (`@pulumi/policy/deserialize`) needs its package (`@pulumi/policy`) as a dependency.
        const packageOf = (r: string) => r.split("/").slice(0, r.startsWith("@") ? 2 : 1).join("/");
        for (const r of requires) assert.ok(deps.includes(packageOf(r)) || r.startsWith("node:") || require("module").builtinModules.includes(r), `${r} is not a dependency of the pack`);
    });

    it("starts outside the repository and reports the same findings as the in-repo pack", async () => {
        published = await PolicyPackProcess.start(path.join(dir, "package"), { project: "tiered-infra", stack: "medium" });
        const publishedInfo = await published.info();
        const inRepo = await policyPack();
        assert.deepEqual(publishedInfo.policies.map((p) => p.name), inRepo.info.policies.map((p) => p.name));

        const preview = await brokenMedium();
        const run = async (pack: { process: PolicyPackProcess; info: typeof publishedInfo }) =>
            (await checkStacks({ source: { previews: [JSON.parse(JSON.stringify(preview))], project }, pack })).checks[0].policy!.findings.map(key).sort();
        const fromPublished = await run({ process: published, info: publishedInfo });
        const fromRepo = await run({ process: inRepo.pack, info: inRepo.info });
        assert.deepEqual(fromPublished, fromRepo);
        for (const policy of ["data-tier-disallow-public-access", "kubernetes-workload-disallow-literal-secret-env", "aws-cloudwatch-log-group-configure-retention", "waiver-require-reason-and-expiry"]) {
            assert.ok(fromPublished.some((f) => f.startsWith(`${policy} | mandatory`)), `${policy} reported by the published pack`);
        }
    });
});
