/**
 * Derives a node group's instance type and min/desired/max from the pods it must hold, so node
 * capacity follows the tier's pod sizing instead of being a second set of numbers to keep in step.
 *
 * Allocatable capacity follows the EKS AMI's kubelet reservations (amazon-eks-ami
 * `bootstrap.sh`/nodeadm, read 2026-11-23): CPU 6% of the first core, 1% of the second, 0.5% of
 * cores 3-4, 0.25% above; memory 255 MiB + 11 MiB per max pod, plus the 100 MiB hard eviction
 * threshold. Daemon sets we run on every node (VPC CNI, kube-proxy, EBS CSI node) take
 * DAEMONSET_OVERHEAD on top.
 */
import { Architecture, Family, INSTANCE_SHAPES, InstanceShape } from "./instanceTypes";

export const DAEMONSET_OVERHEAD = { cpuMillicores: 200, memoryMiB: 256 };

export interface PodShape {
    cpuMillicores: number;
    memoryMiB: number;
}

export interface NodeGroupDemand {
    /** The workload's pod requests. */
    pod: PodShape;
    /** Pods to hold at the workload's minimum (e.g. HPA minReplicas). */
    minPods: number;
    /** Pods to hold at the workload's maximum (e.g. HPA maxReplicas). */
    maxPods: number;
    /** Nodes to keep at least, e.g. one per AZ so zone spreading can be satisfied. */
    minNodes: number;
    /** At most this many workload pods per node (1 for a replicated database with anti-affinity). */
    maxPodsPerNode?: number;
    /** Requests of the daemon sets on every node. Default DAEMONSET_OVERHEAD (VPC CNI, kube-proxy, EBS CSI node). */
    daemonSets?: PodShape;
    /** Other pods sharing the nodes at all times (connection pooler, cluster add-ons), spread over `minNodes`. */
    sharedPods?: Array<{ pod: PodShape; count: number }>;
    architecture: Architecture;
}

export interface NodeGroupSizing {
    instanceType: string;
    family: Family;
    podsPerNode: number;
    minSize: number;
    desiredSize: number;
    maxSize: number;
}

export function allocatable(shape: InstanceShape, daemonSets: PodShape = DAEMONSET_OVERHEAD): PodShape {
    const cores = shape.vcpu;
    const reservedCpu = 60 + (cores >= 2 ? 10 : 0) + Math.min(Math.max(cores - 2, 0), 2) * 5 + Math.max(cores - 4, 0) * 2.5;
    const reservedMemory = 255 + 11 * shape.maxPods + 100;
    return {
        cpuMillicores: Math.floor(cores * 1000 - reservedCpu - daemonSets.cpuMillicores),
        memoryMiB: Math.floor(shape.memoryGiB * 1024 - reservedMemory - daemonSets.memoryMiB),
    };
}

/** Family whose memory per vCPU best matches the pod's (so neither resource is mostly idle). */
export function familyFor(pod: PodShape): Family {
    const gibPerVcpu = pod.memoryMiB / 1024 / (pod.cpuMillicores / 1000);
    return gibPerVcpu <= 2 ? "compute" : gibPerVcpu <= 4 ? "general" : "memory";
}

/**
 * Picks the size that holds `minPods` on the fewest total vCPUs (a proxy for cost: within a family
 * price is linear in vCPU), preferring the smaller size on a tie, then sets max to hold `maxPods`.
 */
export function sizeNodeGroup(demand: NodeGroupDemand): NodeGroupSizing {
    const family = familyFor(demand.pod);
    // Shared pods are spread over the group's minimum nodes; each node reserves room for its
    // whole share (rounded up), since a pod cannot be split across nodes.
    const shared = (demand.sharedPods ?? []).map((s) => ({ pod: s.pod, perNode: Math.ceil(s.count / demand.minNodes) }));
    const sharedCpu = shared.reduce((n, s) => n + s.perNode * s.pod.cpuMillicores, 0);
    const sharedMem = shared.reduce((n, s) => n + s.perNode * s.pod.memoryMiB, 0);
    const sharedPods = shared.reduce((n, s) => n + s.perNode, 0);
    let best: { shape: InstanceShape; podsPerNode: number; minNodes: number } | undefined;
    for (const shape of INSTANCE_SHAPES.filter((s) => s.family === family && s.architecture === demand.architecture)) {
        const free = allocatable(shape, demand.daemonSets);
        const cpu = free.cpuMillicores - sharedCpu;
        const mem = free.memoryMiB - sharedMem;
        const fit = Math.min(Math.floor(cpu / demand.pod.cpuMillicores), Math.floor(mem / demand.pod.memoryMiB), shape.maxPods - sharedPods);
        const podsPerNode = Math.min(fit, demand.maxPodsPerNode ?? Infinity);
        if (podsPerNode < 1) continue;
        const minNodes = Math.max(demand.minNodes, Math.ceil(demand.minPods / podsPerNode));
        if (!best || minNodes * shape.vcpu < best.minNodes * best.shape.vcpu) best = { shape, podsPerNode, minNodes };
    }
    if (!best) {
        throw new Error(`no ${demand.architecture} ${family} instance holds a pod of ${demand.pod.cpuMillicores}m CPU / ${demand.pod.memoryMiB} MiB`);
    }
    return {
        instanceType: best.shape.type,
        family,
        podsPerNode: best.podsPerNode,
        minSize: best.minNodes,
        desiredSize: best.minNodes,
        maxSize: Math.max(best.minNodes, Math.ceil(demand.maxPods / best.podsPerNode)),
    };
}
