/**
 * Stack configuration: one typed, bounded schema for every key a stack file may set, checked
 * before any resource is registered. Errors name the key, the bad value and what is allowed.
 *
 * The parser is pure (raw key/value map in, typed config out) so tests and the offline plan can
 * use it without a Pulumi engine; `loadStackConfig()` feeds it the engine's config.
 */
import { z } from "zod";
import { OFFLINE_PLACEHOLDER_SECRET, SECRET_MARKER } from "../core/plan/previewJson";
import { WAIVER_TAG_PREFIX } from "../core/policy/waived";
import { STATEFUL_PRESET_NAMES } from "../components/statefulPresets";
import { ALARM_CATALOG, ALARM_IDS, DB_CLASS_MEMORY_GIB } from "../components/alarmCatalog";
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from "../core/kubernetesVersions";
import { LOG_RETENTION_DAYS, TIER_NAMES, TIERS, TierName, TierSizing, TierSizingSchema } from "./tiers";

export const PROJECT = "tiered-infra";

/**
 * Thrown for invalid stack config. Branded as a Pulumi RunError (`RunError.isInstance` checks this
 * brand), so `pulumi preview` prints the message without a stack trace, while this module stays
 * free of the Pulumi SDK and loads fast in the tools.
 */
export class ConfigError extends Error {
    readonly __pulumiRunError = true;
    constructor(public readonly problems: string[]) {
        super(`invalid stack configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        this.name = "ConfigError";
    }
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);

const CIDR_RE = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(\d|[12]\d|3[0-2])$/;
const cidr = z.string().regex(CIDR_RE, { message: "must be an IPv4 CIDR block such as 203.0.113.0/24" });
/** VPC range: /16 to /20 leaves room for 3 AZs of private (pod) subnets. */
const vpcCidr = cidr.refine((c) => {
    const prefix = Number(c.split("/")[1]);
    return prefix >= 16 && prefix <= 20;
}, { message: "must be a CIDR block with a prefix from /16 to /20" });
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;
const httpsOrigin = z.string().refine((o) => /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/.test(o) || LOCAL_ORIGIN.test(o), {
    message: "must be an https:// origin such as https://app.example.com (no path, no wildcard; http://localhost only on local stacks)",
});
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, { message: "must be an UPPER_SNAKE_CASE environment variable name" });
const dnsLabel = z.string().regex(/^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/, {
    message: "must be a lowercase DNS label of 1-32 characters (a-z, 0-9, -), starting with a letter",
});
const retentionDays = z.number().refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    message: `must be a CloudWatch Logs retention value: ${LOG_RETENTION_DAYS.join(", ")}`,
});

const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const PAGERDUTY_KEY = "alerting.pagerDutyUrl";

/** A stack's change to one row of the alarm table (components/alarmCatalog.ts). */
const AlarmOverrideSchema = z
    .object({
        /** false removes the alarm; the coverage policy reports a removed required alarm. */
        enabled: z.boolean().optional(),
        /** Absolute threshold in the metric's unit. */
        threshold: z.number().finite().optional(),
        /** Share of the row's capacity figure (rows whose threshold is a share). */
        share: z.number().gt(0).max(1).optional(),
        /** CloudWatch periods: 10, 30, or a multiple of 60 seconds up to a day. */
        periodSeconds: z.number().int().refine((p) => p === 10 || p === 30 || (p % 60 === 0 && p >= 60 && p <= 86_400), {
            message: "must be 10, 30 or a multiple of 60 up to 86400 (CloudWatch alarm periods)",
        }).optional(),
        evaluationPeriods: int(1, 100).optional(),
        datapointsToAlarm: int(1, 100).optional(),
        treatMissingData: z.enum(["missing", "ignore", "breaching", "notBreaching"]).optional(),
        severity: z.enum(["critical", "warning"]).optional(),
    })
    .strict();

const StackConfigSchema = z
    .object({
        /** Where the system runs: AWS + EKS (the tiers), or local Docker. */
        platform: z.enum(["aws", "local"]).default("aws"),
        /** Which row of the tier table this stack starts from (local stacks use it only for defaults). */
        tier: z.enum(TIER_NAMES),
        /**
         * The system's building blocks. Default: seed 002's website analyzer (PostgreSQL, Redis,
         * ChromaDB). Seed 000 uses InfluxDB only, seed 001 Dgraph only.
         */
        system: z
            .object({
                database: z.boolean().default(true),
                cache: z.boolean().default(true),
                statefulServices: z.array(z.enum(STATEFUL_PRESET_NAMES)).max(3).refine((l) => new Set(l).size === l.length, { message: "must not repeat a service" }).default(["chroma"]),
                /** An S3 bucket for the app's files (seed 002 "Object Storage: Cache Files"), reached through the app's IAM role. AWS stacks only. */
                fileStore: z.boolean().default(true),
                /** A second web container (seed 003's frontend, port 12016); local stacks only. */
                frontend: z
                    .object({
                        image: z.string().regex(/^[a-z0-9]+([._\/:-][a-z0-9]+)*$/, { message: "must be a container image reference without a tag" }),
                        tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/).refine((t) => t !== "latest", { message: "must be a pinned version, not 'latest'" }),
                        port: int(1, 65_535),
                        healthPath: z.string().regex(/^\/[A-Za-z0-9_\/.-]*$/, { message: "must be an absolute HTTP path" }),
                    })
                    .strict()
                    .optional(),
            })
            .strict()
            .default({ database: true, cache: true, statefulServices: ["chroma"], fileStore: true }),
        /** Secrets the deployment generates (random, 40 characters) instead of reading them from config. */
        generatedSecrets: z.array(envName).max(20).default([]),
        /** Local stacks: host ports (seed 003: nginx 80, backend 12015, frontend 12016). */
        localPorts: z
            .object({
                proxy: int(1, 65_535).default(80),
                app: int(1, 65_535).default(12015),
                frontend: int(1, 65_535).default(12016),
                /** Grafana and Prometheus with `observability.local` (on 127.0.0.1 only). */
                grafana: int(1, 65_535).default(13000),
                prometheus: int(1, 65_535).default(19090),
            })
            .strict()
            .default({ proxy: 80, app: 12015, frontend: 12016, grafana: 13000, prometheus: 19090 }),
        /**
         * `production` (default) keeps every data-protection setting on. `development` may relax
         * deletion protection and final snapshots, and only where the stack says so explicitly.
         */
        environment: z.enum(["production", "development"]).default("production"),
        /** Field-by-field overrides of the tier row, e.g. `{ app: { maxReplicas: 8 } }`. */
        sizing: z.record(z.string(), z.unknown()).default({}),
        network: z.object({ cidr: vpcCidr.default("10.0.0.0/16") }).strict().default({ cidr: "10.0.0.0/16" }),
        /** Retention of every CloudWatch log group the platform creates (seed 001: 30 days). */
        logRetentionDays: retentionDays.default(30),
        /** Extra tags on every taggable AWS resource. */
        tags: z.record(z.string().regex(/^[A-Za-z0-9_.:/=+@-]{1,128}$/, { message: "must be a valid AWS tag key" }), z.string().max(256)).default({}),
        app: z
            .object({
                name: dnsLabel.default("web"),
                image: z.string().regex(/^[a-z0-9]+([._\/:-][a-z0-9]+)*$/, { message: "must be a container image reference without a tag, such as ghcr.io/acme/web" }).default("ghcr.io/example/website-analyzer"),
                tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, { message: "must be an image tag such as 1.4.2" }).refine((t) => t !== "latest", {
                    message: "must be a pinned version, not 'latest' (a moving tag makes rollouts unreproducible)",
                }).default("1.0.0"),
                port: int(1, 65_535).default(8080),
                healthPath: z.string().regex(/^\/[A-Za-z0-9_\/.-]*$/, { message: "must be an absolute HTTP path such as /healthz" }).default("/healthz"),
                /** CPU architecture of the image; arm64 runs on Graviton nodes, cheaper per vCPU (m7g.large $0.0816/h against m7i.large $0.1008/h, us-east-1, karpenter pricing data 2026-07). */
                architecture: z.enum(["arm64", "x86_64"]).default("arm64"),
                /** Plain (non-secret) environment variables; secrets go in `appSecrets`. */
                env: z.record(envName, z.string().max(4096)).default({}),
            })
            .strict()
            .default({ name: "web", image: "ghcr.io/example/website-analyzer", tag: "1.0.0", port: 8080, healthPath: "/healthz", architecture: "arm64" as const, env: {} }),
        cluster: z
            .object({
                kubernetesVersion: z.enum(Object.keys(KUBERNETES_VERSIONS) as [keyof typeof KUBERNETES_VERSIONS]).default(DEFAULT_KUBERNETES_VERSION),
                /** CIDRs allowed to reach the public API endpoint; empty keeps the API private to the VPC. */
                publicAccessCidrs: z
                    .array(cidr.refine((c) => !c.endsWith("/0"), { message: "must not open the API to the whole internet; list your CI/VPN ranges" }))
                    .max(40)
                    .default([]),
            })
            .strict()
            .default({ kubernetesVersion: DEFAULT_KUBERNETES_VERSION, publicAccessCidrs: [] }),
        /**
         * Custom domain of the CDN. With it, CloudFront gets an ACM certificate (validated in the
         * hosted zone) and enforces TLS 1.2+ for viewers; without it, only CloudFront's default
         * certificate is possible, which cannot.
         */
        edge: z
            .object({
                domain: z.string().regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, { message: "must be a fully qualified host name such as app.example.com" }),
                hostedZoneId: z.string().regex(/^Z[A-Z0-9]{4,31}$/, { message: "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ" }),
            })
            .strict()
            .optional(),
        /** Browser origins allowed by CORS; never `*`, always https. */
        corsOrigins: z.array(httpsOrigin).min(1).max(20).default(["https://app.example.com"]),
        /** Application secrets by env var name; must be set with `pulumi config set --secret`. */
        appSecrets: z.record(envName, z.string().min(1)).default({}),
        /**
         * Data-tier safety nets. Every one is on by default; only `environment: development` may
         * switch one off, and only by saying so here.
         */
        dataProtection: z
            .object({ deletionProtection: z.boolean().default(true), finalSnapshot: z.boolean().default(true), protect: z.boolean().default(true) })
            .strict()
            .default({ deletionProtection: true, finalSnapshot: true, protect: true }),
        /**
         * An external managed vector database (seed 002 large tier: Pinecone / Weaviate Cloud), used
         * when `sizing.vectorDb.mode` is `managed`. Its connection string is the secret
         * `appSecrets.VECTOR_DB_URL`; its fee feeds the cost estimate.
         */
        /**
         * Who is told when an alarm fires (AWS stacks): emails on both topics, PagerDuty on the
         * critical one. A production stack needs at least one subscriber.
         */
        alerting: z
            .object({
                emails: z.array(z.string().regex(EMAIL_RE, { message: "must be an email address such as ops@example.com" })).max(10)
                    .refine((l) => new Set(l).size === l.length, { message: "must not repeat an address" }).default([]),
                /** PagerDuty's CloudWatch integration URL; a secret (`pulumi config set --secret --path 'alerting.pagerDutyUrl' URL`). */
                pagerDutyUrl: z.string().min(1).optional(),
            })
            .strict()
            .default({ emails: [] }),
        /** Stack-level observability choices; what each tier runs is the tier row's `observability` block. */
        observability: z
            .object({
                /** Local stacks: run Prometheus and Grafana containers next to the app. */
                local: z.boolean().default(false),
                /** Changes to rows of the alarm table by id, e.g. `{ rds-cpu: { threshold: 80 } }`. */
                alarms: z.partialRecord(z.enum(ALARM_IDS as [string, ...string[]]), AlarmOverrideSchema).default({}),
            })
            .strict()
            .default({ local: false, alarms: {} }),
        managedVectorDb: z
            .object({ provider: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { message: "must be a short lowercase name such as pinecone" }), monthlyFeeUsd: z.number().min(0).max(1_000_000) })
            .strict()
            .optional(),
    })
    .strict()
    .superRefine((cfg, ctx) => {
        if (cfg.platform !== "local") {
            cfg.corsOrigins.forEach((o, i) => {
                if (LOCAL_ORIGIN.test(o)) ctx.addIssue({ code: "custom", path: ["corsOrigins", i], message: "is a plain-HTTP localhost origin, allowed only on local stacks; use an https:// origin" });
            });
        }
        if (cfg.system.frontend && cfg.platform !== "local") {
            ctx.addIssue({ code: "custom", path: ["system", "frontend"], message: "is for local stacks only; on AWS the static frontend is served from the CDN's bucket" });
        }
        // These tags become the AWS provider's default tags, which the engine never shows to policies:
        // a waiver there would waive nothing, silently.
        for (const key of Object.keys(cfg.tags)) {
            if (key.startsWith(WAIVER_TAG_PREFIX)) {
                ctx.addIssue({
                    code: "custom",
                    path: ["tags", key],
                    message: `is a waiver, but tiered-infra:tags become the AWS provider's default tags, which policies never see, so it would waive nothing; put it on the resource itself (tag ${key} in that resource's tags), or in the policy config: "${key.slice(WAIVER_TAG_PREFIX.length)}": { "waivers": [{ "resource": "<URN or name>", "reason": "...", "expires": "YYYY-MM-DD" }] }`,
                });
            }
        }
        if (cfg.observability.local && cfg.platform !== "local") {
            ctx.addIssue({ code: "custom", path: ["observability", "local"], message: "is for local stacks only; AWS tiers get CloudWatch, and AMP/Grafana per the tier row" });
        }
        for (const [id, o] of Object.entries(cfg.observability.alarms)) {
            const row = ALARM_CATALOG.find((a) => a.id === id)!;
            if (!o) continue;
            const at = (k: string) => ["observability", "alarms", id, k];
            if (o.threshold !== undefined && o.share !== undefined) ctx.addIssue({ code: "custom", path: at("share"), message: "give either threshold or share, not both" });
            if (o.share !== undefined && !("of" in row.threshold)) ctx.addIssue({ code: "custom", path: at("share"), message: `is not allowed: ${id}'s threshold is absolute; set threshold instead` });
            const evaluations = o.evaluationPeriods ?? row.evaluationPeriods;
            if (o.datapointsToAlarm !== undefined && o.datapointsToAlarm > evaluations) {
                ctx.addIssue({ code: "custom", path: at("datapointsToAlarm"), message: `must not exceed evaluationPeriods (${evaluations})` });
            }
        }
        if (cfg.environment !== "development") {
            for (const [k, on] of Object.entries(cfg.dataProtection)) {
                if (!on) ctx.addIssue({ code: "custom", path: ["dataProtection", k], message: "may be false only when tiered-infra:environment is development" });
            }
        }
    });


