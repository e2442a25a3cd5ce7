/**
 * Text rendering of a preview as `pulumi preview` shows it: the resource tree with each step's op
 * symbol, the change summary (`+ 3 to create`, `~ 1 to update`, `145 unchanged`), and counts per
 * type. Colour only where the caller asks for it (terminals, unless NO_COLOR).
 */
import { OPS, ReadPreview, ResourceChange, SUMMARY_ORDER } from "../../core/plan/reader";
import { UNKNOWN_MARKER } from "../../core/plan/previewJson";

export interface Colors {
    green(s: string): string;
    yellow(s: string): string;
    red(s: string): string;
    bold(s: string): string;
    dim(s: string): string;
}

export const NO_COLORS: Colors = { green: (s) => s, yellow: (s) => s, red: (s) => s, bold: (s) => s, dim: (s) => s };

/** Widest type column before long types overflow it (a terminal is 120-160 columns wide). */
const MAX_TYPE_COLUMN = 72;

/** The colour of an op, as the CLI paints it. */
function paint(op: string, c: Colors): (s: string) => string {
    if (op === "create" || op === "import" || op === "create-replacement") return c.green;
    if (op === "update" || op === "refresh") return c.yellow;
    if (op === "delete" || op === "replace" || op === "delete-replaced" || op === "discard") return c.red;
    return (s) => s;
}

/** Resources as a tree in the preview's order, children under their parent, with op symbols; `same` ones only when `showSames`. */
export function renderTree(read: ReadPreview, c: Colors = NO_COLORS, showSames = false): string[] {
    const shown = read.changes.filter((ch) => showSames || ch.op !== "same" || ch.type === "pulumi:pulumi:Stack");
    const urns = new Set(shown.map((ch) => ch.urn));
    const parentOf = (ch: ResourceChange) => {
        const p = (ch.after ?? ch.before)?.parent;
        return p && urns.has(p) && p !== ch.urn ? p : undefined;
    };
    const children = new Map<string | undefined, ResourceChange[]>();
    for (const ch of shown) {
        const key = parentOf(ch);
        if (!children.has(key)) children.set(key, []);
        children.get(key)!.push(ch);
    }
    const rows: Array<[string, string, string, string, string]> = [];
    const walk = (parent: string | undefined, indent: string) => {
        const kids = children.get(parent) ?? [];
        kids.forEach((ch, i) => {
            const last = i === kids.length - 1;
            const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
            rows.push([ch.op, OPS[ch.op]?.symbol ?? "?", `${indent}${branch}${ch.type}`, ch.name, diffNote(ch)]);
            walk(ch.urn, parent === undefined ? indent : indent + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    // A column wide enough for most types; a longer one still keeps two spaces before its name.
    const width = Math.min(MAX_TYPE_COLUMN, Math.max("Type".length, ...rows.map((r) => r[2].length))) + 2;
    const lines = [`     ${"Type".padEnd(width)}Name${rows.some((r) => r[0] !== "create") ? "  Plan" : ""}`];
    const planColumn = rows.some((r) => r[0] !== "create");
    for (const [op, symbol, type, name, diff] of rows) {
        const p = paint(op, c);
        lines.push(` ${p(symbol.padEnd(3))} ${type.length >= width ? `${type}  ` : type.padEnd(width)}${name}${planColumn && op !== "same" ? `  ${p(op)}` : ""}${diff}`);
    }
    return lines;
}

/** ` [diff: ~instanceClass, +tags]` after an update or replace, as the CLI writes it. */
function diffNote(ch: ResourceChange): string {
    if (ch.op !== "update" && ch.op !== "replace") return "";
    const kind = (k: string) => (k.startsWith("add") ? "+" : k.startsWith("delete") ? "-" : "~");
    const paths = ch.detailedDiff ? Object.entries(ch.detailedDiff).map(([p, d]) => `${kind(d.kind)}${p}`) : ch.diffReasons.map((r) => `~${r}`);
    if (!paths.length) return "";
    const shown = paths.slice(0, 6);
    return ` [diff: ${shown.join(", ")}${paths.length > shown.length ? `, ... ${paths.length - shown.length} more` : ""}]`;
}

/** `Resources:` block of the CLI: one line per kind of change, then the unchanged count. */
export function renderSummary(read: ReadPreview, c: Colors = NO_COLORS): string[] {
    const lines = ["Resources:"];
    const ops = [...SUMMARY_ORDER, ...Object.keys(read.counts).filter((op) => op !== "same" && !SUMMARY_ORDER.includes(op))];
    for (const op of ops) {
        const n = read.counts[op];
        if (!n) continue;
        const info = OPS[op];
        lines.push(`    ${paint(op, c)(`${info?.symbol ?? "?"} ${n} ${info?.summary ?? `to ${op}`}`)}`);
    }
    if (lines.length === 1) lines.push("    no changes");
    if (read.counts.same) lines.push(`    ${read.counts.same} unchanged`);
    return lines;
}

/** One line: `+ 148 to create` or `~ 1 to update, 145 unchanged`. */
export function summaryLine(read: ReadPreview): string {
    const parts = SUMMARY_ORDER.filter((op) => read.counts[op]).map((op) => `${OPS[op].symbol} ${read.counts[op]} ${OPS[op].summary}`);
    for (const op of Object.keys(read.counts)) if (op !== "same" && !SUMMARY_ORDER.includes(op)) parts.push(`? ${read.counts[op]} ${op}`);
    if (!parts.length) return read.counts.same ? `no changes, ${read.counts.same} unchanged` : "no changes";
    if (read.counts.same) parts.push(`${read.counts.same} unchanged`);
    return parts.join(", ");
}

/** Resources by type after the change (for --verbose). */
export function countByType(read: ReadPreview): Array<[string, number]> {
    const counts = new Map<string, number>();
    for (const ch of read.changes) if (ch.after) counts.set(ch.type, (counts.get(ch.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Stack outputs as the CLI prints them; secrets stay `[secret]`, values known only at apply read `output<string>`. */
export function renderOutputs(outputs: Record<string, unknown> | undefined): string[] {
    const entries = Object.entries(outputs ?? {});
    if (!entries.length) return [];
    const width = Math.max(...entries.map(([k]) => k.length));
    const show = (v: unknown) => JSON.stringify(v, (_k, x) => (x === UNKNOWN_MARKER ? "output<string>" : x)).replace(/"output<string>"/g, "output<string>");
    return ["Outputs:", ...entries.map(([k, v]) => `    ${k.padEnd(width)}: ${show(v)}`)];
}
