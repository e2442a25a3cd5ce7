/**
 * Node pools: every node carries the label `tiered-infra/pool=<pool>`, and workloads pick their
 * pool by it. Dedicated pools (the stateful services') are also tainted with the same key, so only
 * workloads that tolerate it land there. The key is written once, here.
 */
export const POOL_LABEL = "tiered-infra/pool";

/** The pool of the app, the pooler and the cluster's own add-ons. */
export const APP_POOL = "app";
/** The dedicated, tainted pool of the stateful services (vector DB, time series, graph). */
export const STATEFUL_POOL = "stateful";

/** Node labels of a pool's nodes. */
export function poolLabels(pool: string): Record<string, string> {
    return { [POOL_LABEL]: pool };
}

/** Pod `nodeSelector` that places a workload on a pool. */
export function poolSelector(pool: string): Record<string, string> {
    return { [POOL_LABEL]: pool };
}

/** Node-group taint of a dedicated pool (EKS API spelling). */
export function poolTaint(pool: string): { key: string; value: string; effect: "NO_SCHEDULE" } {
    return { key: POOL_LABEL, value: pool, effect: "NO_SCHEDULE" };
}

/** Pod toleration matching `poolTaint` (Kubernetes spelling). */
export function poolToleration(pool: string): { key: string; operator: "Equal"; value: string; effect: "NoSchedule" } {
    return { key: POOL_LABEL, operator: "Equal", value: pool, effect: "NoSchedule" };
}
