/**
 * The cost of a change (Infracost's `diff`, for Pulumi): each resource's monthly cost before and
 * after, and the difference. A side that cannot be priced has no figure: its difference is
 * unknown, never shown as a saving or as a cost.
 */
import { ResourceCost, StackCost } from "../../core/cost/estimator";
import { usd, cents } from "../../core/cost/money";

export interface ResourceDelta {
    urn: string;
    name: string;
    type: string;
    /** created, deleted, changed (cost moved), or unpriced (a side cannot be priced). */
    change: "created" | "deleted" | "changed" | "unpriced";
    /** null: absent on that side (created/deleted) or not priced. */
    before: number | null;
    after: number | null;
    /** null when a side that exists could not be priced. */
    delta: number | null;
}

export interface CostChange {
    before: number | null;
    after: number | null;
    delta: number | null;
    resources: ResourceDelta[];
}


/** A resource's known cost: its figure, or null when it is not fully priced. */
const known = (r: ResourceCost | undefined): number | null => (r === undefined ? 0 : r.complete === false ? null : r.monthlyCost);

/** Per-resource differences (only resources whose cost moved or could not be priced), largest first. */
export function costChange(before: StackCost | undefined, after: StackCost): CostChange {
    const was = new Map((before?.resources ?? []).map((r) => [r.urn, r]));
    const now = new Map(after.resources.map((r) => [r.urn, r]));
    const resources: ResourceDelta[] = [];
    for (const urn of [...new Set([...was.keys(), ...now.keys()])]) {
        const b = was.get(urn);
        const a = now.get(urn);
        const kb = known(b);
        const ka = known(a);
        const delta = kb === null || ka === null ? null : cents(ka - kb);
        if (delta === 0) continue;
        const ref = (a ?? b)!;
        resources.push({
            urn,
            name: ref.name,
            type: ref.type,
            change: delta === null ? "unpriced" : !b ? "created" : !a ? "deleted" : "changed",
            before: b ? kb : null,
            after: a ? ka : null,
            delta,
        });
    }
    resources.sort((x, y) => Math.abs(y.delta ?? Infinity) - Math.abs(x.delta ?? Infinity) || x.name.localeCompare(y.name));
    const total = (s: StackCost | undefined) => (s === undefined ? 0 : s.complete ? s.totalMonthlyCost : null);
    const tb = total(before);
    const ta = total(after);
    return { before: tb, after: ta, delta: tb === null || ta === null ? null : cents(ta - tb), resources };
}

export function signedUsd(n: number | null): string {
    return n === null ? "unknown" : `${n >= 0 ? "+" : "-"}${usd(Math.abs(n))}`;
}

/** `$908.16 → $1,012.30/month (+$104.14)`, or with `unpriced` where a side cannot be priced. */
export function summaryOfChange(before: StackCost, after: StackCost): string {
    const c = costChange(before, after);
    const side = (n: number | null, s: StackCost) => (n === null ? `≥ ${usd(s.totalMonthlyCost)}` : usd(n));
    if (c.delta === 0 && c.resources.length === 0) return `${side(c.after, after)}/month (no change, $0.00 delta)`;
    return `${side(c.before, before)} → ${side(c.after, after)}/month (${c.delta === null ? "change unknown: not fully priced" : signedUsd(c.delta)})`;
}

/** One line per resource, Infracost-diff style: `+ $123.40`, `~ $657.00 → $1,312.54`, `- $32.85`. */
export function changeLines(c: CostChange): string[] {
    return c.resources.map((r) => {
        const figure = r.change === "created" ? `+ ${usd(r.after)}`
            : r.change === "deleted" ? `- ${usd(r.before)}`
                : r.change === "unpriced" ? `? ${r.before === null && r.after === null ? "unpriced" : `${r.before === null ? "unpriced" : usd(r.before)} → ${r.after === null ? "unpriced" : usd(r.after)}`}`
                    : `~ ${usd(r.before)} → ${usd(r.after)}`;
        return `  ${figure.padEnd(28)} ${r.name} (${r.type})${r.delta !== null && r.change === "changed" ? `  ${signedUsd(r.delta)}` : ""}`;
    });
}
