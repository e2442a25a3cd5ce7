/**
 * How much an incremental snapshot chain stores, from a backup plan's retention and the volume's
 * change rate.
 *
 * EBS snapshots are incremental: the oldest retained snapshot holds a full copy, each later one the
 * blocks that changed since the retained snapshot before it. Deleting a snapshot hands its unique
 * blocks to the next one, so at steady state the chain stores
 *
 *     volume x ( 1 + sum over consecutive retained points (i, i+1) of  1 - (1 - c)^gap(i, i+1) )
 *
 * where the retained points are the union of every rule's points (a rule taking a snapshot each
 * `interval` and keeping it `deleteAfter` days keeps floor(deleteAfter / interval) of them, at ages
 * 0, interval, 2 x interval, ...), `gap` is the distance in days between neighbours and `c` the
 * share of blocks rewritten a day (changes fall on random blocks, so d days rewrite 1 - (1 - c)^d
 * of them, not d x c: a block rewritten twice is stored once).
 *
 * The default plan (48 hourly points, 35 daily, 13 weekly) at 2% a day:
 * 48 gaps of 1/24 day, 33 of 1 day and 7 of 7 days:
 * 1 + 48 x 0.000841 + 33 x 0.02 + 7 x 0.131874 = 2.62 x the volume.
 * A year of weekly points (52) would leave 46 gaps of 7 days: 7.77 x the volume.
 */

/** One backup rule: a snapshot every `intervalDays`, each kept `retentionDays`. */
export interface RetentionRule {
    intervalDays: number;
    retentionDays: number;
}

/** Ages (days) of the points a set of rules keeps at steady state, sorted, without duplicates. */
export function retainedPointAges(rules: RetentionRule[]): number[] {
    const ages = new Set<number>();
    for (const r of rules) {
        const count = Math.floor(r.retentionDays / r.intervalDays + 1e-9);
        // Rounded to the minute so an hourly and a daily point taken at the same moment are one point.
        for (let i = 0; i < count; i++) ages.add(Math.round(i * r.intervalDays * 1440) / 1440);
    }
    return [...ages].sort((a, b) => a - b);
}

/** Stored size of the chain as a multiple of the volume (see the module comment); 0 without rules. */
export function snapshotChainFactor(rules: RetentionRule[], dailyChangeFraction: number): number {
    const ages = retainedPointAges(rules);
    if (ages.length === 0) return 0;
    let changed = 0;
    for (let i = 1; i < ages.length; i++) changed += 1 - (1 - dailyChangeFraction) ** (ages[i] - ages[i - 1]);
    return 1 + changed;
}
