/** Resilience minimums of production stacks (seed 002: RTO 15 minutes, automated failover). */
import { Finding, PRODUCTION_CONFIG, ResourcePolicyDefinition, StackFinding, StackPolicyDefinition, StackSubject, undecided } from "../definitions";
import { AVAILABILITY_FLOORS } from "../../core/policy/defaults";
import { at, expect, isUnknown, judge, list, record } from "./lib";
import { link } from "./links";

export const rdsMultiAz: ResourcePolicyDefinition<{ production: boolean }> = {
    kind: "resource",
    name: "aws-rds-instance-require-multi-az",
    description: "Production database primaries run Multi-AZ, so losing an AZ costs a failover, not the data tier.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'High Availability: Multi-AZ deployment', 'RTO 15 minutes'",
    remediation: "Set multiAz: true.",
    resourceTypes: ["aws:rds/instance:Instance"],
    config: PRODUCTION_CONFIG,
    check: (r, c) => (c.production && !r.props.replicateSourceDb ? expect(r.props, "multiAz", (v) => v === true, "multiAz is off on a production primary") : []),
};

export const cacheFailover: ResourcePolicyDefinition<{ production: boolean; minNodes: number }> = {
    kind: "resource",
    name: "aws-elasticache-require-failover",
    description: "Production caches have at least the configured nodes, and fail over automatically across AZs when they have replicas.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'Redis: 3-node cluster'",
    remediation: "Raise numCacheClusters and set automaticFailoverEnabled and multiAzEnabled.",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    config: { ...PRODUCTION_CONFIG, minNodes: { type: "integer", minimum: 1, default: AVAILABILITY_FLOORS.cacheNodes, description: "Least nodes (primary + replicas). Seed 002 small tier: a single node." } },
    check(r, c) {
        if (!c.production) return [];
        const nodes = r.props.numCacheClusters ?? 1;
        if (isUnknown(nodes)) return [undecided("numCacheClusters")];
        const found: Finding[] = nodes < c.minNodes ? [`${nodes} node(s), below ${c.minNodes}`] : [];
        if (nodes > 1) {
            const failover = [r.props.automaticFailoverEnabled, r.props.multiAzEnabled];
            found.push(...judge(failover, "automaticFailoverEnabled/multiAzEnabled", (v) => v.every((x: unknown) => x === true), "replicas without automatic Multi-AZ failover"));
        }
        return found;
    },
};

