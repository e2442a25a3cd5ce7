/**
 * Turns policy definitions into CrossGuard policies: config defaults, unknown-safe evaluation,
 * waivers, and the advisory reports of waived findings and of what was decided at apply. Imports
 * only types from @pulumi/policy, so tests can load it without starting a policy server (only
 * index.ts constructs the PolicyPack).
 *
 * Unknown values (the one place they are handled). @pulumi/policy hands a policy its resource's
 * inputs wrapped in a proxy that throws as soon as the policy touches a value unknown at preview,
 * and then reports the WHOLE policy as an advisory "can't run during preview": a literal API key
 * beside an unknown host, or a port open to 0.0.0.0/0 beside one unknown rule, would pass. So the
 * pack unwraps the proxy once per resource and policy (`plainProps`) and hands checks plain data
 * in which an unknown is its sentinel string (`isUnknown`, core/plan/unknown.ts; the engine always
 * sends `UNKNOWN_MARKER`). Every check judges the known parts and returns `undecided(path)` for an
 * unknown that decides its verdict; the pack reports those as ONE advisory note per resource and
 * policy ("decided at apply: <paths>", core/policy/undecided.ts). A check that throws on a shape it
 * did not expect fails closed: the resource gets a violation saying the policy could not judge it.
 */
import type { Policies, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { Finding, isUndecided, PolicyDefinition, ResourcePolicyDefinition, StackFinding, StackPolicyDefinition, StackSubject, Subject, withDefaults } from "./definitions";
import { encodeWaived, WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY, WAIVER_POLICY } from "../core/policy/waived";
import { encodeUndecided, UNDECIDED_REPORT_POLICY, UNDECIDED_STACK_REPORT_POLICY } from "../core/policy/undecided";
import { knownString } from "../core/plan/previewJson";
import { ConfigWaiver, resourceWaivers, todayUtc, WAIVERS_CONFIG, waiverProblem, waiversFor } from "./waivers";

export { UNDECIDED_REPORT_POLICY, UNDECIDED_STACK_REPORT_POLICY, WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY, WAIVER_POLICY };

/** @pulumi/policy's `getSpecialProxyTarget` (proxy.js): the proxy returns its raw target for this key. */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The resource's inputs as plain data (unknowns as their sentinel strings), whether or not they come proxied. */
export function plainProps(props: unknown): Record<string, any> {
    const target = props !== null && typeof props === "object" ? (props as Record<string, unknown>)[PROXY_TARGET] : undefined;
    const raw = (target ?? props) as Record<string, any> | undefined;
    return raw !== null && typeof raw === "object" ? raw : {};
}

/**
 * State of one analysis (the engine's ConfigureAnalyzer, then Analyze per resource, then
 * AnalyzeStack) shared by the policies: findings waived, notes of what was decided at apply (both
 * by URN, handed on by the report policies that run last), and how to read the config of each
 * policy that ran (its `getConfig`, which always returns the current config), so the waiver policy
 * can check every config waiver once per stack. It lives in the closure of `toPulumiPolicies`,
 * never in module state, and `beginAnalysis` empties it whenever the pack is configured: a process
 * that checks several stacks (`plan --all`) judges each as if it were alone, even when a report
 * policy that would have emptied a ledger is disabled.
 */
interface Ledgers {
    waived: Map<string, string[]>;
    undecided: Map<string, string[]>;
    stackWaived: Map<string, string[]>;
    stackUndecided: Map<string, string[]>;
    configOf: Map<string, () => Record<string, unknown>>;
}

function configSchema(def: PolicyDefinition) {
    return { properties: { ...(def.config ?? {}), ...WAIVERS_CONFIG } as Record<string, any> };
}

function metadata(def: PolicyDefinition) {
    return {
        name: def.name,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        severity: def.severity,
        remediationSteps: `${def.remediation} (Source: ${def.source}.)`,
        tags: [def.concern],
        configSchema: configSchema(def),
    };
}

const push = (m: Map<string, string[]>, key: string, values: string[]) => {
    if (values.length === 0) return;
    const list = m.get(key);
    if (list) list.push(...values);
    else m.set(key, [...values]);
};

/** Runs a check; a check that throws fails closed with a violation that says so. */
function run<F>(policy: string, check: () => F[], failed: (message: string) => F): F[] {
    try {
        return check();
    } catch (e) {
        return [failed(`${policy} could not judge this resource (${e instanceof Error ? e.message : String(e)}), so it fails closed; report this to the pack's maintainers`)];
    }
}

/** Violation messages and undecided paths of a check's findings (paths de-duplicated, in order). */
function split(findings: Finding[]): { messages: string[]; paths: string[] } {
    const messages: string[] = [];
    const paths = new Set<string>();
    for (const f of findings) {
        if (isUndecided(f)) paths.add(f.undecided);
        else messages.push(f);
    }
    return { messages, paths: [...paths] };
}

/** Reports `messages` for `subject` unless a valid waiver covers them (invalid waivers are the waiver policy's to report). */
function reportOrWaive(waivedLedger: Map<string, string[]>, def: PolicyDefinition, subject: Pick<Subject, "urn" | "name" | "props" | "type">, messages: string[], configWaivers: ConfigWaiver[], report: (m: string) => void) {
    if (messages.length === 0) return;
    const today = todayUtc();
    const valid = waiversFor(def.name, subject, configWaivers).find((w) => waiverProblem(w, today) === undefined);
    if (valid) {
        push(waivedLedger, subject.urn, messages.map((message) => encodeWaived({ policy: def.name, message, expires: valid.expires, from: valid.from, reason: valid.reason })));
        return;
    }
    for (const m of messages) report(m);
}

/**
 * A policy that runs leaves the way to read its config, for the waiver policy. (A stack-phase hook on
 * every resource policy would let the server deserialise the whole stack once more per policy; a
 * resource policy with nothing to check in the stack has no waiver to honour either.)
 */
function remember(ledgers: Ledgers, name: string, getConfig: <T extends object>() => T) {
    if (!ledgers.configOf.has(name)) ledgers.configOf.set(name, () => getConfig<Record<string, unknown>>());
}

function resourcePolicy(ledgers: Ledgers, def: ResourcePolicyDefinition): ResourceValidationPolicy {
    const types = new Set(def.resourceTypes);
    const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
        if (!types.has(args.type)) return;
        remember(ledgers, def.name, args.getConfig);
        const config = withDefaults<Record<string, any>>(def, args.getConfig<Record<string, unknown>>());
        const subject: Subject = { type: args.type, urn: args.urn, name: args.name, props: plainProps(args.props) };
        const { messages, paths } = split(run<Finding>(def.name, () => def.check(subject, config), (m) => m));
        reportOrWaive(ledgers.waived, def, subject, messages, config.waivers ?? [], (m) => report(m));
        if (paths.length) push(ledgers.undecided, subject.urn, [encodeUndecided({ policy: def.name, paths })]);
    };
    // A single-type policy tells the server its type (as validateResourceOfType does), so the
    // server skips it for other types before deserialising their properties.
    if (def.resourceTypes.length === 1) Object.defineProperty(validateResource, "__pulumiType", { value: def.resourceTypes[0] });
    return { ...metadata(def), validateResource };
}

