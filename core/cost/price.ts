/** One list price of the catalog: what a unit costs, where the figure comes from and when. */
export interface Price {
    price: number;
    unit: "hour" | "month" | "GB-month" | "GB" | "IOPS-month" | "10k requests" | "1M requests" | "1k requests" | "LCU-hour" | "vCPU-hour"
        | "metric-month" | "1M observations" | "10M samples" | "1B samples" | "100k notifications" | "1M notifications" | "1M traces" | "user-month";
    source: string;
    /** When the source was generated or last changed (YYYY-MM); for an undated source, the month it was read (the source says so). */
    date: string;
    /** Set when the source is weak and the figure should be re-checked. */
    verify?: boolean;
}

/** A region's prices by catalog key (`ec2.m7g.xlarge`, `rds.gp3.storage.multiAz`). */
export type RegionPrices = Record<string, Price>;
