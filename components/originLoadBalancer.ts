import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TYPES } from "./types";

/** AWS-managed prefix list of CloudFront's origin-facing addresses (CloudFront developer guide, "Restrict access to ALB", read 2026-11-23). */
export const CLOUDFRONT_ORIGIN_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

/** Modern TLS policy: TLS 1.3 and 1.2 only (ELB docs, "Security policies for your ALB", read 2026-11-23). */
export const ALB_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

export interface OriginLoadBalancerArgs {
    vpcId: pulumi.Input<string>;
    /** The VPC's range: the ALB may only talk to the NodePort inside it. */
    vpcCidr: string;
    /** Private subnets: the load balancer is internal and has no public address. */
    subnetIds: pulumi.Input<string>[];
    /** Security group of the nodes (the EKS cluster security group); gets one rule for the NodePort. */
    nodeSecurityGroupId: pulumi.Input<string>;
    /** Auto Scaling groups of the app node group(s) to register as targets. */
    autoScalingGroupNames: pulumi.Input<string>[];
    /** NodePort of the app Service. */
    nodePort: number;
    /** Health check path (the app's health endpoint). */
    healthPath: string;
    /** ACM certificate for an HTTPS listener (TLS 1.2+). Default: HTTP listener only, see below. */
    certificateArn?: pulumi.Input<string>;
    /** Deletion protection. Default true; a development stack may turn it off. */
    deletionProtection?: boolean;
}

/**
 * The CDN's origin for the app: an internal Application Load Balancer in the private subnets,
 * forwarding to the app's NodePort on the app nodes.
 *
 * Only the CDN can reach it, by construction: it has no public address (CloudFront reaches it as
 * a VPC origin), and its security group admits only CloudFront's origin-facing prefix list. Without
 * a certificate the CloudFront-to-ALB hop is HTTP inside the VPC; viewers always use HTTPS at the edge.
 */
export class OriginLoadBalancer extends pulumi.ComponentResource {
    public readonly arn: pulumi.Output<string>;
    /** `app/<name>/<id>`: the `LoadBalancer` dimension of its CloudWatch metrics. */
    public readonly arnSuffix: pulumi.Output<string>;
    /** `targetgroup/<name>/<id>`: the `TargetGroup` dimension. */
    public readonly targetGroupArnSuffix: pulumi.Output<string>;
    public readonly dnsName: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    /** `http-only` or `https-only`: what CloudFront must use towards this origin. */
    public readonly originProtocolPolicy: "http-only" | "https-only";

    constructor(name: string, args: OriginLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.originLoadBalancer, name, {}, opts);
        const parent = { parent: this };
        const https = args.certificateArn !== undefined;
        const listenerPort = https ? 443 : 80;
        this.originProtocolPolicy = https ? "https-only" : "http-only";

        const cloudfront = aws.ec2.getManagedPrefixListOutput({ name: CLOUDFRONT_ORIGIN_PREFIX_LIST }, parent);
        const sg = new aws.ec2.SecurityGroup(`${name}-sg`, {
            vpcId: args.vpcId,
            description: "Origin ALB: CloudFront origin-facing addresses only",
            ingress: [{ protocol: "tcp", fromPort: listenerPort, toPort: listenerPort, prefixListIds: [cloudfront.id], description: "CloudFront origin-facing" }],
            egress: [{ protocol: "tcp", fromPort: args.nodePort, toPort: args.nodePort, cidrBlocks: [args.vpcCidr], description: "App NodePort on the nodes" }],
        }, parent);
        new aws.ec2.SecurityGroupRule(`${name}-to-nodes`, {
            type: "ingress",
            securityGroupId: args.nodeSecurityGroupId,
            sourceSecurityGroupId: sg.id,
            protocol: "tcp",
            fromPort: args.nodePort,
            toPort: args.nodePort,
            description: "Origin ALB to the app NodePort",
        }, parent);

        const lb = new aws.lb.LoadBalancer(`${name}-alb`, {
            loadBalancerType: "application",
            internal: true,
            subnets: args.subnetIds,
            securityGroups: [sg.id],
            dropInvalidHeaderFields: true,
            enableDeletionProtection: args.deletionProtection ?? true,
            idleTimeout: 60,
        }, parent);
        const targets = new aws.lb.TargetGroup(`${name}-tg`, {
            vpcId: args.vpcId,
            targetType: "instance",
            protocol: "HTTP",
            port: args.nodePort,
            deregistrationDelay: 30,
            healthCheck: { path: args.healthPath, protocol: "HTTP", matcher: "200-399", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 },
        }, parent);
        new aws.lb.Listener(`${name}-listener`, {
            loadBalancerArn: lb.arn,
            port: listenerPort,
            protocol: https ? "HTTPS" : "HTTP",
            sslPolicy: https ? ALB_TLS_POLICY : undefined,
            certificateArn: args.certificateArn,
            defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
        }, parent);
        args.autoScalingGroupNames.forEach((asg, i) =>
            new aws.autoscaling.Attachment(`${name}-targets-${i}`, { autoscalingGroupName: asg, lbTargetGroupArn: targets.arn }, parent));

        this.arn = lb.arn;
        this.arnSuffix = lb.arnSuffix;
        this.targetGroupArnSuffix = targets.arnSuffix;
        this.dnsName = lb.dnsName;
        this.securityGroupId = sg.id;
        this.registerOutputs({ arn: this.arn, dnsName: this.dnsName });
    }
}
