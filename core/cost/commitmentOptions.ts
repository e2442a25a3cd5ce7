/**
 * What commitments would do to a stack's always-on part: the lines a Compute Savings Plan (EKS
 * nodes) or a reserved instance / node (RDS, ElastiCache) can cover, priced on-demand and under
 * each commitment, with the break-even utilisation.
 *
 * Break-even utilisation = committed cost / on-demand cost of the same hours: a commitment is paid
 * for every hour of its term, so it saves money only if the covered resources run more than that
 * share of the hours. The tiers' always-on lines run every hour (100%).
 */
import { priceOf } from "./catalog";
import { CommitmentMode, commitmentRateOf, Upfront } from "./commitmentRates";
import type { StackCost } from "./estimator";
import { cents } from "./money";

export interface CommitmentOption {
    mode: CommitmentMode;
    upfront: Upfront;
    /** Monthly cost of the always-on lines under this commitment; null when a line has no rate. */
    monthlyCost: number | null;
    /** On-demand minus committed; null when not priced. */
    monthlySaving: number | null;
    /** Committed / on-demand (0..1): the share of hours the resources must run for the commitment to pay. */
    breakEvenUtilisation: number | null;
    /** Lines without a rate under this commitment: `<region>: <price key>`. */
    notPriced: string[];
}

export interface CommitmentOptions {
    /** On-demand monthly cost of the always-on lines a commitment can cover; null when one of them has no on-demand price. */
    alwaysOnMonthlyCost: number | null;
    /** That part's share of the stack's (on-demand) total. */
    alwaysOnShare: number | null;
    lines: Array<{ resource: string; component: string; priceKey: string; region: string; kind: string; onDemandMonthlyCost: number | null }>;
    options: CommitmentOption[];
}

const MODES: CommitmentMode[] = ["savings-1y", "savings-3y"];
const UPFRONTS: Upfront[] = ["none", "all"];

/** The always-on part of an estimate and what each commitment would make of it. */
export function commitmentOptions(cost: StackCost): CommitmentOptions {
    const lines = cost.resources.flatMap((r) => r.costComponents.filter((c) => c.commitment && c.monthlyQuantity !== null).map((c) => ({ r, c })));
    const onDemand = lines.map(({ r, c }) => {
        const p = priceOf(c.region, c.priceKey);
        return { resource: r.name, component: c.name, priceKey: c.priceKey, region: c.region, kind: c.commitment!, onDemandMonthlyCost: p ? cents(c.monthlyQuantity! * p.price) : null };
    });
    const alwaysOn = onDemand.some((l) => l.onDemandMonthlyCost === null) ? null : cents(onDemand.reduce((n, l) => n + l.onDemandMonthlyCost!, 0));
    // The stack's on-demand total: its total with the always-on lines put back at on-demand prices.
    const pricedNow = cents(lines.reduce((n, { c }) => n + (c.monthlyCost ?? 0), 0));
    const onDemandTotal = alwaysOn === null ? null : cents(cost.totalMonthlyCost - pricedNow + alwaysOn);
    const options = MODES.flatMap((mode) => UPFRONTS.map((upfront): CommitmentOption => {
        const notPriced: string[] = [];
        let total = 0;
        for (const { c } of lines) {
            const rate = commitmentRateOf(c.region, c.priceKey, mode, upfront);
            if (rate === undefined) notPriced.push(`${c.region}: ${c.priceKey}`);
            else total += c.monthlyQuantity! * rate; // hours a month x committed hourly rate
        }
        const monthlyCost = notPriced.length ? null : cents(total);
        return {
            mode,
            upfront,
            monthlyCost,
            monthlySaving: monthlyCost === null || alwaysOn === null ? null : cents(alwaysOn - monthlyCost),
            breakEvenUtilisation: monthlyCost === null || !alwaysOn ? null : Math.round((monthlyCost / alwaysOn) * 1000) / 1000,
            notPriced: [...new Set(notPriced)].sort(),
        };
    }));
    return { alwaysOnMonthlyCost: alwaysOn, alwaysOnShare: alwaysOn === null || !onDemandTotal ? null : Math.round((alwaysOn / onDemandTotal) * 1000) / 1000, lines: onDemand, options };
}

/** The same for one group of lines (a price key), for the per-service view of the report. */
export function commitmentOptionsByService(opts: CommitmentOptions): Array<{ service: string; onDemand: number | null; byMode: Record<string, number | null> }> {
    const service = (key: string) => key.split(".")[0];
    const services = [...new Set(opts.lines.map((l) => service(l.priceKey)))];
    return services.map((s) => {
        const lines = opts.lines.filter((l) => service(l.priceKey) === s);
        const onDemand = lines.some((l) => l.onDemandMonthlyCost === null) ? null : cents(lines.reduce((n, l) => n + l.onDemandMonthlyCost!, 0));
        const byMode: Record<string, number | null> = {};
        for (const mode of MODES) for (const upfront of UPFRONTS) {
            let total = 0;
            let missing = false;
            for (const l of lines) {
                const rate = commitmentRateOf(l.region, l.priceKey, mode, upfront);
                const p = priceOf(l.region, l.priceKey);
                if (rate === undefined || !p || l.onDemandMonthlyCost === null) missing = true;
                else total += (l.onDemandMonthlyCost / p.price) * rate;
            }
            byMode[`${mode}/${upfront}`] = missing ? null : cents(total);
        }
        return { service: s, onDemand, byMode };
    });
}
