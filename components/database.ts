import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { retainedLogGroup } from "./logs";
import { COMPONENT_TYPES } from "./types";

/**
 * PostgreSQL major version, pinned; minor versions upgrade in the maintenance window.
 * Seed 002 asks for "PostgreSQL 14+"; 17 has been generally available on RDS since November 2024
 * (Amazon RDS for PostgreSQL release notes) and is in standard support well past this project's
 * horizon (RDS release calendar, read 2026-11-23).
 */
export const POSTGRES_MAJOR_VERSION = "17";
export const POSTGRES_PORT = 5432;
/** Log types RDS for PostgreSQL can export; each gets a log group of ours with retention. */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"];

export interface DataProtection {
    /** RDS deletion protection. Default true. */
    deletionProtection: boolean;
    /** Take a final snapshot on deletion. Default true. */
    finalSnapshot: boolean;
    /** Pulumi `protect` on the primary, so `pulumi destroy` refuses to delete it. Default true. */
    protect: boolean;
}

export const FULL_DATA_PROTECTION: DataProtection = { deletionProtection: true, finalSnapshot: true, protect: true };

/** How big and how resilient the database is: a row of the tier table (infra/tiers.ts). */
export interface DatabaseSizing {
    /** RDS instance class, e.g. db.r6g.xlarge. */
    instanceClass: string;
    /** Standby in a second AZ with automatic failover. */
    multiAz: boolean;
    /** Single-AZ read replicas of the primary. */
    readReplicas: number;
    /** Initial gp3 storage in GiB. */
    allocatedStorageGiB: number;
    /** Storage-autoscaling ceiling in GiB. */
    maxAllocatedStorageGiB: number;
    /** Automated backup retention in days (1-35). */
    backupRetentionDays: number;
}

export interface DatabaseArgs extends DatabaseSizing {
    vpcId: pulumi.Input<string>;
    /** Isolated subnets (no route out). */
    subnetIds: pulumi.Input<string>[];
    /** Security groups allowed to connect on 5432 (the nodes running the pooler). Nothing else is. */
    clientSecurityGroupIds: pulumi.Input<string>[];
    /** Daily backup window (UTC). Default 03:00-04:00. */
    backupWindow?: string;
    /** Weekly maintenance window (UTC). Default Sunday 04:30-05:30, right after backups. */
    maintenanceWindow?: string;
    /** Retention of the exported PostgreSQL logs, days. */
    logRetentionDays: number;
    /** Default: everything on. Only a development stack may relax it (enforced in stack config). */
    protection?: DataProtection;
    /** Name of the initial database. Default `app`. */
    databaseName?: string;
}

/**
 * RDS PostgreSQL: primary (Multi-AZ per tier) and read replicas in the isolated subnets, storage and
 * Performance Insights encrypted with a rotating KMS key, TLS forced by the parameter group, the
 * master password generated and rotated by RDS in Secrets Manager (never in config or state),
 * 30-day backups, deletion protection and a final snapshot, and log exports into retained groups.
 */
