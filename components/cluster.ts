import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { serviceAccountRole } from "./irsa";
import { retainedLogGroup } from "./logs";
import { NodeGroup, NodeGroupArgs } from "./nodeGroup";
import { COMPONENT_TYPES } from "./types";
import { APP_POOL, poolSelector } from "./nodePools";

/** Control-plane log types EKS can ship; all of them are on (EKS user guide, "Control plane logs", read 2026-11-23). */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/**
 * Helm chart and image of the Cluster Autoscaler. Chart 9.38.0: kubernetes/autoscaler
 * `charts/cluster-autoscaler/Chart.yaml`; image tag v1.35.0 (the autoscaler's minor must match the
 * cluster's): registry.k8s.io/autoscaling/cluster-autoscaler. Both read 2026-11-23.
 */
export const CLUSTER_AUTOSCALER = { chart: "cluster-autoscaler", repo: "https://kubernetes.github.io/autoscaler", version: "9.38.0", imageTag: "v1.35.0" };

/**
 * Pods the cluster itself runs on the app nodes (requests from their charts' defaults and the EKS
 * add-on manifests, read 2026-11-23): node sizing reserves room for them.
 */
export const CLUSTER_SYSTEM_PODS = [
    { name: "cluster-autoscaler", count: 1, pod: { cpuMillicores: 100, memoryMiB: 300 } },
    { name: "coredns", count: 2, pod: { cpuMillicores: 100, memoryMiB: 70 } },
    { name: "ebs-csi-controller", count: 2, pod: { cpuMillicores: 60, memoryMiB: 240 } },
];

export interface ClusterArgs {
    /**
     * Kubernetes minor version, pinned (never "latest" implicitly): upgrades are a reviewed change.
     * See `KUBERNETES_VERSIONS` in core/kubernetesVersions.ts for the allowed values and their support dates.
     */
    kubernetesVersion: string;
    region: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets for the control-plane ENIs and the nodes. */
    subnetIds: pulumi.Input<string>[];
    /**
     * CIDRs allowed to reach the public API endpoint (CI runners, VPN). Empty: the public endpoint
     * is off and the API is reachable only from inside the VPC. `0.0.0.0/0` is refused by config.
     */
    publicAccessCidrs: string[];
    /** Retention of the control-plane log group, days. */
    logRetentionDays: number;
    /** Node groups by pool (e.g. `app`, `stateful`). */
    nodeGroups: Record<string, Omit<NodeGroupArgs, "clusterName" | "nodeRoleArn" | "subnetIds">>;
}

/**
 * An EKS cluster with secrets envelope-encrypted by a rotating KMS key, every control-plane log type
 * in a retained log group, an OIDC provider for IAM roles for service accounts, managed node groups,
 * the core add-ons (VPC CNI, CoreDNS, kube-proxy, EBS CSI for gp3 volumes), the Cluster Autoscaler,
 * and a Kubernetes provider for everything that runs inside it.
 */
