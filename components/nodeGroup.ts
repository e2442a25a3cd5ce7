import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Architecture } from "./instanceTypes";
import { NodeGroupSizing } from "./nodeSizing";
import { COMPONENT_TYPES } from "./types";

export interface NodeGroupArgs {
    clusterName: pulumi.Input<string>;
    /** Role the nodes run as (worker, CNI and ECR read policies attached by the cluster). */
    nodeRoleArn: pulumi.Input<string>;
    subnetIds: pulumi.Input<string>[];
    /** Instance type and bounds, from `sizeNodeGroup()`. */
    sizing: NodeGroupSizing;
    architecture: Architecture;
    /** Kubernetes labels on every node; the pool label is what workloads select. */
    labels: Record<string, string>;
    /** Taints keeping other workloads off (e.g. the vector database's dedicated nodes). Default: none. */
    taints?: Array<{ key: string; value: string; effect: "NO_SCHEDULE" | "NO_EXECUTE" | "PREFER_NO_SCHEDULE" }>;
    /** Root volume size in GiB (encrypted gp3). Default 50. */
    diskGiB?: number;
    /** KMS key for the root volume. Default: the account's EBS default key. */
    volumeKmsKeyArn?: pulumi.Input<string>;
}

/**
 * An EKS managed node group on Amazon Linux 2023 with a launch template that requires IMDSv2 with a
 * hop limit of 1 (pods cannot borrow the node's credentials; they use IRSA) and encrypts the root
 * volume. The desired size is left to the cluster autoscaler after creation.
 */
export class NodeGroup extends pulumi.ComponentResource {
    public readonly nodeGroupName: pulumi.Output<string>;
    /** The managed node group's Auto Scaling group (EKS creates exactly one). */
    public readonly autoScalingGroupName: pulumi.Output<string>;
    public readonly sizing: NodeGroupSizing;

    constructor(name: string, args: NodeGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.nodeGroup, name, {}, opts);
        this.sizing = args.sizing;
        const launchTemplate = new aws.ec2.LaunchTemplate(`${name}-lt`, {
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
            blockDeviceMappings: [{
                deviceName: "/dev/xvda",
                ebs: { volumeSize: args.diskGiB ?? 50, volumeType: "gp3", encrypted: "true", kmsKeyId: args.volumeKmsKeyArn, deleteOnTermination: "true" },
            }],
            monitoring: { enabled: true },
            tagSpecifications: [{ resourceType: "instance", tags: { Name: name } }],
        }, { parent: this });

        const group = new aws.eks.NodeGroup(`${name}-ng`, {
            clusterName: args.clusterName,
            nodeRoleArn: args.nodeRoleArn,
            subnetIds: args.subnetIds,
            amiType: args.architecture === "arm64" ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD",
            capacityType: "ON_DEMAND",
            instanceTypes: [args.sizing.instanceType],
            scalingConfig: { minSize: args.sizing.minSize, desiredSize: args.sizing.desiredSize, maxSize: args.sizing.maxSize },
            updateConfig: { maxUnavailable: 1 },
            launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => String(v)) },
            labels: args.labels,
            taints: args.taints,
        }, { parent: this, ignoreChanges: ["scalingConfig.desiredSize"] });

        this.nodeGroupName = group.nodeGroupName;
        this.autoScalingGroupName = group.resources.apply((rs) => rs[0].autoscalingGroups![0].name!);
        this.registerOutputs({ nodeGroupName: this.nodeGroupName, autoScalingGroupName: this.autoScalingGroupName });
    }
}
