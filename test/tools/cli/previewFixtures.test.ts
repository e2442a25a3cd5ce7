/**
 * The tools on genuine-shaped `pulumi preview --json` files (test/fixtures/preview): the cost of a
 * change before and after, per resource, nothing priced twice, no unknown priced as data, a failed
 * preview refused.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as cost } from "../../../tools/cli/cost";
import { main as plan } from "../../../tools/cli/plan";
import { CostReport } from "../../../tools/cost/report";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "preview");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-fixtures-"));
// The fixtures' project has no tier: its usage comes from a usage file (every key given).
const usage = path.join(dir, "usage.yaml");
fs.writeFileSync(usage, [
    "default:",
    "  users: 1000", "  requests: 1000000", "  cdnDataOutGiB: 0", "  natDataGiB: 100", "  albLcu: 1", "  logIngestGiB: 10",
    "  s3StaticGiB: 10", "  s3LogsGiB: 0", "  rdsExtraBackupGiB: 0", "  cacheSnapshotGiB: 2", "  secretsApiCallsPerSecret: 0",
    "  kmsRequestsPerKey: 0", "  crossAzGiB: 0", "  databaseCpuPercent: 0", "  cdnTrafficShareUs: 1", "  cdnTrafficShareEurope: 0", "  cdnTrafficShareMiddleEastAfrica: 0",
    "  cdnTrafficShareSouthAmerica: 0", "  cdnTrafficShareJapan: 0", "  cdnTrafficShareAustralia: 0", "  cdnTrafficShareAsia: 0", "  cdnTrafficShareIndia: 0",
    "",
].join("\n"));

function capture() {
    const lines: string[] = [];
    return { lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}

async function costOf(fixture: string, extra: string[] = []): Promise<{ code: number; report: CostReport; text: string }> {
    const out = path.join(dir, `${fixture}.cost.json`);
    const c = capture();
    const code = await cost(["--preview-json", path.join(FIXTURES, fixture), "--usage", usage, "--format", "json", "--out", out, ...extra], c.out, c.err);
    return { code, report: JSON.parse(fs.readFileSync(out, "utf8")), text: c.lines.join("\n") };
}

// db.t3.large Multi-AZ: $0.29 x 730 h = $211.70, 100 GiB gp3 Multi-AZ x $0.23 = $23.00, the RDS-managed secret $0.40.
const DB_T3 = 235.1;
// db.r6g.xlarge Multi-AZ: $0.90 x 730 h = $657.00, same storage and secret.
const DB_R6G = 680.4;

describe("the tools on pulumi preview --json files", function () {
    this.timeout(60_000);

    it("prices an update among unchanged resources: whole-stack totals before and after, one resource's delta", async () => {
        const { code, report } = await costOf("update-with-sames.json");
        assert.equal(code, 0);
        const s = report.stacks[0];
        assert.equal(s.stack, "prod");
        assert.deepEqual(s.change!.resources.map((r) => [r.name, r.change, r.before, r.after, r.delta]), [["db", "changed", DB_T3, DB_R6G, 445.3]]);
        assert.equal(s.change!.delta, 445.3);
        assert.equal(Math.round((s.change!.after! - s.change!.before!) * 100) / 100, 445.3);
        assert.ok(s.change!.before! > DB_T3, "the unchanged resources are in the totals");
    });

    it("prices the default view (no sames) as the changed resources only, and says so", async () => {
        const { report, text } = await costOf("update-without-sames.json");
        const s = report.stacks[0];
        assert.deepEqual([s.change!.before, s.change!.after, s.change!.delta], [DB_T3, DB_R6G, 445.3]);
        assert.match(text, /note: prod: the preview lists only changed resources .*--show-sames/);
    });

    it("prices a replaced database once, in either view", async () => {
        for (const f of ["replace.json", "replace-with-steps.json"]) {
            const s = (await costOf(f)).report.stacks[0];
            assert.equal(s.resources.filter((r) => r.name === "db").length, 1, f);
            assert.equal(s.resources.find((r) => r.name === "db")!.monthlyCost, DB_T3, f);
            assert.equal(s.change!.delta, 0, `${f}: same class, same cost`);
        }
    });

    it("prices deletes as savings of the whole resource", async () => {
        const s = (await costOf("deletes.json")).report.stacks[0];
        assert.equal(s.totalMonthlyCost, 0);
        const db = s.change!.resources.find((r) => r.name === "db")!;
        assert.deepEqual([db.change, db.before, db.after, db.delta], ["deleted", DB_T3, null, -DB_T3]);
        assert.ok(s.change!.resources.every((r) => r.change === "deleted" && r.delta! < 0));
    });

    it("never prices a read (another stack's resource)", async () => {
        const s = (await costOf("reads.json")).report.stacks[0];
        assert.deepEqual(s.resources.map((r) => r.name).sort(), ["app", "cache", "legacy"]);
    });

    it("leaves unknown values unpriced, never priced as data, and says the total is a lower bound", async () => {
        const { code, report, text } = await costOf("unknowns.json");
        assert.equal(code, 1, "an incomplete estimate fails the cost command");
        const s = report.stacks[0];
        const ip = s.resources.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer")!.costComponents.find((c) => c.name.startsWith("Public IPv4"))!;
        assert.deepEqual([ip.monthlyQuantity, ip.monthlyCost, ip.unpricedReason], [null, null, "known only after apply"]);
        const nodes = s.resources.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!.costComponents[0];
        assert.deepEqual([nodes.monthlyCost, nodes.unpricedReason], [null, "known only after apply"]);
        assert.equal(s.complete, false);
        assert.match(text, /not fully priced: prod/);
    });

    it("takes the region from the default provider's step; an unpriced region is never priced as us-east-1", async () => {
        const { code, report } = await costOf("default-provider-eu-west-2.json");
        assert.equal(code, 1);
        const s = report.stacks[0];
        assert.equal(s.regionPriced, false);
        assert.match(s.gaps[0].reason, /region eu-west-2 is not priced/);
        for (const r of s.resources) for (const c of r.costComponents) assert.equal(c.monthlyCost, null, `${r.name} ${c.name}`);
    });

    it("refuses a failed preview with exit 2 and its error", async () => {
        for (const run of [cost, plan]) {
            const c = capture();
            assert.equal(await run(["--preview-json", path.join(FIXTURES, "failed.json")], c.out, c.err), 2);
            assert.match(c.lines.join("\n"), /the preview failed, so it cannot be checked or priced:\n {2}- TypeError/);
        }
    });

    it("plan fails a saved preview whose secret (masked [secret]) went into a literal env value and a ConfigMap", async () => {
        const c = capture();
        const code = await plan(["--preview-json", path.join(FIXTURES, "secret-literal.json"), "--usage", usage, "--no-tree"], c.out, c.err);
        const text = c.lines.join("\n");
        assert.equal(code, 1, text);
        assert.match(text, /kubernetes-workload-disallow-literal-secret-env[^\n]*\n\s+api \(kubernetes:apps\/v1:Deployment\): container api: env DATABASE_URL is a Pulumi secret written as a literal value/);
        assert.match(text, /kubernetes-configmap-disallow-secret-data[^\n]*\n\s+api \(kubernetes:core\/v1:ConfigMap\): data key settings\.json is a Pulumi secret written as a literal value/);
        assert.doesNotMatch(text, /LOG_LEVEL/, "plain settings beside them are not findings");
    });

    it("plan counts the change as the CLI does and prices it before and after", async () => {
        const c = capture();
        const code = await plan(["--preview-json", path.join(FIXTURES, "update-with-sames.json"), "--usage", usage, "--no-tree"], c.out, c.err);
        const text = c.lines.join("\n");
        assert.match(text, /^Resources:\n {4}~ 1 to update\n {4}15 unchanged$/m);
        assert.match(text, /^Cost: \$[\d,.]+ → \$[\d,.]+\/month \(\+\$445\.30\)$/m);
        assert.match(text, /~ \$235\.10 → \$680\.40 +db \(aws:rds\/instance:Instance\) +\+\$445\.30/);
        assert.equal(code, 1, "no policy config for this project: the budget gate cannot pass");
    });
});
