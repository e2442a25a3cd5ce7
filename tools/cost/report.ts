/**
 * Cost reports: the JSON document (modelled on Infracost's breakdown), a terminal table, Markdown,
 * an HTML page with charts, and a per-resource comparison against an earlier JSON.
 */
import Table from "cli-table3";
import { TIERS, TierName } from "../../infra/tiers";
import { CATALOG_DATE, HOURS_PER_MONTH } from "../../core/cost/catalog";
import { CostComponent, FIXED_CHARGE_TYPE, StackCost, topLineItems } from "../../core/cost/estimator";
import { commitmentOptions, CommitmentOptions, commitmentOptionsByService } from "../../core/cost/commitmentOptions";
import { usd, cents } from "../../core/cost/money";
import { changeLines, CostChange, costChange, signedUsd } from "./change";

export { usd };

export interface StackReport extends StackCost {
    /** Seed 002's expected monthly range for the stack's tier. */
    seedRange: { minMonthlyUsd: number; maxMonthlyUsd: number } | null;
    /**
     * Where the estimate falls against that range; `unknown` when the estimate is incomplete and
     * its lower bound does not already exceed the range.
     */
    seedRangeStatus: "below" | "within" | "above" | "unknown" | null;
    /** Monthly cost by category (`categoryOf`), largest first; "Disaster recovery" is the DR share. */
    categories: Array<{ category: string; monthlyCost: number }>;
    /** The cost of the change, when the estimate comes from a preview that changes an existing stack. */
    change?: CostChange;
    /** The always-on part a commitment can cover, and what each commitment would make of it. */
    commitments: CommitmentOptions;
}

export interface CostReport {
    version: "1";
    currency: "USD";
    generatedAt: string;
    catalogDate: string;
    hoursPerMonth: number;
    /** Sum over the stacks; a lower bound when `complete` is false. */
    totalMonthlyCost: number;
    /** Every stack's estimate is complete. */
    complete: boolean;
    stacks: StackReport[];
}

/** A stack's estimate, and whether it deploys seed 002's system (whose cost ranges then apply). */
export type EstimatedStack = StackCost & { seedSystem?: boolean };

export function buildReport(costs: Array<EstimatedStack & { change?: CostChange }>): CostReport {
    const stacks = costs.map(({ seedSystem, ...c }): StackReport => {
        // The ranges are seed 002's, for its system; other systems on a tier's sizing get none.
        const row = seedSystem !== false && c.tier && c.tier in TIERS ? TIERS[c.tier as TierName].budget : undefined;
        const seedRange = row ? { minMonthlyUsd: row.minMonthlyUsd, maxMonthlyUsd: row.maxMonthlyUsd } : null;
        const seedRangeStatus = !seedRange ? null
            : c.totalMonthlyCost > seedRange.maxMonthlyUsd ? "above"
                : !c.complete ? "unknown"
                    : c.totalMonthlyCost < seedRange.minMonthlyUsd ? "below" : "within";
        return { ...c, seedRange, seedRangeStatus, categories: byCategory(c).map(([category, monthlyCost]) => ({ category, monthlyCost })), commitments: commitmentOptions(c) };
    });
    return {
        version: "1",
        currency: "USD",
        generatedAt: new Date().toISOString(),
        catalogDate: CATALOG_DATE,
        hoursPerMonth: HOURS_PER_MONTH,
        totalMonthlyCost: cents(stacks.reduce((n, s) => n + s.totalMonthlyCost, 0)),
        complete: stacks.every((s) => s.complete),
        stacks,
    };
}



/** How many things an incomplete estimate could not price (components, unknown types, the region). */
export function unpricedCount(s: StackCost): number {
    if (!s.regionPriced) return Infinity;
    return s.resources.reduce((n, r) => n + r.costComponents.filter((c) => c.monthlyCost === null).length, 0) + s.summary.unsupported;
}

/**
 * A stack's estimate as people read it: `$908.16`, or `≥ $908.16 (2 items unpriced)`, never a
 * plain figure when incomplete. `unit` (e.g. "/month") goes right after the amount.
 */
