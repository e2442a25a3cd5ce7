/**
 * EC2 instance shapes the node groups may use, as data.
 * vCPU and memory: AWS "Amazon EC2 instance types" specifications (general purpose M7g/M7i,
 * compute optimized C7g/C7i, memory optimized R7g/R7i), read 2026-11-23.
 * Max pods: amazon-eks-ami `eni-max-pods.txt` (VPC CNI without prefix delegation), read 2026-11-23;
 * the EKS AMI caps kubelet max pods at 110 below 30 vCPU.
 */
export type Architecture = "arm64" | "x86_64";
export type Family = "compute" | "general" | "memory";

export interface InstanceShape {
    type: string;
    family: Family;
    architecture: Architecture;
    vcpu: number;
    memoryGiB: number;
    maxPods: number;
}

const SIZES: Array<[size: string, vcpu: number, maxPods: number]> = [
    ["large", 2, 29],
    ["xlarge", 4, 58],
    ["2xlarge", 8, 58],
    ["4xlarge", 16, 110],
    ["8xlarge", 32, 110],
];

/** GiB of memory per vCPU of each family. */
const FAMILIES: Array<[prefix: string, family: Family, architecture: Architecture, gibPerVcpu: number]> = [
    ["c7g", "compute", "arm64", 2],
    ["m7g", "general", "arm64", 4],
    ["r7g", "memory", "arm64", 8],
    ["c7i", "compute", "x86_64", 2],
    ["m7i", "general", "x86_64", 4],
    ["r7i", "memory", "x86_64", 8],
];

export const INSTANCE_SHAPES: InstanceShape[] = FAMILIES.flatMap(([prefix, family, architecture, gibPerVcpu]) =>
    SIZES.map(([size, vcpu, maxPods]) => ({ type: `${prefix}.${size}`, family, architecture, vcpu, memoryGiB: vcpu * gibPerVcpu, maxPods })),
);
