/**
 * Recovery: every data store can be recovered to within the declared recovery point objective,
 * in the stack's region and, where a DR region is declared, in that one; every bucket but the log
 * buckets keeps server access logs.
 *
 * The checks read what is planned, not what is claimed: the achievable recovery point of each
 * store follows from its backup mechanism (facts and sources in core/recovery.ts). Resources are
 * linked through their dependencies first, because ids and ARNs are unknown in a first real
 * preview; known names and ARNs are used where they are present. A store whose recovery point
 * cannot be worked out is reported as such: the gate fails closed.
 */
import { knownString } from "../../core/plan/previewJson";
import { BUCKET_ROLE_TAG, BUCKET_ROLES, cronIntervalMinutes, RDS_PITR_RPO_MINUTES, S3_RTC_RPO_MINUTES } from "../../core/recovery";
import { StackFinding, StackPolicyDefinition, StackSubject } from "../definitions";
import { BUCKETS } from "./retention";

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_BACKUP_REPLICATION = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
const STATEFUL_SET = "kubernetes:apps/v1:StatefulSet";
const STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
const BACKUP_SELECTION = "aws:backup/selection:Selection";
const BACKUP_PLAN = "aws:backup/plan:Plan";
const BACKUP_VAULT = "aws:backup/vault:Vault";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const LOGGING = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"];

export interface RecoveryConfig {
    /** Declared recovery point objective, minutes. */
    rpoMinutes: number;
    /** Declared DR region; "" when the stack keeps no copy in a second region. */
    drRegion: string;
}

/** What one data store can achieve: minutes of data at risk, none (no bound), or unknown with the reason. */
export type Achievable = { minutes: number; how: string } | { minutes: "none"; how: string } | { minutes: "unknown"; how: string };

export interface StoreRecovery {
    urn: string;
    store: string;
    /** The stack's region, or the DR region. */
    where: "in-region" | string;
    achievable: Achievable;
}

/** Index of stack subjects by URN, by type, and by who depends on whom. */
class Stack {
    readonly byUrn: Map<string, StackSubject>;
    private readonly byType = new Map<string, StackSubject[]>();
    private readonly dependents = new Map<string, StackSubject[]>();

    constructor(readonly resources: StackSubject[]) {
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
        const add = (m: Map<string, StackSubject[]>, k: string, r: StackSubject) => {
            const list = m.get(k);
            if (list) list.push(r);
            else m.set(k, [r]);
        };
        for (const r of resources) {
            add(this.byType, r.type, r);
            for (const d of Array.isArray(r.dependencies) ? r.dependencies : []) add(this.dependents, d, r);
        }
    }

    ofType(...types: string[]): StackSubject[] {
        return types.flatMap((t) => this.byType.get(t) ?? []);
    }

    dependenciesOf(r: StackSubject, ...types: string[]): StackSubject[] {
        return (Array.isArray(r.dependencies) ? r.dependencies : []).map((d) => this.byUrn.get(d)).filter((d): d is StackSubject => d !== undefined && types.includes(d.type));
    }

    dependentsOf(r: StackSubject, ...types: string[]): StackSubject[] {
        return (this.dependents.get(r.urn) ?? []).filter((d) => types.includes(d.type));
    }
}

const props = (r: StackSubject | undefined): Record<string, any> => (r && r.props && typeof r.props === "object" ? r.props : {});
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
/** The region a resource declares (pulumi-aws 7 `region`), or undefined for the provider's. */
const regionOf = (r: StackSubject | undefined) => knownString(props(r).region);
const roleOf = (r: StackSubject | undefined) => knownString(props(r).tags?.[BUCKET_ROLE_TAG]);
/** Known identifiers of a resource that other resources may name it by. */
const namesOf = (r: StackSubject) => new Set([props(r).bucket, props(r).id, props(r).arn, props(r).name, props(r).identifier].map(knownString).filter((x): x is string => x !== undefined));

function best(options: Achievable[], none: Achievable): Achievable {
    const numeric = options.filter((o): o is { minutes: number; how: string } => typeof o.minutes === "number");
    if (numeric.length) return numeric.reduce((a, b) => (b.minutes < a.minutes ? b : a));
    return options.find((o) => o.minutes === "unknown") ?? none;
}

