/**
 * The recovery model both the program and the policy pack use: how much data each recovery
 * mechanism can lose at worst (its recovery point), read from what AWS documents, and the AWS
 * Backup schedule arithmetic behind a backup rule's recovery point. Pure: no SDK, no I/O.
 *
 * Facts, each with its source (read 2026-11-30, /work/scratch/obs-dr/dr.md):
 * - RDS point-in-time recovery: "RDS uploads transaction logs for DB instances to Amazon S3 every
 *   5 minutes" (Amazon RDS User Guide, USER_PIT), so the latest restorable time trails by ~5 min.
 *   Cross-Region automated backup replication copies snapshots and logs "as soon as they are
 *   ready" (USER_ReplicateBackups); AWS publishes no figure for the copy delay, so the replicated
 *   recovery point is the same 5-minute log cadence plus a copy time nobody guarantees.
 * - S3 Replication Time Control: "replicates 99.99 percent of new objects ... within 15 minutes
 *   (backed by a service-level agreement)" (Amazon S3 User Guide, replication-time-control).
 *   Replication without RTC is asynchronous with no SLA: most objects arrive within minutes, some
 *   take hours, so it bounds no recovery point at all.
 * - AWS Backup: a rule's recovery point is its schedule's interval (plus the job's own duration);
 *   one hour is the shortest snapshot schedule (AWS Backup developer guide; verify).
 */

/** Worst-case data loss of RDS point-in-time recovery, minutes (transaction logs every 5 minutes). */
export const RDS_PITR_RPO_MINUTES = 5;
/** Worst-case data loss of S3 replication with Replication Time Control, minutes (its SLA). */
export const S3_RTC_RPO_MINUTES = 15;
/** S3 RTC accepts only this threshold, for both the replication time and the metrics event threshold. */
export const S3_RTC_THRESHOLD_MINUTES = 15;
/** The shortest AWS Backup snapshot schedule, minutes. */
export const AWS_BACKUP_MIN_INTERVAL_MINUTES = 60;

/** A resource tag saying what a bucket is for: written by `components/`, read by the pack and the estimator. */
export const BUCKET_ROLE_TAG = "tiered-infra:bucket-role";
export const BUCKET_ROLES = {
    /** Build output the CDN serves; republished by the pipeline. */
    staticAssets: "static-assets",
    /** The app's own files (seed 002 "Cache Files: Compressed JSON with embeddings"). */
    fileStore: "file-store",
    /** A target of access logs (CloudFront standard logs, S3 server access logs); it does not log itself. */
    accessLogs: "access-logs",
    /** A cross-Region copy of another bucket. */
    replica: "replica",
} as const;

const DAY = 24 * 60;

/**
 * The longest gap, in minutes, between two runs of an AWS cron expression
 * (`cron(minutes hours day-of-month month day-of-week year)`, UTC), or undefined when the
 * expression is not one this function can judge (a caller must then say it cannot tell, not pass).
 *
 * Handles what backup and restore-test schedules use: fixed minutes; hours as `*`, a value, a
 * list, a range or a step (`*\/4`, `0/6`); every day, listed weekdays (`MON,THU`, `SUN`, `2-6`)
 * or the `#n`-th weekday of a month; listed days of the month. Months and years must be `*`.
 */
export function cronIntervalMinutes(expression: unknown): number | undefined {
    if (typeof expression !== "string") return undefined;
    const m = /^cron\((.+)\)$/.exec(expression.trim());
    if (!m) return undefined;
    const fields = m[1].trim().split(/\s+/);
    if (fields.length !== 6) return undefined;
    const [minute, hour, dom, month, dow, year] = fields;
    if (month !== "*" || (year !== "*" && year !== undefined)) return undefined;

    const minutes = values(minute, 0, 59);
    if (!minutes || minutes.length === 0) return undefined;
    const hours = hour === "*" ? range(0, 23) : values(hour, 0, 23);
    if (!hours || hours.length === 0) return undefined;
    // Times of day (minutes after midnight) at which the job runs, in order.
    const times = hours.flatMap((h) => minutes.map((mm) => h * 60 + mm)).sort((a, b) => a - b);
    const withinDay = maxCyclicGap(times, DAY);

    const everyDay = (dom === "*" || dom === "?") && (dow === "*" || dow === "?");
    if (everyDay) return withinDay;
    const dayGap = dayOfWeekGap(dom, dow) ?? dayOfMonthGap(dom, dow);
    if (dayGap === undefined) return undefined;
    // Runs on the chosen days only: the longest gap spans the days without runs.
    return (dayGap - 1) * DAY + (DAY - times[times.length - 1] + times[0]);
}

/** Longest gap in days between listed weekdays (`MON,THU`, `2-6`, `SUN`), or between monthly `#n` runs. */
function dayOfWeekGap(dom: string, dow: string): number | undefined {
    if (dom !== "?" || dow === "?" || dow === "*") return undefined;
    // The n-th weekday of a month runs once a month: months are 28-31 days apart, 35 at worst
    // between e.g. the first Monday of one month and of the next.
    if (/^[A-Za-z0-9]+#[1-5]$/.test(dow)) return 35;
    const names: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
    const days = values(dow.toUpperCase().replace(/[A-Z]{3}/g, (d) => String(names[d] ?? "x")), 1, 7);
    if (!days || days.length === 0) return undefined;
    return maxCyclicGap(days, 7);
}

/** Longest gap in days between listed days of the month (`1`, `1,15`): months of 31 days are the worst case. */
function dayOfMonthGap(dom: string, dow: string): number | undefined {
    if (dow !== "?" || dom === "?" || dom === "*") return undefined;
    const days = values(dom, 1, 31);
    if (!days || days.length === 0) return undefined;
    return maxCyclicGap(days, 31);
}

function range(from: number, to: number): number[] {
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Values of one cron field: `5`, `1,3,5`, `2-6`, `*\/15`, `0/4`; undefined when not understood or out of bounds. */
function values(field: string, min: number, max: number): number[] | undefined {
    const out = new Set<number>();
    for (const part of field.split(",")) {
        const step = /^(\*|\d+)\/(\d+)$/.exec(part);
        const span = /^(\d+)-(\d+)$/.exec(part);
        if (step) {
            const start = step[1] === "*" ? min : Number(step[1]);
            const by = Number(step[2]);
            if (by < 1 || start < min || start > max) return undefined;
            for (let v = start; v <= max; v += by) out.add(v);
        } else if (span) {
            const [a, b] = [Number(span[1]), Number(span[2])];
            if (a < min || b > max || a > b) return undefined;
            range(a, b).forEach((v) => out.add(v));
        } else if (/^\d+$/.test(part)) {
            const v = Number(part);
            if (v < min || v > max) return undefined;
            out.add(v);
        } else {
            return undefined;
        }
    }
    return [...out].sort((a, b) => a - b);
}

/** Largest gap between consecutive points on a cycle of `period` (one point: the whole period). */
function maxCyclicGap(points: number[], period: number): number {
    let gap = period - points[points.length - 1] + points[0];
    for (let i = 1; i < points.length; i++) gap = Math.max(gap, points[i] - points[i - 1]);
    return gap;
}
