/**
 * The contract between the policy pack and the tools that read its diagnostics: which governance
 * policies exist, and how a finding hidden by a waiver travels over the analyzer protocol.
 *
 * @pulumi/policy lets a policy report only a message (`reportViolation(message, urn)`), so a waived
 * finding is reported by an advisory report policy whose message is one readable line for the
 * Pulumi CLI followed by one data line (`tiered-infra:waived {json}`) that `decodeWaived` reads back.
 * Both sides use this module; a test round-trips every field.
 */

export const WAIVER_POLICY = "waiver-require-reason-and-expiry";
export const WAIVED_REPORT_POLICY = "waived-findings-report";
export const WAIVED_STACK_REPORT_POLICY = "waived-stack-findings-report";
export const GOVERNANCE_POLICIES = [WAIVER_POLICY, WAIVED_REPORT_POLICY, WAIVED_STACK_REPORT_POLICY] as const;

/** AWS tag key prefix of a waiver on the resource: `tiered-infra:waive:<policy>` = `"YYYY-MM-DD: reason"`. */
export const WAIVER_TAG_PREFIX = "tiered-infra:waive:";
/** Kubernetes annotation and Docker label prefix of a waiver: `waive.tiered-infra.io/<policy>`. */
export const WAIVER_ANNOTATION_PREFIX = "waive.tiered-infra.io/";

export type WaiverSource = "tag" | "annotation" | "label" | "config";

/** A finding a valid waiver hid: still reported, never blocking. */
export interface WaivedFinding {
    /** The policy whose finding was waived. */
    policy: string;
    /** The finding itself. */
    message: string;
    /** Expiry date of the waiver, YYYY-MM-DD. */
    expires: string;
    from: WaiverSource;
    reason: string;
}

const DATA_PREFIX = "tiered-infra:waived ";

export function encodeWaived(w: WaivedFinding): string {
    const human = `waived ${w.policy} until ${w.expires} (${w.from}: ${w.reason}): ${w.message}`;
    return `${human}\n${DATA_PREFIX}${JSON.stringify({ policy: w.policy, message: w.message, expires: w.expires, from: w.from, reason: w.reason })}`;
}

/** The waived finding a report policy's message carries, or undefined when it carries none. */
export function decodeWaived(message: string): WaivedFinding | undefined {
    const line = message.split("\n").find((l) => l.startsWith(DATA_PREFIX));
    if (!line) return undefined;
    let data: unknown;
    try {
        data = JSON.parse(line.slice(DATA_PREFIX.length));
    } catch {
        return undefined;
    }
    const d = data as Record<string, unknown>;
    const fields = ["policy", "message", "expires", "from", "reason"] as const;
    if (!d || typeof d !== "object" || fields.some((f) => typeof d[f] !== "string")) return undefined;
    return { policy: d.policy as string, message: d.message as string, expires: d.expires as string, from: d.from as WaiverSource, reason: d.reason as string };
}