/** Databases: point-in-time recovery in the region; replicated automated backups in the DR region. */
function databases(stack: Stack, drRegion: string): StoreRecovery[] {
    const out: StoreRecovery[] = [];
    // Replications by the instance they name (identifier or ARN), for a stack check linear in the stack's size.
    const bySource = new Map<string, StackSubject[]>();
    for (const r of stack.ofType(RDS_BACKUP_REPLICATION)) {
        const arn = knownString(props(r).sourceDbInstanceArn);
        for (const key of arn ? [arn, arn.split(":db:")[1]] : []) if (key) bySource.set(key, [...(bySource.get(key) ?? []), r]);
    }
    for (const db of stack.ofType(RDS_INSTANCE)) {
        const p = props(db);
        if (p.replicateSourceDb !== undefined && p.replicateSourceDb !== null && p.replicateSourceDb !== "") continue;
        const store = `database ${knownString(p.identifier) ?? db.name}`;
        const days = p.backupRetentionPeriod;
        const local: Achievable = typeof days !== "number"
            ? { minutes: "unknown", how: "backupRetentionPeriod is not known" }
            : days >= 1 ? { minutes: RDS_PITR_RPO_MINUTES, how: "point-in-time recovery" } : { minutes: "none", how: "automated backups are off (backupRetentionPeriod 0)" };
        out.push({ urn: db.urn, store, where: "in-region", achievable: local });
        if (!drRegion) continue;
        const linked = [...new Set([...stack.dependentsOf(db, RDS_BACKUP_REPLICATION), ...[...namesOf(db)].flatMap((n) => bySource.get(n) ?? [])])];
        const there = linked.filter((r) => regionOf(r) === drRegion);
        const dr: Achievable = local.minutes === "none" ? local
            : there.length ? { minutes: RDS_PITR_RPO_MINUTES, how: "replicated automated backups (transaction logs every 5 minutes)" }
            : linked.length ? { minutes: "unknown", how: "its automated-backup replication does not declare region; set region on it" }
            : { minutes: "none", how: "no automated-backup replication there" };
        out.push({ urn: db.urn, store, where: drRegion, achievable: dr });
    }
    return out;
}

/** Backup tags a StorageClass gives the EBS volumes it creates (EBS CSI `tagSpecification_N: key=value`). */
function volumeTags(storageClass: StackSubject): Array<{ key: string; value: string }> {
    return Object.entries(props(storageClass).parameters ?? {})
        .filter(([k, v]) => /^tagSpecification_\d+$/.test(k) && typeof v === "string" && v.includes("="))
        .map(([, v]) => {
            const s = v as string;
            return { key: s.slice(0, s.indexOf("=")), value: s.slice(s.indexOf("=") + 1) };
        });
}

/** The interval (minutes) of a plan's rules, the shortest first, with whether each copies to the DR region. */
function planRules(stack: Stack, plan: StackSubject, drRegion: string): Array<{ name: string; interval: number | undefined; copiesToDr: boolean }> {
    const drVaults = stack.dependenciesOf(plan, BACKUP_VAULT).filter((v) => drRegion && regionOf(v) === drRegion);
    return list(props(plan).rules).map((rule) => {
        const copies = list(rule?.copyActions);
        const copiesToDr = drRegion !== "" && copies.some((c) => {
            const arn = knownString(c?.destinationVaultArn);
            return arn ? arn.split(":")[3] === drRegion : drVaults.length > 0;
        });
        return { name: String(rule?.ruleName ?? "?"), interval: cronIntervalMinutes(rule?.schedule), copiesToDr };
    });
}

