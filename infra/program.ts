/**
 * The platform, read like a table of contents: config, provider, network, ... and the outputs a
 * user needs. Every tier runs this same code; only the resolved sizing row differs.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Network } from "../components/network";
import { loadStackConfig, PROJECT } from "./config";

export async function deploy(): Promise<Record<string, pulumi.Input<unknown>>> {
    const cfg = loadStackConfig();
    const stack = pulumi.getStack();
    const prefix = `${cfg.app.name}-${stack}`;

    // One explicit provider: region from validated config, and tags every AWS resource carries
    // (cost allocation and ownership) without each component repeating them.
    const awsProvider = new aws.Provider("aws", {
        region: cfg.region as aws.Region,
        defaultTags: { tags: { "tiered-infra:project": PROJECT, "tiered-infra:stack": stack, "tiered-infra:tier": cfg.tier, ...cfg.tags } },
    });
    const awsOpts = { providers: { aws: awsProvider } };

    const network = new Network(prefix, {
        cidrBlock: cfg.network.cidr,
        azCount: cfg.sizing.network.azCount,
        natGateways: cfg.sizing.network.natGateways,
        flowLogRetentionDays: cfg.logRetentionDays,
        clusterName: prefix,
    }, awsOpts);

    return {
        tier: cfg.tier,
        region: cfg.region,
        vpcId: network.vpcId,
        availabilityZones: network.availabilityZones,
        privateSubnetIds: network.privateSubnetIds,
    };
}