export type StackConfigInput = z.input<typeof StackConfigSchema>;

/** A stack's validated configuration with the tier row resolved. */
export interface StackConfig extends Omit<z.output<typeof StackConfigSchema>, "sizing"> {
    /** The stack's tier row after overrides. */
    sizing: TierSizing;
    /** AWS region (`aws:region`). */
    region: string;
    /** Accepted but worth saying (e.g. a development stack nobody is alerted for). */
    warnings: string[];
}

/** Config keys of the project namespace that hold plain strings; every other key holds JSON/YAML structure. */
const STRING_KEYS = new Set(["tier", "environment"]);
const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * AWS region names a DR region may take: the `Region` enum of @pulumi/aws 7.48.0
 * (`types/enums/index.d.ts`, the provider's own list; `test/infra/config.test.ts` keeps the two equal).
 */
export const AWS_REGIONS = [
    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
    "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1",
    "us-west-2", "cn-north-1", "cn-northwest-1", "eusc-de-east-1", "us-gov-east-1", "us-gov-west-1", "us-iso-east-1", "us-iso-west-1",
    "us-isob-east-1", "us-isob-west-1", "eu-isoe-west-1", "us-isof-east-1", "us-isof-south-1",
] as const;

/** The AWS partition of a region: data is copied only within a partition (aws, aws-cn, aws-us-gov, ...). */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("eusc-")) return "aws-eusc";
    const iso = /^[a-z]{2}-(iso[a-z]?)-/.exec(region);
    return iso ? `aws-${iso[1]}` : "aws";
}

