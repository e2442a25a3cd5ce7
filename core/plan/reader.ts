/**
 * The one reader of `pulumi preview --json` (pulumi/pulumi `sdk/pkg/display/json.go` PreviewDigest
 * and PreviewStep, `apitype.ResourceV3`, `pkg/resource/deploy/step.go` StepOp), for both the policy
 * and the cost tools: every step's op mapped to the state the stack has before and after it,
 * replacements counted once, reads and refreshes kept apart from what the stack manages, provider
 * references resolved to regions, failed previews refused.
 *
 * What the CLI writes that this reader relies on (checked against the Go sources):
 * - `same` steps are left out unless `--show-sames`; `changeSummary` still counts them.
 * - a replacement is one `replace` step, or with `--show-replacement-steps` also a
 *   `create-replacement` and a `delete-replaced` step with the same URN;
 * - a step's `provider` is `<provider urn>::<provider id>` (the id is the unknown marker while the
 *   provider is being created); a default provider often has no step of its own;
 * - unknown values are the string `04da6b54-80e4-46f7-96ec-b56ff0331ba9`, secrets `[secret]`;
 * - a failed preview still prints a document, with `diagnostics` of severity `error`.
 */
import { InputError } from "../errors";
import { PreviewJson, PreviewStep, ResourceState, UNKNOWN_MARKER } from "./previewJson";
import { urnName, urnStack, urnType } from "./urn";

/** What a step does to the stack, as `pulumi preview` shows it. */
export interface OpInfo {
    /** The symbol of the CLI's display. */
    symbol: string;
    /** The word of the CLI's summary ("to create"). */
    summary: string;
    /** The stack holds the resource before the step. */
    before: boolean;
    /** The stack holds the resource after the step. */
    after: boolean;
    /** The step is part of a replacement (the replace itself, or one of its halves). */
    replacement?: boolean;
    /** The resource is read, not managed, by this stack (`.get`, `read`, `discard`). */
    external?: boolean;
}

/** Every StepOp of the engine (step.go), with the CLI display's symbols (pkg/backend/display). */
export const OPS: Record<string, OpInfo> = {
    same: { symbol: " ", summary: "unchanged", before: true, after: true },
    create: { symbol: "+", summary: "to create", before: false, after: true },
    update: { symbol: "~", summary: "to update", before: true, after: true },
    delete: { symbol: "-", summary: "to delete", before: true, after: false },
    replace: { symbol: "+-", summary: "to replace", before: true, after: true, replacement: true },
    "create-replacement": { symbol: "++", summary: "to replace", before: true, after: true, replacement: true },
    "delete-replaced": { symbol: "--", summary: "to replace", before: true, after: true, replacement: true },
    read: { symbol: ">", summary: "to read", before: false, after: true, external: true },
    "read-replacement": { symbol: ">>", summary: "to read", before: true, after: true, replacement: true, external: true },
    refresh: { symbol: "~", summary: "to refresh", before: true, after: true },
    discard: { symbol: "<", summary: "to discard", before: true, after: false, external: true },
    "discard-replaced": { symbol: "<<", summary: "to discard", before: true, after: false, replacement: true, external: true },
    "remove-pending-replace": { symbol: "-", summary: "to delete", before: true, after: false, replacement: true },
    import: { symbol: "=", summary: "to import", before: false, after: true },
    "import-replacement": { symbol: "=>", summary: "to import", before: true, after: true, replacement: true },
};

/** The order the CLI's summary lists changes in. */
export const SUMMARY_ORDER = ["create", "update", "replace", "delete", "import", "read", "refresh", "discard"];

/** One resource of the preview after collapsing its steps. */
export interface ResourceChange {
    urn: string;
    type: string;
    name: string;
    /** The logical op: a replacement's three steps are one `replace`. */
    op: string;
    /** The resource as the stack holds it before the change (absent for a create, read or import). */
    before?: ResourceState;
    /** The resource as the stack will hold it (absent for a delete or discard). */
    after?: ResourceState;
    /** Managed by this stack: not a read (`.get`) or a discarded read. */
    managed: boolean;
    /** Region of the resource's AWS provider, when a step or the config says it. */
    region?: string;
    diffReasons: string[];
    replaceReasons: string[];
    /** Changed property paths and their kind (`update`, `add-replace`, ...), when the provider reported them. */
    detailedDiff: Record<string, { kind: string; inputDiff?: boolean }> | null;
    /** An op this reader does not know (a newer CLI): kept and shown, never dropped. */
    unknownOp?: boolean;
}

