/**
 * Plan wall time against the floor: a bare `node` that only loads @pulumi/pulumi, @pulumi/aws and
 * @pulumi/kubernetes (what any Pulumi TypeScript program pays before its first resource).
 * Measured in one run, interleaved, median of N; the ratios are what to compare across machines.
 * Targets: one stack within 2x the floor, all stacks together within 4x.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { listStacks, readProject } from "../tools/offline/project";

const ROOT = path.resolve(__dirname, "..");
const FLOOR = ["-e", "require('@pulumi/pulumi'); require('@pulumi/aws'); require('@pulumi/kubernetes')"];
const PLAN = ["tools/launch.js", "plan", "--quiet"];

function timeOnce(args: string[]): number {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

export function benchPlan(runs = 3): void {
    const stacks = listStacks(readProject(ROOT));
    const cases: Array<[string, string[]]> = [
        ["floor (node + pulumi, aws, kubernetes SDKs)", FLOOR],
        ...stacks.map((s): [string, string[]] => [`plan --stack ${s}`, [...PLAN, "--stack", s]]),
        ["plan --all", [...PLAN, "--all"]],
        // The offline preview alone, without the policy pack's process (issue 2's measure).
        ...stacks.slice(0, 1).map((s): [string, string[]] => [`plan --stack ${s} --no-policies`, [...PLAN, "--stack", s, "--no-policies"]]),
        ["plan --all --no-policies", [...PLAN, "--all", "--no-policies"]],
    ];
    const samples = new Map<string, number[]>(cases.map(([n]) => [n, []]));
    for (let i = 0; i < runs; i++) for (const [name, args] of cases) samples.get(name)!.push(timeOnce(args));
    const floor = median(samples.get(cases[0][0])!);
    console.log(`plan wall time, median of ${runs} interleaved runs (${stacks.length} stacks)`);
    for (const [name] of cases) {
        const ms = median(samples.get(name)!);
        const target = name.startsWith("plan --all") ? 4 : name.startsWith("plan") ? 2 : undefined;
        const verdict = target === undefined ? "" : ms / floor <= target ? `  (target <= ${target}x: met)` : `  (target <= ${target}x: MISSED)`;
        console.log(`  ${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / floor).toFixed(2)}x floor${verdict}`);
    }
}

if (require.main === module) benchPlan(Number(process.argv[2] ?? 3));
