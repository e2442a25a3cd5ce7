/** Text rendering of a plan: a preview-like tree and counts per type. */
import { PreviewStep } from "../../core/plan/previewJson";
import { urnName } from "../../core/plan/urn";

/** Steps as a tree in registration order, children under their parent, like `pulumi preview`. */
export function renderTree(steps: PreviewStep[]): string[] {
    const children = new Map<string | undefined, PreviewStep[]>();
    const urns = new Set(steps.map((s) => s.urn));
    for (const step of steps) {
        const parent = step.newState?.parent && urns.has(step.newState.parent) ? step.newState.parent : undefined;
        const key = step.urn === parent ? undefined : parent;
        if (!children.has(key)) children.set(key, []);
        children.get(key)!.push(step);
    }
    const typeWidth = Math.min(70, Math.max(...steps.map((s) => (s.newState?.type.length ?? 0))) + 12);
    const lines = [`     ${"Type".padEnd(typeWidth)}Name`];
    const walk = (parent: string | undefined, indent: string) => {
        const kids = children.get(parent) ?? [];
        kids.forEach((step, i) => {
            const last = i === kids.length - 1;
            const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
            const type = `${indent}${branch}${step.newState?.type ?? "?"}`;
            lines.push(` +   ${type.padEnd(typeWidth)}${urnName(step.urn)}`);
            walk(step.urn, parent === undefined ? indent : indent + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    return lines;
}

export function countByType(steps: PreviewStep[]): Array<[string, number]> {
    const counts = new Map<string, number>();
    for (const s of steps) {
        const t = s.newState?.type ?? "?";
        counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
