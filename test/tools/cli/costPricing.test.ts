import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../tools/cli/cost";
import { CostReport } from "../../../tools/cost/report";

function capture() {
    const lines: string[] = [];
    return { lines, text: () => lines.join("\n"), out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}
const usageFile = (doc: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tiered-usage-")), "usage.yaml");
    fs.writeFileSync(file, doc);
    return file;
};

describe("npm run cost: regions, commitments and usage per resource", function () {
    this.timeout(120_000);

    it("refuses a pricing mode or upfront payment it does not know, naming the allowed values, without a stack trace", async () => {
        for (const [flag, value, allowed] of [["--pricing", "yearly", "on-demand, savings-1y, savings-3y"], ["--upfront", "half", "none, all"]]) {
            const c = capture();
            assert.equal(await main(["--stack", "small", flag, value], c.out, c.err), 2);
            assert.match(c.text(), new RegExp(`argument '${value}' is invalid\\. Allowed choices are ${allowed}`));
            assert.doesNotMatch(c.text(), /\n\s+at /);
        }
    });

    it("prices a stack as if deployed in eu-central-1, lists what is not priced there and exits 1", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "medium", "--region", "eu-central-1", "--format", "markdown"], c.out, c.err), 1);
        assert.match(c.text(), /\*\*medium is not fully priced\*\*/);
        assert.match(c.text(), /not priced in eu-central-1: rds\.postgres\.db\.r6g\.xlarge\.multiAz/);
        assert.match(c.text(), /error: not fully priced: medium \(the totals are lower bounds/);
    });

    it("calls a region outside the catalog not priced, and a name that is no region bad input", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "small", "--region", "sa-east-1", "--summary"], c.out, c.err), 1);
        assert.match(c.text(), /small: ≥ \$[\d,.]+\/month \(region sa-east-1 not priced\)/);
        const bad = capture();
        assert.equal(await main(["--stack", "small", "--region", "mars"], bad.out, bad.err), 2);
        assert.match(bad.text(), /aws:region: "mars" is not an AWS region name/);
    });

    it("names the region that is not priced (where the resources sit), not the stack's", async () => {
        const fixture = path.resolve(__dirname, "..", "..", "fixtures", "preview", "default-provider-eu-west-2.json");
        const c = capture();
        assert.equal(await main(["--preview-json", fixture, "--region", "us-east-1", "--summary"], c.out, c.err), 1);
        assert.match(c.text(), /prod: ≥ \$0\.00\/month \(region eu-west-2 not priced\)/);
        assert.doesNotMatch(c.text(), /us-east-1 not priced/);
        const table = capture();
        assert.equal(await main(["--preview-json", fixture, "--region", "us-east-1"], table.out, table.err), 1);
        assert.match(table.text(), /Stack prod, us-east-1 - REGION eu-west-2 NOT PRICED: costs below are incomplete/);
    });

    it("prices nothing under a provider whose region is known only at apply, not in the config's region, and exits 1", async () => {
        const U = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const provider = "urn:pulumi:prod::shop::pulumi:providers:aws::dr";
        const db = "urn:pulumi:prod::shop::aws:rds/instance:Instance::db";
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tiered-preview-")), "preview.json");
        fs.writeFileSync(file, JSON.stringify({
            config: { "aws:region": "us-east-1" },
            steps: [
                { op: "create", urn: provider, newState: { urn: provider, type: "pulumi:providers:aws", custom: true, inputs: { region: U } } },
                { op: "create", urn: db, provider: `${provider}::${U}`, newState: { urn: db, type: "aws:rds/instance:Instance", custom: true, inputs: { instanceClass: "db.t3.large", multiAz: true, allocatedStorage: 100, engine: "postgres" } } },
            ],
        }));
        const out = path.join(path.dirname(file), "r.json");
        const c = capture();
        assert.equal(await main(["--preview-json", file, "--format", "json", "--out", out], c.out, c.err), 1, c.text());
        const report: CostReport = JSON.parse(fs.readFileSync(out, "utf8"));
        const lines = report.stacks[0].resources.find((r) => r.name === "db")!.costComponents;
        assert.deepEqual([...new Set(lines.map((l) => [l.monthlyCost, l.unpricedReason].join(" ")))], [" region known only at apply"], "not $211.70 as if in us-east-1");
        assert.deepEqual([report.stacks[0].totalMonthlyCost, report.stacks[0].complete], [0, false]);
        assert.match(c.text(), /error: not fully priced: prod/);
    });

    it("prices always-on lines under a commitment and says which have no rate", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-cost-"));
        const c = capture();
        assert.equal(await main(["--stack", "small", "--pricing", "savings-3y", "--upfront", "all", "--format", "json", "--out", path.join(dir, "r.json")], c.out, c.err), 1);
        const report: CostReport = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
        const lines = report.stacks[0].resources.flatMap((r) => r.costComponents);
        const cache = lines.find((x) => x.priceKey.startsWith("elasticache.valkey."))!;
        assert.equal(cache.pricedAs, "savings-3y");
        assert.match(cache.name, /^Cache nodes \(savings-3y, all upfront, valkey/);
        const node = lines.find((x) => x.priceKey.startsWith("ec2."))!;
        assert.match(node.unpricedReason!, /^not priced under savings-3y \(all upfront, compute savings plan\) in us-east-1: ec2\./);
        assert.deepEqual(report.stacks[0].pricing, { mode: "savings-3y", upfront: "all", freeAllowances: true });
    });

    it("takes one resource's own usage from the file's resources section, and rejects a bad key there", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-cost-"));
        const c = capture();
        const file = usageFile("resources:\n  web-small-nat-0:\n    natDataGiB: 1000\n");
        assert.equal(await main(["--stack", "small", "--usage", file, "--format", "json", "--out", path.join(dir, "r.json")], c.out, c.err), 0, c.text());
        const report: CostReport = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
        const nat = report.stacks[0].resources.find((r) => r.name === "web-small-nat-0" && r.type === "aws:ec2/natGateway:NatGateway");
        assert.ok(nat, `no web-small-nat-0 in ${report.stacks[0].resources.map((r) => r.name).join(", ")}`);
        assert.equal(nat.costComponents.find((x) => x.name === "Data processed")!.monthlyCost, 45); // its own 1,000 GB x $0.045, not a share
        const bad = capture();
        assert.equal(await main(["--stack", "small", "--usage", usageFile("resources:\n  web-small-nat-0:\n    natDataGb: 1000\n")], bad.out, bad.err), 2);
        assert.match(bad.text(), /resources\.web-small-nat-0\.natDataGb: is not a usage key; known keys: users, requests/);
    });

    it("shows each tier's always-on part and its share, side by side", async () => {
        const c = capture();
        assert.equal(await main(["--all", "--summary"], c.out, c.err), 0, c.text());
        // Medium: nodes 5 x c7g.2xlarge x $0.29 + 3 x r7g.xlarge x $0.2142, database $0.90 + replica $0.45,
        // cache 3 x $0.1752, all x 730 h = $1,527.60 + $985.50 + $383.69 = $2,896.79 of $3,840.35 (75.4%).
        assert.match(c.text(), /│ medium +│ \$3,840\.35 +│.*│ \$2,896\.79 \(75\.4%\) +│/);
    });

    it("refuses a usage section that is neither default, resources, a tier nor a stack (a typo), naming the allowed names", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "small", "--summary", "--usage", usageFile("smal:\n  users: 10\n")], c.out, c.err), 2);
        assert.match(c.text(), /--usage: .*usage\.yaml: "smal" is neither "default", "resources", a tier \(small, medium, large\) nor a stack \(local, seed000-aws/);
        const preview = path.resolve(__dirname, "..", "..", "fixtures", "preview", "update-with-sames.json");
        const p = capture();
        assert.equal(await main(["--preview-json", preview, "--summary", "--usage", usageFile("prd:\n  users: 10\n")], p.out, p.err), 2);
        assert.match(p.text(), /"prd" is neither "default", "resources", a tier \(small, medium, large\) nor a stack \(prod\)/);
        const ok = capture();
        assert.notEqual(await main(["--preview-json", preview, "--summary", "--usage", usageFile("prod:\n  users: 10\nmedium:\n  users: 5\n")], ok.out, ok.err), 2, ok.text());
    });

    it("calls a figure too large to hold (1e400) not a finite number, not null", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "small", "--summary", "--usage", usageFile("default:\n  users: 1e400\n  requests: .nan\n")], c.out, c.err), 2);
        assert.match(c.text(), /default\.users: Infinity is not a finite number/);
        assert.match(c.text(), /default\.requests: NaN is not a finite number/);
        assert.doesNotMatch(c.text(), /null is not allowed/);
    });

    it("refuses an empty --region (it priced us-east-1), naming the regions the catalog prices", async () => {
        for (const region of ["", " "]) {
            const c = capture();
            assert.equal(await main(["--stack", "small", "--summary", "--region", region], c.out, c.err), 2);
            assert.match(c.text(), /--region: ".*" names no region; give an AWS region name \(the catalog prices us-east-1, us-east-2, us-west-2, eu-west-1/);
        }
    });

    it("refuses a CDN traffic mix that does not add up to 1, naming the keys", async () => {
        const c = capture();
        assert.equal(await main(["--stack", "small", "--usage", usageFile("default:\n  cdnTrafficShareUs: 0.9\n")], c.out, c.err), 2);
        assert.match(c.text(), /the CDN traffic shares \(cdnTrafficShareUs, cdnTrafficShareEurope, .*cdnTrafficShareIndia\) add up to 1\.3; they must add up to 1/);
    });
});