/** Problems of the tier row's DR region against the stack's region. */
function drRegionProblems(sizing: TierSizing, region: string, key: string): string[] {
    const dr = sizing.recovery.drRegion;
    if (dr === undefined) return [];
    if (!(AWS_REGIONS as readonly string[]).includes(dr)) {
        return [`${key}: ${JSON.stringify(dr)} is not an AWS region; expected one of: ${AWS_REGIONS.filter((r) => partitionOf(r) === partitionOf(region)).join(", ")}`];
    }
    if (dr === region) {
        return [`${key}: ${JSON.stringify(dr)} is not allowed; must differ from aws:region (${region}): copies in the stack's own region do not survive its loss`];
    }
    if (partitionOf(dr) !== partitionOf(region)) {
        return [`${key}: ${JSON.stringify(dr)} is not allowed; must be in the same AWS partition as aws:region (${region}, ${partitionOf(region)}): AWS copies data only within a partition`];
    }
    return [];
}

/**
 * Parses and validates a stack's raw config (keys as `pulumi config` writes them, values as the
 * engine passes them: strings, structured values JSON-encoded).
 *
 * @param secretKeys keys whose values are secrets (`secure:` in the stack file).
 * @param opts.redactedSecrets the config comes from a preview JSON, where every secret key's value
 *   is `[secret]`: those keys are read as absent and checks that need their content are skipped.
 * @throws ConfigError listing every problem found.
 */
