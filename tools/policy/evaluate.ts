/**
 * Policy evaluation of a plan (or a real `pulumi preview --json`) through the pack's server, and the
 * findings model every report is written from.
 */
import { analyzableStates, PreviewJson } from "../../core/plan/previewJson";
import { urnName, urnType } from "../../core/plan/urn";
import { decodeWaived, WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY } from "../../core/policy/waived";
import { decodeUndecided, UNDECIDED_REPORT_POLICY, UNDECIDED_STACK_REPORT_POLICY, undecidedMessage } from "../../core/policy/undecided";
import { AnalyzerInfo, Diagnostic, PolicyPackConfig, PolicyPackProcess } from "./analyzer";
import { STACK_FILE_POLICY, StackFileFinding } from "./stackFileScan";

export interface Finding {
    policy: string;
    level: "mandatory" | "advisory" | "remediate" | "disabled";
    severity: string;
    message: string;
    urn: string;
    resourceName: string;
    resourceType: string;
    /** Hidden by a valid waiver: reported, never blocking. */
    waived: boolean;
}

export interface PolicyResult {
    stack: string;
    packName: string;
    packVersion: string;
    configFile?: string;
    findings: Finding[];
    stackFileFindings: StackFileFinding[];
}

export function toFinding(d: Diagnostic): Finding {
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
    };
}

export async function evaluatePreview(pack: PolicyPackProcess, info: AnalyzerInfo, stack: string, preview: PreviewJson, config: PolicyPackConfig, configFile: string | undefined, stackFileFindings: StackFileFinding[]): Promise<PolicyResult> {
    await pack.configure(config);
    const diagnostics = await pack.analyzeAll(analyzableStates(preview));
    return { stack, packName: info.name, packVersion: info.version, configFile, findings: diagnostics.map(toFinding), stackFileFindings };
}

export function blocking(result: PolicyResult): Finding[] {
    return result.findings.filter((f) => f.level === "mandatory" && !f.waived);
}

/** Stack-file findings as findings of the pseudo-policy that reports them (always mandatory). */
export function stackFileAsFindings(result: PolicyResult): Finding[] {
    return result.stackFileFindings.map((f) => ({
        policy: STACK_FILE_POLICY,
        level: "mandatory" as const,
        severity: "critical",
        message: `${f.path} ${f.message}`,
        urn: "",
        resourceName: f.file,
        resourceType: "stack config file",
        waived: false,
    }));
}

export function allFindings(result: PolicyResult): Finding[] {
    return [...result.findings, ...stackFileAsFindings(result)];
}

export function mandatoryCount(result: PolicyResult): number {
    return blocking(result).length + result.stackFileFindings.length;
}
