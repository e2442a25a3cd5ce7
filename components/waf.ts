import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { retainedLogGroup } from "./logs";
import { COMPONENT_TYPES } from "./types";

/** AWS managed rule groups always on (AWS WAF developer guide, "AWS Managed Rules rule groups list", read 2026-11-23). */
export const MANAGED_RULE_GROUPS = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
];
export const BOT_CONTROL_RULE_GROUP = "AWSManagedRulesBotControlRuleSet";

/** AWS WAF rate-based rules count over at most 600 s and cannot limit below 10 requests (AWS WAF developer guide, "Rate-based rule statement", read 2026-11-23). */
export const WAF_RATE_WINDOW_SECONDS = 600;
export const WAF_MIN_RATE_LIMIT = 10;

/** A per-user quota the seed states, enforced at the edge per caller (Authorization header). */
export interface UserRateLimit {
    name: string;
    /** Requests whose path starts with this are counted. */
    pathPrefix: string;
    limitPerHour: number;
}

/** Seed 002 "API Security": crawling 5, questions 100, search 1000 per hour per user. */
export const SEED_RATE_LIMITS: UserRateLimit[] = [
    { name: "crawling", pathPrefix: "/api/crawl", limitPerHour: 5 },
    { name: "questions", pathPrefix: "/api/questions", limitPerHour: 100 },
    { name: "search", pathPrefix: "/api/search", limitPerHour: 1000 },
];

/**
 * Converts an hourly quota into WAF's window, never below WAF's floor. The floor makes the edge
 * looser than the seed for the smallest quota (5/h becomes 10 per 10 min): the app enforces the
 * exact per-user quota, the WAF stops abuse before it reaches the app.
 */
export function wafLimit(limitPerHour: number): number {
    return Math.max(WAF_MIN_RATE_LIMIT, Math.ceil((limitPerHour * WAF_RATE_WINDOW_SECONDS) / 3600));
}

export interface EdgeWafArgs {
    /** Requests per 5 minutes one IP may send before it is blocked (flood protection). */
    ipRequestsPer5Min: number;
    /** Per-user quotas on API paths. Default: `SEED_RATE_LIMITS`. */
    userRateLimits?: UserRateLimit[];
    /** AWS Bot Control (common) rule group; it has its own monthly and per-request fees. */
    botControl: boolean;
    /** Retention of the WAF log group, days. */
    logRetentionDays: number;
}

/**
 * A WAFv2 web ACL for CloudFront (scope CLOUDFRONT, so every resource here must be created in
 * us-east-1: pass a provider for that region). Managed rule groups, per-IP flood protection,
 * per-user quotas, and full logging with the Authorization header and cookies redacted.
 */
export class EdgeWaf extends pulumi.ComponentResource {
    public readonly webAclArn: pulumi.Output<string>;
    /** The ACL's CloudWatch metric name: the `WebACL` dimension of its AWS/WAFV2 metrics (WAF developer guide, "waf-metrics"). */
    public readonly metricName: string;

    constructor(name: string, args: EdgeWafArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.edgeWaf, name, {}, opts);
        const parent = { parent: this };
        const visibility = (metric: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `${name}-${metric}`.replace(/[^A-Za-z0-9-_]/g, "") });

        const managed = [...MANAGED_RULE_GROUPS, ...(args.botControl ? [BOT_CONTROL_RULE_GROUP] : [])].map((group, i) => ({
            name: group,
            priority: 10 + i,
            overrideAction: { none: {} },
            statement: {
                managedRuleGroupStatement: {
                    vendorName: "AWS",
                    name: group,
                    ...(group === BOT_CONTROL_RULE_GROUP && {
                        managedRuleGroupConfigs: [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: "COMMON" } }],
                    }),
                },
            },
            visibilityConfig: visibility(group),
        }));
        const flood = {
            name: "ip-flood",
            priority: 1,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: args.ipRequestsPer5Min, evaluationWindowSec: 300, aggregateKeyType: "IP" } },
            visibilityConfig: visibility("ip-flood"),
        };
        const quotas = (args.userRateLimits ?? SEED_RATE_LIMITS).map((q, i) => ({
            name: `user-${q.name}`,
            priority: 2 + i,
            action: { block: { customResponse: { responseCode: 429 } } },
            statement: {
                rateBasedStatement: {
                    limit: wafLimit(q.limitPerHour),
                    evaluationWindowSec: WAF_RATE_WINDOW_SECONDS,
                    aggregateKeyType: "CUSTOM_KEYS",
                    customKeys: [{ header: { name: "authorization", textTransformations: [{ priority: 0, type: "NONE" }] } }],
                    scopeDownStatement: {
                        byteMatchStatement: {
                            searchString: q.pathPrefix,
                            positionalConstraint: "STARTS_WITH",
                            fieldToMatch: { uriPath: {} },
                            textTransformations: [{ priority: 0, type: "NONE" }],
                        },
                    },
                },
            },
            visibilityConfig: visibility(`user-${q.name}`),
        }));

        const acl = new aws.wafv2.WebAcl(`${name}-acl`, {
            scope: "CLOUDFRONT",
            description: "Edge protection of the platform's CloudFront distribution",
            defaultAction: { allow: {} },
            rules: [flood, ...quotas, ...managed],
            visibilityConfig: visibility("acl"),
        }, parent);

        // WAF only delivers to log groups whose name starts with aws-waf-logs-.
        const logs = retainedLogGroup(`${name}-waf-logs`, { name: `aws-waf-logs-${name}`, retentionDays: args.logRetentionDays }, parent);
        new aws.wafv2.WebAclLoggingConfiguration(`${name}-waf-logs`, {
            resourceArn: acl.arn,
            logDestinationConfigs: [logs.arn],
            redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
        }, parent);

        this.webAclArn = acl.arn;
        this.metricName = visibility("acl").metricName;
        this.registerOutputs({ webAclArn: this.webAclArn });
    }
}