export function parseStackConfig(raw: Record<string, string>, secretKeys: ReadonlySet<string> = new Set(), opts: { redactedSecrets?: boolean } = {}): StackConfig {
    const problems: string[] = [];
    const input: Record<string, unknown> = {};
    const prefix = `${PROJECT}:`;
    const redacted = new Set<string>();
    for (const [key, value] of Object.entries(raw)) {
        if (!key.startsWith(prefix)) continue;
        const name = key.slice(prefix.length);
        if (opts.redactedSecrets && value === SECRET_MARKER) {
            redacted.add(name);
            continue;
        }
        if (STRING_KEYS.has(name)) {
            input[name] = value;
            continue;
        }
        try {
            input[name] = JSON.parse(value);
        } catch {
            // A bare word where structure or a number belongs: let the schema say what it wanted.
            input[name] = value;
        }
    }

    const region = raw["aws:region"] ?? (raw[`${prefix}platform`] === "local" ? "local" : undefined);
    if (region === undefined) {
        problems.push(`aws:region: is required; set it with \`pulumi config set aws:region us-east-1\``);
    } else if (region !== "local" && !REGION_RE.test(region)) {
        problems.push(`aws:region: ${JSON.stringify(region)} is not an AWS region name; expected a name such as us-east-1`);
    }

    const parsed = StackConfigSchema.safeParse(input);
    if (!parsed.success) {
        problems.push(...ofRightType(parsed.error.issues).map((issue) => describeIssue(issue, input, prefix, StackConfigSchema)));
        throw new ConfigError(problems);
    }
    const cfg = parsed.data;

    const secretKey = `${prefix}appSecrets`;
    if (Object.keys(cfg.appSecrets).length > 0 && !secretKeys.has(secretKey) && !opts.redactedSecrets) {
        problems.push(`${secretKey}: is stored in plain text; set each value with \`pulumi config set --secret --path 'appSecrets.NAME' VALUE\``);
    }
    for (const name of Object.keys(cfg.app.env)) {
        if (name in cfg.appSecrets) {
            problems.push(`${prefix}app.env.${name}: is also defined in appSecrets; a variable comes either from config or from a secret, not both`);
        }
    }

    const warnings: string[] = [];
    problems.push(...alertingProblems(cfg, secretKeys, redacted, opts, warnings));

    const sizing = resolveSizing(cfg.tier, cfg.sizing, `${prefix}sizing`, problems);
    if (sizing && region !== undefined && cfg.platform !== "local") problems.push(...drRegionProblems(sizing, region, `${prefix}sizing.recovery.drRegion`));
    if (sizing && cfg.platform === "aws" && cfg.system.database && DB_CLASS_MEMORY_GIB[sizing.database.instanceClass] === undefined) {
        problems.push(`${prefix}sizing.database.instanceClass: ${JSON.stringify(sizing.database.instanceClass)} has no memory figure in components/alarmCatalog.ts, so its memory and connection alarms cannot be sized; known classes: ${Object.keys(DB_CLASS_MEMORY_GIB).join(", ")}`);
    }
    if (sizing?.vectorDb.mode === "managed" && cfg.system.statefulServices.includes("chroma")) {
        if (!cfg.managedVectorDb) problems.push(`${prefix}managedVectorDb: is required when sizing.vectorDb.mode is managed; give { provider, monthlyFeeUsd }`);
        if (!("VECTOR_DB_URL" in cfg.appSecrets) && !redacted.has("appSecrets")) problems.push(`${prefix}appSecrets.VECTOR_DB_URL: is required when sizing.vectorDb.mode is managed; set it with \`pulumi config set --secret --path 'appSecrets.VECTOR_DB_URL' URL\``);
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return { ...cfg, sizing: sizing!, region: region!, warnings };
}

/**
 * The PagerDuty URL must be a secret (it lets anyone page the on-call) and an https URL; a
 * production AWS stack needs somebody to tell, a development one gets a warning.
 */
function alertingProblems(
    cfg: z.output<typeof StackConfigSchema>,
    secretKeys: ReadonlySet<string>,
    redacted: ReadonlySet<string>,
    opts: { redactedSecrets?: boolean },
    warnings: string[],
): string[] {
    const key = `${PROJECT}:alerting`;
    if (redacted.has("alerting")) return [];
    const problems: string[] = [];
    const url = cfg.alerting.pagerDutyUrl;
    if (url !== undefined) {
        if (!secretKeys.has(key) && !opts.redactedSecrets) {
            problems.push(`${PROJECT}:${PAGERDUTY_KEY}: is stored in plain text; set it with \`pulumi config set --secret --path '${PAGERDUTY_KEY}' URL\``);
        } else if (url !== OFFLINE_PLACEHOLDER_SECRET && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) {
            problems.push(`${PROJECT}:${PAGERDUTY_KEY}: is not an https:// URL; use the CloudWatch integration URL PagerDuty gives (https://events.pagerduty.com/...)`);
        }
    }
    if (cfg.platform === "aws" && cfg.alerting.emails.length === 0 && url === undefined) {
        const how = `set ${PROJECT}:alerting.emails (e.g. [ops@example.com]) or ${PAGERDUTY_KEY} (\`pulumi config set --secret --path '${PAGERDUTY_KEY}' URL\`)`;
        if (cfg.environment === "production") problems.push(`${key}: a production stack needs at least one alert subscriber, or alarms fire unheard; ${how}`);
        else warnings.push(`${key}: no alert subscriber: alarms of this development stack notify nobody; ${how}`);
    }
    return problems;
}

/** Merges a stack's overrides into its tier row and validates the result; problems are appended. */
export function resolveSizing(tier: TierName, overrides: Record<string, unknown>, keyPrefix: string, problems: string[]): TierSizing | undefined {
    const merged = deepMerge(TIERS[tier], overrides);
    const result = TierSizingSchema.safeParse(merged);
    if (result.success) return result.data;
    problems.push(...ofRightType(result.error.issues).map((issue) => blameOverride(issue, overrides, merged, tier, keyPrefix) ?? describeIssue(issue, merged, keyPrefix, TierSizingSchema, ".")));
    return undefined;
}

/**
 * Cross-field bounds of the tier row (`min <= max`) are checked on one field of the pair; when the
 * stack set only the other one, the problem is told against the key the stack set, with the tier's
 * value of the key it did not set (`maxReplicas: 2` on the small tier, whose minReplicas is 3).
 */
const PAIRS: Array<{ checked: string[]; other: string[] }> = [
    { checked: ["app", "minReplicas"], other: ["app", "maxReplicas"] },
    { checked: ["database", "maxAllocatedStorageGiB"], other: ["database", "allocatedStorageGiB"] },
    { checked: ["budget", "maxMonthlyUsd"], other: ["budget", "minMonthlyUsd"] },
];

function blameOverride(issue: z.core.$ZodIssue, overrides: Record<string, unknown>, merged: unknown, tier: TierName, keyPrefix: string): string | undefined {
    if (issue.code !== "custom") return undefined;
    const pair = PAIRS.find((p) => p.checked.join(".") === issue.path.join("."));
    if (!pair || valueAt(overrides, pair.checked) !== undefined || valueAt(overrides, pair.other) === undefined) return undefined;
    const relation = pair.checked[1].startsWith("min") ? "below" : "above";
    return `${keyPrefix}.${pair.other.join(".")}: ${render(valueAt(merged, pair.other))} is ${relation} the ${tier} tier's ${pair.checked.join(".")} (${render(valueAt(merged, pair.checked))}); change it, or set ${pair.checked.join(".")} too`;
}

function deepMerge(base: unknown, override: unknown): unknown {
    if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = deepMerge(base[k], v);
    return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    let cur: unknown = root;
    for (const p of path) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = (cur as Record<PropertyKey, unknown>)[p];
    }
    return cur;
}

