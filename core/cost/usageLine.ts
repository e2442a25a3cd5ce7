/** What a reader says a resource consumes, before pricing (the estimator prices it from the catalog). */

/** How a commitment covers a line: a Compute Savings Plan (EC2 of EKS nodes) or a reserved instance / node (RDS, ElastiCache). */
export type CommitmentKind = "compute savings plan" | "reserved";

/** A component before pricing: what is consumed, in which unit, under which price key. */
export interface Usage {
    name: string;
    priceKey: string;
    /** Quantity per month, or per hour for hourly prices (multiplied by 730); null = usage unknown. */
    quantity: number | null;
    hourly?: boolean;
    usageBased?: boolean;
    /** Divide the quantity before pricing (e.g. requests priced per 10k). */
    per?: number;
    /** Region whose price applies, when it is not the resource's (inter-region transfer bills the sender; copies bill where they are kept). */
    region?: string;
    /** Disaster recovery: copies, replicas and drills (see `CostComponent.disasterRecovery`). */
    dr?: boolean;
    /** An always-on line a commitment can cover. */
    commitment?: CommitmentKind;
    /** Why the line cannot be priced, when the reader knows (the price key is then unpriced). */
    unpriced?: string;
}
