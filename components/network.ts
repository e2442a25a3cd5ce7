import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { retainedLogGroup } from "./logs";
import { planSubnets } from "./subnetLayout";
import { COMPONENT_TYPES } from "./types";

export interface NetworkArgs {
    /** VPC IPv4 range, /16 to /20. Default `10.0.0.0/16`. See `subnetLayout.ts` for how it is split. */
    cidrBlock?: string;
    /** Availability zones to span, 2 or 3 (EKS needs at least 2). */
    azCount: number;
    /**
     * `perAz` (HA): a NAT gateway in every AZ, each private subnet routes through its own.
     * `single` (cost): one NAT gateway, ~$33/month less per AZ saved, at the price of losing egress
     * for every AZ when the NAT's AZ fails.
     */
    natGateways: "single" | "perAz";
    /** Retention of the VPC flow log group, in days (a CloudWatch retention value). Default 30. */
    flowLogRetentionDays?: number;
    /**
     * EKS cluster name; when set, subnets carry the `kubernetes.io/cluster/<name>` tag the AWS Load
     * Balancer Controller uses for discovery. Default: none.
     */
    clusterName?: string;
}

/**
 * A VPC with public, private and isolated subnets in each AZ:
 * public for load balancers and NAT, private (routed through NAT) for nodes and pods, isolated
 * (no route out at all) for the data tier. Flow logs of all traffic go to a retained log group, and
 * the default security group is stripped of its rules so nothing lands in it by accident (CIS 5.4).
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly cidrBlock: string;
    public readonly availabilityZones: pulumi.Output<string[]>;
    public readonly publicSubnetIds: pulumi.Output<string>[];
    public readonly privateSubnetIds: pulumi.Output<string>[];
    public readonly isolatedSubnetIds: pulumi.Output<string>[];
    public readonly natGatewayIds: pulumi.Output<string>[];
    public readonly flowLogGroupName: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.network, name, {}, opts);
        const parent = { parent: this };
        this.cidrBlock = args.cidrBlock ?? "10.0.0.0/16";
        const plan = planSubnets(this.cidrBlock, args.azCount);

        const azs = aws.getAvailabilityZonesOutput({ state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] }, parent);
        this.availabilityZones = azs.names.apply((names) => {
            if (names.length < args.azCount) {
                throw new Error(`network ${name}: region offers ${names.length} availability zones, the tier needs ${args.azCount}`);
            }
            return names.slice(0, args.azCount);
        });
        const azAt = (i: number) => this.availabilityZones.apply((names) => names[i]);
        const clusterTag: Record<string, string> = args.clusterName ? { [`kubernetes.io/cluster/${args.clusterName}`]: "shared" } : {};

        const vpc = new aws.ec2.Vpc(`${name}-vpc`, {
            cidrBlock: this.cidrBlock,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: { Name: `${name}-vpc` },
        }, parent);
        this.vpcId = vpc.id;

        // Nothing may use the default security group: removing its rules makes a mistake fail closed.
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, ingress: [], egress: [], tags: { Name: `${name}-default-deny` } }, parent);

        const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: { Name: `${name}-igw` } }, parent);
        const publicRoutes = new aws.ec2.RouteTable(`${name}-public-rt`, {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
            tags: { Name: `${name}-public` },
        }, parent);
        const isolatedRoutes = new aws.ec2.RouteTable(`${name}-isolated-rt`, { vpcId: vpc.id, tags: { Name: `${name}-isolated` } }, parent);

        const subnet = (role: "public" | "private" | "isolated", i: number, cidrBlock: string, extraTags: Record<string, string>) =>
            new aws.ec2.Subnet(`${name}-${role}-${i}`, {
                vpcId: vpc.id,
                cidrBlock,
                availabilityZone: azAt(i),
                mapPublicIpOnLaunch: false,
                tags: { Name: `${name}-${role}-${i}`, "tiered-infra/subnet-role": role, ...clusterTag, ...extraTags },
            }, parent);

        const publicSubnets = plan.publicCidrs.map((c, i) => subnet("public", i, c, { "kubernetes.io/role/elb": "1" }));
        const privateSubnets = plan.privateCidrs.map((c, i) => subnet("private", i, c, { "kubernetes.io/role/internal-elb": "1" }));
        const isolatedSubnets = plan.isolatedCidrs.map((c, i) => subnet("isolated", i, c, {}));

        publicSubnets.forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: s.id, routeTableId: publicRoutes.id }, parent));
        isolatedSubnets.forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-isolated-${i}`, { subnetId: s.id, routeTableId: isolatedRoutes.id }, parent));

        const natCount = args.natGateways === "perAz" ? args.azCount : 1;
        const natGateways = publicSubnets.slice(0, natCount).map((s, i) => {
            const eip = new aws.ec2.Eip(`${name}-nat-${i}`, { domain: "vpc", tags: { Name: `${name}-nat-${i}` } }, parent);
            return new aws.ec2.NatGateway(`${name}-nat-${i}`, {
                subnetId: s.id,
                allocationId: eip.id,
                connectivityType: "public",
                tags: { Name: `${name}-nat-${i}` },
            }, { parent: this, dependsOn: [igw] });
        });
        privateSubnets.forEach((s, i) => {
            const nat = natGateways[i % natGateways.length];
            const routes = new aws.ec2.RouteTable(`${name}-private-rt-${i}`, {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                tags: { Name: `${name}-private-${i}` },
            }, parent);
            new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: s.id, routeTableId: routes.id }, parent);
        });

        const flowLogGroup = retainedLogGroup(`${name}-flow-logs`, { name: pulumi.interpolate`/tiered-infra/vpc/${name}/flow-logs`, retentionDays: args.flowLogRetentionDays ?? 30 }, parent);
        const flowLogRole = new aws.iam.Role(`${name}-flow-logs`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        }, parent);
        new aws.iam.RolePolicy(`${name}-flow-logs`, {
            role: flowLogRole.id,
            policy: flowLogGroup.arn.apply((arn) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: [arn, `${arn}:*`],
                }],
            })),
        }, parent);
        new aws.ec2.FlowLog(`${name}-flow-log`, {
            vpcId: vpc.id,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: flowLogGroup.arn,
            iamRoleArn: flowLogRole.arn,
            maxAggregationInterval: 60,
        }, parent);

        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.privateSubnetIds = privateSubnets.map((s) => s.id);
        this.isolatedSubnetIds = isolatedSubnets.map((s) => s.id);
        this.natGatewayIds = natGateways.map((n) => n.id);
        this.flowLogGroupName = flowLogGroup.name;
        this.registerOutputs({
            vpcId: this.vpcId,
            availabilityZones: this.availabilityZones,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            isolatedSubnetIds: this.isolatedSubnetIds,
            natGatewayIds: this.natGatewayIds,
        });
    }
}
