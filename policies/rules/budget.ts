/** Cost: a stack's estimated monthly cost stays within its tier's budget (seed 002's ranges). */
import { StackPolicyDefinition } from "../definitions";
import { estimate, topLineItems } from "../../tools/cost/estimator";
import { TIER_USAGE } from "../../tools/cost/usage";
import { TIER_NAMES, TierName } from "../../infra/tiers";

interface BudgetConfig {
    maxMonthlyUsd: number;
    region: string;
    usageProfile: TierName;
}

export const budget: StackPolicyDefinition<BudgetConfig> = {
    kind: "stack",
    name: "stack-budget-enforce-monthly-limit",
    description: "The stack's estimated monthly cost stays within its budget.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "cost",
    source: "seed 002 'Scaling Scenarios' monthly ranges; tools/cost estimator and catalog",
    remediation: "Shrink the largest line items (see `npm run cost`), or raise maxMonthlyUsd in the tier's policy config with the budget owner's approval.",
    config: {
        maxMonthlyUsd: { type: "number", minimum: 0, default: 0, description: "Monthly budget in USD; 0 means no budget is enforced." },
        region: { type: "string", default: "us-east-1", description: "Region whose prices apply (only priced regions are enforced)." },
        usageProfile: { type: "string", enum: [...TIER_NAMES], default: "small", description: "Usage profile (traffic, logs, backups) of tools/cost/usage.ts to price usage-based items with." },
    },
    checkStack(resources, c) {
        if (!c.maxMonthlyUsd) return [];
        const cost = estimate(
            resources.filter((r) => !r.type.startsWith("tiered-infra:")).map((r) => ({ urn: r.urn, type: r.type, inputs: r.props, dependencies: r.dependencies })),
            { stack: "policy", region: c.region, usage: TIER_USAGE[c.usageProfile] },
        );
        if (!cost.regionPriced || cost.totalMonthlyCost <= c.maxMonthlyUsd) return [];
        const top = topLineItems(cost, 3).map((t) => `${t.resource} ${t.component} $${t.monthlyCost.toFixed(2)}`).join("; ");
        return [{ message: `estimated $${cost.totalMonthlyCost.toFixed(2)}/month exceeds the budget of $${c.maxMonthlyUsd.toFixed(2)}; largest items: ${top}` }];
    },
};

export const COST_POLICIES = [budget];