const SCALED = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"];
const HPA_TYPES = ["kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "kubernetes:autoscaling/v1:HorizontalPodAutoscaler"];
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";

const namespaceOf = (r: StackSubject): unknown => {
    const ns = at(r.props, "metadata.namespace");
    return ns === undefined || ns === null || ns === "" ? "default" : ns;
};
const kindOf = (type: string) => type.split(":").pop();

/**
 * The HPA scaling each workload: through `scaleTargetRef` (kind, name, the HPA's namespace) when its
 * name is known, else through the engine's dependencies (the name is unknown when the workload is
 * auto-named in the same run).
 */
function autoscalers(resources: StackSubject[]): Map<string, StackSubject> {
    const key = (kind: unknown, ns: unknown, name: unknown) => [kind, ns, name].every((x) => typeof x === "string" && !isUnknown(x)) ? `${kind}/${ns}/${name}` : undefined;
    const links = link(resources, SCALED, HPA_TYPES, "spec", (w) => [key(kindOf(w.type), namespaceOf(w), at(w.props, "metadata.name"))],
        (h) => key(at(h.props, "spec.scaleTargetRef.kind"), namespaceOf(h), at(h.props, "spec.scaleTargetRef.name")));
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const out = new Map<string, StackSubject>();
    for (const [urn, hpas] of links.byTarget) {
        const w = byUrn.get(urn)!;
        // A dependency alone could be any workload: keep the HPA only if its target kind fits.
        const fitting = hpas.filter((h) => {
            const kind = at(h.props, "spec.scaleTargetRef.kind");
            return isUnknown(kind) || kind === undefined || kind === kindOf(w.type);
        });
        if (fitting.length) out.set(urn, fitting[0]);
    }
    return out;
}

/** The least and most replicas a workload runs: its HPA's bounds, else spec.replicas (default 1); unknown parts as the marker. */
function replicaBounds(w: StackSubject, hpa: StackSubject | undefined): { min: unknown; max: unknown; path: string } {
    if (hpa) return { min: at(hpa.props, "spec.minReplicas") ?? 1, max: at(hpa.props, "spec.maxReplicas"), path: `${hpa.name}: spec.minReplicas` };
    const replicas = at(w.props, "spec.replicas") ?? 1;
    return { min: replicas, max: replicas, path: "spec.replicas" };
}

export const minReplicas: StackPolicyDefinition<{ production: boolean; minReplicas: number; minStatefulSetReplicas: number }> = {
    kind: "stack",
    name: "kubernetes-workload-require-min-replicas",
    description: "Production Deployments and StatefulSets run at least the configured replicas (for an autoscaled workload, its HPA's minReplicas).",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'Pods: 3-5 replicas', 'ChromaDB: 3-node cluster'; Kubernetes 'Migrating Deployments and StatefulSets to horizontal autoscaling'",
    remediation: "Raise spec.replicas, or the HPA's minReplicas for an autoscaled workload (which should omit spec.replicas).",
    config: {
        ...PRODUCTION_CONFIG,
        minReplicas: { type: "integer", minimum: 1, default: AVAILABILITY_FLOORS.deploymentReplicas, description: "Least Deployment replicas: one pod down must not take the service down." },
        minStatefulSetReplicas: { type: "integer", minimum: 1, default: AVAILABILITY_FLOORS.statefulSetReplicas, description: "Least StatefulSet replicas (seed 002 small tier: a single vector DB instance)." },
    },
    checkStack(resources, c) {
        if (!c.production) return [];
        const hpas = autoscalers(resources);
        return resources.filter((r) => SCALED.includes(r.type)).flatMap((w): StackFinding[] => {
            const least = w.type === "kubernetes:apps/v1:StatefulSet" ? c.minStatefulSetReplicas : c.minReplicas;
            const hpa = hpas.get(w.urn);
            const { min, path } = replicaBounds(w, hpa);
            return judge(min, path, (n) => n >= least, (n) => `${n} replica(s)${hpa ? ` (minReplicas of HPA ${hpa.name})` : ""}, below ${least}`)
                .map((f) => (typeof f === "string" ? { urn: w.urn, message: f } : { urn: w.urn, undecided: f.undecided }));
        });
    },
};

/**
 * Whether a label selector selects pods with `labels`: true, false, or "unknown" when an unknown
 * decides it. matchLabels and matchExpressions are ANDed; a null selector selects nothing, an empty
 * one everything (policy/v1).
 */
export function selects(selector: unknown, labels: unknown): boolean | "unknown" {
    if (selector === undefined || selector === null) return false;
    if (isUnknown(selector) || isUnknown(labels)) return "unknown";
    const l = record(labels);
    let maybe = false;
    const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
    for (const [k, v] of Object.entries(record(at(selector, "matchLabels")))) {
        if (isUnknown(v) || isUnknown(l[k])) maybe = true;
        else if (l[k] !== v) return false;
    }
    const expressions = at(selector, "matchExpressions");
    if (isUnknown(expressions)) maybe = true;
    for (const e of list(expressions)) {
        const key = at(e, "key");
        const op = at(e, "operator");
        const values = at(e, "values");
        if ([key, op, values, key === undefined ? undefined : l[String(key)]].some(isUnknown)) {
            maybe = true;
            continue;
        }
        const present = has(String(key));
        const inValues = present && list(values).includes(l[String(key)]);
        // An unknown value may still equal the label: In / NotIn are decided by a known value that
        // matches or by an absent label, and undecided otherwise; other operators take no values.
        if (list(values).some(isUnknown) && (!(op === "In" || op === "NotIn") || (present && !inValues))) {
            maybe = true;
            continue;
        }
        const ok = op === "In" ? inValues : op === "NotIn" ? !inValues : op === "Exists" ? present : op === "DoesNotExist" ? !present : false;
        if (!ok) return false;
    }
    return maybe ? "unknown" : true;
}

/** A PDB that allows no voluntary eviction at all: node drains hang on it. */
function blocksAllEvictions(pdb: StackSubject): boolean {
    const maxUnavailable = at(pdb.props, "spec.maxUnavailable");
    const minAvailable = at(pdb.props, "spec.minAvailable");
    return maxUnavailable === 0 || maxUnavailable === "0" || maxUnavailable === "0%" || minAvailable === "100%";
}

export const disruptionBudgets: StackPolicyDefinition<{ production: boolean }> = {
    kind: "stack",
    name: "kubernetes-workload-require-pdb",
    description: "Every production workload that runs (or its HPA may scale to) more than one replica has a PodDisruptionBudget that lets node drains proceed one pod at a time.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'Failover: Automated'; Kubernetes disruption guidance; KICS 'Deployment Without PodDisruptionBudget'",
    remediation: "Add a policy/v1 PodDisruptionBudget selecting the workload's pods (matchLabels or matchExpressions) with maxUnavailable: 1.",
    config: PRODUCTION_CONFIG,
    checkStack(resources, c) {
        if (!c.production) return [];
        const pdbs = resources.filter((r) => r.type === PDB);
        const hpas = autoscalers(resources);
        const blocking: StackFinding[] = pdbs.flatMap((p): StackFinding[] => {
            if (blocksAllEvictions(p)) return [{ urn: p.urn, message: `${p.name} allows no voluntary eviction (maxUnavailable 0 or minAvailable 100%): node drains and upgrades hang` }];
            const unknown = ["spec.maxUnavailable", "spec.minAvailable"].find((k) => isUnknown(at(p.props, k)));
            return unknown ? [{ urn: p.urn, undecided: unknown }] : [];
        });
        const missing = resources.filter((r) => SCALED.includes(r.type)).flatMap((w): StackFinding[] => {
            const { max } = replicaBounds(w, hpas.get(w.urn));
            if (isUnknown(max)) return [{ urn: w.urn, undecided: hpas.has(w.urn) ? "spec.maxReplicas of its HPA" : "spec.replicas" }];
            if (!(Number(max ?? 1) > 1)) return [];
            const ns = namespaceOf(w);
            const labels = at(w.props, "spec.template.metadata.labels");
            let maybe = false;
            for (const p of pdbs) {
                const pns = namespaceOf(p);
                if (isUnknown(ns) || isUnknown(pns)) {
                    maybe = true;
                    continue;
                }
                if (pns !== ns) continue;
                const m = selects(at(p.props, "spec.selector"), labels);
                if (m === true) return [];
                if (m === "unknown") maybe = true;
            }
            return [maybe ? { urn: w.urn, undecided: "a PodDisruptionBudget's selector or namespace" } : { urn: w.urn, message: `${w.name} has no PodDisruptionBudget` }];
        });
        return [...blocking, ...missing];
    },
};

export const RESILIENCE_POLICIES = [rdsMultiAz, cacheFailover, minReplicas, disruptionBudgets];