export interface ReadPreview {
    stack: string;
    tier?: string;
    config: Record<string, unknown>;
    /** Resources by their first step's order, the root stack included. */
    changes: ResourceChange[];
    /** The preview lists unchanged (`same`) steps, so before/after totals cover the whole stack. */
    complete: boolean;
    /** Logical changes by op (a replacement once; reads apart), unchanged ones as `same`. */
    counts: Record<string, number>;
    /** Warnings a reader of the report must see (e.g. totals that cover only changed resources). */
    warnings: string[];
}

/** Splits `<provider urn>::<id>` on its last `::`. */
export function providerUrnOf(ref: string | undefined): string | undefined {
    if (!ref) return undefined;
    const i = ref.lastIndexOf("::");
    return i < 0 ? ref : ref.slice(0, i);
}

/** The regions of the AWS providers the preview shows, by provider URN. */
function providerRegions(steps: PreviewStep[], configRegion: string | undefined): Map<string, string | undefined> {
    const regions = new Map<string, string | undefined>();
    for (const s of steps) {
        const st = s.newState ?? s.oldState;
        if (!st || !st.type.startsWith("pulumi:providers:aws")) continue;
        const r = st.inputs?.region;
        // A region known only at apply stays unknown (the marker): the config's region is not the provider's.
        regions.set(s.urn, r === UNKNOWN_MARKER ? UNKNOWN_MARKER : typeof r === "string" ? r : configRegion);
    }
    return regions;
}

function errorsOf(doc: PreviewJson): string[] {
    return (Array.isArray(doc.diagnostics) ? doc.diagnostics : [])
        .filter((d: any) => d && d.severity === "error")
        .map((d: any) => String(d.message ?? "").replace(/^error:\s*/, "").trim() + (d.urn ? ` (${urnName(d.urn)})` : ""));
}

/**
 * Reads a preview. `regionFlag` is the region to assume where neither a provider step nor the
 * config names one (the CLI took it from the environment of the machine that ran it).
 * @throws InputError for a failed preview (error diagnostics, `maybeCorrupt`) or a document that is not a preview.
 */