export class Database extends pulumi.ComponentResource {
    public readonly address: pulumi.Output<string>;
    public readonly port: number;
    public readonly readerAddresses: pulumi.Output<string>[];
    /** ARN of the RDS-managed Secrets Manager secret holding `username` and `password`. */
    public readonly masterSecretArn: pulumi.Output<string>;
    public readonly kmsKeyArn: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    /** ARN of the primary (backup plans, backup replication and restore drills select it). */
    public readonly instanceArn: pulumi.Output<string>;
    /** The isolated subnets' group, where restores of this database belong. */
    public readonly subnetGroupName: pulumi.Output<string>;
    public readonly databaseName: string;
    public readonly identifier: string;
    /** Every instance, primary first: what monitoring attaches alarms to. */
    public readonly instances: Array<{ identifier: pulumi.Output<string>; role: "primary" | "replica" }>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.database, name, {}, opts);
        const parent = { parent: this };
        const protection = args.protection ?? FULL_DATA_PROTECTION;
        this.identifier = `${name}-pg`;
        this.databaseName = args.databaseName ?? "app";
        this.port = POSTGRES_PORT;

        const key = new aws.kms.Key(`${name}-db`, {
            description: `Storage, Performance Insights and master secret of ${this.identifier}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
        }, parent);

        const subnets = new aws.rds.SubnetGroup(`${name}-db`, { subnetIds: args.subnetIds, description: `Isolated subnets of ${this.identifier}` }, parent);
        const sg = new aws.ec2.SecurityGroup(`${name}-db`, {
            vpcId: args.vpcId,
            description: `PostgreSQL ${this.identifier}: the pooler's nodes only`,
            ingress: [{ protocol: "tcp", fromPort: POSTGRES_PORT, toPort: POSTGRES_PORT, securityGroups: args.clientSecurityGroupIds, description: "Pooler nodes" }],
            egress: [],
        }, parent);

        const params = new aws.rds.ParameterGroup(`${name}-pg${POSTGRES_MAJOR_VERSION}`, {
            family: `postgres${POSTGRES_MAJOR_VERSION}`,
            description: `TLS-only PostgreSQL ${POSTGRES_MAJOR_VERSION} for ${this.identifier}`,
            parameters: [
                { name: "rds.force_ssl", value: "1" },
                { name: "ssl_min_protocol_version", value: "TLSv1.2" },
                { name: "log_min_duration_statement", value: "1000" },
                { name: "log_connections", value: "1" },
                { name: "log_disconnections", value: "1" },
            ],
        }, parent);

        // RDS creates these names on first export, without retention, unless they exist already.
        const logGroups = POSTGRES_LOG_EXPORTS.map((type) =>
            retainedLogGroup(`${name}-db-${type}`, { name: `/aws/rds/instance/${this.identifier}/${type}`, retentionDays: args.logRetentionDays }, parent));

        const common = {
            instanceClass: args.instanceClass,
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: key.arn,
            vpcSecurityGroupIds: [sg.id],
            parameterGroupName: params.name,
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            caCertIdentifier: "rds-ca-rsa2048-g1",
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: key.arn,
            performanceInsightsRetentionPeriod: 7,
            enabledCloudwatchLogsExports: POSTGRES_LOG_EXPORTS,
            copyTagsToSnapshot: true,
            deletionProtection: protection.deletionProtection,
            iamDatabaseAuthenticationEnabled: true,
            maintenanceWindow: args.maintenanceWindow ?? "sun:04:30-sun:05:30",
        };

        const primary = new aws.rds.Instance(`${name}-pg`, {
            ...common,
            identifier: this.identifier,
            engine: "postgres",
            engineVersion: POSTGRES_MAJOR_VERSION,
            allowMajorVersionUpgrade: false,
            dbName: this.databaseName,
            username: "app_admin",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: key.arn,
            allocatedStorage: args.allocatedStorageGiB,
            maxAllocatedStorage: args.maxAllocatedStorageGiB,
            multiAz: args.multiAz,
            dbSubnetGroupName: subnets.name,
            backupRetentionPeriod: args.backupRetentionDays,
            backupWindow: args.backupWindow ?? "03:00-04:00",
            deleteAutomatedBackups: false,
            skipFinalSnapshot: !protection.finalSnapshot,
            finalSnapshotIdentifier: protection.finalSnapshot ? `${this.identifier}-final` : undefined,
        }, { parent: this, protect: protection.protect, dependsOn: logGroups });

        // Replicas inherit encryption and credentials from the primary; AWS takes no final snapshot
        // of a replica and replicas keep no automated backups of their own.
        const replicas = [...Array(args.readReplicas).keys()].map((i) => {
            const replicaLogs = POSTGRES_LOG_EXPORTS.map((type) =>
                retainedLogGroup(`${name}-db-replica-${i}-${type}`, { name: `/aws/rds/instance/${this.identifier}-replica-${i}/${type}`, retentionDays: args.logRetentionDays }, parent));
            return new aws.rds.Instance(`${name}-pg-replica-${i}`, {
                ...common,
                identifier: `${this.identifier}-replica-${i}`,
                replicateSourceDb: primary.identifier,
                multiAz: false,
                skipFinalSnapshot: true,
                backupRetentionPeriod: 0,
            }, { parent: this, dependsOn: replicaLogs });
        });

        this.instances = [{ identifier: primary.identifier, role: "primary" }, ...replicas.map((r) => ({ identifier: r.identifier, role: "replica" as const }))];
        this.address = primary.address;
        this.readerAddresses = replicas.map((r) => r.address);
        this.masterSecretArn = primary.masterUserSecrets.apply((s) => s[0].secretArn!);
        this.kmsKeyArn = key.arn;
        this.securityGroupId = sg.id;
        this.instanceArn = primary.arn;
        this.subnetGroupName = subnets.name;
        this.registerOutputs({ address: this.address, readerAddresses: this.readerAddresses, masterSecretArn: this.masterSecretArn });
    }
}
