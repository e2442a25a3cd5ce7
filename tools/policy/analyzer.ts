/**
 * Drives a CrossGuard policy pack exactly as the Pulumi CLI does: starts
 * `node node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine> .` in the pack directory, reads the
 * port from the first stdout line, and speaks the analyzer gRPC protocol (Handshake,
 * ConfigureStack, GetAnalyzerInfo, Configure, Analyze per resource, AnalyzeStack).
 *
 * The gRPC client and protobuf messages come from the @pulumi/pulumi this project resolves (its
 * serializers check `instanceof`), never from the pack's own copy.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import { ResourceState } from "../../core/plan/previewJson";
import { providerUrnOf } from "../../core/plan/reader";
import { urnName, urnType } from "../../core/plan/urn";
import { EnforcementLevel, PROTO_ENFORCEMENT_LEVELS, PROTO_SEVERITIES, Severity } from "../../core/policy/levels";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc = require("@grpc/grpc-js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AnalyzerClient } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");

export type Level = EnforcementLevel;

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    level: Level;
    severity: Severity;
    urn: string;
}

export interface PolicyInfo {
    name: string;
    description: string;
    level: Level;
    severity: Severity;
    remediation: string;
    tags: string[];
    configSchema?: Record<string, unknown>;
}

export interface AnalyzerInfo {
    name: string;
    version: string;
    policies: PolicyInfo[];
}

/** Per-policy config as `--policy-pack-config` files hold it: `{ "<policy>": { enforcementLevel?, ...props } | "<level>" }`. */
export type PolicyPackConfig = Record<string, Record<string, unknown> | Level>;

export interface StartOptions {
    project: string;
    stack: string;
    organization?: string;
    dryRun?: boolean;
    /** Stack config passed to the pack's process in PULUMI_CONFIG, as the CLI does. */
    config?: Record<string, string>;
}

/** JSON values Struct.fromJavaScript accepts (no undefined anywhere). */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : plain(v)));
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v);
    return out;
}

function options(state: ResourceState): unknown {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(state.protect === true);
    if (state.parent) o.setParent(state.parent);
    return o;
}

/** A state as the pack is sent it: with the region the plan reader resolved for its provider. */
export type AnalyzedState = ResourceState & { region?: string };

/**
 * The resource's provider as the engine describes it to an analyzer (type, URN, name and the
 * provider's inputs, e.g. its region). A default provider the preview has no step for is described
 * by the region the reader resolved for it (the stack's `aws:region`), as the engine would.
 */
function providerOf(state: AnalyzedState, providers: ReadonlyMap<string, ResourceState>): unknown {
    const urn = providerUrnOf(state.provider);
    if (!urn) return undefined;
    const known = providers.get(urn);
    const inputs = known?.inputs ?? (state.region ? { region: state.region } : {});
    const p = new analyzerPb.AnalyzerProviderResource();
    p.setType(urnType(urn));
    p.setUrn(urn);
    p.setName(urnName(urn));
    p.setProperties(Struct.fromJavaScript(plain(inputs) as any));
    return p;
}

/** Sets what AnalyzeRequest and AnalyzerResource share (same field names in both messages). */
function describe<T>(msg: T, state: AnalyzedState, providers: ReadonlyMap<string, ResourceState>): T {
    const m = msg as any;
    m.setType(state.type);
    m.setUrn(state.urn);
    m.setName(urnName(state.urn));
    m.setProperties(Struct.fromJavaScript(plain(state.inputs)));
    m.setOptions(options(state));
    const provider = providerOf(state, providers);
    if (provider) m.setProvider(provider);
    return msg;
}

const providerStates = (states: ResourceState[]) => new Map(states.filter((s) => s.type.startsWith("pulumi:providers:")).map((s) => [s.urn, s]));

export class PolicyPackProcess {
    private constructor(private readonly child: ChildProcess, private readonly client: any, private readonly stderr: string[]) {}