/** Volumes of StatefulSets: the backup plans that select them by tag, in the region and copied to the DR region. */
function volumes(stack: Stack, drRegion: string): StoreRecovery[] {
    const out: StoreRecovery[] = [];
    const classByName = new Map(stack.ofType(STORAGE_CLASS).flatMap((c) => {
        const n = knownString(props(c).metadata?.name);
        return n ? [[n, c] as const] : [];
    }));
    const selectionsByTag = new Map<string, StackSubject[]>();
    for (const sel of stack.ofType(BACKUP_SELECTION)) {
        for (const t of list(props(sel).selectionTags)) {
            if (t?.type !== "STRINGEQUALS" || typeof t.key !== "string" || typeof t.value !== "string") continue;
            const k = `${t.key}=${t.value}`;
            selectionsByTag.set(k, [...(selectionsByTag.get(k) ?? []), sel]);
        }
    }
    const planCache = new Map<string, ReturnType<typeof planRules>>();
    const rulesOf = (plan: StackSubject) => {
        if (!planCache.has(plan.urn)) planCache.set(plan.urn, planRules(stack, plan, drRegion));
        return planCache.get(plan.urn)!;
    };
    for (const sts of stack.ofType(STATEFUL_SET)) {
        const templates = list(props(sts).spec?.volumeClaimTemplates);
        if (!templates.length) continue;
        const meta = props(sts).metadata ?? {};
        const store = `volumes of StatefulSet ${knownString(meta.namespace) ? `${meta.namespace}/` : ""}${knownString(meta.name) ?? sts.name}`;
        const className = knownString(templates[0]?.spec?.storageClassName);
        const storageClass = (className !== undefined ? classByName.get(className) : undefined)
            ?? (stack.dependenciesOf(sts, STORAGE_CLASS).length === 1 ? stack.dependenciesOf(sts, STORAGE_CLASS)[0] : undefined);
        if (!storageClass) {
            const unknown: Achievable = { minutes: "unknown", how: "its storage class cannot be found, so neither can the backups that select its volumes" };
            out.push({ urn: sts.urn, store, where: "in-region", achievable: unknown });
            if (drRegion) out.push({ urn: sts.urn, store, where: drRegion, achievable: unknown });
            continue;
        }
        const tags = volumeTags(storageClass);
        const selecting = [...new Set(tags.flatMap((t) => selectionsByTag.get(`${t.key}=${t.value}`) ?? []))];
        const rules = [...new Set(selecting.flatMap((s) => stack.dependenciesOf(s, BACKUP_PLAN)))].flatMap((plan) => rulesOf(plan));
        const asAchievable = (r: { name: string; interval: number | undefined }): Achievable =>
            r.interval === undefined ? { minutes: "unknown", how: `the schedule of backup rule ${r.name} cannot be read` } : { minutes: r.interval, how: `backup rule ${r.name}` };
        const none: Achievable = { minutes: "none", how: tags.length ? `no backup plan selects the tag ${tags.map((t) => `${t.key}=${t.value}`).join(", ")}` : "its volumes carry no backup tag" };
        out.push({ urn: sts.urn, store, where: "in-region", achievable: best(rules.map(asAchievable), none) });
        if (drRegion) {
            const copied = rules.filter((r) => r.copiesToDr).map((r) => ({ ...asAchievable(r), how: `copies of backup rule ${r.name}` }) as Achievable);
            out.push({ urn: sts.urn, store, where: drRegion, achievable: best(copied, { minutes: "none", how: rules.length ? "no backup rule copies its points there" : none.how }) });
        }
    }
    return out;
}

/** Buckets holding data (not logs, not replicas): replicated to the DR region, with or without RTC. */
function buckets(stack: Stack, drRegion: string): StoreRecovery[] {
    if (!drRegion) return [];
    const all = stack.ofType(...BUCKETS);
    const configsByBucket = new Map<string, StackSubject[]>();
    for (const c of stack.ofType(REPLICATION)) {
        const b = knownString(props(c).bucket);
        if (b) configsByBucket.set(b, [...(configsByBucket.get(b) ?? []), c]);
    }
    const out: StoreRecovery[] = [];
    for (const b of all) {
        const role = roleOf(b);
        if (role === BUCKET_ROLES.accessLogs || role === BUCKET_ROLES.replica || regionOf(b) === drRegion) continue;
        const mine = [...new Set([...stack.dependentsOf(b, REPLICATION), ...[...namesOf(b)].flatMap((n) => configsByBucket.get(n) ?? [])])];
        const options: Achievable[] = mine.flatMap((c) => {
            const destinations = stack.dependenciesOf(c, ...BUCKETS).filter((d) => d.urn !== b.urn);
            return list(props(c).rules).filter((rule) => rule?.status === "Enabled").map((rule): Achievable => {
                const arn = knownString(rule?.destination?.bucket);
                const target = destinations.find((d) => arn !== undefined && namesOf(d).has(arn)) ?? (destinations.length === 1 ? destinations[0] : undefined);
                if (!target) return { minutes: "unknown", how: "the destination bucket of its replication cannot be found" };
                if (regionOf(target) !== drRegion) return { minutes: "none", how: `it replicates to ${regionOf(target) ?? "the stack's own region"}` };
                return rule?.destination?.replicationTime?.status === "Enabled"
                    ? { minutes: S3_RTC_RPO_MINUTES, how: "replication with Replication Time Control" }
                    : { minutes: "none", how: "replication without Replication Time Control has no time bound (no SLA)" };
            });
        });
        const none: Achievable = { minutes: "none", how: mine.length ? "its replication has no enabled rule" : "it is not replicated there" };
        // A bounded option wins; otherwise say why the best one fails.
        const bounded = options.filter((o) => typeof o.minutes === "number");
        out.push({ urn: b.urn, store: `bucket ${knownString(props(b).bucket) ?? b.name}`, where: drRegion, achievable: bounded.length ? best(bounded, none) : options.find((o) => o.minutes === "unknown") ?? options[0] ?? none });
    }
    return out;
}

