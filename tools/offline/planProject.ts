/**
 * Plans one stack of a project directory: reads its stack file, runs the program offline, and
 * attaches what the plan substituted (placeholder secrets) under the `tieredInfra` key.
 */
import { parseStackConfig, StackConfig } from "../../infra/config";
import { deploy } from "../../infra/program";
import { runStack, StackRun } from "./engine";
import { ProjectInfo, readStackConfig } from "./project";

export interface PlannedStack extends StackRun {
    /** Config paths whose `secure:` value was replaced by a placeholder. */
    placeholderSecrets: string[];
    stackFile: string;
    /** The stack's validated config, as the program read it. */
    stackConfig: StackConfig;
}

export interface PlanOptions {
    /** Leave outputs of resources created in this run unknown, as a first real `pulumi preview` does (see engine.ts). */
    unknowns?: boolean;
    /** Plan the stack as if its `aws:region` were this one (`npm run cost -- --region`: what the stack would cost there). */
    region?: string;
}

/** Plans a stack; a bad stack config throws the program's ConfigError before anything runs. */
export async function planStack(project: ProjectInfo, stack: string, opts: PlanOptions = {}): Promise<PlannedStack> {
    const read = readStackConfig(project, stack);
    const file = opts.region && read.config["aws:region"] !== undefined ? { ...read, config: { ...read.config, "aws:region": opts.region } } : read;
    const stackConfig = parseStackConfig(file.config, file.secretKeys);
    const run = await runStack({
        project: project.name,
        stack,
        // The program validates aws:region itself; the mocks only need something to put in ARNs.
        region: file.config["aws:region"] ?? "us-east-1",
        config: file.config,
        secretKeys: file.secretKeys,
        program: deploy,
        unknowns: opts.unknowns,
    });
    run.preview.tieredInfra = {
        stack,
        offline: true,
        ...(opts.unknowns ? { unknowns: true } : {}),
        placeholderSecrets: file.placeholderPaths,
        outputs: run.outputs,
    };
    return { ...run, placeholderSecrets: file.placeholderPaths, stackFile: file.file, stackConfig };
}
