/**
 * Policy evaluation of a plan (or a real `pulumi preview --json`) through the pack's server, and the
 * findings model every report is written from.
 */
import { STACK_FILE_POLICY, StackFileFinding } from "../../policies/stackFiles";
import { WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY } from "../../policies/pack";
import { PreviewJson, ResourceState, urnName } from "../offline/previewJson";
import { AnalyzerInfo, Diagnostic, PolicyPackConfig, PolicyPackProcess } from "./analyzer";

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

/** States the engine would analyze: every registered resource but the root stack. */
export function analyzableStates(preview: PreviewJson): ResourceState[] {
    return preview.steps
        .filter((s) => s.newState && s.op !== "delete" && s.newState.type !== "pulumi:pulumi:Stack")
        .map((s) => s.newState!);
}

function typeOf(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.split("$").pop() ?? "";
}

export function toFinding(d: Diagnostic): Finding {
    const waivedReport = d.policyName === WAIVED_REPORT_POLICY || d.policyName === WAIVED_STACK_REPORT_POLICY;
    // "waived <policy> until <date> (<from>: <reason>): <message>"
    const waivedPolicy = waivedReport ? /^waived (\S+) /.exec(d.message)?.[1] : undefined;
    return {
        policy: waivedPolicy ?? d.policyName,
        level: d.level,
        severity: d.severity,
        message: d.message,
        urn: d.urn,
        resourceName: d.urn ? urnName(d.urn) : "(stack)",
        resourceType: d.urn ? typeOf(d.urn) : "",
        waived: waivedReport,
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
