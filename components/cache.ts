import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { retainedLogGroup } from "./logs";
import { COMPONENT_TYPES } from "./types";

/**
 * Engine and version, pinned. Valkey is the open-source fork of Redis 7.2, wire-compatible, and
 * ElastiCache prices its nodes 20% below Redis OSS (cache.t4g.medium $0.052/h against $0.065/h,
 * pricing.md, 2026-10). Valkey 8.0 on ElastiCache: AWS "What's new", 2024-11 (read 2026-11-23).
 */
export const CACHE_ENGINE = { engine: "valkey", version: "8.0", parameterFamily: "valkey8", port: 6379 };

export interface CacheArgs {
    vpcId: pulumi.Input<string>;
    /** Isolated subnets. */
    subnetIds: pulumi.Input<string>[];
    /** Security groups allowed to connect (the app nodes). */
    clientSecurityGroupIds: pulumi.Input<string>[];
    nodeType: string;
    /** Nodes: 1 primary plus replicas. With 2 or more, Multi-AZ automatic failover is on. */
    nodes: number;
    /** Daily snapshots kept, days (at least 1). */
    snapshotRetentionDays: number;
    /** Snapshot window (UTC). Default 05:00-06:00. */
    snapshotWindow?: string;
    /** Retention of the slow and engine log groups, days. */
    logRetentionDays: number;
}

/**
 * An ElastiCache (Valkey) replication group: encrypted at rest (KMS, rotating) and in transit
 * (TLS required), with no password anywhere: clients authenticate with IAM as the `app` user of an
 * RBAC user group (the built-in `default` user is switched off). Slow and engine logs go to
 * retained log groups; daily snapshots are kept per tier.
 */
export class Cache extends pulumi.ComponentResource {
    public readonly primaryEndpoint: pulumi.Output<string>;
    public readonly readerEndpoint: pulumi.Output<string>;
    public readonly port: number;
    public readonly replicationGroupArn: pulumi.Output<string>;
    /** Its members are `<id>-001`, `<id>-002`, ...: the `CacheClusterId` of their metrics. */
    public readonly replicationGroupId: pulumi.Output<string>;
    /** The RBAC user clients authenticate as with IAM (`elasticache:Connect`). */
    public readonly appUserName: string;
    public readonly appUserArn: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.cache, name, {}, opts);
        const parent = { parent: this };
        const ha = args.nodes > 1;
        this.port = CACHE_ENGINE.port;
        this.appUserName = `${name}-app`;

        const key = new aws.kms.Key(`${name}-cache`, { description: `At-rest encryption of cache ${name}`, enableKeyRotation: true, deletionWindowInDays: 30 }, parent);
        const subnets = new aws.elasticache.SubnetGroup(`${name}-cache`, { subnetIds: args.subnetIds, description: `Isolated subnets of cache ${name}` }, parent);
        const sg = new aws.ec2.SecurityGroup(`${name}-cache`, {
            vpcId: args.vpcId,
            description: `Cache ${name}: app nodes only`,
            ingress: [{ protocol: "tcp", fromPort: this.port, toPort: this.port, securityGroups: args.clientSecurityGroupIds, description: "App nodes" }],
            egress: [],
        }, parent);

        // The user group must contain a user named `default`; this one can do nothing.
        const disabledDefault = new aws.elasticache.User(`${name}-default`, {
            userId: `${name}-default`,
            userName: "default",
            engine: CACHE_ENGINE.engine,
            accessString: "off -@all",
            // IAM users need userId == userName; this user is switched off, so it needs neither.
            authenticationMode: { type: "no-password-required" },
        }, parent);
        const appUser = new aws.elasticache.User(`${name}-app`, {
            userId: this.appUserName,
            userName: this.appUserName,
            engine: CACHE_ENGINE.engine,
            accessString: "on ~* +@all -@dangerous",
            authenticationMode: { type: "iam" },
        }, parent);
        const users = new aws.elasticache.UserGroup(`${name}-users`, {
            userGroupId: `${name}-users`,
            engine: CACHE_ENGINE.engine,
            userIds: [disabledDefault.userId, appUser.userId],
        }, parent);

        const slowLog = retainedLogGroup(`${name}-slow-log`, { name: `/tiered-infra/elasticache/${name}/slow-log`, retentionDays: args.logRetentionDays }, parent);
        const engineLog = retainedLogGroup(`${name}-engine-log`, { name: `/tiered-infra/elasticache/${name}/engine-log`, retentionDays: args.logRetentionDays }, parent);

        const group = new aws.elasticache.ReplicationGroup(`${name}-cache`, {
            replicationGroupId: `${name}-cache`,
            description: `Sessions, query cache and rate limits of ${name}`,
            engine: CACHE_ENGINE.engine,
            engineVersion: CACHE_ENGINE.version,
            nodeType: args.nodeType,
            numCacheClusters: args.nodes,
            automaticFailoverEnabled: ha,
            multiAzEnabled: ha,
            port: this.port,
            subnetGroupName: subnets.name,
            securityGroupIds: [sg.id],
            atRestEncryptionEnabled: true,
            kmsKeyId: key.arn,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            userGroupIds: [users.userGroupId],
            snapshotRetentionLimit: args.snapshotRetentionDays,
            snapshotWindow: args.snapshotWindow ?? "05:00-06:00",
            maintenanceWindow: "sun:06:30-sun:07:30",
            autoMinorVersionUpgrade: true,
            logDeliveryConfigurations: [
                { destinationType: "cloudwatch-logs", destination: slowLog.name, logFormat: "json", logType: "slow-log" },
                { destinationType: "cloudwatch-logs", destination: engineLog.name, logFormat: "json", logType: "engine-log" },
            ],
        }, parent);

        this.primaryEndpoint = group.primaryEndpointAddress;
        this.readerEndpoint = group.readerEndpointAddress;
        this.replicationGroupArn = group.arn;
        this.replicationGroupId = group.replicationGroupId;
        this.appUserArn = appUser.arn;
        this.registerOutputs({ primaryEndpoint: this.primaryEndpoint, readerEndpoint: this.readerEndpoint });
    }
}
