/**
 * Cost: a stack's estimated monthly cost stays within its budget (seed 002's ranges).
 *
 * The policy prices the stack with the estimator of `core/cost` from what its config says
 * (`region`, `usage`, `fixedCharges`): the same inputs, the same code and so the same total as
 * `npm run cost`. `npm run policy-config` writes those inputs into `policies/config/<stack>.json`
 * from the stack file and the tier's usage profile, and `plan` passes the ones it computed
 * (including a `--usage` file) at plan time.
 */
import { estimate, FixedCharge, topLineItems } from "../../core/cost/estimator";
import { USAGE_KEYS, UsageProfile } from "../../core/cost/usage";
import { StackPolicyDefinition } from "../definitions";

interface BudgetConfig {
    maxMonthlyUsd: number;
    region: string;
    usage?: UsageProfile;
    fixedCharges: FixedCharge[];
}

export const budget: StackPolicyDefinition<BudgetConfig> = {
    kind: "stack",
    name: "stack-budget-enforce-monthly-limit",
    description: "The stack's estimated monthly cost stays within its budget.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "cost",
    source: "seed 002 'Scaling Scenarios' monthly ranges; core/cost estimator and catalog",
    remediation: "Shrink the largest line items (see `npm run cost`), or raise maxMonthlyUsd in the stack's policy config with the budget owner's approval.",
    config: {
        maxMonthlyUsd: { type: "number", minimum: 0, default: 0, description: "Monthly budget in USD; 0 means no budget is enforced." },
        region: { type: "string", default: "us-east-1", description: "AWS region whose prices apply." },
        usage: {
            type: "object",
            description: "Usage the plan cannot know (traffic, logs, backups), as in `npm run cost`; written by `npm run policy-config`. Without it, usage-based items are unpriced.",
            properties: Object.fromEntries(USAGE_KEYS.map((k) => [k, { type: "number", minimum: 0 }])),
            required: [...USAGE_KEYS],
            additionalProperties: false,
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
        if (!c.maxMonthlyUsd) return [];
        const cost = estimate(
            // Stack policies do not see the `custom` flag: this project's components (`tiered-infra:*`) are
            // groupings, not billed resources.
            resources.filter((r) => !r.type.startsWith("tiered-infra:")).map((r) => ({ urn: r.urn, type: r.type, inputs: r.props, dependencies: r.dependencies })),
            { stack: "policy", region: c.region, usage: c.usage, fixedCharges: c.fixedCharges },
        );
        if (!cost.regionPriced || cost.totalMonthlyCost <= c.maxMonthlyUsd) return [];
        const top = topLineItems(cost, 3).map((t) => `${t.resource} ${t.component} $${t.monthlyCost.toFixed(2)}`).join("; ");
        return [{ message: `estimated $${cost.totalMonthlyCost.toFixed(2)}/month exceeds the budget of $${c.maxMonthlyUsd.toFixed(2)}; largest items: ${top}` }];
    },
};

export const COST_POLICIES = [budget];
