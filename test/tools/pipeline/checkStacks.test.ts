/**
 * The pipeline shared by `plan`, `cost`, the bench and the tests: the budget gate and the cost report
 * price a stack with the same inputs and code, so they report the same total, usage file included.
 */
import { strict as assert } from "assert";
import { PreviewJson, UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { checkStacks } from "../../../tools/pipeline/checkStacks";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as cost } from "../../../tools/cli/cost";
import { main as plan } from "../../../tools/cli/plan";
import { CostReport } from "../../../tools/cost/report";
import { POLICY_PACK_DIR } from "../../../tools/policy/policyConfig";

function capture() {
    const lines: string[] = [];
    return { lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}

/** The budget policy's total when the budget is $1 (so it always reports the estimate). */
async function budgetGateTotal(dir: string, usageFile?: string): Promise<number> {
    const config = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "config", "small.json"), "utf8"));
    config["stack-budget-enforce-monthly-limit"].maxMonthlyUsd = 1;
    const configFile = path.join(dir, `budget-${usageFile ? "usage" : "plain"}.json`);
    fs.writeFileSync(configFile, JSON.stringify(config));
    const c = capture();
    const code = await plan(["--stack", "small", "--quiet", "--policy-config", configFile, ...(usageFile ? ["--usage", usageFile] : [])], c.out, c.err);
    assert.equal(code, 1, c.lines.join("\n"));
    const m = /stack-budget-enforce-monthly-limit[\s\S]*?estimated \$([\d,.]+)\/month exceeds the budget of \$1\.00/.exec(c.lines.join("\n"));
    assert.ok(m, c.lines.join("\n"));
    return Number(m[1].replace(/,/g, ""));
}

async function costReportTotal(dir: string, usageFile?: string): Promise<number> {
    const out = path.join(dir, `cost-${usageFile ? "usage" : "plain"}.json`);
    const c = capture();
    assert.equal(await cost(["--stack", "small", "--format", "json", "--out", out, ...(usageFile ? ["--usage", usageFile] : [])], c.out, c.err), 0, c.lines.join("\n"));
    return (JSON.parse(fs.readFileSync(out, "utf8")) as CostReport).stacks[0].totalMonthlyCost;
}

describe("one pipeline: the budget gate and the cost report agree", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-pipeline-"));
    const usage = path.join(dir, "usage.yaml");
    // Ten times the small tier's traffic: CDN, WAF, NAT and log lines all move.
    fs.writeFileSync(usage, "small:\n  users: 5000\n  requests: 15000000\n  cdnDataOutGiB: 500\n  natDataGiB: 150\n  logIngestGiB: 60\n");

    it("reports the same total with a usage file, and the usage file changes it", async () => {
        const [gate, report] = [await budgetGateTotal(dir, usage), await costReportTotal(dir, usage)];
        assert.equal(gate, report);
        const [plainGate, plainReport] = [await budgetGateTotal(dir), await costReportTotal(dir)];
        assert.equal(plainGate, plainReport);
        assert.ok(gate > plainGate + 40, `usage reached the gate: ${plainGate} -> ${gate}`);
    });
});

describe("the pipeline's cost input from a real preview", () => {
    it("passes each input's property dependencies to the estimator: a replication between buckets named only at apply is priced", async () => {
        const U = UNKNOWN_MARKER;
        const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
        const src = urn("aws:s3/bucketV2:BucketV2", "files");
        const dst = urn("aws:s3/bucketV2:BucketV2", "files-copy");
        const repl = urn("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "copy");
        const step = (u: string, inputs: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ op: "create", urn: u, newState: { urn: u, type: u.split("::")[2], custom: true, inputs, ...extra } });
        const preview = {
            steps: [
                step(src, { bucket: U, tags: { "tiered-infra:bucket-role": "file-store" } }),
                step(dst, { bucket: U, region: "us-west-2" }),
                step(repl, { bucket: U, role: U, rules: [{ status: "Enabled", destination: { bucket: U, replicationTime: { status: "Enabled" } } }] }, { dependencies: [dst, src], propertyDependencies: { bucket: [src], rules: [dst] } }),
            ],
            config: { "aws:region": "us-east-1" },
        } as unknown as PreviewJson;
        const lines = async (doc: PreviewJson) => (await checkStacks({ source: { previews: [doc] }, policies: false, region: "us-east-1" })).checks[0].cost.resources.find((r) => r.name === "copy")!.costComponents.map((c) => [c.name, c.unpricedReason]);
        // A foreign preview has no usage profile: the amounts wait for a usage file, but the ends are known.
        assert.deepEqual(await lines(preview), [
            ["Replicated data (us-east-1 to us-west-2)", "no usage figure (give one in a usage file)"],
            ["Replication Time Control (15-minute SLA)", "no usage figure (give one in a usage file)"],
        ]);
        // Without them the pipeline cannot tell source from copy.
        const blind = JSON.parse(JSON.stringify(preview));
        delete blind.steps[2].newState.propertyDependencies;
        assert.match(String((await lines(blind))[0][0]), /to another region/);
    });
});

