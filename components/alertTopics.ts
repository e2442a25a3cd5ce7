import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Severity } from "./alarmCatalog";
import { COMPONENT_TYPES } from "./types";

export const ALERT_SEVERITIES: readonly Severity[] = ["critical", "warning"];

export interface AlertTopicsArgs {
    /** Region the topics live in (alarms notify topics of their own region only). */
    region: string;
    /** Prefix of every alarm name that may publish (`<prefix>-*`): the key and topic policies admit only these. */
    alarmNamePrefix: string;
    /** Email addresses subscribed to both topics (each confirms by clicking the link AWS sends). */
    emails: string[];
    /**
     * PagerDuty's CloudWatch integration URL (a secret: it lets anyone page the on-call), subscribed
     * to the critical topic only. Default: none.
     */
    pagerDutyUrl?: pulumi.Input<string>;
    /** An Amazon Managed Service for Prometheus workspace whose Alertmanager may publish too. Default: none. */
    prometheusWorkspaceArn?: pulumi.Input<string>;
    /**
     * EventBridge rules of this stack whose names start with `<prefix>-` may publish too (failed
     * backup, copy and restore jobs: components/restoreDrills.ts). Default: none.
     */
    eventRuleNamePrefix?: string;
}

/**
 * Where alerts go: a `critical` and a `warning` SNS topic, encrypted with a customer-managed KMS key
 * (rotating, 30-day deletion window). The AWS-managed `alias/aws/sns` key cannot be used, because
 * CloudWatch cannot publish to a topic encrypted with it and its policy cannot be changed
 * (SNS developer guide, "Key management", compatibility with AWS services, per the research notes).
 * The key and the topic policies admit CloudWatch alarms of this stack (source account and
 * alarm-name prefix) and, when asked, AMP's Alertmanager and the stack's EventBridge rules; nothing
 * else may publish.
 */
export class AlertTopics extends pulumi.ComponentResource {
    public readonly topicArns: Record<Severity, pulumi.Output<string>>;
    public readonly keyArn: pulumi.Output<string>;

    constructor(name: string, args: AlertTopicsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.alertTopics, name, {}, opts);
        const parent = { parent: this };
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const partition = aws.getPartitionOutput({}, parent).partition;
        const alarmArns = pulumi.interpolate`arn:${partition}:cloudwatch:${args.region}:${account}:alarm:${args.alarmNamePrefix}-*`;
        const publishers = [
            { service: "cloudwatch.amazonaws.com", sourceArn: alarmArns },
            ...(args.prometheusWorkspaceArn !== undefined ? [{ service: "aps.amazonaws.com", sourceArn: pulumi.output(args.prometheusWorkspaceArn) }] : []),
            ...(args.eventRuleNamePrefix !== undefined ? [{ service: "events.amazonaws.com", sourceArn: pulumi.interpolate`arn:${partition}:events:${args.region}:${account}:rule/${args.eventRuleNamePrefix}-*` }] : []),
        ];
        // EventBridge's deliveries are dropped when the KMS grant carries source conditions (SNS
        // developer guide, "compatibility with AWS services"): its key statement has none; the topic
        // policy still admits only this stack's rules.
        const keyConditions = (service: string, acct: string, sourceArn: string) =>
            service === "events.amazonaws.com" ? {} : { Condition: { StringEquals: { "aws:SourceAccount": acct }, ArnLike: { "aws:SourceArn": sourceArn } } };

        const key = new aws.kms.Key(`${name}-alerts`, {
            description: `Encryption of the alert topics of ${name}`,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: pulumi.all([account, partition, ...publishers.map((p) => p.sourceArn)]).apply(([acct, part, ...sourceArns]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: `arn:${part}:iam::${acct}:root` }, Action: "kms:*", Resource: "*" },
                    ...publishers.map((p, i) => ({
                        Sid: `${p.service.split(".")[0]}Publishes`,
                        Effect: "Allow",
                        Principal: { Service: p.service },
                        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                        Resource: "*",
                        ...keyConditions(p.service, acct, sourceArns[i]),
                    })),
                ],
            })),
        }, parent);

        const topics = Object.fromEntries(ALERT_SEVERITIES.map((severity) => {
            const topic = new aws.sns.Topic(`${name}-${severity}`, {
                name: `${name}-alerts-${severity}`,
                displayName: `${name} ${severity} alerts`,
                kmsMasterKeyId: key.arn,
            }, parent);
            new aws.sns.TopicPolicy(`${name}-${severity}`, {
                arn: topic.arn,
                policy: pulumi.all([topic.arn, account, ...publishers.map((p) => p.sourceArn)]).apply(([arn, acct, ...sourceArns]) => JSON.stringify({
                    Version: "2012-10-17",
                    Statement: publishers.map((p, i) => ({
                        Sid: `${p.service.split(".")[0]}Publishes`,
                        Effect: "Allow",
                        Principal: { Service: p.service },
                        Action: p.service.startsWith("aps") ? ["sns:Publish", "sns:GetTopicAttributes"] : "sns:Publish",
                        Resource: arn,
                        Condition: { StringEquals: { "aws:SourceAccount": acct }, ArnLike: { "aws:SourceArn": sourceArns[i] } },
                    })),
                })),
            }, parent);
            args.emails.forEach((email, i) =>
                new aws.sns.TopicSubscription(`${name}-${severity}-email-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, parent));
            return [severity, topic];
        })) as Record<Severity, aws.sns.Topic>;

        if (args.pagerDutyUrl !== undefined) {
            new aws.sns.TopicSubscription(`${name}-critical-pagerduty`, {
                topic: topics.critical.arn,
                protocol: "https",
                endpoint: pulumi.secret(args.pagerDutyUrl),
                // PagerDuty's CloudWatch integration confirms the subscription itself.
                endpointAutoConfirms: true,
            }, parent);
        }

        this.topicArns = { critical: topics.critical.arn, warning: topics.warning.arn };
        this.keyArn = key.arn;
        this.registerOutputs({ topicArns: this.topicArns });
    }
}