/** The keys an object schema at `path` allows, for "unknown key" messages. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
    let cur: z.ZodType | undefined = schema;
    for (const p of [...path, undefined]) {
        // Unwrap defaults, optionals and refinements until an object or a record (or nothing) is left.
        for (let i = 0; i < 5 && cur; i++) {
            const def: any = (cur as any).def ?? (cur as any)._def;
            if (def?.type === "object" || def?.type === "record") break;
            cur = def?.innerType ?? def?.in ?? def?.schema;
        }
        if (!cur) return [];
        const def: any = (cur as any).def ?? (cur as any)._def;
        // A record keyed by an enum (e.g. alarm ids) allows exactly the enum's values.
        if (def?.type === "record") {
            if (p === undefined) return def.keyType?.options ?? [];
            cur = def.valueType;
            continue;
        }
        if (p === undefined) break;
        cur = ((cur as any).shape ?? {})[p as string];
    }
    return Object.keys((cur as any)?.shape ?? {});
}

/** A value of the wrong type gets that one problem, not also the bounds of the type it should have had. */
function ofRightType(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
    const wrongType = new Set(issues.filter((i) => i.code === "invalid_type").map((i) => JSON.stringify(i.path)));
    return issues.filter((i) => i.code === "invalid_type" || !wrongType.has(JSON.stringify(i.path)));
}

