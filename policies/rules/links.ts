/**
 * Linking resources in stack policies: which companion resources (a bucket's lifecycle, a file
 * system's backup policy, a workload's HPA) belong to which resource.
 *
 * A reference input (`bucket`, `fileSystemId`, `scaleTargetRef.name`) is unknown in a first preview
 * whenever the referenced resource is created in the same run, so reading it alone would miss every
 * new resource's companions. The engine also sends, per resource, the URNs each input depends on
 * (`propertyDependencies`) and all its dependencies: a companion links to the resource its
 * reference input depends on, else to the resources of that type among its dependencies, else (old
 * engines, plan files without dependencies) by the reference's known value.
 */
import { StackFinding, StackSubject } from "../definitions";
import { isUnknown } from "./lib";

export interface Links {
    /** Companions by the URN of the resource they belong to. */
    byTarget: Map<string, StackSubject[]>;
    /** Companions whose target could not be found (unknown reference, no dependency information). */
    unlinked: StackSubject[];
}

/**
 * Links each resource of `companionTypes` to resources of `targetTypes` through its top-level input
 * `refProp`, whose value (`refKey(companion)`, by default the input itself) names the target by one
 * of `targetKeys(target)`.
 */
export function link(resources: StackSubject[], targetTypes: readonly string[], companionTypes: readonly string[], refProp: string, targetKeys: (t: StackSubject) => unknown[], refKey: (c: StackSubject) => unknown = (c) => c.props[refProp]): Links {
    const targets = resources.filter((r) => targetTypes.includes(r.type));
    const targetUrns = new Set(targets.map((t) => t.urn));
    const byKey = new Map<string, string>();
    for (const t of targets) {
        for (const k of targetKeys(t)) if (typeof k === "string" && k !== "" && !isUnknown(k) && !byKey.has(k)) byKey.set(k, t.urn);
    }
    const byTarget = new Map<string, StackSubject[]>();
    const unlinked: StackSubject[] = [];
    const add = (urn: string, c: StackSubject) => {
        const l = byTarget.get(urn);
        if (l) l.push(c);
        else byTarget.set(urn, [c]);
    };
    for (const c of resources) {
        if (!companionTypes.includes(c.type)) continue;
        const viaProperty = (c.propertyDependencies[refProp] ?? []).filter((u) => targetUrns.has(u));
        const viaDependencies = c.dependencies.filter((u) => targetUrns.has(u));
        const ref = refKey(c);
        const viaValue = typeof ref === "string" && !isUnknown(ref) ? byKey.get(ref) : undefined;
        // The most precise evidence wins: the reference's own dependencies, its value, then any dependency.
        const urns = viaProperty.length ? viaProperty : viaValue ? [viaValue] : viaDependencies;
        if (urns.length === 0) unlinked.push(c);
        for (const u of new Set(urns)) add(u, c);
    }
    return { byTarget, unlinked };
}

export const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

/** Companions of each bucket (linked through their `bucket` input). */
export function bucketLinks(resources: StackSubject[], companionTypes: readonly string[]): Links {
    return link(resources, BUCKETS, companionTypes, "bucket", (b) => [b.props.bucket, b.props.id, b.name, b.urn]);
}

/** A companion's verdict: it does the job, it may (an unknown decides), or it does not. */
export type CompanionVerdict = "ok" | "undecided" | "no";

/**
 * One finding per bucket that has no companion of `companionTypes` doing its job (`verdict`):
 * a violation when none could, "decided at apply" when one might (an unknown setting, or a
 * companion whose bucket cannot be told).
 */
export function bucketsWithout(resources: StackSubject[], companionTypes: readonly string[], message: (bucket: StackSubject) => string, verdict: (c: StackSubject) => CompanionVerdict = () => "ok"): StackFinding[] {
    const { byTarget, unlinked } = bucketLinks(resources, companionTypes);
    return resources.filter((r) => BUCKETS.includes(r.type)).flatMap((b): StackFinding[] => {
        const verdicts = (byTarget.get(b.urn) ?? []).map((c) => [c, verdict(c)] as const);
        if (verdicts.some(([, v]) => v === "ok")) return [];
        const maybe = [...verdicts.filter(([, v]) => v === "undecided").map(([c]) => c), ...unlinked];
        if (maybe.length) return [{ urn: b.urn, undecided: maybe.map((c) => `${c.name} (${c.type.split(":").pop()})`).join(", ") }];
        return [{ urn: b.urn, message: message(b) }];
    });
}
