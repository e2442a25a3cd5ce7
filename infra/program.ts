/**
 * The platform, read like a table of contents: config, provider, network, cluster, app, outputs.
 * Every tier runs this same code; only the resolved sizing row differs.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AppTier } from "../components/appTier";
import { Cluster, CLUSTER_SYSTEM_PODS } from "../components/cluster";
import { restrictedNamespace } from "../components/namespace";
import { Network } from "../components/network";
import { sizeNodeGroup } from "../components/nodeSizing";
import { OriginLoadBalancer } from "../components/originLoadBalancer";
import { loadStackConfig, PROJECT } from "./config";

/** Requests of one PgBouncer pod (it is single-threaded; one core is its ceiling). */
export const POOLER_POD = { cpuMillicores: 250, memoryMiB: 256 };

export async function deploy(): Promise<Record<string, pulumi.Input<unknown>>> {
    const cfg = loadStackConfig();
    const stack = pulumi.getStack();
    const prefix = `${cfg.app.name}-${stack}`;
    const sizing = cfg.sizing;

    // One explicit provider: region from validated config, and tags every AWS resource carries
    // (cost allocation and ownership) without each component repeating them.
    const awsProvider = new aws.Provider("aws", {
        region: cfg.region as aws.Region,
        defaultTags: { tags: { "tiered-infra:project": PROJECT, "tiered-infra:stack": stack, "tiered-infra:tier": cfg.tier, ...cfg.tags } },
    });
    const awsOpts = { providers: { aws: awsProvider } };

    const network = new Network(prefix, {
        cidrBlock: cfg.network.cidr,
        azCount: sizing.network.azCount,
        natGateways: sizing.network.natGateways,
        flowLogRetentionDays: cfg.logRetentionDays,
        clusterName: prefix,
    }, awsOpts);

    // Node capacity follows pod sizing: the app group holds the HPA's bounds plus the pooler and
    // cluster add-ons, one node per AZ at least; the vector group holds one replica per node.
    const appNodes = sizeNodeGroup({
        pod: { cpuMillicores: sizing.app.cpuMillicores, memoryMiB: sizing.app.memoryMiB },
        minPods: sizing.app.minReplicas,
        maxPods: sizing.app.maxReplicas,
        minNodes: sizing.network.azCount,
        architecture: cfg.app.architecture,
        sharedPods: [{ pod: POOLER_POD, count: sizing.pooler.replicas }, ...CLUSTER_SYSTEM_PODS],
    });
    const vectorNodes = sizing.vectorDb.mode === "selfHosted"
        ? sizeNodeGroup({
            pod: { cpuMillicores: sizing.vectorDb.cpuMillicores, memoryMiB: sizing.vectorDb.memoryMiB },
            minPods: sizing.vectorDb.replicas,
            maxPods: sizing.vectorDb.replicas,
            minNodes: sizing.vectorDb.replicas,
            maxPodsPerNode: 1,
            architecture: "arm64",
        })
        : undefined;

    const cluster = new Cluster(prefix, {
        kubernetesVersion: cfg.cluster.kubernetesVersion,
        region: cfg.region,
        vpcId: network.vpcId,
        subnetIds: network.privateSubnetIds,
        publicAccessCidrs: cfg.cluster.publicAccessCidrs,
        logRetentionDays: cfg.logRetentionDays,
        nodeGroups: {
            app: { sizing: appNodes, architecture: cfg.app.architecture, labels: { "tiered-infra/pool": "app" } },
            ...(vectorNodes && {
                vector: {
                    sizing: vectorNodes,
                    architecture: "arm64",
                    labels: { "tiered-infra/pool": "vector" },
                    taints: [{ key: "tiered-infra/pool", value: "vector", effect: "NO_SCHEDULE" }],
                },
            }),
        },
    }, awsOpts);
    const k8sOpts = { provider: cluster.provider };

    const namespace = restrictedNamespace(cfg.app.name, k8sOpts);
    const app = new AppTier(prefix, {
        appName: cfg.app.name,
        namespace: namespace.metadata.name,
        image: cfg.app.image,
        tag: cfg.app.tag,
        port: cfg.app.port,
        healthPath: cfg.app.healthPath,
        ...sizing.app,
        env: { ...cfg.app.env, CORS_ORIGIN: cfg.corsOrigins.join(",") },
        nodeSelector: { "tiered-infra/pool": "app" },
    }, { providers: { kubernetes: cluster.provider } });

    const origin = new OriginLoadBalancer(`${prefix}-origin`, {
        vpcId: network.vpcId,
        vpcCidr: network.cidrBlock,
        subnetIds: network.privateSubnetIds,
        nodeSecurityGroupId: cluster.clusterSecurityGroupId,
        autoScalingGroupNames: [cluster.nodeGroups.app.autoScalingGroupName],
        nodePort: app.nodePort,
        healthPath: cfg.app.healthPath,
        deletionProtection: cfg.environment === "production",
    }, awsOpts);

    return {
        tier: cfg.tier,
        region: cfg.region,
        vpcId: network.vpcId,
        clusterName: cluster.clusterName,
        kubeconfig: cluster.kubeconfig,
        appNodeGroup: { instanceType: appNodes.instanceType, min: appNodes.minSize, max: appNodes.maxSize },
        appServiceEndpoint: pulumi.interpolate`http://${origin.dnsName}`,
        appInternalUrl: app.internalUrl,
    };
}