/**
 * The server deserialises every resource's properties before it calls a policy, unless the policy's
 * function names a resource type (`__pulumiType`) that the request does not have. A policy with
 * nothing to do names a type no resource has, so the server skips it cheaply: the report policies
 * when their ledger is empty, a stack policy about one type when the stack has none.
 */
const NOTHING_TO_DO = "tiered-infra:policies:NothingToDo";
function skipWhen<F extends object>(fn: F, idle: () => boolean): F {
    Object.defineProperty(fn, "__pulumiType", { get: () => (idle() ? NOTHING_TO_DO : undefined) });
    return fn;
}

/** The region of a resource's AWS provider, when the engine describes one with a known region. */
function providerRegionOf(r: StackValidationArgs["resources"][number]): { providerRegion?: string } {
    const region = r.provider?.type.startsWith("pulumi:providers:aws") ? knownString(plainProps(r.provider.props).region) : undefined;
    return region ? { providerRegion: region } : {};
}

/** The stack's resources as stack policies see them: plain props, dependencies and parent as URNs. */
function stackSubjects(args: StackValidationArgs): StackSubject[] {
    return args.resources.map((r) => {
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, deps] of Object.entries(r.propertyDependencies ?? {})) propertyDependencies[k] = (deps ?? []).map((d) => d.urn);
        return {
            type: r.type,
            urn: r.urn,
            name: r.name,
            props: plainProps(r.props),
            dependencies: (r.dependencies ?? []).map((d) => d.urn),
            propertyDependencies,
            parent: r.parent?.urn,
            ...providerRegionOf(r),
        };
    });
}

