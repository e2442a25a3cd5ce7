/**
 * CPU credits of burstable database classes. RDS runs db.t3 and db.t4g instances in unlimited mode:
 * an instance whose average CPU stays above its baseline pays for the surplus per vCPU-hour
 * (aws.amazon.com/rds/instance-types, quoted on repost.aws, read 2026-11-30:
 * "7.5 cents/vCPU-hour"; `rds.cpuCredits` in the catalog).
 */
import { HOURS_PER_MONTH } from "./catalog";

/**
 * vCPUs and baseline (percent of each vCPU) of the burstable classes the tiers use, from the EC2
 * burstable-instance baseline table (docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-credits-baseline-concepts.html,
 * T3: t3.medium 20%, t3.large 30%, 2 vCPUs each; RDS db.t3 classes share the EC2 T3 credit model).
 * A burstable class missing here is reported unpriced, never assumed at its baseline.
 */
export const BURSTABLE_BASELINES: Record<string, { vcpus: number; baselinePercent: number }> = {
    "db.t3.medium": { vcpus: 2, baselinePercent: 20 },
    "db.t3.large": { vcpus: 2, baselinePercent: 30 },
};

const isBurstable = (cls: string) => /^db\.t\d/.test(cls);

/**
 * The CPU-credit line of a database class: none for a class that does not burst, the surplus
 * vCPU-hours a month at `cpuPercent` average, or a reason it cannot be priced.
 */
export function burstableCpuCredits(cls: string, cpuPercent: number | undefined): { name: string; vcpuHours: number | null; unpriced?: string } | undefined {
    if (!isBurstable(cls)) return undefined;
    const row = BURSTABLE_BASELINES[cls];
    if (!row) return { name: `CPU credits (unlimited mode, ${cls})`, vcpuHours: null, unpriced: `the baseline of ${cls} is not in core/cost/cpuCredits.ts` };
    if (cpuPercent === undefined || !Number.isFinite(cpuPercent)) return { name: `CPU credits (unlimited mode, ${cls}, baseline ${row.baselinePercent}%)`, vcpuHours: null };
    const surplus = Math.max(0, cpuPercent - row.baselinePercent) / 100;
    return {
        name: `CPU credits (unlimited mode, ${cls}: ${cpuPercent}% average vs ${row.baselinePercent}% baseline x ${row.vcpus} vCPUs)`,
        vcpuHours: surplus * row.vcpus * HOURS_PER_MONTH,
    };
}
