/**
 * Findings of a change: which the change brings (new), which it removes (fixed) and which were
 * there before and still are (open). A finding is the same across the two plans when its policy,
 * its resource (or file) and its message, amounts of money and percentages aside, are the same: a
 * budget finding whose amount moved is still the same finding. Every other figure is part of the
 * finding: a port, a CIDR, a retention in days — port 5432 newly open where 22 was is a new finding.
 */
import { Finding } from "./evaluate";

export interface FindingChanges {
    added: Finding[];
    fixed: Finding[];
    open: Finding[];
}

/** `$4,110.37` and `2.8%` become placeholders; every other character stays. */
export function withoutAmounts(message: string): string {
    return message.replace(/-?\$\d[\d,]*(\.\d+)?/g, "$#").replace(/\d+(\.\d+)?%/g, "#%");
}

function identity(f: Finding): string {
    return [f.policy, f.urn || f.location.file, f.waived, withoutAmounts(f.message)].join("\u0000");
}

export function compareFindings(base: Finding[], head: Finding[]): FindingChanges {
    const before = new Map<string, number>();
    for (const f of base) before.set(identity(f), (before.get(identity(f)) ?? 0) + 1);
    const added: Finding[] = [];
    const open: Finding[] = [];
    for (const f of head) {
        const k = identity(f);
        const n = before.get(k) ?? 0;
        if (n > 0) {
            open.push(f);
            before.set(k, n - 1);
        } else {
            added.push(f);
        }
    }
    const remaining = new Map(before);
    const fixed = base.filter((f) => {
        const n = remaining.get(identity(f)) ?? 0;
        if (n <= 0) return false;
        remaining.set(identity(f), n - 1);
        return true;
    });
    return { added, fixed, open };
}