function stackPolicy(ledgers: Ledgers, def: StackPolicyDefinition): StackValidationPolicy {
    const validateStack = (args: StackValidationArgs, report: ReportViolation) => {
        remember(ledgers, def.name, args.getConfig);
        const config = withDefaults<Record<string, any>>(def, args.getConfig<Record<string, unknown>>());
        const subjects = stackSubjects(args);
        const byUrn = new Map(subjects.map((s) => [s.urn, s]));
        const findings = run<StackFinding>(def.name, () => def.checkStack(subjects, config), (message) => ({ message }));
        const grouped = new Map<string | undefined, Finding[]>();
        for (const f of findings) {
            const finding: Finding = "undecided" in f ? { undecided: f.undecided } : f.message;
            const list = grouped.get(f.urn);
            if (list) list.push(finding);
            else grouped.set(f.urn, [finding]);
        }
        for (const [urn, list] of grouped) {
            const { messages, paths } = split(list);
            const subject = urn ? byUrn.get(urn) : undefined;
            if (!subject) messages.forEach((m) => report(m, urn));
            else reportOrWaive(ledgers.stackWaived, def, subject, messages, config.waivers ?? [], (m) => report(m, urn));
            if (urn && paths.length) push(ledgers.stackUndecided, urn, [encodeUndecided({ policy: def.name, paths })]);
        }
    };
    if (def.subjectType) Object.defineProperty(validateStack, "__pulumiType", { value: def.subjectType });
    return { ...metadata(def), validateStack };
}

const CONFIG_WAIVER_FORMAT = '"<policy>": { "waivers": [{ "resource": "<URN or name>", "reason": "...", "expires": "YYYY-MM-DD" }] }';

/**
 * Every waiver names a policy of this pack, gives a reason and an expiry within a year. Waivers on
 * resources are checked per resource; waivers in the policy config once per stack, where the pack
 * also sees whether the resource they name exists (a misspelled name would otherwise waive nothing,
 * silently).
 */
function waiverValidity(ledgers: Ledgers, policyNames: Set<string>): ResourceValidationPolicy {
    return {
        name: WAIVER_POLICY,
        description: "Waivers name a policy of this pack and a resource of the stack, give a reason, and expire within a year.",
        enforcementLevel: "mandatory",
        severity: "medium",
        remediationSteps: `Write waivers on resources as "YYYY-MM-DD: reason" (expiry within 365 days) under tiered-infra:waive:<policy> (AWS tags) or waive.tiered-infra.io/<policy> (annotations, Docker labels); in the policy config as ${CONFIG_WAIVER_FORMAT}. (Source: governance requirement of per-resource waivers.)`,
        tags: ["governance"],
        validateResource: (args, report) => {
            const subject: Subject = { type: args.type, urn: args.urn, name: args.name, props: plainProps(args.props) };
            const today = todayUtc();
            for (const w of resourceWaivers(subject)) {
                if (!policyNames.has(w.policy)) report(`${w.from} waiver names unknown policy ${JSON.stringify(w.policy)}`);
                const problem = waiverProblem(w, today);
                if (problem) report(`${w.from} waiver of ${w.policy} ${problem}`);
            }
        },
        validateStack: skipWhen((args: StackValidationArgs, report: ReportViolation) => {
            const today = todayUtc();
            const byKey = new Map<string, string>();
            for (const r of args.resources) {
                byKey.set(r.urn, r.urn);
                if (!byKey.has(r.name)) byKey.set(r.name, r.urn);
            }
            for (const [policy, getConfig] of ledgers.configOf) {
                for (const w of (getConfig().waivers ?? []) as ConfigWaiver[]) {
                    const urn = byKey.get(w.resource);
                    const problem = waiverProblem({ ...w, from: "config" }, today);
                    if (problem) report(`policy-config waiver of ${policy} for ${w.resource} ${problem}`, urn);
                    if (!urn) report(`policy-config waiver of ${policy} names ${JSON.stringify(w.resource)}, which is no resource of this stack (give the resource's URN or its name exactly as in the plan); it waives nothing`);
                }
            }
        }, () => [...ledgers.configOf.values()].every((get) => !((get().waivers as unknown[] | undefined) ?? []).length)),
    } as ResourceValidationPolicy;
}

