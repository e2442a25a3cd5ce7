/**
 * The budget gate fails closed: whatever it cannot price, it says so as a mandatory finding that
 * names what is missing (waivable per resource), and it never passes a stack it could not price.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as plan } from "../../tools/cli/plan";
import { PROJECT_DIR } from "../harness";
import { analyzeStack, messagesOf, state } from "../policyHarness";

const POLICY = "stack-budget-enforce-monthly-limit";
// 30% average CPU: at db.t3.large's baseline, no CPU credit is bought.
const usage = { rdsExtraBackupGiB: 0, cacheSnapshotGiB: 0, databaseCpuPercent: 30 };
const DB_URN = "urn:pulumi:test::tiered-infra::aws:rds/instance:Instance::db";
const db = (inputs: Record<string, unknown> = {}) => state("aws:rds/instance:Instance", { instanceClass: "db.t3.large", multiAz: true, allocatedStorage: 100, manageMasterUserPassword: true, ...inputs }, { urn: DB_URN });
const run = async (resources: ReturnType<typeof state>[], config: Record<string, unknown>) => {
    const ds = (await analyzeStack(resources, { [POLICY]: config })).filter((d) => d.policyName === POLICY);
    for (const d of ds) assert.equal(d.level, "mandatory");
    return ds.map((d) => d.message);
};

describe("budget gate: fails closed", function () {
    this.timeout(60_000);

    it("passes a fully priced stack within its budget", async () => {
        // db.t3.large Multi-AZ $211.70 + 100 GiB gp3 Multi-AZ $23.00 + managed secret $0.40 = $235.10.
        assert.deepEqual(await run([db()], { maxMonthlyUsd: 235.1, usage }), []);
        assert.deepEqual(await run([db()], { maxMonthlyUsd: 235.09, usage }), [
            "estimated $235.10/month exceeds the budget of $235.09; largest items: db Database instance (on-demand, Multi-AZ, db.t3.large) $211.70; db Storage (gp3, Multi-AZ, 100 GiB) $23.00; db Master password secret (managed by RDS in Secrets Manager) $0.40",
        ]);
    });

    it("cannot price a mistyped class, and says which price is missing", async () => {
        assert.deepEqual(await run([db({ instanceClass: "db.t3.larg" })], { maxMonthlyUsd: 5000, usage }), [
            "cannot price db: Database instance (on-demand, Multi-AZ, db.t3.larg): not priced in us-east-1: rds.postgres.db.t3.larg.multiAz; CPU credits (unlimited mode, db.t3.larg): the baseline of db.t3.larg is not in core/cost/cpuCredits.ts; the budget of $5,000.00 cannot be checked while this is unpriced",
        ]);
    });

    it("cannot price a resource type the estimator does not know", async () => {
        const messages = await run([state("aws:sqs/queue:Queue", {})], { maxMonthlyUsd: 5000, usage });
        assert.equal(messages.length, 1);
        assert.match(messages[0], /^cannot price r\d+: the estimator does not know resource type aws:sqs\/queue:Queue;/);
    });

    it("cannot price a region the catalog does not hold, and never prices it as us-east-1", async () => {
        const messages = await run([db()], { maxMonthlyUsd: 5000, usage, region: "af-south-1" });
        assert.deepEqual(messages, ["cannot price the stack: region af-south-1 is not priced: the catalog holds prices for us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 only (1 resources there); the budget of $5,000.00 cannot be checked while this is unpriced"]);
    });

    it("prices each resource at its own provider's region, as the engine describes the provider", async () => {
        const provider = state("pulumi:providers:aws", { region: "af-south-1" }, { urn: "urn:pulumi:test::tiered-infra::pulumi:providers:aws::dr", custom: true });
        const inDr = db({});
        inDr.provider = `${provider.urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`;
        assert.deepEqual(await run([provider, inDr], { maxMonthlyUsd: 5000, usage }), [
            "cannot price the stack: region af-south-1 is not priced: the catalog holds prices for us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 only (1 resources there); the budget of $5,000.00 cannot be checked while this is unpriced",
        ]);
    });

    it("cannot price usage-based items without a usage figure", async () => {
        const messages = await run([db()], { maxMonthlyUsd: 5000 });
        assert.equal(messages.length, 1);
        assert.match(messages[0], /Backup storage beyond the free allowance: no usage figure \(give one in a usage file\)/);
    });

    it("cannot pass a stack without a budget", async () => {
        assert.deepEqual(await run([db()], { usage }), ["cannot check the budget: no maxMonthlyUsd is configured for this stack; set it in the policy config (`npm run policy-config` writes one per stack)"]);
    });

    it("still reports an overrun of what it could price, as a lower bound", async () => {
        const messages = await run([db(), state("aws:sqs/queue:Queue", {})], { maxMonthlyUsd: 100, usage });
        assert.equal(messages.length, 2);
        assert.match(messages[1], /^estimated at least \$235\.10\/month exceeds the budget of \$100\.00/);
    });

    it("lets a resource it cannot price be waived, with a reason and an expiry", async () => {
        const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
        const queue = state("aws:sqs/queue:Queue", { tags: { [`tiered-infra:waive:${POLICY}`]: `${expires}: priced by the messaging team's own budget` } });
        const ds = await analyzeStack([queue], { [POLICY]: { maxMonthlyUsd: 5000, usage } });
        assert.deepEqual(messagesOf(ds, POLICY), []);
        assert.equal(ds.filter((d) => d.policyName === "waived-stack-findings-report").length, 1);
    });
});

describe("plan on stacks it cannot price", function () {
    this.timeout(120_000);

    it("exits 1 with the cannot-price finding for a mistyped class, an unpriced class and an unpriced region, never printing a plain total", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-unpriced-"));
        fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "stacks"));
        const stack = (region: string, sizing = "") => `config:\n  aws:region: ${region}\n  tiered-infra:tier: small\n  tiered-infra:alerting: { emails: [ops@example.com] }\n${sizing}`;
        // (A mistyped database class is a config error: its alarms cannot be sized, test/infra/config.test.ts.)
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.typo.yaml"), stack("us-east-1", "  tiered-infra:sizing: {cache: {nodeType: cache.r7g.larg}}\n"));
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.unpriced.yaml"), stack("us-east-1", "  tiered-infra:sizing: {cache: {nodeType: cache.r7g.4xlarge}}\n"));
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.faraway.yaml"), stack("af-south-1"));
        const lines: string[] = [];
        const code = await plan(["--all", "--quiet", "--project-dir", dir], (l) => lines.push(l), (l) => lines.push(l));
        const text = lines.join("\n");
        assert.equal(code, 1, text);
        assert.match(text, /cannot price web-typo-cache: Cache nodes \(on-demand, valkey, cache\.r7g\.larg x 1\): not priced in us-east-1: elasticache\.valkey\.cache\.r7g\.larg/);
        assert.match(text, /cannot price web-unpriced-cache: Cache nodes \(on-demand, valkey, cache\.r7g\.4xlarge x 1\): not priced in us-east-1: elasticache\.valkey\.cache\.r7g\.4xlarge/);
        assert.match(text, /cannot price the stack: region af-south-1 is not priced: the catalog holds prices for us-east-1, .* only/);
        for (const s of ["typo", "unpriced", "faraway"]) assert.match(text, new RegExp(`^${s}: .* \\| est\\. ≥ \\$[\\d,.]+/month \\(`, "m"), `${s} prints a lower bound, not a total`);
    });
});
