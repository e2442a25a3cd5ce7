/** The shipped tiers' estimates for cost tests: planned offline once (test/harness.ts caches plans), priced as `npm run cost` prices them. */
import { CostInputs, estimate, PlannedResource, StackCost } from "../../../core/cost/estimator";
import { readPreview, statesAfter } from "../../../core/plan/reader";
import { costInputsFor } from "../../../tools/cost/costInputs";
import { planStack } from "../../../tools/offline/planProject";
import { planShippedStack, project } from "../../harness";

export const TIERS = ["small", "medium", "large"] as const;
/** A fixed day, so dated changes and EKS support do not move under the tests. */
export const TODAY = "2026-11-30";

/** Plans in another region, cached like the shipped plans (a mutation run reruns the tests that read them per mutant). */
const inRegion = new Map<string, ReturnType<typeof planStack>>();
function planInRegion(stack: string, region: string): ReturnType<typeof planStack> {
    const key = `${stack}@${region}`;
    if (!inRegion.has(key)) inRegion.set(key, planStack(project, stack, { region }));
    return inRegion.get(key)!;
}

/** A shipped stack's planned resources and cost inputs; with `region`, planned as if its `aws:region` were that one. */
export async function plannedResources(stack: string, region?: string): Promise<{ resources: PlannedResource[]; inputs: CostInputs; tier: string }> {
    const run = region ? await planInRegion(stack, region) : await planShippedStack(stack);
    const states = statesAfter(readPreview(run.preview, `plan of ${stack}`));
    const resources = states.map((s) => ({ urn: s.urn, type: s.type, custom: s.custom, inputs: s.inputs ?? {}, dependencies: s.dependencies, ...(s.region ? { region: s.region } : {}) }));
    return { resources, inputs: costInputsFor(stack, run.stackConfig), tier: run.stackConfig.tier };
}

/** A shipped stack's estimate, with inputs changed by `extra` (region, pricing, free allowances). */
export async function tierEstimate(stack: string, extra: Partial<CostInputs> = {}): Promise<StackCost> {
    const { resources, inputs, tier } = await plannedResources(stack, extra.region);
    return estimate(resources, { stack, tier, today: TODAY, ...inputs, ...extra });
}
