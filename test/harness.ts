/**
 * Test harness: runs a program (the whole platform or one component) through the same offline
 * engine `npm run plan` uses, and gives tests typed look-ups into the recorded steps.
 */
import * as path from "path";
import { runStack, Program, StackRun } from "../tools/offline/engine";
import { PreviewStep } from "../core/plan/previewJson";
import { planStack, PlannedStack } from "../tools/offline/planProject";
import { readProject, readStackConfig } from "../tools/offline/project";

export const PROJECT_DIR = path.resolve(__dirname, "..");
export const project = readProject(PROJECT_DIR);

/** Plans a shipped stack (cached: a stack's plan is deterministic, tests only read it). */
const cache = new Map<string, Promise<PlannedStack>>();
export function planShippedStack(stack: string): Promise<PlannedStack> {
    if (!cache.has(stack)) cache.set(stack, planStack(project, stack));
    return cache.get(stack)!;
}

/** Runs an arbitrary program under the mocks with a shipped stack's config (default: small). */
export function runProgram(program: Program, opts: { stack?: string; config?: Record<string, string>; secretKeys?: string[] } = {}): Promise<StackRun> {
    const file = readStackConfig(project, opts.stack ?? "small");
    const config = { ...file.config, ...(opts.config ?? {}) };
    return runStack({
        project: project.name,
        stack: opts.stack ?? "small",
        region: config["aws:region"],
        config,
        secretKeys: new Set([...file.secretKeys, ...(opts.secretKeys ?? [])]),
        program,
    });
}

export class Resources {
    constructor(public readonly steps: PreviewStep[]) {}

    ofType(type: string): Array<{ name: string; urn: string; inputs: any; parent?: string }> {
        return this.steps
            .filter((s) => s.newState?.type === type)
            .map((s) => ({ name: s.urn.split("::").pop()!, urn: s.urn, inputs: s.newState!.inputs as any, parent: s.newState!.parent }));
    }

    one(type: string, nameSuffix?: string) {
        const found = this.ofType(type).filter((r) => nameSuffix === undefined || r.name.endsWith(nameSuffix));
        if (found.length !== 1) throw new Error(`expected one ${type}${nameSuffix ? ` named *${nameSuffix}` : ""}, found ${found.length}: ${found.map((f) => f.name).join(", ")}`);
        return found[0];
    }
}

export function resourcesOf(run: StackRun): Resources {
    return new Resources(run.preview.steps);
}
