/**
 * Known future changes of the price of the same stack, with their dates: what the estimate will
 * become without anyone changing the program.
 *
 * - The end of standard support of a pinned Kubernetes version (core/kubernetesVersions.ts): from
 *   that date EKS bills the cluster at the extended-support rate.
 * - The end of a free allowance: the allowances the estimate applies (CloudFront's always-free tier)
 *   have no end date, so none is listed; an allowance with an end belongs here with its date.
 */
import { KUBERNETES_VERSIONS } from "../kubernetesVersions";
import { HOURS_PER_MONTH, priceOf } from "./catalog";
import type { PlannedResource } from "./estimator";

export interface DatedChange {
    /** YYYY-MM-DD from which the new price applies. */
    date: string;
    what: string;
    resource: string;
    /** Monthly cost difference from that date; null when a price is missing in the region. */
    monthlyDelta: number | null;
    source: string;
}

/** The dated changes of the resources' prices after `today`, soonest first. */
export function datedChanges(resources: Array<PlannedResource & { name: string; home: string }>, today: string): DatedChange[] {
    const out: DatedChange[] = [];
    for (const r of resources) {
        if (r.type !== "aws:eks/cluster:Cluster") continue;
        const version = r.inputs.version as keyof typeof KUBERNETES_VERSIONS | undefined;
        const ends = version ? KUBERNETES_VERSIONS[version]?.standardSupportEnds : undefined;
        if (!ends || ends < today) continue;
        const standard = priceOf(r.home, "eks.controlPlane.standard");
        const extended = priceOf(r.home, "eks.controlPlane.extended");
        out.push({
            date: ends,
            what: `Kubernetes ${version} leaves EKS standard support: control plane ${standard ? `$${standard.price}` : "unpriced"}/h -> ${extended ? `$${extended.price}` : "unpriced"}/h (extended support) until the cluster is upgraded`,
            resource: r.name,
            monthlyDelta: standard && extended ? Math.round((extended.price - standard.price) * HOURS_PER_MONTH * 100) / 100 : null,
            source: `core/kubernetesVersions.ts (endoflife.date/amazon-eks, read 2026-11-23); prices: ${extended?.source ?? "none in the catalog"}`,
        });
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
}
