/**
 * The offline engine: runs the unchanged program in `infra/` under Pulumi's official mock runtime
 * (`pulumi.runtime.setMocks`) and records every registration as a `pulumi preview --json` step.
 *
 * Several stacks run one after another in one process: the program is an exported function, the
 * mocks and config are reset per stack, and the engine waits for the SDK's RPC queue to drain
 * before it moves on, so no registration of one stack leaks into the next.
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
}

export interface StackRun {
    project: string;
    stack: string;
    preview: PreviewJson;
    /** Stack outputs with secrets replaced by `[secret]`. */
    outputs: Record<string, unknown>;
    durationMs: number;
}

/** Converts a wire value to what `pulumi preview --json` shows: secrets as `[secret]`, resource references as URNs. */
export function toPreviewValue(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(toPreviewValue);
    // An unknown value stays the engine's own marker, as `pulumi preview --json` writes it.
    if (v === UNKNOWN_MARKER) return v;
    if (v === null || typeof v !== "object") return v;
    const obj = v as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) return SECRET_MARKER;
    if (obj[SIG_KEY] === RESOURCE_SIG) return obj.urn;
    return Object.fromEntries(Object.entries(obj).map(([k, val]) => [k, toPreviewValue(val)]));
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

export async function runStack(input: StackRunInput): Promise<StackRun> {
    const started = process.hrtime.bigint();
    await pulumi.runtime.setMocks(new PlatformMocks(input.region, input.stack), input.project, input.stack, false);
    pulumi.runtime.setAllConfig(input.config, [...input.secretKeys]);

    const rootUrn = `urn:pulumi:${input.stack}::${input.project}::pulumi:pulumi:Stack::${input.project}-${input.stack}`;
    const steps: PreviewStep[] = [{ op: "create", urn: rootUrn, newState: { urn: rootUrn, type: "pulumi:pulumi:Stack", custom: false, inputs: {} } }];

    // Record each registration as the mock monitor receives it, before the SDK strips secrets.
    const monitor = (require("@pulumi/pulumi/runtime/settings") as { getMonitor(): any }).getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, resp?: any) => void) =>
        register(req, (err: unknown, resp?: any) => {
            if (!err && resp) {
                const urn: string = resp.getUrn();
                const provider: string = req.getProvider() || undefined;
                const dependencies: string[] = req.getDependenciesList();
                steps.push({
                    op: "create",
                    urn,
                    ...(provider ? { provider } : {}),
                    newState: {
                        urn,
                        type: req.getType(),
                        custom: req.getCustom(),
                        parent: req.getParent() || rootUrn,
                        ...(provider ? { provider } : {}),
                        inputs: toPreviewValue(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
                        ...(req.getProtect() ? { protect: true } : {}),
                        ...(dependencies.length ? { dependencies } : {}),
                        ...sourcePositionOf(req),
                    },
                });
            }
            callback(err, resp);
        });

    const exported = await input.program();
    const outputs = (await settle(exported)) as Record<string, unknown>;
    // Components register children on later turns of the event loop: wait for the SDK's own queue.
    await (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> }).waitForRPCs();

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
