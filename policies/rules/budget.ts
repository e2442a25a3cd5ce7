/**
 * Cost: a stack's estimated monthly cost stays within its budget (seed 002's ranges).
 *
 * The policy prices the stack with the estimator of `core/cost` from what its config says
 * (`region`, `usage`, `fixedCharges`): the same inputs, the same code and so the same total as
 * `npm run cost`. `npm run policy-config` writes those inputs into `policies/config/<stack>.json`
 * from the stack file and the tier's usage profile, and `plan` passes the ones it computed
 * (including a `--usage` file) at plan time.
 *
 * It fails closed: when the estimate is incomplete (a resource type the estimator does not know, a
 * price the catalog lacks in the region, a usage figure missing, a quantity known only after apply)
 * or no budget is configured, the gate cannot say the stack is within budget, and says so as a
 * mandatory finding naming what is missing. A finding on one resource can be waived like any other.
 */
import { estimate, FixedCharge, topLineItems } from "../../core/cost/estimator";
import { usd } from "../../core/cost/money";
import { NO_USAGE, USAGE_KEYS, UsageProfile } from "../../core/cost/usage";
import { StackFinding, StackPolicyDefinition } from "../definitions";

interface BudgetConfig {
    maxMonthlyUsd: number;
    region: string;
    usage?: UsageProfile;
    fixedCharges: FixedCharge[];
    freeAllowances?: boolean;
    resourceUsage?: Record<string, Partial<UsageProfile>>;
}

export const budget: StackPolicyDefinition<BudgetConfig> = {
    kind: "stack",
    name: "stack-budget-enforce-monthly-limit",
    description: "The stack's estimated monthly cost stays within its budget.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "cost",
    source: "seed 002 'Scaling Scenarios' monthly ranges; core/cost estimator and catalog",
    remediation: "Over budget: shrink the largest line items (see `npm run cost`) or raise maxMonthlyUsd with the budget owner's approval. Cannot price: add the missing price to core/cost/catalog.ts (with its source), fix a mistyped class, give the usage figure in a usage file, or waive that resource with a reason and an expiry.",
    config: {
        maxMonthlyUsd: { type: "number", minimum: 0, description: "Monthly budget in USD (0: the stack must cost nothing, e.g. a local stack). Required: without a budget the gate cannot pass." },
        region: { type: "string", default: "us-east-1", description: "AWS region whose prices apply." },
        usage: {
            type: "object",
            description: "Usage the plan cannot know (traffic, logs, backups), as in `npm run cost`; written by `npm run policy-config`. Without it, usage-based items are unpriced.",
            properties: Object.fromEntries(USAGE_KEYS.map((k) => [k, { type: "number", minimum: 0 }])),
            additionalProperties: false,
        },
        freeAllowances: { type: "boolean", default: true, description: "Subtract the account's always-free allowances (CloudFront 1 TB and 10 M requests) once; false for an account whose other workloads use them." },
        resourceUsage: {
            type: "object",
            description: "Usage figures of single resources by logical name (a usage file's `resources` section, validated by the cost tools): that resource's own figures, not a share of the stack's.",
        },
        fixedCharges: {
            type: "array",
            default: [],
            description: "Monthly charges that are not resources of the plan (e.g. a managed vector DB subscription).",
            items: {
                type: "object",
                properties: { name: { type: "string" }, monthlyUsd: { type: "number", minimum: 0 }, source: { type: "string" } },
                required: ["name", "monthlyUsd", "source"],
                additionalProperties: false,
            },
        },
    },
    checkStack(resources, c) {
        if (typeof c.maxMonthlyUsd !== "number") {
            return [{ message: "cannot check the budget: no maxMonthlyUsd is configured for this stack; set it in the policy config (`npm run policy-config` writes one per stack)" }];
        }
        const cost = estimate(
            // Stack policies do not see the `custom` flag: this project's components (`tiered-infra:*`) are
            // groupings, not billed resources.
            // Each resource at its own provider's region (a DR provider's resources at DR prices).
            resources.filter((r) => !r.type.startsWith("tiered-infra:")).map((r) => ({ urn: r.urn, type: r.type, inputs: r.props, dependencies: r.dependencies, ...(r.providerRegion ? { region: r.providerRegion } : {}) })),
            // A figure the config does not give stays unknown (NaN): its item is unpriced, never $0.
            { stack: "policy", region: c.region, usage: c.usage && { ...NO_USAGE, ...c.usage }, fixedCharges: c.fixedCharges, freeAllowances: c.freeAllowances, resourceUsage: c.resourceUsage },
        );
        const findings: StackFinding[] = cost.gaps.map((g) => ({
            ...(g.urn ? { urn: g.urn } : {}),
            message: `cannot price ${g.name ?? "the stack"}: ${g.reason}; the budget of ${usd(c.maxMonthlyUsd)} cannot be checked while this is unpriced`,
        }));
        if (cost.totalMonthlyCost > c.maxMonthlyUsd) {
            const top = topLineItems(cost, 3).map((t) => `${t.resource} ${t.component} ${usd(t.monthlyCost)}`).join("; ");
            const bound = cost.complete ? "" : "at least ";
            findings.push({ message: `estimated ${bound}${usd(cost.totalMonthlyCost)}/month exceeds the budget of ${usd(c.maxMonthlyUsd)}; largest items: ${top}` });
        }
        return findings;
    },
};

export const COST_POLICIES = [budget];
