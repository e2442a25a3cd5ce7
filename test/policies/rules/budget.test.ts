/**
 * The budget policy (policies/rules/budget.ts) in process: what the policy itself decides. Amounts
 * come from fixed charges written here; what the estimator (core/cost, rewritten on another branch)
 * says about a resource is left to its own tests, so its reasons are matched loosely.
 */
import { strict as assert } from "assert";
import { StackSubject } from "../../../policies/definitions";
import { budget } from "../../../policies/rules/budget";
import { stackSubject } from "./subjects";

const res = (type: string, name: string) => stackSubject(type, name);
const charge = (monthlyUsd: number) => [{ name: "Vector DB subscription", monthlyUsd, source: "a test" }];
const config = (maxMonthlyUsd: number | undefined, monthlyUsd = 10) => ({ maxMonthlyUsd, region: "us-east-1", fixedCharges: charge(monthlyUsd) }) as any;

describe("budget policy (checks)", () => {
    it("cannot pass a stack without a budget", () => {
        assert.deepEqual(budget.checkStack([], config(undefined)), [
            { message: "cannot check the budget: no maxMonthlyUsd is configured for this stack; set it in the policy config (`npm run policy-config` writes one per stack)" },
        ]);
    });

    it("passes a total exactly at the budget, and fails one cent below it", () => {
        assert.deepEqual(budget.checkStack([], config(10)), []);
        assert.deepEqual(budget.checkStack([], config(10.01)), []);
        assert.deepEqual(budget.checkStack([], config(9.99)).map((f) => [("urn" in f) ? f.urn : undefined, ("message" in f) ? f.message.split(";")[0] : f]), [[undefined, "estimated $10.00/month exceeds the budget of $9.99"]]);
        assert.deepEqual(budget.checkStack([], config(0, 0)), []);
    });

    it("names a resource it cannot price, under its URN, and skips the project's own components", () => {
        const thing = res("aws:foo/bar:Baz", "x");
        const findings = budget.checkStack([res("tiered-infra:index:Group", "g"), thing], config(100, 0));
        assert.equal(findings.length, 1);
        assert.equal(findings[0].urn, thing.urn);
        assert.match("message" in findings[0] ? findings[0].message : "", /^cannot price x: .+; the budget of \$100\.00 cannot be checked while this is unpriced$/);
    });

    it("calls an overrun of an incomplete estimate a lower bound", () => {
        const thing = res("aws:foo/bar:Baz", "x");
        const findings = budget.checkStack([thing], config(5));
        assert.deepEqual(findings.map((f) => f.urn), [thing.urn, undefined]);
        assert.equal("message" in findings[1] ? findings[1].message.split(";")[0] : "", "estimated at least $10.00/month exceeds the budget of $5.00");
    });

    describe("with a priced resource (a KMS key: $1.00 a month, $0.03 per 10,000 requests, us-east-1)", () => {
        const key: StackSubject = { ...res("aws:kms/key:Key", "k"), props: { enableKeyRotation: true } };
        const outOfTheEight = "region af-south-1 is not priced: the catalog holds prices for us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 only (1 resources there)";

        it("prices usage from the config, and names the three largest items of an overrun", () => {
            assert.deepEqual(budget.checkStack([key], { maxMonthlyUsd: 0.5, region: "us-east-1", fixedCharges: [], usage: { kmsRequestsPerKey: 10_000 } } as any), [
                { message: "estimated $1.03/month exceeds the budget of $0.50; largest items: k Customer managed key $1.00; k Requests (symmetric) $0.03" },
            ]);
        });

        it("leaves a usage figure the config does not give unpriced, never $0", () => {
            assert.deepEqual(budget.checkStack([key], { maxMonthlyUsd: 0.5, region: "us-east-1", fixedCharges: [] } as any), [
                { urn: key.urn, message: "cannot price k: Requests (symmetric): no usage figure (give one in a usage file); the budget of $0.50 cannot be checked while this is unpriced" },
                { message: "estimated at least $1.00/month exceeds the budget of $0.50; largest items: k Customer managed key $1.00; k Requests (symmetric) $0.00" },
            ]);
        });

        it("prices at the config's region, and each resource at its own provider's region before it", () => {
            const usage = { kmsRequestsPerKey: 0 };
            const cannot = [{ message: `cannot price the stack: ${outOfTheEight}; the budget of $5.00 cannot be checked while this is unpriced` }];
            assert.deepEqual(budget.checkStack([key], { maxMonthlyUsd: 5, region: "us-east-1", fixedCharges: [], usage } as any), []);
            assert.deepEqual(budget.checkStack([key], { maxMonthlyUsd: 5, region: "af-south-1", fixedCharges: [], usage } as any), cannot);
            assert.deepEqual(budget.checkStack([{ ...key, providerRegion: "af-south-1" }], { maxMonthlyUsd: 5, region: "us-east-1", fixedCharges: [], usage } as any), cannot);
            assert.deepEqual(budget.checkStack([{ ...key, providerRegion: "us-east-1" }], { maxMonthlyUsd: 5, region: "af-south-1", fixedCharges: [], usage } as any), []);
        });
    });
});
