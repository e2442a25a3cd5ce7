/**
 * The README's "Add a tier" recipe, followed end to end in a scratch copy of the repository: one
 * row in infra/tiers.ts, one stack file, `npm run policy-config`. Everything else (tier names, the
 * usage profile, seed ranges, the budget and the policy config) derives from the row.
 */
import { strict as assert } from "assert";
import { scratchRepo, ScratchRepo } from "../scratchRepo";

describe("adding a tier by the README's recipe", function () {
    this.timeout(120_000);
    let repo: ScratchRepo;
    before(() => {
        repo = scratchRepo();
    });
    after(() => repo.remove());

    it("plans, prices against the row's budget and passes the gate with nothing else edited", () => {
        // 1. a row in the table: the large row, for 20,000+ users, with its own budget.
        const tiers = repo.read("infra/tiers.ts");
        const large = /\n {4}large: \{\n[\s\S]*?\n {4}\},\n/.exec(tiers)![0];
        const xlarge = large
            .replace("    large: {", "    xlarge: {")
            .replace(/description: "[^"]*"/, 'description: "20,000+ users: the large tier with a wider budget"')
            .replace("usersServed: { min: 5000 }", "usersServed: { min: 20000 }")
            .replace("budget: { minMonthlyUsd: 8000, maxMonthlyUsd: 15000 }", "budget: { minMonthlyUsd: 7000, maxMonthlyUsd: 20000 }");
        assert.notEqual(xlarge, large);
        repo.write("infra/tiers.ts", tiers.replace(large, large + xlarge.slice(1)));
        // 2. a stack file naming it.
        repo.write("stacks/Pulumi.xlarge.yaml", repo.read("stacks/Pulumi.large.yaml").replace("tiered-infra:tier: large", "tiered-infra:tier: xlarge"));
        // 3. the generated policy config.
        const config = repo.run(["policyConfig"]);
        assert.equal(config.status, 0, config.stderr);
        assert.match(config.stdout, /wrote policies\/config\/xlarge\.json/);
        const budget = JSON.parse(repo.read("policies/config/xlarge.json"))["stack-budget-enforce-monthly-limit"];
        assert.equal(budget.maxMonthlyUsd, 20000);
        assert.equal(budget.usage.users, 80000, "open-ended: four times the row's lower bound");

        const plan = repo.run(["plan", "--stack", "xlarge", "--quiet"]);
        assert.equal(plan.status, 0, plan.stdout + plan.stderr);
        assert.match(plan.stdout, /^xlarge: \+ \d+ to create \(\d+ types\) \| est\. \$[\d,]+\.\d\d\/month \| policies: 0 mandatory/m);
        const cost = repo.run(["cost", "--stack", "xlarge"]);
        assert.equal(cost.status, 0, cost.stderr);
        assert.doesNotMatch(cost.stdout, /NaN/);
        assert.match(cost.stdout, /Total: \$[\d,]+\.\d\d\/month {2}\(seed range \$7,000\.00-\$20,000\.00: (below|within)\)/);
        assert.match(repo.run(["plan", "--stack", "nope"]).stderr, /known stacks: small, medium, large, xlarge,/);
    });
});
