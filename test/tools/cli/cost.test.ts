import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Chromium from "@sparticuz/chromium";
import { chromium } from "playwright-core";
import { main } from "../../../tools/cli/cost";
import { CostReport } from "../../../tools/cost/report";

function capture() {
    const lines: string[] = [];
    return { lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tiered-cost-"));

describe("npm run cost", function () {
    this.timeout(120_000);
    let report: CostReport;
    const dir = tmp();

    before(async () => {
        const c = capture();
        assert.equal(await main(["--all", "--format", "json", "--out", path.join(dir, "all.json")], c.out, c.err), 0, c.lines.join("\n"));
        report = JSON.parse(fs.readFileSync(path.join(dir, "all.json"), "utf8"));
    });

    it("writes the documented JSON: stacks, totals, resources with cost components, free and unsupported types", () => {
        assert.deepEqual(report.stacks.map((s) => s.stack).slice(0, 3), ["small", "medium", "large"]);
        for (const s of report.stacks.filter((x) => x.region === "local")) assert.equal(s.totalMonthlyCost, 0, `${s.stack}: local costs nothing`);
        for (const s of report.stacks.filter((x) => x.region !== "local")) {
            assert.ok(s.totalMonthlyCost > 0);
            assert.ok(Array.isArray(s.freeResourceTypes) && Array.isArray(s.unsupportedResourceTypes));
            assert.deepEqual(s.unsupportedResourceTypes, [], `${s.stack} has resources the estimator does not know`);
            for (const r of s.resources) {
                assert.ok(r.urn.startsWith(`urn:pulumi:${s.stack}::`) && r.type && typeof r.monthlyCost === "number");
                for (const c of r.costComponents) for (const k of ["name", "unit", "monthlyQuantity", "price", "monthlyCost", "usageBased"]) assert.ok(k in c, `${r.name}: ${k}`);
            }
            const sum = s.resources.reduce((n, r) => n + r.monthlyCost, 0);
            assert.ok(Math.abs(sum - s.totalMonthlyCost) < 0.05);
            if (["small", "medium", "large"].includes(s.stack)) assert.ok(s.seedRange && s.seedRangeStatus, `${s.stack} is compared with seed 002's range`);
        }
        assert.equal(report.stacks.find((s) => s.stack === "seed000-aws")!.seedRange, null, "seed 002's ranges are for seed 002's system only");
    });

    it("groups what disaster recovery costs per tier: medium and large copy to a second region, small only drills", () => {
        const dr = (stack: string) => report.stacks.find((s) => s.stack === stack)!.categories.find((c) => c.category === "Disaster recovery")?.monthlyCost ?? 0;
        for (const s of report.stacks.filter((x) => x.region !== "local")) {
            const sum = s.categories.reduce((n, c) => n + c.monthlyCost, 0);
            assert.ok(Math.abs(sum - s.totalMonthlyCost) < 0.05, `${s.stack}: categories add up to the total`);
        }
        assert.ok(dr("small") > 0 && dr("small") < 5, `small: drills only, $${dr("small")}`);
        assert.ok(dr("medium") > 50 && dr("large") > dr("medium"), `medium $${dr("medium")}, large $${dr("large")}`);
        const medium = report.stacks.find((s) => s.stack === "medium")!;
        const replica = medium.resources.find((r) => r.name === "web-medium-files-replica")!;
        assert.ok(replica.costComponents.every((c) => (c as any).region === "us-west-2" && (c as any).disasterRecovery), "the replica is priced where it is, as DR");
    });

    it("prints every tier with its breakdown and its seed range, side by side", async () => {
        const c = capture();
        assert.equal(await main(["--all"], c.out, c.err), 0);
        const text = c.lines.join("\n");
        assert.match(text, /Tiers side by side:/);
        assert.match(text, /small +│ \$[\d,.]+ +│ \$800\.00-\$1,200\.00/);
        assert.match(text, /large +│ \$[\d,.]+ +│ \$8,000\.00-\$15,000\.00/);
        assert.match(text, /Instance usage \(Linux, on-demand, c7g\.xlarge x 3\)/);
        assert.match(text, /Disaster recovery: \$[\d,.]+\/month \([\d.]+% of \$[\d,.]+\)/);
    });

    it("shows per-resource differences against an earlier report", async () => {
        const old: CostReport = JSON.parse(JSON.stringify(report));
        const small = old.stacks[0];
        const ng = small.resources.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup")!;
        ng.monthlyCost -= 100;
        small.totalMonthlyCost -= 100;
        const file = path.join(dir, "old.json");
        fs.writeFileSync(file, JSON.stringify(old));
        const c = capture();
        assert.equal(await main(["--stack", "small", "--compare-to", file, "--format", "markdown"], c.out, c.err), 0);
        const text = c.lines.join("\n");
        assert.match(text, /### Monthly cost estimate/);
        // The app node group: 3 x c7g.xlarge x $0.145 x 730 h = $317.55, plus 3 x 50 GiB gp3 x $0.08 = $12.00.
        assert.match(text, new RegExp(`~ \\$229\\.55 → \\$329\\.55 +${ng.name} \\(aws:eks/nodeGroup:NodeGroup\\) +\\+\\$100\\.00`));
    });

    it("estimates a real preview JSON file and rejects bad input with exit 2", async () => {
        const c = capture();
        assert.equal(await main(["--preview-json", path.join(dir, "missing.json")], c.out, c.err), 2);
        const usage = path.join(dir, "usage.yaml");
        fs.writeFileSync(usage, "small:\n  bogus: 3\n");
        assert.equal(await main(["--usage", usage], c.out, c.err), 2);
        assert.match(c.lines.join("\n"), /small\.bogus: is not a usage key/);
        assert.equal(await main(["--format", "pdf"], c.out, c.err), 2);
    });

    it("renders an HTML report with charts in headless Chromium", async () => {
        const file = path.join(dir, "cost.html");
        const c = capture();
        assert.equal(await main(["--all", "--format", "html", "--out", file], c.out, c.err), 0);
        // A Chromium that ships inside an npm package (@sparticuz/chromium, inflated into the temp
        // directory on first use): `npm ci` is all the set-up, no system browser, no download.
        const executablePath = await Chromium.executablePath();
        const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
        try {
            const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
            const errors: string[] = [];
            page.on("pageerror", (e) => errors.push(e.message));
            await page.goto(`file://${file}`);
            const tiers = await page.$$eval("#by-tier .tier-bar", (bars) => bars.map((b) => ({ stack: b.getAttribute("data-stack"), width: (b as unknown as { getBBox(): { width: number } }).getBBox().width })));
            assert.deepEqual(tiers.map((t) => t.stack).slice(0, 3), ["small", "medium", "large"]);
            assert.ok(tiers[0].width < tiers[1].width && tiers[1].width < tiers[2].width, "bars grow with the tier's cost");
            const categories = await page.$$eval("#by-category .category-bar", (bars) => bars.length);
            assert.ok(categories >= 3 * 5, `${categories} category segments`);
            assert.equal(await page.$$eval('#by-category .category-bar[data-category="Disaster recovery"]', (bars) => bars.length) >= 3, true, "a DR segment per AWS tier");
            assert.match(await page.textContent("h1") ?? "", /Monthly cost estimate/);
            const shot = await page.screenshot({ fullPage: false });
            assert.ok(shot.length > 10_000, "something was drawn");
            assert.deepEqual(errors, []);
        } finally {
            await browser.close();
        }
    });
});
