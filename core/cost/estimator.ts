/**
 * The estimator: planned resources (type + inputs, as in `pulumi preview --json`) become cost
 * components (name, unit, monthly quantity, unit price, monthly cost), priced from the catalog.
 * Reading a resource is separate from pricing it: the functions below only say what is consumed
 * and under which price key; prices come from catalog.ts.
 *
 * It fails closed: a type it does not know, a price the catalog lacks in the region ("not priced in
 * <region>: <key>"), a region outside the catalog, a commitment rate it lacks ("not priced under
 * savings-1y"), a usage figure it was not given, or a quantity not known until apply makes the
 * estimate incomplete. The total is then only a lower bound, every gap is listed with its reason,
 * and nothing is ever priced as $0 or as a guess.
 *
 * The bill's shape lives in its own modules: snapshot chains (snapshotChain.ts), CloudFront by
 * viewer mix and price class with the free tier (cloudfrontTraffic.ts), CPU credits (cpuCredits.ts),
 * commitment rates (commitmentRates.ts), dated price changes (datedChanges.ts).
 */
import { KUBERNETES_VERSIONS } from "../kubernetesVersions";
import { knownString as known, UNKNOWN_MARKER } from "../plan/previewJson";
import { urnName } from "../plan/urn";
import { BUCKET_ROLE_TAG, BUCKET_ROLES, cronIntervalMinutes } from "../recovery";
import { HOURS_PER_MONTH, PRICED_REGIONS, priceOf } from "./catalog";
import { CommitmentMode, commitmentRateOf, Upfront } from "./commitmentRates";
import { cloudfrontTraffic, freeTierOfAccount } from "./cloudfrontTraffic";
import { DatedChange, datedChanges } from "./datedChanges";
import { burstableCpuCredits } from "./cpuCredits";
import { snapshotChainFactor } from "./snapshotChain";
import { UsageProfile } from "./usage";
import { CommitmentKind, Usage } from "./usageLine";
import { cents } from "./money";

/** What the estimator needs of a planned resource. */
export interface PlannedResource {
    urn: string;
    type: string;
    custom?: boolean;
    inputs: Record<string, any>;
    dependencies?: string[];
    /** Region of the resource's provider; default: the estimate's region. */
    region?: string;
    /** The resources each input's value comes from (`pulumi preview --json`), when the caller has them. */
    propertyDependencies?: Record<string, string[]>;
}

export interface CostComponent {
    name: string;
    unit: string;
    /** Quantity per month; null when it is not known (no usage figure, or known only after apply). */
    monthlyQuantity: number | null;
    /** Unit price in USD; null when the catalog has no price for it here. */
    price: number | null;
    /** null when the component cannot be priced; `unpricedReason` says why. */
    monthlyCost: number | null;
    unpricedReason?: string;
    usageBased: boolean;
    priceKey: string;
    priceSource?: string;
    priceDate?: string;
    /** The price's source is weak: re-check it. */
    verify?: boolean;
    /** Region whose price applies (where the usage is billed). */
    region: string;
    /** Spent only to recover from the loss of the stack's region or to prove it can be done (copies, replicas, drills). */
    disasterRecovery?: boolean;
    /** An always-on line a commitment can cover: EC2 nodes (Compute Savings Plans), RDS and ElastiCache (reserved). */
    commitment?: CommitmentKind;
    /** The line is priced at a commitment's rate (`CostInputs.pricing`), not on-demand. */
    pricedAs?: PricingMode;
}

export type PricingMode = "on-demand" | CommitmentMode;
export const PRICING_MODES: readonly PricingMode[] = ["on-demand", "savings-1y", "savings-3y"];
export type { CommitmentKind };
export const UPFRONT_OPTIONS: readonly Upfront[] = ["none", "all"];

export interface ResourceCost {
    urn: string;
    name: string;
    type: string;
    /** Sum of the priced components: a lower bound when `complete` is false. */
    monthlyCost: number;
    /** Every component is priced. */
    complete: boolean;
    costComponents: CostComponent[];
}

/** Something the estimate could not price, and why. */
export interface CostGap {
    /** The resource (absent for a gap of the whole stack, such as an unpriced region). */
    urn?: string;
    name?: string;
    reason: string;
}

export interface StackCost {
    stack: string;
    tier?: string;
    region: string;
    /** False when a region resources live in has no prices (`unpricedRegions`): their components are unpriced. */
    regionPriced: boolean;
    /** Regions resources live in that the catalog does not price (not always the stack's region). */
    unpricedRegions: string[];
    /** Sum of what could be priced: a lower bound when `complete` is false. */
    totalMonthlyCost: number;
    /** Everything was priced: no unsupported type, unpriced component, unknown quantity or unpriced region. */
    complete: boolean;
    /** What could not be priced, per resource (and for the stack), with reasons. */
    gaps: CostGap[];
    resources: ResourceCost[];
    freeResourceTypes: string[];
    unsupportedResourceTypes: string[];
    unpricedComponents: string[];
    /** Known future changes of this stack's price, with their dates (core/cost/datedChanges.ts). */
    datedChanges: DatedChange[];
    /** How always-on lines were priced, and whether the account's free allowances were subtracted. */
    pricing: { mode: PricingMode; upfront: Upfront; freeAllowances: boolean };
    summary: { totalResources: number; estimated: number; free: number; unsupported: number; usageBasedWithoutUsage: number };
}

/**
 * What the estimator needs besides the resources, as data: the budget policy receives exactly this
 * in its config and the cost tools build it from the parsed stack config, so both price a stack the
 * same way.
 */
export interface CostInputs {
    /** AWS region whose prices apply; `local` for Docker stacks (nothing to price). */
    region: string;
    /** Quantities the plan cannot know; without it, usage-based components stay unpriced. */
    usage?: UsageProfile;
    /** Monthly charges that are not resources of the plan (e.g. a managed vector DB subscription in stack config). */
    fixedCharges?: FixedCharge[];
    /** Date deciding EKS standard vs extended support (YYYY-MM-DD). Default today. */
    today?: string;
    /**
     * Apply the account's always-free allowances (CloudFront's 1 TB and 10 M requests a month), once
     * over the stack. Default true; false for an account whose other workloads already use them.
     */
    freeAllowances?: boolean;
    /** How always-on lines are priced (default on-demand); usage lines are always on-demand. */
    pricing?: PricingMode;
    /** Upfront payment of a commitment (default none). */
    upfront?: Upfront;
    /** Usage figures of one resource by its logical name: that resource's own figures, not a share of the stack's. */
    resourceUsage?: Record<string, Partial<UsageProfile>>;
}

export interface FixedCharge {
    /** What is charged, for people: "pinecone subscription". */
    name: string;
    monthlyUsd: number;
    /** Where the figure comes from, e.g. the stack config key. */
    source: string;
}

export interface EstimateContext extends CostInputs {
    stack: string;
    tier?: string;
}


/** Type of the cost lines that come from `CostInputs.fixedCharges`, not from a resource. */
export const FIXED_CHARGE_TYPE = "tiered-infra:cost:FixedCharge";