function render(v: unknown): string {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, keyPrefix: string, schema: z.ZodType, sep = ""): string {
    const path = issue.path;
    const key = path.length === 0 ? keyPrefix.replace(/:$/, "") : `${keyPrefix}${sep}${path.join(".")}`;
    const value = valueAt(input, path);
    switch (issue.code) {
        case "unrecognized_keys":
            return issue.keys
                .map((k) => {
                    const fullKey = path.length === 0 && sep === "" ? `${keyPrefix}${k}` : `${key}.${k}`;
                    return `${fullKey}: is not a known key; allowed keys: ${allowedKeysAt(schema, path).join(", ")}`;
                })
                .join("\n  - ");
        case "invalid_value":
            return `${key}: ${value === undefined ? "is required" : `${render(value)} is not allowed`}; expected one of: ${issue.values.map((v) => String(v)).join(", ")}`;
        case "invalid_type":
            return value === undefined ? `${key}: is required (${issue.expected})` : `${key}: ${render(value)} is not allowed; expected ${issue.expected === "int" ? "an integer" : /^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`}`;
        case "too_small":
            return `${key}: ${render(value)} is too small; ${issue.origin === "array" ? `needs at least ${issue.minimum} item(s)` : issue.origin === "string" ? `needs at least ${issue.minimum} character(s)` : `must be at least ${issue.minimum}`}`;
        case "too_big":
            return `${key}: ${render(value)} is too large; ${issue.origin === "array" ? `allows at most ${issue.maximum} item(s)` : issue.origin === "string" ? `allows at most ${issue.maximum} character(s)` : `must be at most ${issue.maximum}`}`;
        case "invalid_key":
            return `${key}: has an invalid key; ${issue.issues.map((i) => i.message).join("; ")}`;
        default:
            return `${key}: ${render(value)} is not allowed; ${issue.message}`;
    }
}

/** Reads the running stack's config from the Pulumi engine (real or mocked) and validates it. */
export function loadStackConfig(): StackConfig {
    // Loaded here, not at the top: the parser above is used by tools that never load the SDK.
    const raw = (require("@pulumi/pulumi/runtime/config") as { allConfig(): Record<string, string> }).allConfig();
    const secretKeys = new Set(Object.keys(raw).filter((k) => isSecretKey(k)));
    return parseStackConfig(raw, secretKeys);
}

function isSecretKey(key: string): boolean {
    // `isConfigSecret` is how the SDK itself tells `getSecret` from `get`; it reads the secret key
    // list the engine (or setAllConfig) provides.
    const runtimeConfig: { isConfigSecret?: (k: string) => boolean } = require("@pulumi/pulumi/runtime/config");
    return runtimeConfig.isConfigSecret?.(key) ?? false;
}
