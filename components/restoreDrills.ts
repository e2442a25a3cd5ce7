import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { backupServiceRole } from "./backupVault";
import { COMPONENT_TYPES } from "./types";

/** Seed 002 "Testing: Monthly disaster recovery drills": the 1st of every month, 06:00 UTC. */
export const MONTHLY_DRILL_SCHEDULE = "cron(0 6 1 * ? *)";
/** Hours a restored copy is kept for checks before AWS Backup deletes it (AWS allows 1-168). */
export const DRILL_VALIDATION_HOURS = 1;

/**
 * EventBridge pattern of a failed restore job. Restore-job events carry `detail.status` (backup and
 * copy jobs carry `detail.state`): AWS Backup developer guide, "EventBridge", read 2026-11-30.
 */
export const RESTORE_FAILED_PATTERN = {
    source: ["aws.backup"],
    "detail-type": ["Restore Job State Change"],
    detail: { status: ["FAILED", "ABORTED"] },
};
/** Failed backup and copy jobs: a copy that never reaches the second region breaks its recovery point silently otherwise. */
export const BACKUP_OR_COPY_FAILED_PATTERN = {
    source: ["aws.backup"],
    "detail-type": ["Backup Job State Change", "Copy Job State Change"],
    detail: { state: ["FAILED", "ABORTED", "EXPIRED"] },
};

export interface RestoreDrillsArgs {
    /** Vaults whose recovery points the drills restore. */
    vaultArns: pulumi.Input<string>[];
    /** The database to restore, into its own subnets and security group (AWS would pick the default VPC). */
    database?: { instanceArn: pulumi.Input<string>; subnetGroupName: pulumi.Input<string>; securityGroupIds: pulumi.Input<string>[] };
    /** Volumes to restore, by the tag their backup plan selects them with (one selection per service). */
    volumes: Array<{ service: string; tag: { key: string; value: string } }>;
    /** Where failed drills (and failed backup or copy jobs) are reported. Default: an encrypted SNS topic of the component's own. */
    alertTopicArn?: pulumi.Input<string>;
    /** AWS cron of the drills. Default `MONTHLY_DRILL_SCHEDULE`. */
    schedule?: string;
}

/**
 * Monthly disaster-recovery drills (seed 002): an AWS Backup restore testing plan restores the
 * latest recovery point of the database and of each stateful service's volumes, keeps the copy
 * `DRILL_VALIDATION_HOURS`, then deletes it; AWS Backup records each job's outcome and duration (a
 * measured restore time). A failed restore, backup or copy job raises an alert through EventBridge.
 */
export class RestoreDrills extends pulumi.ComponentResource {
    public readonly planName: pulumi.Output<string>;
    public readonly alertTopicArn: pulumi.Output<string>;

    constructor(name: string, args: RestoreDrillsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.restoreDrills, name, {}, opts);
        const parent = { parent: this };

        const plan = new aws.backup.RestoreTestingPlan(`${name}-drills`, {
            // Restore testing plan names allow letters, digits and underscores only.
            name: `${name}_drills`.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 50),
            scheduleExpression: args.schedule ?? MONTHLY_DRILL_SCHEDULE,
            startWindowHours: 8,
            recoveryPointSelection: {
                algorithm: "LATEST_WITHIN_WINDOW",
                includeVaults: args.vaultArns,
                recoveryPointTypes: ["CONTINUOUS", "SNAPSHOT"],
                selectionWindowDays: 7,
            },
        }, parent);
        const role = backupServiceRole(`${name}-drills`, parent);

        if (args.database) {
            const db = args.database;
            new aws.backup.RestoreTestingSelection(`${name}-drill-database`, {
                name: "database",
                restoreTestingPlanName: plan.name,
                protectedResourceType: "RDS",
                protectedResourceArns: [db.instanceArn],
                iamRoleArn: role.arn,
                validationWindowHours: DRILL_VALIDATION_HOURS,
                // Restore into the data tier's isolated subnets and security group (restore-testing-inferred-metadata; verify the key names).
                restoreMetadataOverrides: {
                    dbSubnetGroupName: db.subnetGroupName,
                    vpcSecurityGroupIds: pulumi.output(db.securityGroupIds).apply((ids) => JSON.stringify(ids)),
                },
            }, parent);
        }
        for (const v of args.volumes) {
            new aws.backup.RestoreTestingSelection(`${name}-drill-${v.service}`, {
                name: `${v.service}_volumes`.replace(/[^A-Za-z0-9_]/g, "_"),
                restoreTestingPlanName: plan.name,
                protectedResourceType: "EBS",
                protectedResourceArns: ["*"],
                protectedResourceConditions: { stringEquals: [{ key: `aws:ResourceTag/${v.tag.key}`, value: v.tag.value }] },
                iamRoleArn: role.arn,
                validationWindowHours: DRILL_VALIDATION_HOURS,
            }, parent);
        }

        const rules = {
            "restore-failed": new aws.cloudwatch.EventRule(`${name}-restore-failed`, { description: `${name}: a restore job (a drill or a real restore) failed`, eventPattern: JSON.stringify(RESTORE_FAILED_PATTERN) }, parent),
            "backup-failed": new aws.cloudwatch.EventRule(`${name}-backup-failed`, { description: `${name}: a backup or cross-region copy job failed`, eventPattern: JSON.stringify(BACKUP_OR_COPY_FAILED_PATTERN) }, parent),
        };
        const topicArn = args.alertTopicArn !== undefined ? pulumi.output(args.alertTopicArn) : this.ownTopic(name, Object.values(rules));
        for (const [role, rule] of Object.entries(rules)) new aws.cloudwatch.EventTarget(`${name}-${role}`, { rule: rule.name, arn: topicArn }, parent);

        this.planName = plan.name;
        this.alertTopicArn = topicArn;
        this.registerOutputs({ planName: this.planName, alertTopicArn: this.alertTopicArn });
    }

    /**
     * An SNS topic encrypted with a key EventBridge may use. The key policy grants events.amazonaws.com
     * without source conditions: with aws:SourceArn/SourceAccount in a KMS policy EventBridge's
     * deliveries are dropped (SNS developer guide, "compatibility with AWS services"); the topic policy
     * then limits publishing to these rules.
     */
    private ownTopic(name: string, rules: aws.cloudwatch.EventRule[]): pulumi.Output<string> {
        const parent = { parent: this };
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const key = new aws.kms.Key(`${name}-alerts`, {
            description: `${name}: recovery alerts topic`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: account.apply((acct) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: "kms:*", Resource: "*" },
                    { Sid: "EventBridgePublishes", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" },
                ],
            })),
        }, parent);
        const topic = new aws.sns.Topic(`${name}-alerts`, { kmsMasterKeyId: key.arn }, parent);
        new aws.sns.TopicPolicy(`${name}-alerts`, {
            arn: topic.arn,
            policy: pulumi.all([topic.arn, ...rules.map((r) => r.arn)]).apply(([arn, ...ruleArns]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Sid: "RecoveryRulesPublish",
                    Effect: "Allow",
                    Principal: { Service: "events.amazonaws.com" },
                    Action: "sns:Publish",
                    Resource: arn,
                    Condition: { ArnEquals: { "aws:SourceArn": ruleArns } },
                }],
            })),
        }, parent);
        return topic.arn;
    }
}