export class Cluster extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterArn: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;
    /** Kubeconfig using `aws eks get-token`; secret, since it names the endpoint and CA of a private API. */
    public readonly kubeconfig: pulumi.Output<string>;
    public readonly provider: k8s.Provider;
    public readonly clusterSecurityGroupId: pulumi.Output<string>;
    public readonly oidcProviderArn: pulumi.Output<string>;
    public readonly oidcIssuerUrl: pulumi.Output<string>;
    public readonly nodeGroups: Record<string, NodeGroup>;
    public readonly secretsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.cluster, name, {}, opts);
        const parent = { parent: this };

        const secretsKey = new aws.kms.Key(`${name}-secrets`, {
            description: `Envelope encryption of Kubernetes secrets in EKS cluster ${name}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
        }, parent);
        new aws.kms.Alias(`${name}-secrets`, { name: `alias/${name}-eks-secrets`, targetKeyId: secretsKey.keyId }, parent);

        // EKS writes to this fixed name; creating it first is what gives it a retention.
        const logGroup = retainedLogGroup(`${name}-control-plane`, { name: `/aws/eks/${name}/cluster`, retentionDays: args.logRetentionDays }, parent);

        const clusterRole = new aws.iam.Role(`${name}-cluster`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
            }),
        }, parent);
        const clusterPolicy = new aws.iam.RolePolicyAttachment(`${name}-cluster`, {
            role: clusterRole.name,
            policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
        }, parent);

        const cluster = new aws.eks.Cluster(`${name}-eks`, {
            name,
            version: args.kubernetesVersion,
            roleArn: clusterRole.arn,
            vpcConfig: {
                subnetIds: args.subnetIds,
                endpointPrivateAccess: true,
                endpointPublicAccess: args.publicAccessCidrs.length > 0,
                publicAccessCidrs: args.publicAccessCidrs.length > 0 ? args.publicAccessCidrs : undefined,
            },
            encryptionConfig: { provider: { keyArn: secretsKey.arn }, resources: ["secrets"] },
            enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
            accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
            upgradePolicy: { supportType: "STANDARD" },
        }, { parent: this, dependsOn: [logGroup, clusterPolicy] });

        const issuerUrl = cluster.identities.apply((ids) => ids[0].oidcs![0].issuer!);
        const oidc = new aws.iam.OpenIdConnectProvider(`${name}-oidc`, { url: issuerUrl, clientIdLists: ["sts.amazonaws.com"] }, parent);

        const nodeRole = new aws.iam.Role(`${name}-node`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        }, parent);
        const nodePolicies = [
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        ].map((policyArn, i) => new aws.iam.RolePolicyAttachment(`${name}-node-${i}`, { role: nodeRole.name, policyArn }, parent));

        this.nodeGroups = Object.fromEntries(Object.entries(args.nodeGroups).map(([role, spec]) => [
            role,
            new NodeGroup(`${name}-${role}`, { ...spec, clusterName: cluster.name, nodeRoleArn: nodeRole.arn, subnetIds: args.subnetIds }, { parent: this, dependsOn: nodePolicies }),
        ]));
        const nodesReady = Object.values(this.nodeGroups);

        const ebsCsiRole = serviceAccountRole(`${name}-ebs-csi`, {
            oidcProviderArn: oidc.arn,
            oidcIssuerUrl: issuerUrl,
            namespace: "kube-system",
            serviceAccount: "ebs-csi-controller-sa",
            managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"],
        }, parent);
        // Versions are left to EKS's default for the cluster's Kubernetes version.
        for (const addon of ["vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver"]) {
            new aws.eks.Addon(`${name}-${addon}`, {
                clusterName: cluster.name,
                addonName: addon,
                resolveConflictsOnCreate: "OVERWRITE",
                resolveConflictsOnUpdate: "OVERWRITE",
                serviceAccountRoleArn: addon === "aws-ebs-csi-driver" ? ebsCsiRole.arn : undefined,
            }, { parent: this, dependsOn: addon === "coredns" || addon === "aws-ebs-csi-driver" ? nodesReady : [] });
        }

        this.kubeconfig = pulumi.secret(pulumi.interpolate`apiVersion: v1
kind: Config
clusters:
- name: ${cluster.name}
  cluster:
    server: ${cluster.endpoint}
    certificate-authority-data: ${cluster.certificateAuthority.data}
contexts:
- name: ${cluster.name}
  context:
    cluster: ${cluster.name}
    user: ${cluster.name}
current-context: ${cluster.name}
users:
- name: ${cluster.name}
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: [eks, get-token, --cluster-name, ${cluster.name}, --region, ${args.region}]
`);
        this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, { parent: this, dependsOn: nodesReady });

        const autoscalerRole = serviceAccountRole(`${name}-cluster-autoscaler`, {
            oidcProviderArn: oidc.arn,
            oidcIssuerUrl: issuerUrl,
            namespace: "kube-system",
            serviceAccount: "cluster-autoscaler",
            // Scaling actions only on this cluster's groups (tag condition), describes everywhere.
            inlinePolicy: cluster.name.apply((clusterName) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                        Resource: "*",
                        Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" } },
                    },
                    {
                        Effect: "Allow",
                        Action: [
                            "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances", "autoscaling:DescribeLaunchConfigurations",
                            "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
                            "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup",
                        ],
                        Resource: "*",
                    },
                ],
            })),
        }, parent);
        new k8s.helm.v3.Release(`${name}-cluster-autoscaler`, {
            chart: CLUSTER_AUTOSCALER.chart,
            version: CLUSTER_AUTOSCALER.version,
            repositoryOpts: { repo: CLUSTER_AUTOSCALER.repo },
            namespace: "kube-system",
            values: {
                cloudProvider: "aws",
                awsRegion: args.region,
                autoDiscovery: { clusterName: cluster.name },
                image: { tag: CLUSTER_AUTOSCALER.imageTag },
                rbac: { serviceAccount: { create: true, name: "cluster-autoscaler", annotations: { "eks.amazonaws.com/role-arn": autoscalerRole.arn } } },
                extraArgs: { "balance-similar-node-groups": true, "skip-nodes-with-system-pods": false, expander: "least-waste" },
                replicaCount: 1,
                resources: { requests: { cpu: "100m", memory: "300Mi" }, limits: { memory: "600Mi" } },
                nodeSelector: poolSelector(APP_POOL),
            },
        }, { parent: this, provider: this.provider });

        this.clusterName = cluster.name;
        this.clusterArn = cluster.arn;
        this.endpoint = cluster.endpoint;
        this.clusterSecurityGroupId = cluster.vpcConfig.apply((v) => v.clusterSecurityGroupId!);
        this.oidcProviderArn = oidc.arn;
        this.oidcIssuerUrl = issuerUrl;
        this.secretsKeyArn = secretsKey.arn;
        this.registerOutputs({ clusterName: this.clusterName, endpoint: this.endpoint, kubeconfig: this.kubeconfig, oidcProviderArn: this.oidcProviderArn });
    }
}
