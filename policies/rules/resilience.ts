/** Resilience minimums of production stacks (seed 002: RTO 15 minutes, automated failover). */
import { PRODUCTION_CONFIG, ResourcePolicyDefinition, StackPolicyDefinition, StackSubject } from "../definitions";

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
    check: (r, c) => (c.production && !r.props.replicateSourceDb && r.props.multiAz !== true ? ["multiAz is off on a production primary"] : []),
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
    config: { ...PRODUCTION_CONFIG, minNodes: { type: "integer", minimum: 1, default: 1, description: "Least nodes (primary + replicas). Seed 002 small tier: a single node." } },
    check(r, c) {
        if (!c.production) return [];
        const nodes = r.props.numCacheClusters ?? 1;
        const problems: string[] = [];
        if (nodes < c.minNodes) problems.push(`${nodes} node(s), below ${c.minNodes}`);
        if (nodes > 1 && (r.props.automaticFailoverEnabled !== true || r.props.multiAzEnabled !== true)) problems.push("replicas without automatic Multi-AZ failover");
        return problems;
    },
};

const SCALED = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"];

export const minReplicas: ResourcePolicyDefinition<{ production: boolean; minReplicas: number; minStatefulSetReplicas: number }> = {
    kind: "resource",
    name: "kubernetes-workload-require-min-replicas",
    description: "Production Deployments and StatefulSets run at least the configured replicas.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'Pods: 3-5 replicas', 'ChromaDB: 3-node cluster'",
    remediation: "Raise spec.replicas (the HPA minimum for autoscaled Deployments).",
    resourceTypes: SCALED,
    config: {
        ...PRODUCTION_CONFIG,
        minReplicas: { type: "integer", minimum: 1, default: 2, description: "Least Deployment replicas: one pod down must not take the service down." },
        minStatefulSetReplicas: { type: "integer", minimum: 1, default: 1, description: "Least StatefulSet replicas (seed 002 small tier: a single vector DB instance)." },
    },
    check(r, c) {
        if (!c.production) return [];
        const least = r.type === "kubernetes:apps/v1:StatefulSet" ? c.minStatefulSetReplicas : c.minReplicas;
        const replicas = r.props.spec?.replicas ?? 1;
        return replicas < least ? [`${replicas} replica(s), below ${least}`] : [];
    },
};

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
    if (!selector || !labels || Object.keys(selector).length === 0) return false;
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export const disruptionBudgets: StackPolicyDefinition<{ production: boolean }> = {
    kind: "stack",
    name: "kubernetes-workload-require-pdb",
    description: "Every production workload with more than one replica has a PodDisruptionBudget, so node drains keep it serving.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'Failover: Automated'; Kubernetes disruption guidance",
    remediation: "Add a policy/v1 PodDisruptionBudget selecting the workload's pods (maxUnavailable: 1).",
    config: PRODUCTION_CONFIG,
    checkStack(resources, c) {
        if (!c.production) return [];
        const ns = (r: StackSubject) => r.props.metadata?.namespace ?? "default";
        const pdbsByNamespace = new Map<string, StackSubject[]>();
        for (const r of resources) if (r.type === "kubernetes:policy/v1:PodDisruptionBudget") pdbsByNamespace.set(ns(r), [...(pdbsByNamespace.get(ns(r)) ?? []), r]);
        return resources
            .filter((r) => SCALED.includes(r.type) && (r.props.spec?.replicas ?? 1) > 1)
            .filter((w) => !(pdbsByNamespace.get(ns(w)) ?? []).some((p) => selects(p.props.spec?.selector?.matchLabels, w.props.spec?.template?.metadata?.labels)))
            .map((w) => ({ urn: w.urn, message: `${w.name} has no PodDisruptionBudget` }));
    },
};

export const RESILIENCE_POLICIES = [rdsMultiAz, cacheFailover, minReplicas, disruptionBudgets];