export function estimateText(s: StackCost, unit = ""): string {
    if (s.complete) return `${usd(s.totalMonthlyCost)}${unit}`;
    if (!s.regionPriced) return `≥ ${usd(s.totalMonthlyCost)}${unit} (${unpricedRegionsText(s)} not priced)`;
    const n = unpricedCount(s);
    return `≥ ${usd(s.totalMonthlyCost)}${unit} (${n} item${n === 1 ? "" : "s"} unpriced)`;
}

/**
 * The regions of a stack the catalog does not price, as people read them: `region eu-west-2`,
 * `regions af-south-1, sa-east-1` (the regions resources live in, not always the stack's; a report
 * written before the field was added names the stack's).
 */
export function unpricedRegionsText(s: Pick<StackCost, "region"> & { unpricedRegions?: string[] }): string {
    const regions = s.unpricedRegions?.length ? s.unpricedRegions : [s.region];
    return `region${regions.length === 1 ? "" : "s"} ${regions.join(", ")}`;
}

function qty(n: number | null): string {
    if (n === null) return "(no usage)";
    return n >= 100 ? Math.round(n).toLocaleString("en-US") : String(Math.round(n * 100) / 100);
}

export const DISASTER_RECOVERY = "Disaster recovery";

/**
 * What watches the platform and tells people: logs, metrics, alarms and dashboards, alert topics,
 * uptime checks, Prometheus, Grafana, traces, and the Container Insights add-on (the only add-on that
 * bills; the others are free and never reach a report).
 */
const OBSERVABILITY_TYPES = [
    "aws:cloudwatch/", "aws:sns/", "aws:route53/healthCheck:", "aws:amp/", "aws:grafana/", "aws:xray/",
    "aws:cloudfront/monitoringSubscription:", "aws:eks/addon:",
];

/**
 * Component categories for charts and summaries, by resource type; a component the estimator marks
 * as disaster recovery (a copy, a replica, anything in the DR region, a drill) counts there whatever
 * its resource.
 */
export function categoryOf(type: string, component?: Pick<CostComponent, "disasterRecovery">): string {
    if (component?.disasterRecovery) return DISASTER_RECOVERY;
    if (type === "aws:s3/bucketReplicationConfig:BucketReplicationConfig" || type === "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication" || type.startsWith("aws:backup/restoreTesting")) return DISASTER_RECOVERY;
    if (OBSERVABILITY_TYPES.some((t) => type.startsWith(t))) return "Observability";
    if (type.startsWith("aws:eks/")) return "Kubernetes compute";
    if (type.startsWith("aws:rds/")) return "Database";
    if (type.startsWith("aws:elasticache/")) return "Cache";
    if (type === "kubernetes:apps/v1:StatefulSet" || type.startsWith("aws:backup/") || type.startsWith("aws:s3/")) return "Storage and backup";
    if (type.startsWith("aws:ec2/") || type.startsWith("aws:lb/")) return "Network";
    if (type.startsWith("aws:cloudfront/") || type.startsWith("aws:wafv2/")) return "Edge (CDN, WAF)";
    if (type.startsWith("aws:kms/") || type.startsWith("aws:secretsmanager/")) return "Security";
    if (type === FIXED_CHARGE_TYPE) return "Managed services";
    return "Other";
}

/** The Observability group's monthly cost and its share of the stack's total, e.g. `$91.20 (2.4%)`. */
export function observabilityShare(s: StackCost): string {
    const cost = byCategory(s).find(([c]) => c === "Observability")?.[1] ?? 0;
    return s.totalMonthlyCost > 0 ? `${usd(cost)} (${((100 * cost) / s.totalMonthlyCost).toFixed(1)}%)` : usd(cost);
}

