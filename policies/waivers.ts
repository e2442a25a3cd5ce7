/**
 * Waivers: a resource may be exempted from one named policy, with a reason and an expiry date.
 *
 * On the resource (travels with the code that needs it):
 * - AWS tag        `tiered-infra:waive:<policy-name>` = `"YYYY-MM-DD: reason"`
 * - Kubernetes annotation `waive.tiered-infra.io/<policy-name>` = `"YYYY-MM-DD: reason"`
 * - Docker label   `waive.tiered-infra.io/<policy-name>` = `"YYYY-MM-DD: reason"`
 * Or in the policy config (for resources you do not own), per policy:
 *   `"waivers": [{ "resource": "<urn or resource name>", "reason": "...", "expires": "YYYY-MM-DD" }]`
 *
 * A waiver counts only while it has a reason of at least MIN_REASON_LENGTH characters and an expiry
 * that is neither past nor more than MAX_WAIVER_DAYS away. Any other waiver is itself a violation,
 * and the finding it tried to hide is reported as usual. Waived findings are still reported, as
 * advisory "waived" findings, so they stay visible in every report.
 */
import { Subject } from "./definitions";
import { isUnknown } from "../core/plan/unknown";
import { WAIVER_ANNOTATION_PREFIX, WAIVER_TAG_PREFIX } from "../core/policy/waived";

export { WAIVER_ANNOTATION_PREFIX, WAIVER_TAG_PREFIX };
export const MIN_REASON_LENGTH = 10;
export const MAX_WAIVER_DAYS = 365;

export interface Waiver {
    policy: string;
    resource?: string;
    reason: string;
    expires: string;
    /** Where it was declared: tag, annotation, label or config. */
    from: "tag" | "annotation" | "label" | "config";
}

export interface ConfigWaiver {
    resource: string;
    reason: string;
    expires: string;
}

export const WAIVERS_CONFIG = {
    waivers: {
        type: "array" as const,
        default: [],
        description: "Resources exempted from this policy: { resource (URN or name), reason, expires (YYYY-MM-DD) }.",
        items: {
            type: "object",
            properties: { resource: { type: "string" }, reason: { type: "string" }, expires: { type: "string" } },
            required: ["resource", "reason", "expires"],
        },
    },
};

export function todayUtc(): string {
    return new Date().toISOString().slice(0, 10);
}

const entries = (v: unknown): Array<[string, unknown]> => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.entries(v) : []);

/** Waivers declared on a resource, by policy name. */
export function resourceWaivers(r: Subject): Waiver[] {
    const out: Waiver[] = [];
    const add = (key: string, value: unknown, prefix: string, from: Waiver["from"]) => {
        if (!key.startsWith(prefix)) return;
        // A waiver computed from another resource's output is known only at apply: it cannot count.
        const text = isUnknown(value) ? "(known only at apply)" : String(value ?? "");
        const m = /^\s*(\d{4}-\d{2}-\d{2})\s*[:;,-]?\s*(.*)$/.exec(text);
        out.push({ policy: key.slice(prefix.length), reason: (m ? m[2] : text).trim(), expires: m ? m[1] : "", from });
    };
    const props = r.props;
    for (const [k, v] of entries(props.tags)) add(k, v, WAIVER_TAG_PREFIX, "tag");
    for (const [k, v] of entries(props.metadata?.annotations)) add(k, v, WAIVER_ANNOTATION_PREFIX, "annotation");
    for (const l of Array.isArray(props.labels) ? props.labels : []) if (l && typeof l.label === "string") add(l.label, l.value, WAIVER_ANNOTATION_PREFIX, "label");
    return out;
}

/** How each kind of waiver is written, for messages about a bad one. */
const FORMAT: Record<Waiver["from"], string> = {
    tag: '"YYYY-MM-DD: reason"',
    annotation: '"YYYY-MM-DD: reason"',
    label: '"YYYY-MM-DD: reason"',
    config: '{ "resource": "<URN or name>", "reason": "...", "expires": "YYYY-MM-DD" }',
};

/** A real YYYY-MM-DD day: Date.parse rolls "2026-02-30" over into March, so the parsed day must read back the same. */
function isCalendarDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const ms = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** Why a waiver does not count, or undefined when it does. */
export function waiverProblem(w: Pick<Waiver, "reason" | "expires" | "from">, today: string = todayUtc()): string | undefined {
    if (!isCalendarDate(w.expires)) {
        return `has no valid expiry date (expected ${FORMAT[w.from]}, got expires ${JSON.stringify(w.expires)})`;
    }
    if (w.reason.length < MIN_REASON_LENGTH) return `has no reason (at least ${MIN_REASON_LENGTH} characters saying why)`;
    if (w.expires < today) return `expired on ${w.expires}`;
    const days = (Date.parse(`${w.expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
    if (days > MAX_WAIVER_DAYS) return `expires ${w.expires}, more than ${MAX_WAIVER_DAYS} days ahead`;
    return undefined;
}

/** The waivers of `policy` that apply to `r`: its own, and config waivers naming its URN or name. */
export function waiversFor(policy: string, r: Pick<Subject, "urn" | "name" | "props" | "type">, configWaivers: ConfigWaiver[] = []): Waiver[] {
    return [
        ...resourceWaivers(r as Subject).filter((w) => w.policy === policy),
        ...configWaivers.filter((w) => w.resource === r.urn || w.resource === r.name).map((w) => ({ ...w, policy, from: "config" as const })),
    ];
}
