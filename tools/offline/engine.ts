/**
 * The offline engine: runs the unchanged program in `infra/` under Pulumi's official mock runtime
 * (`pulumi.runtime.setMocks`) and records every registration as a `pulumi preview --json` step.
 *
 * Several stacks run one after another in one process: the program is an exported function, the
 * mocks and config are reset per stack, and the engine waits for the SDK's RPC queue to drain
 * before it moves on, so no registration of one stack leaks into the next.
 *
 * Unknowns mode (`unknowns: true`, `plan --unknowns`): a first real `pulumi preview` knows none of
 * the outputs of the resources it is about to create (ids, ARNs, endpoints, generated names and
 * passwords), nor any input computed from them. The mocks still answer with realistic values, so
 * every `apply` of the program runs and completes (with `setMocks(..., preview = true)` apply
 * callbacks never run and the program would stall); the engine remembers every value a mock
 * computed (a string of 10+ characters with a digit, which mock values carry through their hashes,
 * that is not among the resource's own inputs), and records each registered input that contains
 * one as `UNKNOWN_MARKER`, the string the engine sends. So `bucket: bucket.id` is unknown, an env
 * var holding a database endpoint is unknown, and a JSON policy document naming an ARN is unknown
 * as a whole, as after an `apply` in a real preview. Approximations: an output whose value equals
 * one of its resource's inputs (an id that is the name given) stays known; invoke results (data
 * sources) stay known, as they are at preview; numbers computed by a mock (a port) stay known.
 */
import * as pulumi from "@pulumi/pulumi";
import { PlatformMocks } from "./mocks";
import { originalPosition } from "./sourceMaps";
import { PreviewJson, PreviewStep, SECRET_MARKER, UNKNOWN_MARKER } from "../../core/plan/previewJson";

// Signatures the SDK uses on the wire (sdk/nodejs/runtime/rpc.ts).
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export type Program = () => Promise<Record<string, unknown>>;

export interface StackRunInput {
    project: string;
    stack: string;
    region: string;
    /** Config as the engine passes it (`key` → string, structured values JSON-encoded). */
    config: Record<string, string>;
    secretKeys: ReadonlySet<string>;
    program: Program;
    /** Leave the outputs of resources created in this run unknown in their consumers' inputs, as a first real preview does. */
    unknowns?: boolean;
}

export interface StackRun {
    project: string;
    stack: string;
    preview: PreviewJson;
    /** Stack outputs with secrets replaced by `[secret]`. */
    outputs: Record<string, unknown>;
    durationMs: number;
}

/**
 * Converts a wire value to what `pulumi preview --json` shows: secrets as `[secret]`, resource
 * references as URNs; with `unknown`, strings it recognises as computed in this run (and secrets
 * holding one) become `UNKNOWN_MARKER`.
 */
export function toPreviewValue(v: unknown, unknown: (s: string) => boolean = () => false): unknown {
    if (Array.isArray(v)) return v.map((x) => toPreviewValue(x, unknown));
    // An unknown value stays the engine's own marker, as `pulumi preview --json` writes it.
    if (v === UNKNOWN_MARKER) return v;
    if (typeof v === "string") return unknown(v) ? UNKNOWN_MARKER : v;
    if (v === null || typeof v !== "object") return v;
    const obj = v as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) return containsComputed(obj.value, unknown) ? UNKNOWN_MARKER : SECRET_MARKER;
    if (obj[SIG_KEY] === RESOURCE_SIG) return obj.urn;
    return Object.fromEntries(Object.entries(obj).map(([k, val]) => [k, toPreviewValue(val, unknown)]));
}

function containsComputed(v: unknown, unknown: (s: string) => boolean): boolean {
    if (typeof v === "string") return unknown(v);
    if (Array.isArray(v)) return v.some((x) => containsComputed(x, unknown));
    if (v !== null && typeof v === "object") return Object.values(v).some((x) => containsComputed(x, unknown));
    return false;
}

function stringLeaves(v: unknown, out: (s: string) => void): void {
    if (typeof v === "string") out(v);
    else if (Array.isArray(v)) v.forEach((x) => stringLeaves(x, out));
    else if (v !== null && typeof v === "object") Object.values(v).forEach((x) => stringLeaves(x, out));
}

/** A mock value distinctive enough to be traced into other inputs (mock values carry hex hashes). */
const traceable = (s: string) => s.length >= 10 && /\d/.test(s);

/** Remembers the values mocks compute; tells whether a string was computed from one. */
class ComputedValues {
    private readonly values = new Set<string>();
    private sorted: string[] | undefined;
    private readonly verdicts = new Map<string, boolean>();

    /** Records what a mock returned beyond the resource's own inputs. */
    record(inputs: unknown, result: { id: string | undefined; state: Record<string, unknown> }): void {
        const given = new Set<string>();
        stringLeaves(inputs, (s) => given.add(s));
        stringLeaves([result.id, result.state], (s) => {
            if (traceable(s) && !given.has(s)) this.values.add(s);
        });
        this.sorted = undefined;
    }

    isComputed = (s: string): boolean => {
        if (!traceable(s)) return false;
        const known = this.verdicts.get(s);
        if (known !== undefined) return known;
        this.sorted ??= [...this.values];
        const verdict = this.values.has(s) || this.sorted.some((c) => s.includes(c));
        this.verdicts.set(s, verdict);
        return verdict;
    };
}

