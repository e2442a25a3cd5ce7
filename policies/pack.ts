/**
 * Turns policy definitions into CrossGuard policies: config defaults, waivers, and the advisory
 * report of waived findings. Imports only types from @pulumi/policy, so tests can load it without
 * starting a policy server (only index.ts constructs the PolicyPack).
 */
import type { Policies, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { PolicyDefinition, ResourcePolicyDefinition, StackPolicyDefinition, StackSubject, Subject, withDefaults } from "./definitions";
import { encodeWaived, WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY, WAIVER_POLICY } from "../core/policy/waived";
import { ConfigWaiver, resourceWaivers, todayUtc, WAIVERS_CONFIG, waiverProblem, waiversFor } from "./waivers";

export { WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY, WAIVER_POLICY };

/**
 * Findings hidden by a valid waiver, by URN, until the advisory report policies (which run after
 * the policies they report on) hand them on. One ledger per pack: it lives in the closure of
 * `toPulumiPolicies`, never in module state.
 */
type WaivedLedger = Map<string, string[]>;

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

/**
 * Reports `messages` for `subject` unless a valid waiver covers them; reports invalid config
 * waivers of this policy as violations.
 */
function reportOrWaive(ledger: WaivedLedger, def: PolicyDefinition, subject: Pick<Subject, "urn" | "name" | "props" | "type">, messages: string[], configWaivers: ConfigWaiver[], report: (m: string) => void) {
    const today = todayUtc();
    const candidates = waiversFor(def.name, subject, configWaivers);
    for (const w of candidates.filter((x) => x.from === "config")) {
        const problem = waiverProblem(w, today);
        if (problem) report(`the policy-config waiver for ${w.resource} ${problem}`);
    }
    if (messages.length === 0) return;
    const valid = candidates.find((w) => waiverProblem(w, today) === undefined);
    if (valid) {
        const list = ledger.get(subject.urn) ?? [];
        list.push(...messages.map((message) => encodeWaived({ policy: def.name, message, expires: valid.expires, from: valid.from, reason: valid.reason })));
        ledger.set(subject.urn, list);
        return;
    }
    for (const m of messages) report(m);
}

function resourcePolicy(ledger: WaivedLedger, def: ResourcePolicyDefinition): ResourceValidationPolicy {
    const types = new Set(def.resourceTypes);
    const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
        if (!types.has(args.type)) return;
        const config = withDefaults<Record<string, any>>(def, args.getConfig<Record<string, unknown>>());
        const subject: Subject = { type: args.type, urn: args.urn, name: args.name, props: args.props };
        reportOrWaive(ledger, def, subject, def.check(subject, config), config.waivers ?? [], (m) => report(m));
    };
    // A single-type policy tells the server its type (as validateResourceOfType does), so the
    // server skips it for other types before deserialising their properties.
    if (def.resourceTypes.length === 1) Object.defineProperty(validateResource, "__pulumiType", { value: def.resourceTypes[0] });
    return { ...metadata(def), validateResource };
}

function stackSubjects(args: StackValidationArgs): StackSubject[] {
    return args.resources.map((r) => ({
        type: r.type,
        urn: r.urn,
        name: r.name,
        props: r.props,
        dependencies: (r.dependencies ?? []).map((d) => d.urn),
        parent: r.parent?.urn,
    }));
}

function stackPolicy(ledger: WaivedLedger, def: StackPolicyDefinition): StackValidationPolicy {
    return {
        ...metadata(def),
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const config = withDefaults<Record<string, any>>(def, args.getConfig<Record<string, unknown>>());
            const subjects = stackSubjects(args);
            const byUrn = new Map(subjects.map((s) => [s.urn, s]));
            const findings = def.checkStack(subjects, config);
            const grouped = new Map<string | undefined, string[]>();
            for (const f of findings) grouped.set(f.urn, [...(grouped.get(f.urn) ?? []), f.message]);
            for (const [urn, messages] of grouped) {
                const subject = urn ? byUrn.get(urn) : undefined;
                if (!subject) messages.forEach((m) => report(m, urn));
                else reportOrWaive(ledger, def, subject, messages, config.waivers ?? [], (m) => report(m, urn));
            }
        },
    };
}

/** Every waiver on a resource must name a policy of the pack, give a reason and an expiry not yet past. */
function waiverValidity(policyNames: Set<string>): ResourceValidationPolicy {
    return {
        name: WAIVER_POLICY,
        description: "Waivers on resources name a policy of this pack, give a reason, and expire within a year.",
        enforcementLevel: "mandatory",
        severity: "medium",
        remediationSteps: 'Write waivers as "YYYY-MM-DD: reason" (expiry within 365 days) under tiered-infra:waive:<policy> (AWS tags) or waive.tiered-infra.io/<policy> (annotations, Docker labels). (Source: governance requirement of per-resource waivers.)',
        tags: ["governance"],
        validateResource: (args, report) => {
            const subject: Subject = { type: args.type, urn: args.urn, name: args.name, props: args.props };
            const today = todayUtc();
            for (const w of resourceWaivers(subject)) {
                if (!policyNames.has(w.policy)) report(`${w.from} waiver names unknown policy ${JSON.stringify(w.policy)}`);
                const problem = waiverProblem(w, today);
                if (problem) report(`${w.from} waiver of ${w.policy} ${problem}`);
            }
        },
    };
}

/** Reports, as advisory, what valid waivers hid on this resource (the waived policies ran first). */
const waivedReport = (ledger: WaivedLedger): ResourceValidationPolicy => ({
    name: WAIVED_REPORT_POLICY,
    description: "Lists findings hidden by a valid waiver, so waived risks stay visible.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Fix the finding before the waiver expires, or renew the waiver with a new reason.",
    tags: ["governance"],
    validateResource: (args, report) => {
        for (const m of ledger.get(args.urn) ?? []) report(m);
        ledger.delete(args.urn);
    },
});

const waivedStackReport = (ledger: WaivedLedger): StackValidationPolicy => ({
    name: WAIVED_STACK_REPORT_POLICY,
    description: "Lists stack-level findings hidden by a valid waiver.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Fix the finding before the waiver expires, or renew the waiver with a new reason.",
    tags: ["governance"],
    validateStack: (_args, report) => {
        for (const [urn, messages] of ledger) messages.forEach((m) => report(m, urn));
        ledger.clear();
    },
});

/** The pack's policies, in evaluation order: the report policies run after the ones they report on. */
export function toPulumiPolicies(definitions: readonly PolicyDefinition[]): Policies {
    const names = new Set(definitions.map((d) => d.name));
    const ledger: WaivedLedger = new Map();
    return [
        ...definitions.map((d) => (d.kind === "resource" ? resourcePolicy(ledger, d) : stackPolicy(ledger, d))),
        waiverValidity(names),
        waivedReport(ledger),
        waivedStackReport(ledger),
    ];
}