export function byCategory(s: StackCost): Array<[string, number]> {
    const m = new Map<string, number>();
    for (const r of s.resources) for (const c of r.costComponents) m.set(categoryOf(r.type, c), cents((m.get(categoryOf(r.type, c)) ?? 0) + (c.monthlyCost ?? 0)));
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/** "Disaster recovery: $X (Y% of $T)" for a stack, or undefined when it spends nothing on it. */
export function disasterRecoveryShare(s: StackCost): string | undefined {
    const dr = byCategory(s).find(([c]) => c === DISASTER_RECOVERY)?.[1];
    if (!dr) return undefined;
    return `${DISASTER_RECOVERY}: ${usd(dr)}/month (${((dr / s.totalMonthlyCost) * 100).toFixed(1)}% of ${usd(s.totalMonthlyCost)})`;
}

export function tableReport(report: CostReport, opts: { summary?: boolean } = {}): string {
    const out: string[] = [];
    for (const s of opts.summary ? [] : report.stacks) {
        const t = new Table({ head: ["Resource / component", "Quantity", "Unit", "Price", "Monthly"], style: { head: [], border: [] } });
        for (const r of [...s.resources].sort((a, b) => b.monthlyCost - a.monthlyCost)) {
            t.push([{ colSpan: 4, content: `${r.name} (${r.type})` }, r.complete ? usd(r.monthlyCost) : `≥ ${usd(r.monthlyCost)}`]);
            for (const c of r.costComponents) {
                t.push([`  ${c.name}${c.verify ? " (price to verify)" : ""}`, qty(c.monthlyQuantity), c.unit, c.price === null ? "unpriced" : `$${c.price}`, c.monthlyCost === null ? `unpriced: ${c.unpricedReason}` : usd(c.monthlyCost)]);
            }
        }
        out.push(`Stack ${s.stack}${s.tier ? ` (tier ${s.tier})` : ""}, ${s.region}${s.regionPriced ? "" : ` - ${unpricedRegionsText(s).replace(/^regions?/, (w) => w.toUpperCase())} NOT PRICED: costs below are incomplete`}`);
        out.push(t.toString());
        out.push(`  Total: ${estimateText(s, "/month")}${s.seedRange ? `  (seed range ${usd(s.seedRange.minMonthlyUsd)}-${usd(s.seedRange.maxMonthlyUsd)}: ${s.seedRangeStatus})` : ""}`);
        const dr = disasterRecoveryShare(s);
        if (dr) out.push(`  ${dr}`);
        if (s.resources.length) out.push(`  by category: ${byCategory(s).map(([c, v]) => `${c} ${usd(v)}`).join(", ")}`);
        if (s.pricing.mode !== "on-demand") out.push(`  Always-on lines priced under ${s.pricing.mode} (${s.pricing.upfront} upfront); usage lines on-demand`);
        if (!s.pricing.freeAllowances) out.push("  Free allowances not subtracted (shared account)");
        out.push(...commitmentLines(s));
        out.push(`  ${s.summary.estimated} priced, ${s.summary.free} free, ${s.summary.unsupported} unsupported resource(s)${s.unsupportedResourceTypes.length ? `: ${s.unsupportedResourceTypes.join(", ")}` : ""}`);
        if (!s.complete) {
            out.push("  NOT PRICED (the total above is a lower bound):");
            for (const g of s.gaps) out.push(`    - ${g.name ?? "stack"}: ${g.reason}`);
        }
        if (s.change) out.push(...changeSection(s.change));
        out.push("");
    }
    if (opts.summary && report.stacks.length === 1) {
        const s = report.stacks[0];
        out.push(`${s.stack}: ${s.change ? `${s.change.before === null ? "unpriced" : usd(s.change.before)} -> ` : ""}${estimateText(s, "/month")}${s.seedRange ? ` (seed range ${usd(s.seedRange.minMonthlyUsd)}-${usd(s.seedRange.maxMonthlyUsd)}: ${s.seedRangeStatus})` : ""}`);
    }
    if (report.stacks.length > 1) {
        const t = new Table({ head: ["Stack", "Monthly estimate", "Seed range", "Status", "Observability", "Always-on (commitments)", "Largest line item"], style: { head: [], border: [] } });
        for (const s of report.stacks) {
            const top = topLineItems(s, 1)[0];
            t.push([s.stack, estimateText(s), s.seedRange ? `${usd(s.seedRange.minMonthlyUsd)}-${usd(s.seedRange.maxMonthlyUsd)}` : "-", s.seedRangeStatus ?? "-", observabilityShare(s), alwaysOnShare(s), top ? `${top.resource}: ${usd(top.monthlyCost)}` : "-"]);
        }
        out.push("Tiers side by side:");
        out.push(t.toString());
    }
    return out.join("\n");
}

const pct = (n: number | null) => (n === null ? "-" : `${(n * 100).toFixed(1)}%`);

/** The always-on part a commitment can cover and its share of the on-demand total, e.g. `$2,896.79 (70.5%)`. */
export function alwaysOnShare(s: StackReport): string {
    const c = s.commitments;
    if (!c.lines.length) return "-";
    return c.alwaysOnMonthlyCost === null ? "unpriced" : `${usd(c.alwaysOnMonthlyCost)} (${pct(c.alwaysOnShare)})`;
}

/** The always-on part, each commitment's cost, saving and break-even, and per service; then the dated price changes. */
export function commitmentLines(s: StackReport): string[] {
    const c = s.commitments;
    const out: string[] = [];
    if (c.lines.length) {
        out.push(`  Always-on part (compute, database, cache: what a commitment can cover): ${c.alwaysOnMonthlyCost === null ? "unpriced" : `${usd(c.alwaysOnMonthlyCost)}/month on-demand, ${pct(c.alwaysOnShare)} of the on-demand total`}`);
        for (const o of c.options) {
            out.push(`    ${o.mode}, ${o.upfront} upfront: ${o.monthlyCost === null
                ? `not priced (no commitment rate for ${o.notPriced.join(", ")})`
                : `${usd(o.monthlyCost)}/month, saves ${usd(o.monthlySaving)}, break-even at ${pct(o.breakEvenUtilisation)} utilisation`}`);
        }
        for (const sv of commitmentOptionsByService(c)) {
            out.push(`    ${sv.service}: on-demand ${usd(sv.onDemand)}; ${Object.entries(sv.byMode).map(([m, v]) => `${m} ${v === null ? "not priced" : `${usd(v)} (break-even ${sv.onDemand ? pct(v / sv.onDemand) : "-"})`}`).join("; ")}`);
        }
    }
    for (const d of s.datedChanges) out.push(`  From ${d.date}: ${d.resource}: ${d.what} (${d.monthlyDelta === null ? "change unpriced" : `${signedUsd(d.monthlyDelta)}/month`})`);
    return out;
}

/** The cost of a change as lines under a stack's table. */
function changeSection(c: CostChange): string[] {
    return [
        `  Change: ${c.before === null ? "unpriced" : usd(c.before)} -> ${c.after === null ? "unpriced" : usd(c.after)} (${c.delta === null ? "change unknown: not fully priced" : `${signedUsd(c.delta)}/month`})`,
        ...changeLines(c),
    ];
}

export function markdownReport(report: CostReport, opts: { summary?: boolean; diff?: CostDiff[] } = {}): string {
    const out = [`### Monthly cost estimate (USD, prices of ${report.catalogDate})`, "", "| stack | estimate | of which disaster recovery | of which observability | always-on (commitments) | seed range | status |", "|---|---:|---:|---:|---:|---|---|"];
    for (const s of report.stacks) {
        const dr = byCategory(s).find(([c]) => c === DISASTER_RECOVERY)?.[1] ?? 0;
        out.push(`| ${s.stack} | ${estimateText(s)} | ${usd(dr)} | ${observabilityShare(s)} | ${alwaysOnShare(s)} | ${s.seedRange ? `${usd(s.seedRange.minMonthlyUsd)}-${usd(s.seedRange.maxMonthlyUsd)}` : "-"} | ${s.seedRangeStatus ?? "-"} |`);
    }
    for (const s of report.stacks) {
        if (s.change) {
            out.push("", `#### ${s.stack}: cost of this change ${s.change.delta === null ? "(unknown: not fully priced)" : `${signedUsd(s.change.delta)}/month`}`, "", "| | resource | before | after | delta |", "|---|---|---:|---:|---:|");
            const mark = { created: "+", deleted: "-", changed: "~", unpriced: "?" } as const;
            for (const r of s.change.resources) out.push(`| ${mark[r.change]} | \`${r.name}\` | ${r.before === null ? (r.change === "created" ? "" : "unpriced") : usd(r.before)} | ${r.after === null ? (r.change === "deleted" ? "" : "unpriced") : usd(r.after)} | ${signedUsd(r.delta)} |`);
        }
        if (opts.summary) continue;
        const lines = commitmentLines(s);
        if (lines.length) out.push("", `<details><summary>${s.stack}: commitments and dated price changes</summary>`, "", "```", ...lines.map((l) => l.slice(2)), "```", "", "</details>");
        out.push("", `<details><summary>${s.stack}: top line items</summary>`, "", "| resource | component | monthly |", "|---|---|---:|");
        for (const t of topLineItems(s, 10)) out.push(`| \`${t.resource}\` | ${t.component} | ${usd(t.monthlyCost)} |`);
        out.push("", "</details>");
        if (!s.complete) {
            out.push("", `**${s.stack} is not fully priced** (the estimate is a lower bound):`, "");
            for (const g of s.gaps) out.push(`- \`${g.name ?? "stack"}\`: ${g.reason}`);
        }
    }
    for (const d of opts.diff ?? []) {
        out.push("", `#### ${d.stack}: against the earlier report ${d.delta === null ? "(change unknown: not fully priced)" : `${signedUsd(d.delta)}/month`}`, "", "```", ...changeLines(d), "```");
    }
    return out.join("\n") + "\n";
}

/** The change between an earlier report and this one, per stack (see tools/cost/change.ts). */
export interface CostDiff extends CostChange {
    stack: string;
}

/** Per-resource differences between an earlier report and this one (only resources that changed). */
export function compare(before: CostReport, after: CostReport): CostDiff[] {
    return after.stacks.map((s) => ({ stack: s.stack, ...costChange(before.stacks.find((b) => b.stack === s.stack), s) }));
}

export function diffText(diffs: CostDiff[]): string {
    const out: string[] = [];
    for (const d of diffs) {
        out.push(`Stack ${d.stack}: ${d.before === null ? "unpriced" : usd(d.before)} -> ${d.after === null ? "unpriced" : usd(d.after)} (${d.delta === null ? "change unknown: not fully priced" : `${signedUsd(d.delta)}/month`})`);
        out.push(...changeLines(d));
        if (!d.resources.length) out.push("  no resource changed cost");
    }
    return out.join("\n");
}

function esc(s: string): string {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const PALETTE = ["#2f6fde", "#e0712c", "#2c9f6b", "#a855c7", "#d6475b", "#c49a1a", "#3fa7c9", "#7a7f8a", "#5d6ad2"];

/** A self-contained HTML report: totals against seed ranges, cost by category per stack, and the line items. */
export function htmlReport(report: CostReport): string {
    const max = Math.max(...report.stacks.map((s) => Math.max(s.totalMonthlyCost, s.seedRange?.maxMonthlyUsd ?? 0)), 1);
    const width = 640;
    const rowH = 44;
    const scale = (v: number) => (v / max) * (width - 180);
    const tierBars = report.stacks.map((s, i) => {
        const y = 20 + i * rowH;
        const range = s.seedRange
            ? `<rect class="seed-range" x="${140 + scale(s.seedRange.minMonthlyUsd)}" y="${y - 4}" width="${scale(s.seedRange.maxMonthlyUsd - s.seedRange.minMonthlyUsd)}" height="28" fill="#cfe3cf" rx="3"><title>seed range ${usd(s.seedRange.minMonthlyUsd)}-${usd(s.seedRange.maxMonthlyUsd)}</title></rect>`
            : "";
        return `${range}<text x="0" y="${y + 14}" class="label">${esc(s.stack)}</text><rect class="bar tier-bar" data-stack="${esc(s.stack)}" x="140" y="${y}" width="${Math.max(1, scale(s.totalMonthlyCost))}" height="20" fill="#2f6fde" rx="3"><title>${usd(s.totalMonthlyCost)}</title></rect><text x="${146 + scale(s.totalMonthlyCost)}" y="${y + 15}" class="value">${usd(s.totalMonthlyCost)}</text>`;
    }).join("");
    const categories = [...new Set(report.stacks.flatMap((s) => byCategory(s).map(([c]) => c)))];
    const color = (c: string) => PALETTE[categories.indexOf(c) % PALETTE.length];
    const stacked = report.stacks.map((s, i) => {
        const y = 20 + i * rowH;
        let x = 140;
        const parts = byCategory(s).map(([c, v]) => {
            const w = scale(v);
            const rect = `<rect class="bar category-bar" data-category="${esc(c)}" x="${x}" y="${y}" width="${Math.max(0.5, w)}" height="20" fill="${color(c)}"><title>${esc(c)}: ${usd(v)}</title></rect>`;
            x += w;
            return rect;
        }).join("");
        return `<text x="0" y="${y + 14}" class="label">${esc(s.stack)}</text>${parts}`;
    }).join("");
    const legend = categories.map((c) => `<span class="legend-item"><i style="background:${color(c)}"></i>${esc(c)}</span>`).join("");
    const tables = report.stacks.map((s) => `
      <section class="stack">
        <h2>${esc(s.stack)} <small>${esc(s.tier ?? "")} · ${esc(s.region)}</small> <span class="total">${esc(estimateText(s, "/month"))}</span></h2>
        ${s.seedRange ? `<p class="status status-${s.seedRangeStatus}">Seed 002 range ${usd(s.seedRange.minMonthlyUsd)}–${usd(s.seedRange.maxMonthlyUsd)}: <b>${s.seedRangeStatus}</b></p>` : ""}
        ${disasterRecoveryShare(s) ? `<p class="dr">${esc(disasterRecoveryShare(s)!)}</p>` : ""}
        <table><thead><tr><th>Resource</th><th>Component</th><th class="num">Quantity</th><th>Unit</th><th class="num">Price</th><th class="num">Monthly</th></tr></thead><tbody>
        ${[...s.resources].sort((a, b) => b.monthlyCost - a.monthlyCost).flatMap((r) => r.costComponents.map((c, j) => `<tr><td>${j === 0 ? esc(r.name) : ""}</td><td>${esc(c.name)}</td><td class="num">${qty(c.monthlyQuantity)}</td><td>${esc(c.unit)}</td><td class="num">${c.price === null ? "unpriced" : `$${c.price}`}</td><td class="num">${c.monthlyCost === null ? `unpriced: ${esc(c.unpricedReason ?? "")}` : usd(c.monthlyCost)}</td></tr>`)).join("")}
        </tbody></table>
        <p class="meta">${s.summary.estimated} priced · ${s.summary.free} free · ${s.summary.unsupported} unsupported${s.unsupportedResourceTypes.length ? ` (${esc(s.unsupportedResourceTypes.join(", "))})` : ""}</p>
      </section>`).join("");
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tiered-infra cost estimate</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 32px auto; max-width: 1000px; color: #1d2330; padding: 0 16px; }
  h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; } h2 small { color: #6b7280; font-weight: normal; }
  .total { float: right; color: #2f6fde; } .sub { color: #6b7280; margin-top: 0; }
  .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
  .card { border: 1px solid #e3e6ec; border-radius: 8px; padding: 12px 16px; min-width: 150px; }
  .card b { display: block; font-size: 20px; color: #1d2330; } .card span { color: #6b7280; font-size: 12px; }
  svg text.label { font-size: 13px; fill: #1d2330; } svg text.value { font-size: 12px; fill: #374151; }
  .legend-item { margin-right: 14px; font-size: 12px; white-space: nowrap; } .legend-item i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { padding: 4px 8px; border-bottom: 1px solid #eef0f4; text-align: left; } .num { text-align: right; font-variant-numeric: tabular-nums; }
  .status-within { color: #1f7a46; } .status-above { color: #b42318; } .status-below { color: #2f6fde; } .meta { color: #6b7280; font-size: 12px; }
</style></head>
<body>
  <h1>Monthly cost estimate</h1>
  <p class="sub">list prices of ${esc(report.catalogDate)} in each stack's region (${esc([...new Set(report.stacks.map((s) => s.region))].join(", "))}), ${esc([...new Set(report.stacks.map((s) => s.pricing?.mode ?? "on-demand"))].join(", "))} · ${report.hoursPerMonth} hours a month · generated ${esc(report.generatedAt)}</p>
  <div class="cards">${report.stacks.map((s) => `<div class="card"><span>${esc(s.stack)}</span><b>${esc(estimateText(s))}</b><span>${s.seedRangeStatus ? `seed range: ${s.seedRangeStatus}` : ""}</span></div>`).join("")}</div>
  <h2>Cost by tier <small>(green band: seed 002's expected range)</small></h2>
  <svg id="by-tier" width="${width + 60}" height="${report.stacks.length * rowH + 20}" role="img" aria-label="Monthly cost by tier">${tierBars}</svg>
  <h2>Cost by component</h2>
  <div class="legend">${legend}</div>
  <svg id="by-category" width="${width + 60}" height="${report.stacks.length * rowH + 20}" role="img" aria-label="Monthly cost by component category">${stacked}</svg>
  ${tables}
</body></html>
`;
}