    /** Starts the pack in `packDir` and connects to it. */
    static async start(packDir: string, opts: StartOptions): Promise<PolicyPackProcess> {
        const runner = path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
        // Extra node flags for the pack process (e.g. `--prof` to profile policies), for debugging.
        const nodeArgs = (process.env.TIERED_INFRA_PACK_NODE_ARGS ?? "").split(" ").filter(Boolean);
        const child = spawn(process.execPath, [...nodeArgs, runner, "127.0.0.1:0", "."], {
            cwd: packDir,
            stdio: ["ignore", "pipe", "pipe"],
            env: {
                ...process.env,
                PULUMI_CONFIG: JSON.stringify(opts.config ?? {}),
                PULUMI_NODEJS_PROJECT: opts.project,
                PULUMI_NODEJS_STACK: opts.stack,
                PULUMI_NODEJS_DRY_RUN: String(opts.dryRun ?? true),
                PULUMI_NODEJS_ORGANIZATION: opts.organization ?? "organization",
            },
        });
        const stderr: string[] = [];
        child.stderr!.on("data", (d) => stderr.push(String(d)));
        const port = await new Promise<number>((resolve, reject) => {
            const lines = readline.createInterface({ input: child.stdout! });
            const fail = (why: string) => reject(new Error(`policy pack in ${packDir} did not start: ${why}\n${stderr.join("").trim()}`));
            child.once("exit", (code) => fail(`exited with code ${code}`));
            child.once("error", (e) => fail(e.message));
            lines.once("line", (line) => {
                const p = Number(line.trim());
                if (Number.isInteger(p) && p > 0) resolve(p);
                else fail(`first line was ${JSON.stringify(line)}, not a port`);
            });
        });
        const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { "grpc.max_receive_message_length": 64 * 1024 * 1024 });
        const pack = new PolicyPackProcess(child, client, stderr);
        await pack.handshake(packDir, opts);
        return pack;
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) =>
            this.client[method](request, (err: any, resp: T) => (err ? reject(new Error(`${method}: ${err.details ?? err.message}\n${this.stderr.join("").trim()}`)) : resolve(resp))));
    }

    private async handshake(packDir: string, opts: StartOptions): Promise<void> {
        const hs = new analyzerPb.AnalyzerHandshakeRequest();
        hs.setEngineAddress("127.0.0.1:0");
        hs.setRootDirectory(packDir);
        hs.setProgramDirectory(packDir);
        // Older packs do not implement Handshake; the CLI carries on, so do we.
        await this.call("handshake", hs).catch(() => undefined);
        const cs = new analyzerPb.AnalyzerStackConfigureRequest();
        cs.setStack(opts.stack);
        cs.setProject(opts.project);
        cs.setOrganization(opts.organization ?? "organization");
        cs.setDryRun(opts.dryRun ?? true);
        await this.call("configureStack", cs).catch(() => undefined);
    }

    /** Round trips per second of the cheapest RPC (GetPluginInfo): the protocol's own ceiling here. */
    async emptyCallRate(calls: number, concurrency = 32): Promise<number> {
        let next = 0;
        const t0 = process.hrtime.bigint();
        await Promise.all([...Array(concurrency)].map(async () => {
            while (next < calls) {
                next++;
                await this.call("getPluginInfo", new Empty());
            }
        }));
        return calls / (Number(process.hrtime.bigint() - t0) / 1e9);
    }

    async info(): Promise<AnalyzerInfo> {
        const resp: any = await this.call("getAnalyzerInfo", new Empty());
        return {
            name: resp.getName(),
            version: resp.getVersion(),
            policies: resp.getPoliciesList().map((p: any) => ({
                name: p.getName(),
                description: p.getDescription(),
                level: PROTO_ENFORCEMENT_LEVELS[p.getEnforcementlevel()] ?? "advisory",
                severity: PROTO_SEVERITIES[p.getSeverity?.() ?? 0] ?? "unspecified",
                remediation: p.getRemediationSteps?.() ?? "",
                tags: p.getTagsList?.() ?? [],
                configSchema: p.getConfigschema()?.getProperties()?.toJavaScript(),
            })),
        };
    }

    async configure(config: PolicyPackConfig): Promise<void> {
        const req = new analyzerPb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const [name, value] of Object.entries(config)) {
            const { enforcementLevel, ...props } = typeof value === "string" ? { enforcementLevel: value } : (value as Record<string, unknown>);
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(Math.max(0, PROTO_ENFORCEMENT_LEVELS.indexOf((enforcementLevel as Level) ?? "advisory")));
            pc.setProperties(Struct.fromJavaScript(plain(props)));
            map.set(name, pc);
        }
        await this.call("configure", req);
    }

    private diagnostics(resp: any, fallbackUrn: string): Diagnostic[] {
        return resp.getDiagnosticsList().map((d: any) => ({
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            policyPackVersion: d.getPolicypackversion(),
            description: d.getDescription(),
            // The SDK prefixes each violation with the policy's description; keep the finding itself.
            message: String(d.getMessage()).startsWith(`${d.getDescription()}\n`) ? String(d.getMessage()).slice(d.getDescription().length + 1) : d.getMessage(),
            level: PROTO_ENFORCEMENT_LEVELS[d.getEnforcementlevel()] ?? "advisory",
            severity: PROTO_SEVERITIES[d.getSeverity?.() ?? 0] ?? "unspecified",
            urn: d.getUrn() || fallbackUrn,
        }));
    }

    /** Analyze: one resource's inputs, as the engine sends them before it creates the resource. */
    async analyze(state: AnalyzedState, providers: ReadonlyMap<string, ResourceState> = new Map()): Promise<Diagnostic[]> {
        return this.diagnostics(await this.call("analyze", describe(new analyzerPb.AnalyzeRequest(), state, providers)), state.urn);
    }

    /** AnalyzeStack: every resource at once, for stack policies. */
    async analyzeStack(states: AnalyzedState[], providers = providerStates(states)): Promise<Diagnostic[]> {
        const req = new analyzerPb.AnalyzeStackRequest();
        req.setResourcesList(states.map((s) => {
            const r = describe(new analyzerPb.AnalyzerResource(), s, providers);
            if (s.parent) r.setParent(s.parent);
            r.setDependenciesList(s.dependencies ?? []);
            // As the engine does: the URNs each input depends on, so stack policies can link
            // resources whose references (a bucket id, a workload's name) are unknown at preview.
            const deps = r.getPropertydependenciesMap();
            for (const [key, urns] of Object.entries(s.propertyDependencies ?? {})) {
                const pd = new analyzerPb.AnalyzerPropertyDependencies();
                pd.setUrnsList(urns);
                deps.set(key, pd);
            }
            return r;
        }));
        return this.diagnostics(await this.call("analyzeStack", req), "");
    }

    /** Analyzes every resource (with at most `concurrency` calls in flight), then the stack. */
    async analyzeAll(states: AnalyzedState[], concurrency = 32): Promise<Diagnostic[]> {
        const providers = providerStates(states);
        const results: Diagnostic[][] = new Array(states.length);
        let next = 0;
        const worker = async () => {
            while (next < states.length) {
                const i = next++;
                results[i] = await this.analyze(states[i], providers);
            }
        };
        await Promise.all([...Array(Math.min(concurrency, states.length || 1))].map(worker));
        return [...results.flat(), ...(await this.analyzeStack(states, providers))];
    }

    async stop(): Promise<void> {
        this.client.close();
        if (this.child.exitCode === null) {
            const exited = new Promise((r) => this.child.once("exit", r));
            this.child.kill();
            await exited;
        }
    }
}
