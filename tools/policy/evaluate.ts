/**
 * Policy evaluation of a plan (or a real `pulumi preview --json`) through the pack's server, and the
 * findings model every report is written from. Every finding has a place in the repository (a file
 * and a line), so CI reports can point at it.
 */
import { ResourceState } from "../../core/plan/previewJson";
import { urnName, urnType } from "../../core/plan/urn";
import { decodeWaived, WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY } from "../../core/policy/waived";
import { decodeUndecided, UNDECIDED_REPORT_POLICY, UNDECIDED_STACK_REPORT_POLICY, undecidedMessage } from "../../core/policy/undecided";
import { AnalyzerInfo, Diagnostic, PolicyInfo, PolicyPackConfig, PolicyPackProcess } from "./analyzer";
import { RepoLocation } from "./locations";
import { STACK_FILE_POLICY } from "./stackFileScan";

export interface Finding {
    policy: string;
    level: "mandatory" | "advisory" | "remediate" | "disabled";
    severity: string;
    message: string;
    /** The resource's URN; "" for a finding on the stack or its files. */
    urn: string;
    resourceName: string;
    resourceType: string;
    /** Hidden by a valid waiver: reported, never blocking. */
    waived: boolean;
    /** Where it lives in the repository (the component that registered the resource, or the stack file's key). */
    location: RepoLocation;
}

export interface PolicyResult {
    stack: string;
    packName: string;
    packVersion: string;
    configFile?: string;
    /** Findings of the pack, of the stack-file scan, and of a stack config that did not validate. */
    findings: Finding[];
}

/** The stack's config did not validate: reported as a finding so every CI report shows it. */
export const STACK_CONFIG_POLICY = "stack-config-require-valid";

/** Rules the tools report besides the pack's own policies (in every report's rule list). */
export const TOOL_RULES: PolicyInfo[] = [
    {
        name: STACK_FILE_POLICY,
        description: "Stack files hold no secret in plain text: secret-looking keys are `secure:` values.",
        level: "mandatory",
        severity: "critical",
        remediation: "Remove the value and set it with `pulumi config set --secret <key> <value>`; rotate it, since it was committed.",
        tags: ["secrets"],
    },
    {
        name: STACK_CONFIG_POLICY,
        description: "The stack's configuration validates: every key known, every value within its bounds.",
        level: "mandatory",
        severity: "high",
        remediation: "Fix the key the finding names (its message says what is allowed); `npm run plan -- --stack <name>` checks it offline.",
        tags: ["governance"],
    },
];

export function toFinding(d: Diagnostic, locate: (urn: string | undefined) => RepoLocation): Finding {
    const waived = d.policyName === WAIVED_REPORT_POLICY || d.policyName === WAIVED_STACK_REPORT_POLICY ? decodeWaived(d.message) : undefined;
    // A "decided at apply" note is filed under the policy that could not decide (always advisory).
    const undecided = d.policyName === UNDECIDED_REPORT_POLICY || d.policyName === UNDECIDED_STACK_REPORT_POLICY ? decodeUndecided(d.message) : undefined;
    return {
        policy: waived?.policy ?? undecided?.policy ?? d.policyName,
        level: d.level,
        severity: d.severity,
        message: waived ? `waived until ${waived.expires} (${waived.from}: ${waived.reason}): ${waived.message}` : undecided ? undecidedMessage(undecided.paths) : d.message,
        urn: d.urn,
        resourceName: d.urn ? urnName(d.urn) : "(stack)",
        resourceType: d.urn ? urnType(d.urn) : "",
        waived: waived !== undefined,
        location: locate(d.urn || undefined),
    };
}

/** Checks the states a stack will hold (see core/plan/reader.ts `statesAfter`) with the pack. */
export async function evaluateStates(pack: PolicyPackProcess, info: AnalyzerInfo, stack: string, states: ResourceState[], config: PolicyPackConfig, configFile: string | undefined, locate: (urn: string | undefined) => RepoLocation, extra: Finding[] = []): Promise<PolicyResult> {
    await pack.configure(config);
    const diagnostics = await pack.analyzeAll(states);
    return { stack, packName: info.name, packVersion: info.version, configFile, findings: [...diagnostics.map((d) => toFinding(d, locate)), ...extra] };
}

/** A finding on a stack file (its path relative to the project, the offending key's line). */
export function fileFinding(policy: string, severity: string, message: string, location: RepoLocation): Finding {
    return { policy, level: "mandatory", severity, message, urn: "", resourceName: location.file, resourceType: "stack config file", waived: false, location };
}

export function blocking(result: PolicyResult): Finding[] {
    return result.findings.filter((f) => f.level === "mandatory" && !f.waived);
}

export function allFindings(result: PolicyResult): Finding[] {
    return result.findings;
}

export function mandatoryCount(result: PolicyResult): number {
    return blocking(result).length;
}