/** Metadata of an advisory report policy (it reports what the policies before it collected). */
const reportMetadata = (name: string, description: string, remediation: string) => ({
    name,
    description,
    enforcementLevel: "advisory" as const,
    severity: "low" as const,
    remediationSteps: remediation,
    tags: ["governance"],
});

/** Reports, per resource, what the ledger collected for it. */
function resourceReport(name: string, description: string, remediation: string, ledger: Map<string, string[]>): ResourceValidationPolicy {
    return {
        ...reportMetadata(name, description, remediation),
        validateResource: skipWhen((args: ResourceValidationArgs, report: ReportViolation) => {
            for (const m of ledger.get(args.urn) ?? []) report(m);
            ledger.delete(args.urn);
        }, () => ledger.size === 0),
    };
}

/** Reports, at the end of the stack, everything the ledger collected. */
function stackReport(name: string, description: string, remediation: string, ledger: Map<string, string[]>): StackValidationPolicy {
    return {
        ...reportMetadata(name, description, remediation),
        validateStack: skipWhen((_args: StackValidationArgs, report: ReportViolation) => {
            for (const [urn, messages] of ledger) messages.forEach((m) => report(m, urn));
            ledger.clear();
        }, () => ledger.size === 0),
    };
}

const WAIVED_FIX = "Fix the finding before the waiver expires, or renew the waiver with a new reason.";
const UNDECIDED_FIX = "Nothing to do before apply: the value comes from a resource created in this run. Run the policies on a preview of an existing stack, or in CI after the first apply, to judge it.";

/** The pack's policies, in evaluation order: the report policies run after the ones they report on. */
export function toPulumiPolicies(definitions: readonly PolicyDefinition[]): Policies {
    const names = new Set(definitions.map((d) => d.name));
    const ledgers: Ledgers = { waived: new Map(), undecided: new Map(), stackWaived: new Map(), stackUndecided: new Map(), configOf: new Map() };
    const policies: Policies = [
        ...definitions.map((d) => (d.kind === "resource" ? resourcePolicy(ledgers, d) : stackPolicy(ledgers, d))),
        waiverValidity(ledgers, names),
        resourceReport(WAIVED_REPORT_POLICY, "Lists findings hidden by a valid waiver, so waived risks stay visible.", WAIVED_FIX, ledgers.waived),
        resourceReport(UNDECIDED_REPORT_POLICY, "Lists, per resource and policy, the inputs a policy could not judge because they are known only at apply.", UNDECIDED_FIX, ledgers.undecided),
        stackReport(WAIVED_STACK_REPORT_POLICY, "Lists stack-level findings hidden by a valid waiver.", WAIVED_FIX, ledgers.stackWaived),
        stackReport(UNDECIDED_STACK_REPORT_POLICY, "Lists, per resource and stack policy, the inputs a policy could not judge because they are known only at apply.", UNDECIDED_FIX, ledgers.stackUndecided),
    ];
    resets.set(policies, () => Object.values(ledgers).forEach((m: Map<string, unknown>) => m.clear()));
    return policies;
}

const resets = new WeakMap<Policies, () => void>();

/** Forgets everything the policies of `toPulumiPolicies` kept from earlier analyses (see Ledgers). */
export function beginAnalysis(policies: Policies): void {
    resets.get(policies)?.();
}

/** The part of @grpc/grpc-js's `Server` the pack's server registers its handlers with. */
interface GrpcServerClass {
    prototype: { addService(service: unknown, implementation: Record<string, unknown>): void };
}

/**
 * Makes every ConfigureAnalyzer call begin a new analysis of `policies` (before the server takes the
 * new config). @pulumi/policy's server keeps its `configure` handler to itself, so this wraps it
 * where the server hands it to gRPC (`server.addService`); call it before the PolicyPack is made.
 * The Pulumi CLI configures once per process; `plan --all` and the tests configure per stack.
 */
export function beginAnalysisOnConfigure(server: GrpcServerClass, policies: Policies): void {
    const addService = server.prototype.addService;
    server.prototype.addService = function (this: unknown, service: unknown, implementation: Record<string, unknown>) {
        const configure = implementation.configure as ((...args: unknown[]) => unknown) | undefined;
        const wrapped = typeof configure === "function" ? { ...implementation, configure: (...args: unknown[]) => (beginAnalysis(policies), configure(...args)) } : implementation;
        return addService.call(this, service, wrapped);
    };
}