/** The achievable recovery point of every data store of the stack. Never throws on odd or missing values. */
export function achievableRecovery(resources: StackSubject[], config: RecoveryConfig): StoreRecovery[] {
    const stack = new Stack(Array.isArray(resources) ? resources : []);
    const drRegion = typeof config.drRegion === "string" ? config.drRegion : "";
    return [...databases(stack, drRegion), ...volumes(stack, drRegion), ...buckets(stack, drRegion)];
}

export const recoveryObjectives: StackPolicyDefinition<RecoveryConfig> = {
    kind: "stack",
    name: "recovery-objectives-met",
    description: "Every data store can be recovered within the declared RPO, in its region and in the declared DR region.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "resilience",
    source: "seed 002 'Disaster Recovery & Backup' (RPO 1 hour, cross-region replication); AWS RDS PITR, S3 RTC and AWS Backup documentation",
    remediation: "Give the store a mechanism whose recovery point is within the RPO: RDS automated backups (and their replication to the DR region), an AWS Backup rule at least as frequent as the RPO (with a copy action to a vault in the DR region), S3 replication with Replication Time Control to a bucket in the DR region.",
    config: {
        rpoMinutes: { type: "integer", minimum: 1, default: 60, description: "Declared recovery point objective, minutes (seed 002: 60); `npm run policy-config` writes the tier's." },
        drRegion: { type: "string", default: "", description: "Declared DR region, where every store must also be recoverable; empty: none." },
    },
    checkStack(resources, c): StackFinding[] {
        const rpo = typeof c.rpoMinutes === "number" ? c.rpoMinutes : 60;
        return achievableRecovery(resources, c).flatMap((s) => {
            const where = s.where === "in-region" ? "" : ` in ${s.where}`;
            const a = s.achievable;
            if (typeof a.minutes === "number") {
                return a.minutes <= rpo ? [] : [{ urn: s.urn, message: `${s.store}: achievable RPO${where} is ${a.minutes} minutes (${a.how}), worse than the declared ${rpo} minutes` }];
            }
            if (a.minutes === "none") return [{ urn: s.urn, message: `${s.store}: achievable RPO${where} is unbounded (${a.how}), worse than the declared ${rpo} minutes` }];
            return [{ urn: s.urn, message: `${s.store}: achievable RPO${where} cannot be determined (${a.how}); the declared RPO is ${rpo} minutes` }];
        });
    },
};

/** Whether `bucket` is the target (not the source) of a logging resource. */
function isLogTarget(logging: StackSubject, bucket: StackSubject, stack: Stack): boolean {
    const target = knownString(props(logging).targetBucket);
    if (target !== undefined) return namesOf(bucket).has(target);
    // Unknown target (a first preview): the log bucket is the dependency tagged as one.
    return roleOf(bucket) === BUCKET_ROLES.accessLogs && stack.dependenciesOf(logging, ...BUCKETS).length > 1;
}

export const bucketAccessLogging: StackPolicyDefinition = {
    kind: "stack",
    name: "s3-bucket-access-logging",
    description: "Every S3 bucket except the log buckets keeps server access logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "retention",
    source: "AWS Foundational Security Best Practices S3.9 (AWS Config s3-bucket-logging-enabled); AWSGuard s3-bucket-logging-enabled",
    remediation: `Add an aws.s3.BucketLogging for the bucket, targeting a log bucket in the same region; log buckets carry the tag ${BUCKET_ROLE_TAG}=${BUCKET_ROLES.accessLogs} and are exempt.`,
    checkStack(resources) {
        const stack = new Stack(Array.isArray(resources) ? resources : []);
        const loggedByName = new Set(stack.ofType(...LOGGING).map((l) => knownString(props(l).bucket)).filter((b): b is string => b !== undefined));
        return stack.ofType(...BUCKETS)
            .filter((b) => roleOf(b) !== BUCKET_ROLES.accessLogs)
            .filter((b) => {
                if (props(b).logging?.targetBucket || list(props(b).loggings).length) return false;
                const bySource = [...namesOf(b)].some((n) => loggedByName.has(n));
                const byDependency = stack.dependentsOf(b, ...LOGGING).some((l) => !isLogTarget(l, b, stack));
                return !bySource && !byDependency;
            })
            .map((b) => ({ urn: b.urn, message: `bucket ${knownString(props(b).bucket) ?? b.name} has no server access logging` }));
    },
};

export const RECOVERY_POLICIES = [recoveryObjectives, bucketAccessLogging];