export function readPreview(doc: PreviewJson, source: string, regionFlag?: string): ReadPreview {
    if (!doc || !Array.isArray(doc.steps)) throw new InputError(`${source}: has no "steps" list; write it with \`pulumi preview --json > FILE\``);
    const errors = errorsOf(doc);
    if (errors.length) throw new InputError(`${source}: the preview failed, so it cannot be checked or priced:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    if (doc.maybeCorrupt) throw new InputError(`${source}: the Pulumi CLI marked this preview maybeCorrupt (it stopped part-way); run \`pulumi preview --json\` again`);

    const config = (doc.config ?? {}) as Record<string, unknown>;
    const configRegion = typeof config["aws:region"] === "string" && config["aws:region"] !== "[secret]" ? (config["aws:region"] as string) : regionFlag;
    const regions = providerRegions(doc.steps, configRegion);
    const byUrn = new Map<string, ResourceChange>();
    const order: string[] = [];
    let sames = 0;
    for (const step of doc.steps) {
        if (!step || typeof step.urn !== "string") continue;
        const info = OPS[step.op];
        const state = step.newState ?? step.oldState;
        let change = byUrn.get(step.urn);
        if (!change) {
            change = {
                urn: step.urn,
                type: state?.type ?? urnType(step.urn),
                name: urnName(step.urn),
                op: step.op,
                managed: !info?.external,
                diffReasons: [],
                replaceReasons: [],
                detailedDiff: null,
                ...(info ? {} : { unknownOp: true }),
            };
            byUrn.set(step.urn, change);
            order.push(step.urn);
        }
        if (step.op === "same") sames++;
        // The halves of a replacement fold into one `replace`: the old state from any of them, the new from the replace or its create half.
        if (info?.replacement) change.op = change.op === "read-replacement" || step.op === "read-replacement" ? "read" : "replace";
        if (info?.before !== false && step.oldState) change.before ??= step.oldState;
        if (info?.after !== false && step.newState && step.op !== "delete-replaced") change.after = step.newState;
        if (!info && step.newState) change.after = step.newState;
        const s = step as PreviewStep & { diffReasons?: string[]; replaceReasons?: string[]; detailedDiff?: ResourceChange["detailedDiff"] };
        for (const r of s.diffReasons ?? []) if (!change.diffReasons.includes(r)) change.diffReasons.push(r);
        for (const r of s.replaceReasons ?? []) if (!change.replaceReasons.includes(r)) change.replaceReasons.push(r);
        if (s.detailedDiff) change.detailedDiff = { ...(change.detailedDiff ?? {}), ...s.detailedDiff };
        const provider = providerUrnOf(step.provider ?? state?.provider);
        if (provider) change.region = regions.get(provider) ?? configRegion;
        else if (state?.type.startsWith("aws:")) change.region = configRegion;
        if (state?.type.startsWith("pulumi:providers:aws")) change.region = regions.get(step.urn);
    }
    const changes = order.map((u) => byUrn.get(u)!);
    // Counted like the CLI's summary: every resource once, the root stack included.
    const counts: Record<string, number> = {};
    for (const c of changes) counts[c.op] = (counts[c.op] ?? 0) + 1;
    const firstUrn = changes[0]?.urn;
    const stack = typeof doc.tieredInfra?.stack === "string" ? doc.tieredInfra.stack : firstUrn ? urnStack(firstUrn) : "preview";
    const tier = typeof config["tiered-infra:tier"] === "string" ? (config["tiered-infra:tier"] as string) : undefined;
    const changed = changes.some((c) => c.op !== "same" && c.type !== "pulumi:pulumi:Stack");
    const creationsOnly = changes.every((c) => c.op === "create" || c.type === "pulumi:pulumi:Stack");
    const summarySames = doc.changeSummary?.same ?? 0;
    // A first preview creates everything: nothing is missing. Otherwise unchanged resources are
    // listed only with --show-sames (the root stack's step always is), while changeSummary counts them all.
    const listedOthers = changes.some((c) => c.op === "same" && c.type !== "pulumi:pulumi:Stack");
    const complete = creationsOnly || (doc.changeSummary ? sames >= summarySames : listedOthers);
    const warnings: string[] = [];
    if (!complete && changed) {
        warnings.push(`the preview lists only changed resources (${summarySames ? `${summarySames} unchanged ones are left out` : "unchanged ones are left out"}): totals cover the changed resources only, and stack policies see part of the stack; run \`pulumi preview --json --show-sames\` for whole-stack totals`);
    }
    if (changes.some((c) => c.unknownOp)) warnings.push(`steps with ops this tool does not know: ${[...new Set(changes.filter((c) => c.unknownOp).map((c) => c.op))].join(", ")} (shown as they are)`);
    // Unchanged resources the preview leaves out are still in the CLI's own summary.
    if (summarySames > (counts.same ?? 0)) counts.same = summarySames;
    return { stack, tier, config, changes, complete, counts, warnings };
}

/** The states the stack will hold and manage after the change: what policies judge and the "after" cost prices. */
export function statesAfter(p: ReadPreview): Array<ResourceState & { region?: string }> {
    return p.changes.filter((c) => c.managed && c.after && c.type !== "pulumi:pulumi:Stack").map((c) => ({ ...c.after!, ...(c.region ? { region: c.region } : {}) }));
}

/** The states the stack manages before the change: what the "before" cost prices. */
export function statesBefore(p: ReadPreview): Array<ResourceState & { region?: string }> {
    return p.changes.filter((c) => c.managed && c.before && c.type !== "pulumi:pulumi:Stack").map((c) => ({ ...c.before!, ...(c.region ? { region: c.region } : {}) }));
}