async function settle(value: unknown): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        const secret = await pulumi.isSecret(value);
        const plain = await new Promise<unknown>((resolve) => value.apply((x) => { resolve(x); return x; }));
        return secret ? SECRET_MARKER : settle(plain);
    }
    if (value instanceof Promise) return settle(await value);
    if (Array.isArray(value)) return Promise.all(value.map(settle));
    if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await settle(v)] as const));
        return Object.fromEntries(entries);
    }
    return value;
}

/** Where the program registered the resource (`newState.sourcePosition`, as the CLI records it). */
function sourcePositionOf(req: any): { sourcePosition?: string } {
    const pos = req.getSourceposition?.();
    if (!pos || !pos.getUri()) return {};
    const mapped = originalPosition(pos.getUri(), pos.getLine(), pos.getColumn());
    return { sourcePosition: `${mapped.uri}#${mapped.line}${mapped.column ? `,${mapped.column}` : ""}` };
}

/**
 * Runs the program with Node's source maps off and short stacks, restored after, for every caller
 * (the CLI, the bench, the tests). The SDK captures a whole stack per registration and per internal
 * promise; with source maps on (esbuild-register turns them on in tests) every frame of every
 * capture was mapped and deep stacks were built, a third to half of a plan's time. Positions are
 * mapped once per resource instead (sourcePositionOf). Runs do not overlap: the mocks are the process's one Pulumi runtime.
 */
export async function runStack(input: StackRunInput): Promise<StackRun> {
    const sourceMaps = process.sourceMapsEnabled;
    const stackTraceLimit = Error.stackTraceLimit;
    process.setSourceMapsEnabled(false);
    Error.stackTraceLimit = 1;
    try {
        return await runProgram(input);
    } finally {
        process.setSourceMapsEnabled(sourceMaps);
        Error.stackTraceLimit = stackTraceLimit;
    }
}

async function runProgram(input: StackRunInput): Promise<StackRun> {
    const started = process.hrtime.bigint();
    const platform = new PlatformMocks(input.region, input.stack);
    const computed = input.unknowns ? new ComputedValues() : undefined;
    const mocks: pulumi.runtime.Mocks = !computed ? platform : {
        newResource: (args) => {
            const result = platform.newResource(args);
            computed.record(args.inputs, result);
            return result;
        },
        call: (args) => platform.call(args),
    };
    await pulumi.runtime.setMocks(mocks, input.project, input.stack, false);
    pulumi.runtime.setAllConfig(input.config, [...input.secretKeys]);

    const rootUrn = `urn:pulumi:${input.stack}::${input.project}::pulumi:pulumi:Stack::${input.project}-${input.stack}`;
    const steps: PreviewStep[] = [{ op: "create", urn: rootUrn, newState: { urn: rootUrn, type: "pulumi:pulumi:Stack", custom: false, inputs: {} } }];
    // Wire inputs of each step, converted once the run is over (when every computed value is known).
    const wireInputs = new Map<PreviewStep, unknown>();

    // Record each registration as the mock monitor receives it, before the SDK strips secrets.
    const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): any }).getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, resp?: any) => void) =>
        register(req, (err: unknown, resp?: any) => {
            if (!err && resp) {
                const urn: string = resp.getUrn();
                const provider: string = req.getProvider() || undefined;
                const dependencies: string[] = req.getDependenciesList();
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
                    const urns: string[] = deps.getUrnsList();
                    if (urns.length) propertyDependencies[key] = urns;
                });
                const step: PreviewStep = {
                    op: "create",
                    urn,
                    ...(provider ? { provider } : {}),
                    newState: {
                        urn,
                        type: req.getType(),
                        custom: req.getCustom(),
                        parent: req.getParent() || rootUrn,
                        ...(provider ? { provider } : {}),
                        inputs: {},
                        ...(req.getProtect() ? { protect: true } : {}),
                        ...(dependencies.length ? { dependencies } : {}),
                        ...sourcePositionOf(req),
                        ...(Object.keys(propertyDependencies).length ? { propertyDependencies } : {}),
                    },
                };
                wireInputs.set(step, req.getObject()?.toJavaScript() ?? {});
                steps.push(step);
            }
            callback(err, resp);
        });

    const exported = await input.program();
    const settled = (await settle(exported)) as Record<string, unknown>;
    // Components register children on later turns of the event loop: wait for the SDK's own queue.
    await (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }).waitForRPCs();
    for (const [step, wire] of wireInputs) step.newState!.inputs = toPreviewValue(wire, computed?.isComputed) as Record<string, unknown>;
    // A first preview knows no output computed by a resource it has yet to create.
    const outputs = computed ? (toPreviewValue(settled, computed.isComputed) as Record<string, unknown>) : settled;

    const durationNs = process.hrtime.bigint() - started;
    const configView = Object.fromEntries(
        Object.entries(input.config).map(([k, v]) => [k, input.secretKeys.has(k) ? SECRET_MARKER : v]),
    );
    return {
        project: input.project,
        stack: input.stack,
        outputs,
        durationMs: Number(durationNs / 1_000_000n),
        preview: {
            config: configView,
            steps,
            diagnostics: [],
            duration: Number(durationNs),
            changeSummary: { create: steps.length },
        },
    };
}