/** Types that cost nothing themselves (their cost, if any, is billed through another resource). */
export const FREE_TYPES = new Set([
    "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/routeTable:RouteTable", "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/internetGateway:InternetGateway", "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "aws:ec2/flowLog:FlowLog", "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policy:Policy",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "aws:kms/alias:Alias",
    // Add-ons are free; the one that bills (Container Insights) has a reader below that prices its observations.
    "aws:eks/addon:Addon",
    "aws:lb/targetGroup:TargetGroup", "aws:lb/listener:Listener", "aws:autoscaling/attachment:Attachment",
    "aws:rds/subnetGroup:SubnetGroup", "aws:rds/parameterGroup:ParameterGroup",
    "aws:elasticache/subnetGroup:SubnetGroup", "aws:elasticache/user:User", "aws:elasticache/userGroup:UserGroup",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
    "aws:cloudfront/originAccessControl:OriginAccessControl", "aws:cloudfront/vpcOrigin:VpcOrigin", "aws:cloudfront/cachePolicy:CachePolicy",
    "aws:cloudfront/originRequestPolicy:OriginRequestPolicy", "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
    "aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation", "aws:route53/record:Record",
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "aws:backup/vault:Vault", "aws:backup/selection:Selection",
    "aws:secretsmanager/secretVersion:SecretVersion",
    // No charge to enable server access logging; the logs are billed as storage of the log bucket (Amazon S3 user guide, ServerLogs).
    "aws:s3/bucketLogging:BucketLogging",
    // A lock, a schedule and rules: what they cause (copies, restored resources) is priced on the plan and the selections.
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "aws:backup/restoreTestingPlan:RestoreTestingPlan",
    // AWS service events on the default event bus are not billed (their SNS publishes are priced on the topic).
    "aws:cloudwatch/eventRule:EventRule", "aws:cloudwatch/eventTarget:EventTarget",
    // Observability: access policies, rule and routing definitions are billed through what they configure
    // (topic publishes, the workspace's query samples); an access entry costs nothing.
    "aws:sns/topicPolicy:TopicPolicy", "aws:amp/ruleGroupNamespace:RuleGroupNamespace", "aws:amp/alertManagerDefinition:AlertManagerDefinition",
    "aws:eks/accessEntry:AccessEntry",
]);

/** Whole families that run on, or are billed through, something priced elsewhere. */
function isFreeFamily(type: string): boolean {
    return type.startsWith("pulumi:providers:") || type.startsWith("kubernetes:") || type.startsWith("docker:") || type.startsWith("random:");
}

/**
 * A number read from an input: `fallback` when the input is absent (the provider's default), NaN
 * when it is known only after apply or is not a number, so the component stays unpriced instead
 * of being priced as data it is not.
 */
