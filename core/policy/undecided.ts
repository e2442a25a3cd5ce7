/**
 * How "decided at apply" notes travel over the analyzer protocol. A policy that meets an unknown
 * input it needs (a value the engine knows only at apply) judges everything else and reports what
 * it could not judge as ONE advisory note per resource and policy. @pulumi/policy reports a
 * violation at its policy's level (mandatory for most of ours), so these notes are reported by an
 * advisory report policy, with a readable line for the Pulumi CLI followed by a data line
 * (`tiered-infra:undecided {json}`) that the tools decode to file the note under the policy that
 * could not decide. Both sides use this module.
 */

export const UNDECIDED_REPORT_POLICY = "decided-at-apply-report";
export const UNDECIDED_STACK_REPORT_POLICY = "decided-at-apply-stack-report";

/** What one policy could not judge on one resource at preview. */
export interface UndecidedNote {
    policy: string;
    /** Input paths whose values are unknown until apply, e.g. `spec.replicas`, `ingress[0].cidrBlocks`. */
    paths: string[];
}

const DATA_PREFIX = "tiered-infra:undecided ";

export function undecidedMessage(paths: string[]): string {
    return `decided at apply: ${paths.join(", ")}`;
}

export function encodeUndecided(n: UndecidedNote): string {
    return `${n.policy}: ${undecidedMessage(n.paths)}\n${DATA_PREFIX}${JSON.stringify({ policy: n.policy, paths: n.paths })}`;
}

/** The note a report policy's message carries, or undefined when it carries none. */
export function decodeUndecided(message: string): UndecidedNote | undefined {
    const line = message.split("\n").find((l) => l.startsWith(DATA_PREFIX));
    if (!line) return undefined;
    try {
        const d = JSON.parse(line.slice(DATA_PREFIX.length));
        if (typeof d?.policy !== "string" || !Array.isArray(d.paths) || !d.paths.every((p: unknown) => typeof p === "string")) return undefined;
        return { policy: d.policy, paths: d.paths };
    } catch {
        return undefined;
    }
}