function num(v: unknown, fallback: number): number {
    if (v === undefined || v === null) return fallback;
    if (typeof v === "number") return v;
    if (typeof v === "string" && v !== UNKNOWN_MARKER && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return Number.NaN;
}

/** How many entries a list input has: 0 when absent, NaN when the list itself is known only after apply. */
function countOf(v: unknown): number {
    if (v === undefined || v === null) return 0;
    return Array.isArray(v) ? v.length : Number.NaN;
}

/** A string input that names a priced thing (a class, a type): the marker stays visible to `price`. */
function nameOf(v: unknown, fallback = "unknown"): string {
    return typeof v === "string" ? v : v === undefined ? fallback : UNKNOWN_MARKER;
}

/** Default root volume of an EKS managed node group without a launch template (EKS API reference, read 2026-11-23). */
const EKS_DEFAULT_DISK_GIB = 20;

type Reader = (r: PlannedResource, ctx: ReaderContext) => Usage[];

interface ReaderContext extends EstimateContext {
    byUrn: Map<string, PlannedResource>;
    countOf(type: string): number;
    /** The plan's resources of a type (indexed once, so readers that look around stay linear). */
    ofType(type: string): PlannedResource[];
    /** A figure computed once per estimate and shared by every resource that reads it. */
    memo<T>(key: string, compute: () => T): T;
    today: string;
    /**
     * How many resources of `type` share a stack-wide usage figure: the count of that type, or 1
     * when the resource has figures of its own (`CostInputs.resourceUsage`).
     */
    splitAmong(type: string): number;
    /** The resource has figures of its own in the usage file. */
    ownUsage: boolean;
}

/**
 * The region a resource lives in: its own `region` input (pulumi-aws 7), else its provider's, else
 * the stack's; the unknown marker when the one that decides is known only at apply (never the
 * stack's region in its place).
 */
export function regionOf(r: PlannedResource, stackRegion: string): string {
    if (r.inputs.region === UNKNOWN_MARKER) return UNKNOWN_MARKER;
    return known(r.inputs.region) ?? r.region ?? stackRegion;
}

/** What a line whose region is known only at apply shows as its region. */
export const REGION_AT_APPLY = "unknown";

/** The region an ARN names (`arn:aws:<service>:<region>:...`), if it is known and names one. */
function arnRegion(arn: unknown): string | undefined {
    return known(arn)?.split(":")[3] || undefined;
}

function dependenciesOf(r: PlannedResource, ctx: ReaderContext, type: string): PlannedResource[] {
    return (r.dependencies ?? []).map((d) => ctx.byUrn.get(d)).filter((d): d is PlannedResource => d?.type === type);
}

/** Inter-region transfer, priced where it is sent from (us-east-1 and us-east-2 trade at a lower rate). */
function transfer(name: string, gib: number | null, from: string, to: string): Usage {
    const usEast = new Set(["us-east-1", "us-east-2"]);
    return { name: `${name} (${from} to ${to})`, priceKey: usEast.has(from) && usEast.has(to) ? "dataTransfer.interRegion.usEast" : "dataTransfer.interRegion", quantity: gib, usageBased: true, region: from, dr: true };
}

const bucketRole = (b: PlannedResource | undefined): string | undefined => known(b?.inputs.tags?.[BUCKET_ROLE_TAG]);

/** GiB a bucket of this role holds, and GiB written to it a month. */
function bucketUsage(role: string | undefined, name: string, usage: UsageProfile | undefined): { stored: number | null; written: number | null; what: string } {
    // Untagged (a bucket of another program): a name with the word log or logs in any case, between
    // separators or as a camelCase word (`app-LOGS`, `accessLogs`, `AppLogs`), not "catalog", "blog-assets" or "logistics".
    const logs = role === BUCKET_ROLES.accessLogs || (role === undefined && (/(^|[-_.])logs?([-_.]|$)/i.test(name) || /[a-z]Logs?([-_.A-Z]|$)/.test(name)));
    const files = role === BUCKET_ROLES.fileStore;
    // The line is named for what the bucket holds, with or without usage figures.
    const what = logs ? "access logs" : files ? "app files" : "static assets";
    if (!usage) return { stored: null, written: null, what };
    if (logs) return { stored: usage.s3LogsGiB, written: null, what };
    if (files) return { stored: usage.s3FileStoreGiB, written: usage.s3FileStoreWriteGiB, what };
    return { stored: usage.s3StaticGiB, written: usage.s3StaticWriteGiB, what };
}

/** Runs a month of an AWS cron schedule (730 hours / its longest interval); null when it cannot be read. */
function runsPerMonth(schedule: unknown): number | null {
    const interval = cronIntervalMinutes(schedule);
    return interval === undefined ? null : (HOURS_PER_MONTH * 60) / interval;
}

/** Bytes of each suffix of a Kubernetes quantity (binary and decimal; none = bytes). */
const QUANTITY_BYTES: Record<string, number> = { "": 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * GiB of a Kubernetes storage quantity (`10Gi`, `500M`, `1Ti`, `1073741824`, `+10Gi`, `1e3`, `.5Gi`);
 * undefined when it is not one. The grammar of k8s.io/apimachinery `resource.Quantity`: an optional
 * sign, a decimal number, then a binary or decimal SI suffix or a decimal exponent (`e3`, `E-2`).
 */
function gibOf(quantity: unknown): number | undefined {
    const m = typeof quantity === "string" ? /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/.exec(quantity) : null;
    return m ? (Number(m[1]) * (m[2] !== undefined ? 10 ** Number(m[2]) : QUANTITY_BYTES[m[3] ?? ""])) / 2 ** 30 : undefined;
}

const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const REPLICATION_TYPE = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

/** The bucket of the plan a bucket name or ARN names: its `bucket` input, or Pulumi's autoname of its logical name (`<name>-<7 hex>`). */
function bucketNamed(value: unknown, ctx: ReaderContext): PlannedResource | undefined {
    const v = known(value);
    if (v === undefined) return undefined;
    const name = v.replace(/^arn:[^:]+:s3:::/, "");
    const buckets = BUCKET_TYPES.flatMap((t) => ctx.ofType(t));
    const one = (found: PlannedResource[]) => (found.length === 1 ? found[0] : undefined);
    return one(buckets.filter((b) => b.inputs.bucket === name))
        ?? one(buckets.filter((b) => b.inputs.bucket === undefined && b.inputs.bucketPrefix === undefined && name.length === urnName(b.urn).length + 8 && name.startsWith(`${urnName(b.urn)}-`) && /^[0-9a-f]+$/.test(name.slice(-7))));
}

/**
 * The two ends of a replication: its source (its `bucket` input) and its destination (its rules'
 * `destination.bucket`), found by the names or ARNs they give, else by the resources those inputs
 * come from (property dependencies), else by role tags among its dependencies (a `replica` tag is
 * the destination; the one other bucket, the source); never by the dependencies' order.
 */
function replicationEnds(config: PlannedResource, ctx: ReaderContext): { source?: PlannedResource; destination?: PlannedResource } {
    return ctx.memo(`replication:${config.urn}`, () => {
        const isBucket = (b: PlannedResource | undefined): b is PlannedResource => b !== undefined && BUCKET_TYPES.includes(b.type);
        const from = (key: string) => {
            const found = (config.propertyDependencies?.[key] ?? []).map((u) => ctx.byUrn.get(u)).filter(isBucket);
            return found.length === 1 ? found[0] : undefined;
        };
        const rules: any[] = Array.isArray(config.inputs.rules) ? config.inputs.rules : [];
        const deps = (config.dependencies ?? []).map((u) => ctx.byUrn.get(u)).filter(isBucket);
        const tagged = deps.filter((b) => bucketRole(b) === BUCKET_ROLES.replica);
        const destination = bucketNamed(rules.find((x) => x?.destination?.bucket !== undefined)?.destination.bucket, ctx) ?? from("rules") ?? (tagged.length === 1 ? tagged[0] : undefined);
        // The one other bucket it depends on (a replica itself, when replicas are chained).
        const others = deps.filter((b) => b !== destination);
        const source = bucketNamed(config.inputs.bucket, ctx) ?? from("bucket") ?? (others.length === 1 ? others[0] : undefined);
        // A bucket is never its own replica (S3 refuses it): neither end is then known.
        return source === destination ? {} : { source, destination };
    });
}

/** The replication whose destination is this bucket, if the plan has one. */
function replicationInto(r: PlannedResource, ctx: ReaderContext): PlannedResource | undefined {
    return ctx.ofType(REPLICATION_TYPE).find((c) => replicationEnds(c, ctx).destination === r);
}

/** The bucket whose data a bucket holds: itself, or up a chain of replicas the bucket its first replication copies (undefined when a link is unknown). */
function originOf(b: PlannedResource | undefined, ctx: ReaderContext): PlannedResource | undefined {
    const seen = new Set<PlannedResource>();
    for (let into = b && replicationInto(b, ctx); b && (into || bucketRole(b) === BUCKET_ROLES.replica); into = b && replicationInto(b, ctx)) {
        if (seen.has(b)) return undefined;
        seen.add(b);
        b = into && replicationEnds(into, ctx).source;
    }
    return b;
}

/** A replica bucket holds what its source holds (found through the replication that writes it), priced where it is, and pays the replicated PUTs. */
function replicaBucket(r: PlannedResource, ctx: ReaderContext, config: PlannedResource | undefined): Usage[] {
    const source = originOf(config && replicationEnds(config, ctx).source, ctx);
    const role = bucketRole(source);
    // Without its source, what it holds is unknown: a gap, never a guess.
    const u = source ? bucketUsage(role, urnName(source.urn), ctx.usage) : undefined;
    const unknown = config ? "the bucket it replicates cannot be told from the replication's inputs" : "no replication of the plan writes it: what it holds is unknown";
    const out: Usage[] = [{ name: `Standard storage (replica of the ${u ? u.what : "source bucket"})`, priceKey: "s3.standard.storage", quantity: u ? u.stored : null, usageBased: true, dr: true, ...(u ? {} : { unpriced: unknown }) }];
    if (role === BUCKET_ROLES.fileStore) out.push({ name: "Replicated PUT requests", priceKey: "s3.putRequests", quantity: ctx.usage ? ctx.usage.s3FileStorePutRequests : null, usageBased: true, per: 1000, dr: true });
    return out;
}

/** A bucket (pulumi-aws 7 `Bucket`, and `BucketV2` from 6): its role (tag) or name says what it holds. */
const bucketStorage: Reader = (r, ctx) => {
    const role = bucketRole(r);
    // A replica by its tag, or untagged as a replication's destination: it holds what its source holds.
    const into = replicationInto(r, ctx);
    if (role === BUCKET_ROLES.replica || into) return replicaBucket(r, ctx, into);
    const region = regionOf(r, ctx.region);
    const u = bucketUsage(role, urnName(r.urn), ctx.usage);
    // The DR region's log bucket holds the replicas' access logs, not the primary's.
    const stored = u.what === "access logs" && region !== ctx.region ? (ctx.usage ? ctx.usage.s3DrLogsGiB : null) : u.stored;
    const out: Usage[] = [{ name: `Standard storage (${u.what})`, priceKey: "s3.standard.storage", quantity: stored, usageBased: true }];
    if (role === BUCKET_ROLES.fileStore) {
        out.push({ name: "PUT, COPY, POST, LIST requests", priceKey: "s3.putRequests", quantity: ctx.usage ? ctx.usage.s3FileStorePutRequests : null, usageBased: true, per: 1000 });
        out.push({ name: "GET requests", priceKey: "s3.getRequests", quantity: ctx.usage ? ctx.usage.s3FileStoreGetRequests : null, usageBased: true, per: 1000 });
    }
    return out;
};
/** Seconds in a month of 730 hours. */
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;
/** Prometheus stores 1-2 bytes per sample (Prometheus docs, "Storage: operational aspects"); 2 to be safe. */
const BYTES_PER_SAMPLE = 2;
/** AMP keeps samples 150 days unless configured otherwise (AMP user guide, quotas; from the research notes). */
const AMP_RETENTION_MONTHS = 150 / 30;
/** Metrics a CloudFront monitoring subscription adds: 401/403/404/502/503/504 rates, cache hit rate, origin latency (CloudFront developer guide). */
const CLOUDFRONT_ADDITIONAL_METRICS = 8;
/** Pods EKS runs per node (VPC CNI, kube-proxy, EBS CSI node, CloudWatch agent, Fluent Bit) and per cluster (CoreDNS x2, EBS CSI controller x2, CloudWatch operator). */
const DAEMON_PODS_PER_NODE = 5;
const CLUSTER_ADDON_PODS = 5;

/** Scrape interval of a managed scraper, from its Prometheus configuration (default 60 s when unreadable). */
function scrapeIntervalSeconds(r: PlannedResource): number {
    const m = /scrape_interval:\s*"?(\d+)s/.exec(String(r.inputs.scrapeConfiguration ?? ""));
    return m ? Number(m[1]) : 60;
}

/** Samples a month the stack's scrapers send, spread over its scrapers. */
function prometheusSamples(ctx: ReaderContext, r: PlannedResource): number | null {
    if (!ctx.usage) return null;
    return (ctx.usage.prometheusActiveSeries / ctx.splitAmong("aws:amp/scraper:Scraper")) * (SECONDS_PER_MONTH / scrapeIntervalSeconds(r));
}

/** Notifications each alert topic publishes a month. */
function notificationsPerTopic(ctx: ReaderContext): number | null {
    return ctx.usage ? ctx.usage.alertNotifications / ctx.splitAmong("aws:sns/topic:Topic") : null;
}

/** Log groups the Container Insights add-on writes; only `application` bills ingestion here (see the log-group reader). */
const CONTAINER_INSIGHTS_LOGS = /^\/aws\/containerinsights\/[^/]+\/(application|dataplane|host|performance)$/;

const READERS: Record<string, Reader> = {
    "aws:eks/cluster:Cluster": (r, ctx) => {
        const version = r.inputs.version as keyof typeof KUBERNETES_VERSIONS | undefined;
        const ends = version && KUBERNETES_VERSIONS[version]?.standardSupportEnds;
        const extended = ends !== undefined && ends < ctx.today;
        return [
            { name: `EKS control plane (${extended ? "extended" : "standard"} support, ${version ?? "unknown version"})`, priceKey: `eks.controlPlane.${extended ? "extended" : "standard"}`, quantity: 1, hourly: true },
            // Pods reach the database, cache and vector DB in other zones: billed out of one zone and into the other.
            { name: "Traffic between availability zones (billed in both directions)", priceKey: "dataTransfer.interAz", quantity: ctx.usage ? 2 * ctx.usage.crossAzGiB / ctx.splitAmong("aws:eks/cluster:Cluster") : null, usageBased: true },
        ];
    },
    "aws:eks/nodeGroup:NodeGroup": (r, ctx) => {
        const types = r.inputs.instanceTypes;
        const type = Array.isArray(types) ? nameOf(types[0]) : nameOf(types);
        const nodes = num(r.inputs.scalingConfig?.desiredSize, 0);
        const template = (r.dependencies ?? []).map((d) => ctx.byUrn.get(d)).find((d) => d?.type === "aws:ec2/launchTemplate:LaunchTemplate");
        const disk = num(template?.inputs.blockDeviceMappings?.[0]?.ebs?.volumeSize, EKS_DEFAULT_DISK_GIB);
        return [
            { name: `Instance usage (Linux, on-demand, ${type} x ${nodes})`, priceKey: `ec2.${type}`, quantity: nodes, hourly: true, commitment: "compute savings plan" },
            { name: `Root volumes (gp3, ${disk} GiB x ${nodes})`, priceKey: "ebs.gp3.storage", quantity: disk * nodes },
        ];
    },
    "aws:rds/instance:Instance": (r, ctx) => {
        const multiAz = r.inputs.multiAz === true;
        const az = multiAz ? "multiAz" : "singleAz";
        const cls = nameOf(r.inputs.instanceClass);
        // Prices differ by engine; the catalog has PostgreSQL's (a replica's engine is its source's).
        const engine = r.inputs.replicateSourceDb ? "postgres" : nameOf(r.inputs.engine, "postgres");
        const replica = Boolean(r.inputs.replicateSourceDb);
        const storage = replica
            ? num(ctx.byUrn.get([...ctx.byUrn.keys()].find((u) => ctx.byUrn.get(u)!.inputs.identifier === r.inputs.replicateSourceDb) ?? "")?.inputs.allocatedStorage, 0)
            : num(r.inputs.allocatedStorage, 0);
        const out: Usage[] = [
            { name: `Database instance (on-demand, ${multiAz ? "Multi-AZ" : "Single-AZ"}, ${cls}${replica ? ", read replica" : ""})`, priceKey: `rds.${engine}.${cls}.${az}`, quantity: 1, hourly: true, commitment: "reserved" },
            { name: `Storage (gp3, ${multiAz ? "Multi-AZ" : "Single-AZ"}, ${storage} GiB)`, priceKey: `rds.gp3.storage.${az}`, quantity: storage },
        ];
        const credits = burstableCpuCredits(cls, ctx.usage?.databaseCpuPercent);
        if (credits) out.push({ name: credits.name, priceKey: "rds.cpuCredits", quantity: credits.vcpuHours, usageBased: true, ...(credits.unpriced ? { unpriced: credits.unpriced } : {}) });
        if (!replica) {
            out.push({ name: "Backup storage beyond the free allowance", priceKey: "rds.backupStorage", quantity: ctx.usage ? ctx.usage.rdsExtraBackupGiB : null, usageBased: true });
            if (r.inputs.manageMasterUserPassword) out.push({ name: "Master password secret (managed by RDS in Secrets Manager)", priceKey: "secretsmanager.secret", quantity: 1 });
        }
        return out;
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": (r, ctx) => {
        const engine = r.inputs.engine === "valkey" ? "valkey" : "redis";
        const nodes = num(r.inputs.numCacheClusters, 1);
        return [
            { name: `Cache nodes (on-demand, ${engine}, ${nameOf(r.inputs.nodeType)} x ${nodes})`, priceKey: `elasticache.${engine}.${nameOf(r.inputs.nodeType)}`, quantity: nodes, hourly: true, commitment: "reserved" },
            { name: "Snapshot storage", priceKey: "elasticache.backupStorage", quantity: ctx.usage ? ctx.usage.cacheSnapshotGiB : null, usageBased: true },
        ];
    },
    "aws:ec2/natGateway:NatGateway": (_r, ctx) => [
        { name: "NAT gateway", priceKey: "vpc.natGateway.hour", quantity: 1, hourly: true },
        { name: "Data processed", priceKey: "vpc.natGateway.data", quantity: ctx.usage ? ctx.usage.natDataGiB / ctx.splitAmong("aws:ec2/natGateway:NatGateway") : null, usageBased: true },
    ],
    "aws:ec2/eip:Eip": () => [{ name: "Public IPv4 address", priceKey: "vpc.publicIpv4", quantity: 1, hourly: true }],
    "aws:lb/loadBalancer:LoadBalancer": (r, ctx) => {
        const out: Usage[] = [
            { name: "Application load balancer", priceKey: "elb.alb.hour", quantity: 1, hourly: true },
            { name: "Load balancer capacity units", priceKey: "elb.alb.lcu", quantity: ctx.usage ? ctx.usage.albLcu : null, hourly: true, usageBased: true },
        ];
        if (!r.inputs.internal) out.push({ name: "Public IPv4 addresses (one per subnet)", priceKey: "vpc.publicIpv4", quantity: countOf(r.inputs.subnets), hourly: true });
        return out;
    },
    "aws:cloudfront/distribution:Distribution": (r, ctx) =>
        cloudfrontTraffic(String(r.inputs.priceClass ?? "PriceClass_All"), ctx.usage, ctx.splitAmong("aws:cloudfront/distribution:Distribution"), ctx.freeAllowances === false ? undefined : ctx.memo("cloudfrontFreeTier", freeTierOfAccount)),
    "aws:wafv2/webAcl:WebAcl": (r, ctx) => {
        const rules: any[] = Array.isArray(r.inputs.rules) ? r.inputs.rules : [];
        const managed = rules.filter((x) => x?.statement?.managedRuleGroupStatement);
        const botControl = managed.some((x) => x.statement.managedRuleGroupStatement.name === "AWSManagedRulesBotControlRuleSet");
        const custom = rules.length - managed.length;
        const ruleCount = countOf(r.inputs.rules);
        const out: Usage[] = [
            { name: "Web ACL", priceKey: "waf.webAcl", quantity: 1 },
            // AWS bills every rule of the ACL, managed rule groups included ($1 each), plus requests.
            { name: `Rules (${custom} custom, ${managed.length} managed rule groups)`, priceKey: "waf.rule", quantity: ruleCount },
            { name: "Requests inspected", priceKey: "waf.requests", quantity: ctx.usage ? ctx.usage.requests : null, usageBased: true, per: 1_000_000 },
        ];
        if (botControl) {
            out.push({ name: "Bot Control (common) subscription", priceKey: "waf.botControl.month", quantity: 1 });
            // AWS includes some Bot Control requests in the subscription; that allowance was not found in a
            // citable source (research notes 2026-11-30), so none is subtracted: the line can only overstate.
            out.push({ name: "Bot Control requests (included requests not subtracted: not in the catalog)", priceKey: "waf.botControl.requests", quantity: ctx.usage ? ctx.usage.requests : null, usageBased: true, per: 1_000_000 });
        }
        return out;
    },
    "aws:s3/bucket:Bucket": bucketStorage,
    "aws:s3/bucketV2:BucketV2": bucketStorage,

    [REPLICATION_TYPE]: (r, ctx) => {
        const { source, destination: replica } = replicationEnds(r, ctx);
        const from = source ? regionOf(source, ctx.region) : ctx.region;
        const to = replica ? regionOf(replica, ctx.region) : arnRegion(r.inputs.rules?.[0]?.destination?.bucket) ?? "another region";
        // A source outside the plan writes an unknown amount (its role is unknown): not priced as static assets.
        const origin = originOf(source, ctx);
        const written = origin ? bucketUsage(bucketRole(origin), urnName(origin.urn), ctx.usage).written : null;
        const rules: any[] = Array.isArray(r.inputs.rules) ? r.inputs.rules : [];
        const rtc = rules.some((x) => x?.destination?.replicationTime?.status === "Enabled");
        const metrics = rules.filter((x) => x?.destination?.metrics?.status === "Enabled").length;
        const noSource = source ? {} : { unpriced: "its source bucket cannot be told from its inputs (not in the plan)" };
        const out: Usage[] = [{ ...transfer("Replicated data", written, from, to), ...noSource }];
        if (rtc) out.push({ name: "Replication Time Control (15-minute SLA)", priceKey: "s3.replicationTimeControl", quantity: written, usageBased: true, region: from, dr: true, ...noSource });
        // S3 replication metrics are billed as CloudWatch custom metrics: bytes pending, operations pending, latency, operations failed, per rule.
        if (metrics) out.push({ name: `Replication metrics (4 per rule x ${metrics})`, priceKey: "cloudwatch.customMetric", quantity: 4 * metrics, region: from, dr: true });
        return out;
    },
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": (r, ctx) => {
        const days = num(r.inputs.retentionPeriod, 7);
        const to = regionOf(r, ctx.region);
        const from = arnRegion(r.inputs.sourceDbInstanceArn) ?? ctx.region;
        const u = ctx.usage;
        return [
            // No free allowance in the destination: it belongs to the source region's instances (RDS pricing).
            { name: `Replicated backups (a full copy and ${days} days of changes)`, priceKey: "rds.backupStorage", quantity: u ? u.rdsDataGiB * (1 + days * u.dailyChangeFraction) : null, usageBased: true },
            transfer("Snapshots and transaction logs sent", u ? u.rdsDataGiB * u.dailyChangeFraction * 30 : null, from, to),
        ];
    },
    "aws:backup/restoreTestingSelection:RestoreTestingSelection": (r, ctx) => {
        const plan = dependenciesOf(r, ctx, "aws:backup/restoreTestingPlan:RestoreTestingPlan")[0];
        const runs = plan ? runsPerMonth(plan.inputs.scheduleExpression) : null;
        const hours = ctx.usage && runs !== null ? runs * (ctx.usage.restoreDrillHours + num(r.inputs.validationWindowHours, 1)) : null;
        const perMonth = (q: number | null) => (q === null || hours === null ? null : (q * hours) / HOURS_PER_MONTH);
        if (r.inputs.protectedResourceType === "RDS") {
            const db = dependenciesOf(r, ctx, "aws:rds/instance:Instance")[0];
            const az = db?.inputs.multiAz === true ? "multiAz" : "singleAz";
            const cls = db?.inputs.instanceClass ?? "unknown";
            return [
                { name: `Restored database while a drill runs (${cls}, ${az === "multiAz" ? "Multi-AZ" : "Single-AZ"})`, priceKey: `rds.postgres.${cls}.${az}`, quantity: perMonth(1), hourly: true, usageBased: true, dr: true },
                { name: "Its storage while a drill runs", priceKey: `rds.gp3.storage.${az}`, quantity: perMonth(num(db?.inputs.allocatedStorage, 0)), usageBased: true, dr: true },
            ];
        }
        return [{ name: "Restored volumes while a drill runs (gp3)", priceKey: "ebs.gp3.storage", quantity: perMonth(ctx.usage ? ctx.usage.vectorVolumeGiB : null), usageBased: true, dr: true }];
    },
    "aws:secretsmanager/secret:Secret": (_r, ctx) => [
        { name: "Secret", priceKey: "secretsmanager.secret", quantity: 1 },
        { name: "API calls", priceKey: "secretsmanager.apiCalls", quantity: ctx.usage ? ctx.usage.secretsApiCallsPerSecret : null, usageBased: true, per: 10_000 },
    ],
    "aws:kms/key:Key": (_r, ctx) => [
        { name: "Customer managed key", priceKey: "kms.key", quantity: 1 },
        // The account's 20,000 free requests a month are shared by every key of every stack: not subtracted.
        { name: "Requests (symmetric)", priceKey: "kms.requests", quantity: ctx.usage ? ctx.usage.kmsRequestsPerKey : null, usageBased: true, per: 10_000 },
    ],
    "aws:cloudwatch/logGroup:LogGroup": (r, ctx) => {
        // Container Insights' groups: application logs are their own usage key; performance events are
        // billed as observations (enhanced observability) and AL2023 nodes ship no host/dataplane logs by default.
        const insights = CONTAINER_INSIGHTS_LOGS.exec(String(r.inputs.name ?? ""));
        const platformGroups = ctx.memo("platformLogGroups", () => ctx.ofType("aws:cloudwatch/logGroup:LogGroup").filter((x) => !CONTAINER_INSIGHTS_LOGS.test(String(x.inputs.name ?? ""))).length);
        const ingest = !ctx.usage ? null : insights ? (insights[1] === "application" ? ctx.usage.containerLogIngestGiB : 0) : ctx.usage.logIngestGiB / (ctx.ownUsage ? 1 : Math.max(1, platformGroups));
        // Stored volume at steady state: a month's ingest kept for retention/30 months (compressed ~1:1 assumed).
        const retention = num(r.inputs.retentionInDays, 3653);
        return [
            { name: "Log ingestion", priceKey: "cloudwatch.logs.ingestion", quantity: ingest, usageBased: true },
            { name: `Log storage (${retention}-day retention)`, priceKey: "cloudwatch.logs.storage", quantity: ingest === null ? null : (ingest * retention) / 30, usageBased: true },
        ];
    },
    "aws:backup/plan:Plan": (r, ctx) => {
        const rules: any[] = Array.isArray(r.inputs.rules) ? r.inputs.rules : [];
        if (rules.length > 0 && rules.every((x) => x?.enableContinuousBackup === true)) {
            // A continuous rule manages the database's own point-in-time recovery: one recovery point, no snapshots.
            return [{ name: "Continuous backup (the instance's automated backups, priced on the instance)", priceKey: "rds.backupStorage", quantity: 0 }];
        }
        // The chain of incremental snapshots the rules keep (core/cost/snapshotChain.ts).
        const retention = rules.map((x) => ({ intervalDays: (cronIntervalMinutes(x?.schedule) ?? Number.NaN) / 1440, retentionDays: num(x?.lifecycle?.deleteAfter, Number.NaN) }));
        const readable = retention.every((x) => Number.isFinite(x.intervalDays) && Number.isFinite(x.retentionDays));
        const factor = readable && ctx.usage ? snapshotChainFactor(retention, ctx.usage.dailyChangeFraction) : Number.NaN;
        const out: Usage[] = [{
            name: `Backup storage (EBS snapshot chain of the vector DB volumes: ${!readable ? "retention unreadable" : Number.isFinite(factor) ? `${twoPlaces(factor)} x the volume` : "? x the volume"}, ${retention.length} rules at ${ctx.usage ? ctx.usage.dailyChangeFraction * 100 : "?"}% change a day)`,
            priceKey: "backup.ebsSnapshot.storage",
            quantity: !ctx.usage ? null : readable ? ctx.usage.vectorVolumeGiB * factor : Number.NaN,
            usageBased: true,
            // Not a missing usage figure: the chain's length cannot be read from the plan.
            ...(readable ? {} : { unpriced: "the plan's schedules or retention cannot be read (a cron schedule and a known deleteAfter per rule)" }),
        }];
        // Cold storage applies to EBS only with the plan's opt-in; archived points are full copies at a price the catalog lacks.
        const archived = rules.filter((x) => x?.lifecycle?.optInToArchiveForSupportedResources === true && x?.lifecycle?.coldStorageAfter !== undefined);
        if (archived.length) out.push({ name: `Archived points (${archived.length} rules move points to cold storage; each is a full copy)`, priceKey: "backup.ebsSnapshot.coldStorage", quantity: null, usageBased: true, unpriced: "the AWS Backup cold-storage price for EBS is not in the catalog" });
        const from = regionOf(r, ctx.region);
        const drVault = dependenciesOf(r, ctx, "aws:backup/vault:Vault").find((v) => regionOf(v, ctx.region) !== from);
        const copies = rules.flatMap((x) => (Array.isArray(x?.copyActions) ? x.copyActions : []));
        if (copies.length > 0) {
            const to = arnRegion(copies[0]?.destinationVaultArn) ?? (drVault ? regionOf(drVault, ctx.region) : "another region");
            const days = Math.max(...copies.map((c: any) => num(c?.lifecycle?.deleteAfter, 1)));
            const u = ctx.usage;
            out.push({ name: `Copies in ${to} (a full copy and ${days} days of changes)`, priceKey: "backup.ebsSnapshot.storage", quantity: u ? u.vectorVolumeGiB * (1 + days * u.dailyChangeFraction) : null, usageBased: true, region: to, dr: true });
            out.push(transfer("Copied snapshot changes", u ? u.vectorVolumeGiB * u.dailyChangeFraction * 30 : null, from, to));
        }
        return out;
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": (r) => {
        const queries: any[] = Array.isArray(r.inputs.metricQueries) ? r.inputs.metricQueries : [];
        // An alarm bills each metric it reads; expressions are free. A period under 60 s is high resolution.
        const metrics = queries.length > 0 ? queries.filter((q) => q?.metric).length : 1;
        const periods = queries.length > 0 ? queries.map((q) => num(q?.metric?.period, 60)) : [num(r.inputs.period, 60)];
        const high = periods.some((p) => p < 60);
        return [{ name: `Alarm metrics (${high ? "high" : "standard"} resolution) x ${metrics}`, priceKey: high ? "cloudwatch.alarm.highResolution" : "cloudwatch.alarm.metric", quantity: metrics }];
    },
    "aws:cloudwatch/dashboard:Dashboard": () => [{ name: "Dashboard", priceKey: "cloudwatch.dashboard", quantity: 1 }],
    "aws:sns/topic:Topic": (_r, ctx) => [
        { name: "Notifications published", priceKey: "sns.publishes", quantity: notificationsPerTopic(ctx), usageBased: true, per: 1_000_000 },
    ],
    "aws:sns/topicSubscription:TopicSubscription": (r, ctx) => {
        const protocol = String(r.inputs.protocol ?? "");
        if (protocol === "email" || protocol === "email-json") return [{ name: "Email deliveries", priceKey: "sns.email", quantity: notificationsPerTopic(ctx), usageBased: true, per: 100_000 }];
        if (protocol === "https" || protocol === "http") return [{ name: "HTTPS deliveries", priceKey: "sns.https", quantity: notificationsPerTopic(ctx), usageBased: true, per: 1_000_000 }];
        return [{ name: `${protocol || "unknown"} deliveries`, priceKey: `sns.${protocol || "unknown"}`, quantity: notificationsPerTopic(ctx), usageBased: true }];
    },
    "aws:route53/healthCheck:HealthCheck": (r) => {
        const type = String(r.inputs.type ?? "");
        // Each optional feature bills on its own: HTTPS, string matching, fast interval, latency measurement.
        const features = [type.startsWith("HTTPS"), type.endsWith("STR_MATCH"), num(r.inputs.requestInterval, 30) === 10, r.inputs.measureLatency === true].filter(Boolean).length;
        return [
            { name: "Health check", priceKey: "route53.healthCheck", quantity: 1 },
            ...(features > 0 ? [{ name: `Optional features x ${features}`, priceKey: "route53.healthCheck.feature", quantity: features }] : []),
        ];
    },
    "aws:cloudfront/monitoringSubscription:MonitoringSubscription": (r) =>
        r.inputs.monitoringSubscription?.realtimeMetricsSubscriptionConfig?.realtimeMetricsSubscriptionStatus === "Disabled"
            ? []
            : [{ name: `Additional distribution metrics x ${CLOUDFRONT_ADDITIONAL_METRICS} (billed as custom metrics)`, priceKey: "cloudwatch.customMetric", quantity: CLOUDFRONT_ADDITIONAL_METRICS }],
    "aws:eks/addon:Addon": (r, ctx) => {
        if (r.inputs.addonName !== "amazon-cloudwatch-observability") return [];
        const nodes = ctx.memo("nodes", () => ctx.ofType("aws:eks/nodeGroup:NodeGroup").reduce((n, g) => n + num(g.inputs.scalingConfig?.desiredSize, 0), 0));
        const workloadPods = ctx.memo("workloadPods", () => ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:helm.sh/v3:Release"]
            .flatMap((t) => ctx.ofType(t))
            .reduce((n, x) => n + num(x.inputs.spec?.replicas, 1), 0));
        const pods = workloadPods + CLUSTER_ADDON_PODS + DAEMON_PODS_PER_NODE * nodes;
        const perMinute = ctx.usage ? nodes * ctx.usage.containerInsightsObservationsPerNode + pods * ctx.usage.containerInsightsObservationsPerPod : null;
        return [{
            name: `Container Insights observations (${nodes} nodes, ${pods} pods, each minute)`,
            priceKey: "cloudwatch.containerInsights.observations",
            quantity: perMinute === null ? null : perMinute * MINUTES_PER_MONTH,
            usageBased: true,
            per: 1_000_000,
        }];
    },
    "aws:amp/scraper:Scraper": (r, ctx) => {
        const samples = prometheusSamples(ctx, r);
        return [
            { name: "Managed collector", priceKey: "amp.collector.hour", quantity: 1, hourly: true },
            { name: `Samples collected (every ${scrapeIntervalSeconds(r)} s)`, priceKey: "amp.collector.samples", quantity: samples, usageBased: true, per: 10_000_000 },
            { name: "Samples ingested (first 2 billion tier)", priceKey: "amp.ingestion", quantity: samples, usageBased: true, per: 10_000_000 },
        ];
    },
    "aws:amp/workspace:Workspace": (_r, ctx) => {
        const scrapers = ctx.ofType("aws:amp/scraper:Scraper");
        const samples = ctx.usage ? scrapers.reduce((n, s) => n + (prometheusSamples(ctx, s) ?? 0), 0) / ctx.countOf("aws:amp/workspace:Workspace") : null;
        return [
            { name: "Sample storage (150-day retention, 2 bytes a sample)", priceKey: "amp.storage", quantity: samples === null ? null : (samples * BYTES_PER_SAMPLE * AMP_RETENTION_MONTHS) / 2 ** 30, usageBased: true },
            { name: "Query samples processed", priceKey: "amp.querySamples", quantity: ctx.usage ? ctx.usage.prometheusQuerySamples : null, usageBased: true, per: 1_000_000_000 },
        ];
    },
    "aws:grafana/workspace:Workspace": (_r, ctx) => [
        // A workspace bills one editor licence even when nobody signs in (AMG pricing, example 3).
        { name: "Editors and admins", priceKey: "grafana.editor", quantity: ctx.usage ? Math.max(1, ctx.usage.grafanaEditors) : 1, usageBased: true },
        { name: "Viewers", priceKey: "grafana.viewer", quantity: ctx.usage ? ctx.usage.grafanaViewers : null, usageBased: true },
    ],
    "aws:xray/group:Group": (_r, ctx) => [
        { name: "Traces recorded", priceKey: "xray.traces", quantity: ctx.usage ? ctx.usage.xrayTracesRecorded / ctx.splitAmong("aws:xray/group:Group") : null, usageBased: true, per: 1_000_000 },
    ],
    "kubernetes:apps/v1:StatefulSet": (r) => {
        /** An unpriced line; `size` is its `, <GiB> GiB x <replicas>` part when there is one. */
        const volumes = (size: string, unpriced: string): Usage => ({ name: `Persistent volumes (gp3${size})`, priceKey: "ebs.gp3.storage", quantity: null, unpriced });
        const spec = r.inputs.spec;
        // Not known until apply: it may claim volumes, so it is a gap, never nothing to price.
        if (spec === UNKNOWN_MARKER) return [volumes("", "the StatefulSet's spec (replicas, volume claim templates) is decided at apply")];
        const rawReplicas = spec?.replicas;
        const n = num(rawReplicas, 1);
        const replicas = Number.isInteger(n) && n >= 0 ? n : undefined;
        const count = replicas === undefined ? "?" : String(replicas);
        const badReplicas = rawReplicas === UNKNOWN_MARKER ? "replicas are decided at apply" : replicas === undefined ? `replicas ${JSON.stringify(rawReplicas)} is not a whole number of pods >= 0` : undefined;
        const templates = spec?.volumeClaimTemplates;
        if (templates === UNKNOWN_MARKER) return [volumes(`, ? GiB x ${count}`, "the volume claim templates are decided at apply")];
        if (templates !== undefined && templates !== null && !Array.isArray(templates)) return [volumes(`, ? GiB x ${count}`, `volume claim templates ${JSON.stringify(templates)} are not a list`)];
        return (templates ?? []).map((t: any): Usage => {
            if (t === UNKNOWN_MARKER) return volumes(`, ? GiB x ${count}`, "the volume claim template is decided at apply");
            const storage = t?.spec?.resources?.requests?.storage;
            if (storage === UNKNOWN_MARKER) return { name: `Persistent volumes (gp3, ? GiB x ${count})`, priceKey: "ebs.gp3.storage", quantity: Number.NaN };
            const gib = gibOf(storage);
            // A size it cannot read is a gap, never 0 GiB.
            if (gib === undefined) return volumes(`, ? GiB x ${count}`, `storage request ${JSON.stringify(storage ?? null)} is not a Kubernetes quantity`);
            if (gib < 0) return volumes(`, ? GiB x ${count}`, `storage request ${JSON.stringify(storage)} is negative`);
            if (badReplicas) return volumes(`, ${twoPlaces(gib)} GiB x ${count}`, badReplicas);
            return { name: `Persistent volumes (gp3, ${twoPlaces(gib)} GiB x ${count})`, priceKey: "ebs.gp3.storage", quantity: gib * replicas! };
        });
    },
};

/** How the stack's always-on lines are priced. */
interface Pricing {
    mode: PricingMode;
    upfront: Upfront;
}

/** The unit price of a line: its commitment rate when one applies, else the catalog's on-demand price. */
function unitPrice(u: Usage, region: string, pricing: Pricing): { price?: number; missing?: string } {
    const p = priceOf(region, u.priceKey);
    if (!p) return { missing: `not priced in ${region}: ${u.priceKey}` };
    if (pricing.mode === "on-demand" || !u.commitment) return { price: p.price };
    const rate = commitmentRateOf(region, u.priceKey, pricing.mode, pricing.upfront);
    return rate === undefined ? { missing: `not priced under ${pricing.mode} (${pricing.upfront} upfront, ${u.commitment}) in ${region}: ${u.priceKey}` } : { price: rate };
}

function price(u: Usage, region: string, dr: boolean, pricing: Pricing): CostComponent {
    // Where it is billed is decided at apply: no region's price is its price ("unknown" is no catalog region).
    const atApply = region === UNKNOWN_MARKER;
    if (atApply) region = REGION_AT_APPLY;
    const p = priceOf(region, u.priceKey);
    const perMonth = u.quantity === null ? null : (u.hourly ? u.quantity * HOURS_PER_MONTH : u.quantity) / (u.per ?? 1);
    // The catalog names each price's unit ("1M requests", "10M samples"), which `per` divides into.
    const unit = p ? (u.hourly ? "hours" : p.unit) : `unpriced in ${region}`;
    const unknown = u.priceKey.includes(UNKNOWN_MARKER) || (perMonth !== null && Number.isNaN(perMonth));
    const rate = unitPrice(u, region, pricing);
    const reason = atApply
        ? "region known only at apply"
        : u.unpriced
        ? u.unpriced
        : (unknown || perMonth === null) && u.usageBased
            ? "no usage figure (give one in a usage file)"
            : unknown
                ? "known only after apply"
                : perMonth === null
                    ? "no usage figure (give one in a usage file)"
                    : !Number.isFinite(perMonth)
                        ? "quantity is not a number"
                        : rate.missing;
    const committed = pricing.mode !== "on-demand" && u.commitment !== undefined;
    return {
        // Readers name always-on lines "on-demand"; a commitment's rate renames them.
        name: committed ? u.name.replace("on-demand", `${pricing.mode}, ${pricing.upfront} upfront`) : u.name,
        unit,
        monthlyQuantity: perMonth === null || !Number.isFinite(perMonth) ? null : perMonth,
        price: unknown || u.unpriced ? null : rate.price ?? null,
        monthlyCost: reason ? null : cents(perMonth! * rate.price!),
        ...(reason ? { unpricedReason: reason } : {}),
        usageBased: u.usageBased === true,
        priceKey: u.priceKey,
        region,
        ...(dr || u.dr ? { disasterRecovery: true } : {}),
        ...(p ? { priceSource: p.source, priceDate: p.date } : {}),
        ...(p?.verify ? { verify: true } : {}),
        ...(u.commitment ? { commitment: u.commitment } : {}),
        ...(committed ? { pricedAs: pricing.mode } : {}),
    };
}

/** Estimates the monthly cost of a stack's planned resources. */
export function estimate(resources: PlannedResource[], ctx: EstimateContext): StackCost {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    const byType = new Map<string, PlannedResource[]>();
    for (const r of resources) {
        const list = byType.get(r.type);
        if (list) list.push(r);
        else byType.set(r.type, [r]);
    }
    const memos = new Map<string, unknown>();
    const rctx: ReaderContext = {
        ...ctx,
        byUrn,
        countOf: (t) => counts.get(t) ?? 1,
        ofType: (t) => byType.get(t) ?? [],
        memo: <T>(key: string, compute: () => T): T => {
            if (!memos.has(key)) memos.set(key, compute());
            return memos.get(key) as T;
        },
        today: ctx.today ?? new Date().toISOString().slice(0, 10),
        splitAmong: (t) => counts.get(t) ?? 1,
        ownUsage: false,
    };
    const pricing: Pricing = { mode: ctx.pricing ?? "on-demand", upfront: ctx.upfront ?? "none" };
    /** A resource with figures of its own reads them whole (not a share of the stack's). */
    const readerContext = (r: PlannedResource): ReaderContext => {
        const own = ctx.resourceUsage?.[urnName(r.urn)];
        return own && rctx.usage ? { ...rctx, usage: { ...rctx.usage, ...own }, splitAmong: () => 1, ownUsage: true } : rctx;
    };
    // Local stacks run on the developer's machine: nothing to price, and nothing unpriced. Any other
    // region a resource lives in must be one the catalog prices: a region outside it is a gap of its
    // own (each key a priced region lacks is a gap of the resource that uses it).
    const known_ = (region: string) => region === "local" || PRICED_REGIONS.includes(region);
    // The stack's region counts only through resources that live there: a stack whose resources all
    // name a priced region of their own is priced, whatever its default.
    const homes = new Set(resources.filter((r) => READERS[r.type]).map((r) => regionOf(r, ctx.region)));
    // A region known only at apply is not a region outside the catalog: each line there is a gap of its resource.
    const unknownRegions = [...homes].filter((r) => r !== UNKNOWN_MARKER && !known_(r)).sort();
    const regionPriced = unknownRegions.length === 0;

    const costs: ResourceCost[] = [];
    const gaps: CostGap[] = unknownRegions.map((region) => ({
        reason: `region ${region} is not priced: the catalog holds prices for ${PRICED_REGIONS.join(", ")} only (${resources.filter((r) => READERS[r.type] && regionOf(r, ctx.region) === region).length} resources there)`,
    }));
    const free = new Set<string>();
    const unsupported = new Set<string>();
    let freeCount = 0;
    let unsupportedCount = 0;
    for (const r of resources) {
        if (r.type === "pulumi:pulumi:Stack" || r.custom === false) continue;
        const usages = Object.hasOwn(READERS, r.type) ? READERS[r.type](r, readerContext(r)) : undefined;
        // A reader with nothing to price on a free type (an add-on that bills nothing) counts as free.
        if (usages && !(usages.length === 0 && FREE_TYPES.has(r.type))) {
            const home = regionOf(r, ctx.region);
            // A resource the program placed in another region than the stack's (its own `region`
            // input) is there for disaster recovery; a provider's region (CloudFront's us-east-1) is not.
            const elsewhere = known(r.inputs.region) !== undefined && home !== ctx.region;
            const components = usages.map((u) => price(u, u.region ?? home, elsewhere, pricing));
            const missing = components.filter((c) => c.monthlyCost === null);
            costs.push({ urn: r.urn, name: urnName(r.urn), type: r.type, monthlyCost: sum(components), complete: missing.length === 0, costComponents: components });
            // A line billed in a region outside the catalog is a gap of its own, unless the stack's gap
            // for that region already covers it (the resource lives there): a copy kept in such a
            // region leaves the total a lower bound.
            const reported = missing.filter((c) => !unknownRegions.includes(c.region));
            if (reported.length) gaps.push({ urn: r.urn, name: urnName(r.urn), reason: reported.map((c) => `${c.name}: ${c.unpricedReason}`).join("; ") });
        } else if (FREE_TYPES.has(r.type) || isFreeFamily(r.type)) {
            free.add(r.type);
            freeCount++;
        } else {
            unsupported.add(r.type);
            unsupportedCount++;
            gaps.push({ urn: r.urn, name: urnName(r.urn), reason: `the estimator does not know resource type ${r.type}` });
        }
    }

    for (const [i, charge] of (ctx.fixedCharges ?? []).entries()) {
        costs.push({
            urn: `urn:pulumi:${ctx.stack}::tiered-infra::tiered-infra:cost:FixedCharge::${i}`,
            name: charge.name,
            type: FIXED_CHARGE_TYPE,
            monthlyCost: cents(charge.monthlyUsd),
            complete: true,
            costComponents: [{ name: `${charge.name} (fixed monthly charge)`, unit: "month", monthlyQuantity: 1, price: charge.monthlyUsd, monthlyCost: cents(charge.monthlyUsd), usageBased: false, priceKey: "fixedCharge", priceSource: charge.source, region: ctx.region }],
        });
    }

    const unpriced = [...new Set(costs.flatMap((c) => c.costComponents.filter((x) => x.price === null).map((x) => x.priceKey)))].sort();
    return {
        stack: ctx.stack,
        tier: ctx.tier,
        region: ctx.region,
        regionPriced,
        totalMonthlyCost: cents(costs.reduce((n, c) => n + c.monthlyCost, 0)),
        complete: gaps.length === 0 && regionPriced,
        unpricedRegions: unknownRegions,
        gaps,
        resources: costs,
        freeResourceTypes: [...free].sort(),
        unsupportedResourceTypes: [...unsupported].sort(),
        unpricedComponents: unpriced,
        datedChanges: datedChanges(resources.map((r) => ({ ...r, name: urnName(r.urn), home: regionOf(r, ctx.region) })), rctx.today),
        pricing: { ...pricing, freeAllowances: ctx.freeAllowances !== false },
        summary: {
            totalResources: costs.length + freeCount + unsupportedCount,
            estimated: costs.length,
            free: freeCount,
            unsupported: unsupportedCount,
            usageBasedWithoutUsage: costs.flatMap((c) => c.costComponents).filter((x) => x.usageBased && x.monthlyQuantity === null).length,
        },
    };
}

function sum(components: CostComponent[]): number {
    return cents(components.reduce((n, c) => n + (c.monthlyCost ?? 0), 0));
}

/** A figure in a line's name (a factor, GiB), to two decimal places. */
function twoPlaces(n: number): number {
    return Math.round(n * 100) / 100;
}

/** Line items across resources, most expensive first (for "top five" lists and right-sizing). */
export function topLineItems(cost: StackCost, n = 5): Array<{ resource: string; component: string; monthlyCost: number }> {
    return cost.resources
        .flatMap((r) => r.costComponents.map((c) => ({ resource: r.name, component: c.name, monthlyCost: c.monthlyCost ?? 0 })))
        .sort((a, b) => b.monthlyCost - a.monthlyCost)
        .slice(0, n);
}
