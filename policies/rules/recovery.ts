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
import { isUnknown } from "../../core/plan/unknown";
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

/** An input known only at apply (a first real preview), on the resource that has it. */
export interface UnknownInput {
    urn: string;
    path: string;
}

/**
 * What one data store can achieve: minutes of data at risk, none (no bound), or unknown with the
 * reason. An unknown that comes from inputs known only at apply lists them (`undecided`): the gate
 * then notes them as decided at apply; any other unknown is a fault of the plan and fails.
 */
export type Achievable = { minutes: number; how: string } | { minutes: "none"; how: string } | { minutes: "unknown"; how: string; undecided?: UnknownInput[] };

const decidedAtApply = (how: string, ...inputs: UnknownInput[]): Achievable => ({ minutes: "unknown", how, undecided: inputs });

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
/** The region a resource declares (pulumi-aws 7 `region`), else its provider's, or undefined (the stack's). */
const regionOf = (r: StackSubject | undefined) => knownString(props(r).region) ?? r?.providerRegion;
const roleOf = (r: StackSubject | undefined) => knownString(props(r).tags?.[BUCKET_ROLE_TAG]);
/** Known identifiers of a resource that other resources may name it by. */
const namesOf = (r: StackSubject) => new Set([props(r).bucket, props(r).id, props(r).arn, props(r).name, props(r).identifier].map(knownString).filter((x): x is string => x !== undefined));

/**
 * The best of a store's options against the RPO: the shortest recovery point when it meets the RPO;
 * otherwise an option that cannot be judged yet (it might meet it), before a known shortfall.
 */
function best(options: Achievable[], none: Achievable, rpo: number): Achievable {
    const numeric = options.filter((o): o is { minutes: number; how: string } => typeof o.minutes === "number");
    const shortest = numeric.length ? numeric.reduce((a, b) => (b.minutes < a.minutes ? b : a)) : undefined;
    if (shortest && shortest.minutes <= rpo) return shortest;
    return options.find((o) => o.minutes === "unknown") ?? shortest ?? none;
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
        if (p.replicateSourceDb !== undefined && p.replicateSourceDb !== null && p.replicateSourceDb !== "" && !isUnknown(p.replicateSourceDb)) continue;
        const store = `database ${knownString(p.identifier) ?? db.name}`;
        const days = p.backupRetentionPeriod;
        // An unknown source may make it a replica, which keeps no backups of its own: decided at apply.
        const local: Achievable = isUnknown(p.replicateSourceDb) ? decidedAtApply("it may be a read replica", { urn: db.urn, path: "replicateSourceDb" })
            : isUnknown(days) ? decidedAtApply("backupRetentionPeriod is known only at apply", { urn: db.urn, path: "backupRetentionPeriod" })
            : typeof days !== "number"
            ? { minutes: "unknown", how: "backupRetentionPeriod is not known" }
            : days >= 1 ? { minutes: RDS_PITR_RPO_MINUTES, how: "point-in-time recovery" } : { minutes: "none", how: "automated backups are off (backupRetentionPeriod 0)" };
        out.push({ urn: db.urn, store, where: "in-region", achievable: local });
        if (!drRegion) continue;
        // Its replications: the ones whose sourceDbInstanceArn input refers to it (property dependencies) or
        // names it; by dependency only when neither tells (another instance's replication may depend on it).
        const sourceByReference = (r: StackSubject) => {
            const via = list(r.propertyDependencies?.sourceDbInstanceArn);
            if (via.length) return via.includes(db.urn);
            return knownString(props(r).sourceDbInstanceArn) === undefined || namesOf(db).size === 0;
        };
        const linked = [...new Set([...stack.dependentsOf(db, RDS_BACKUP_REPLICATION).filter(sourceByReference), ...[...namesOf(db)].flatMap((n) => bySource.get(n) ?? [])])];
        const there = linked.filter((r) => regionOf(r) === drRegion);
        const regionLater = linked.filter((r) => isUnknown(props(r).region));
        const undeclared = linked.filter((r) => regionOf(r) === undefined);
        // Copies to a region that is not the DR region (the stack's own, or a third one) keep nothing there.
        const elsewhere = [...new Set(linked.map(regionOf))];
        const dr: Achievable = local.minutes !== RDS_PITR_RPO_MINUTES ? local
            : there.length ? { minutes: RDS_PITR_RPO_MINUTES, how: "replicated automated backups (transaction logs every 5 minutes)" }
            : regionLater.length ? decidedAtApply("the region of its automated-backup replication is known only at apply", ...regionLater.map((r) => ({ urn: r.urn, path: "region" })))
            : undeclared.length ? { minutes: "unknown", how: "its automated-backup replication does not declare region; set region on it" }
            : linked.length ? { minutes: "none", how: `its automated backups are replicated to ${elsewhere.join(", ")}, not to ${drRegion}` }
            : { minutes: "none", how: "no automated-backup replication there" };
        out.push({ urn: db.urn, store, where: drRegion, achievable: dr });
    }
    return out;
}

/**
 * Backup tags a StorageClass gives the EBS volumes it creates (EBS CSI `tagSpecification_N: key=value`),
 * and the parameters known only at apply (any of them could be such a tag).
 */
function volumeTags(storageClass: StackSubject): { tags: Array<{ key: string; value: string }>; unknown: UnknownInput[] } {
    const parameters = props(storageClass).parameters;
    if (isUnknown(parameters)) return { tags: [], unknown: [{ urn: storageClass.urn, path: "parameters" }] };
    const entries = Object.entries(parameters && typeof parameters === "object" ? parameters : {});
    return {
        tags: entries
            .filter(([k, v]) => /^tagSpecification_\d+$/.test(k) && typeof v === "string" && !isUnknown(v) && v.includes("="))
            .map(([, v]) => {
                const s = v as string;
                return { key: s.slice(0, s.indexOf("=")), value: s.slice(s.indexOf("=") + 1) };
            }),
        unknown: entries.filter(([, v]) => isUnknown(v)).map(([k]) => ({ urn: storageClass.urn, path: `parameters.${k}` })),
    };
}

interface PlanRule {
    name: string;
    /** Minutes between runs; undefined when the schedule cannot be read. */
    interval: number | undefined;
    /** Whether it copies its points to the DR region: yes, no, or known only at apply (the inputs). */
    copiesToDr: boolean | UnknownInput[];
    /** Inputs known only at apply that decide the rule's schedule. */
    unknown: UnknownInput[];
}

/** A plan's rules with their intervals (minutes) and whether each copies to the DR region. */
function planRules(stack: Stack, plan: StackSubject, drRegion: string): PlanRule[] {
    const vaults = stack.dependenciesOf(plan, BACKUP_VAULT);
    const drVaults = vaults.filter((v) => drRegion && regionOf(v) === drRegion);
    const laterVaults = vaults.filter((v) => isUnknown(props(v).region)).map((v) => ({ urn: v.urn, path: "region" }));
    const rules = props(plan).rules;
    const at = (path: string): UnknownInput => ({ urn: plan.urn, path });
    if (isUnknown(rules)) return [{ name: "(known at apply)", interval: undefined, copiesToDr: [at("rules")], unknown: [at("rules")] }];
    return list(rules).map((rule, i): PlanRule => {
        const name = knownString(rule?.ruleName) ?? String(i);
        if (isUnknown(rule)) return { name, interval: undefined, copiesToDr: [at(`rules[${i}]`)], unknown: [at(`rules[${i}]`)] };
        const unknown = isUnknown(rule?.schedule) ? [at(`rules[${i}].schedule`)] : [];
        const copies = rule?.copyActions;
        let copiesToDr: boolean | UnknownInput[];
        if (isUnknown(copies)) copiesToDr = [at(`rules[${i}].copyActions`)];
        else {
            const verdicts = list(copies).map((c, j): boolean | UnknownInput[] => {
                if (isUnknown(c)) return [at(`rules[${i}].copyActions[${j}]`)];
                const arn = knownString(c?.destinationVaultArn);
                if (arn) return arn.split(":")[3] === drRegion;
                return drVaults.length > 0 || (laterVaults.length ? laterVaults : false);
            });
            copiesToDr = verdicts.includes(true) ? true : verdicts.filter((v): v is UnknownInput[] => Array.isArray(v)).flat();
            if (Array.isArray(copiesToDr) && copiesToDr.length === 0) copiesToDr = false;
        }
        return { name, interval: cronIntervalMinutes(rule?.schedule), copiesToDr, unknown };
    });
}

/** Volumes of StatefulSets: the backup plans that select them by tag, in the region and copied to the DR region. */
function volumes(stack: Stack, drRegion: string, rpo: number): StoreRecovery[] {
    const out: StoreRecovery[] = [];
    const classByName = new Map(stack.ofType(STORAGE_CLASS).flatMap((c) => {
        const n = knownString(props(c).metadata?.name);
        return n ? [[n, c] as const] : [];
    }));
    const selectionsByTag = new Map<string, StackSubject[]>();
    // Selections whose tags are known only at apply: any of them may select any volume.
    const laterSelections: Array<{ selection: StackSubject; inputs: UnknownInput[] }> = [];
    for (const sel of stack.ofType(BACKUP_SELECTION)) {
        const tags = props(sel).selectionTags;
        if (isUnknown(tags)) {
            laterSelections.push({ selection: sel, inputs: [{ urn: sel.urn, path: "selectionTags" }] });
            continue;
        }
        list(tags).forEach((t, i) => {
            const later = isUnknown(t) ? [`selectionTags[${i}]`] : ["type", "key", "value"].filter((k) => isUnknown(t?.[k])).map((k) => `selectionTags[${i}].${k}`);
            if (later.length) laterSelections.push({ selection: sel, inputs: later.map((path) => ({ urn: sel.urn, path })) });
        });
        for (const t of list(tags)) {
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
        const meta = props(sts).metadata ?? {};
        const store = `volumes of StatefulSet ${knownString(meta.namespace) ? `${meta.namespace}/` : ""}${knownString(meta.name) ?? sts.name}`;
        const push = (a: Achievable) => {
            out.push({ urn: sts.urn, store, where: "in-region", achievable: a });
            if (drRegion) out.push({ urn: sts.urn, store, where: drRegion, achievable: a });
        };
        const spec = props(sts).spec;
        const laterPath = isUnknown(spec) ? "spec" : isUnknown(spec?.volumeClaimTemplates) ? "spec.volumeClaimTemplates" : isUnknown(list(spec?.volumeClaimTemplates)[0]) ? "spec.volumeClaimTemplates[0]" : undefined;
        if (laterPath) {
            push(decidedAtApply("its volume claims are known only at apply", { urn: sts.urn, path: laterPath }));
            continue;
        }
        const templates = list(spec?.volumeClaimTemplates);
        if (!templates.length) continue;
        const rawClass = templates[0]?.spec?.storageClassName;
        const className = knownString(rawClass);
        const linkedClasses = stack.dependenciesOf(sts, STORAGE_CLASS);
        const storageClass = (className !== undefined ? classByName.get(className) : undefined) ?? (linkedClasses.length === 1 ? linkedClasses[0] : undefined);
        if (!storageClass) {
            push(isUnknown(rawClass) || isUnknown(templates[0]?.spec) || isUnknown(templates[0])
                ? decidedAtApply("its storage class is known only at apply", { urn: sts.urn, path: "spec.volumeClaimTemplates[0].spec.storageClassName" })
                : { minutes: "unknown", how: "its storage class cannot be found, so neither can the backups that select its volumes" });
            continue;
        }
        const { tags, unknown: laterTags } = volumeTags(storageClass);
        const selecting = [...new Set(tags.flatMap((t) => selectionsByTag.get(`${t.key}=${t.value}`) ?? []))];
        const rules = [...new Set(selecting.flatMap((s) => stack.dependenciesOf(s, BACKUP_PLAN)))].flatMap((plan) => rulesOf(plan));
        const asAchievable = (r: PlanRule): Achievable =>
            r.unknown.length ? decidedAtApply(`the schedule of backup rule ${r.name} is known only at apply`, ...r.unknown)
            : r.interval === undefined ? { minutes: "unknown", how: `the schedule of backup rule ${r.name} cannot be read` } : { minutes: r.interval, how: `backup rule ${r.name}` };
        // Inputs known only at apply that could add a backup of these volumes: tags of the class, selections.
        const later = [...laterTags, ...(tags.length || laterTags.length ? laterSelections.flatMap((s) => s.inputs) : [])];
        const maybe: Achievable[] = later.length ? [decidedAtApply("the tags that select its volumes for backup are known only at apply", ...later)] : [];
        const none: Achievable = { minutes: "none", how: tags.length ? `no backup plan selects the tag ${tags.map((t) => `${t.key}=${t.value}`).join(", ")}` : "its volumes carry no backup tag" };
        out.push({ urn: sts.urn, store, where: "in-region", achievable: best([...rules.map(asAchievable), ...maybe], none, rpo) });
        if (drRegion) {
            const copied = rules.flatMap((r): Achievable[] => {
                if (r.copiesToDr === false) return [];
                const a = asAchievable(r);
                if (Array.isArray(r.copiesToDr)) return [decidedAtApply(`whether backup rule ${r.name} copies to ${drRegion} is known only at apply`, ...r.copiesToDr, ...(a.minutes === "unknown" ? (a.undecided ?? []) : []))];
                return [{ ...a, how: `copies of backup rule ${r.name}` } as Achievable];
            });
            out.push({ urn: sts.urn, store, where: drRegion, achievable: best([...copied, ...maybe], { minutes: "none", how: rules.length ? "no backup rule copies its points there" : none.how }, rpo) });
        }
    }
    return out;
}

/** A replication rule's destination (a bucket ARN) and the bucket name in it. */
const destinationNames = (arn: string) => [arn, arn.replace(/^arn:[^:]+:s3:::/, "")];

/** Whether a replication rule may copy anything: enabled, or its status known only at apply. */
const mayCopy = (rule: any) => isUnknown(rule) || isUnknown(rule?.status) || rule?.status === "Enabled";

/**
 * Buckets that hold copies of another region's bucket, whatever their tags: the destinations of an
 * enabled rule (named by it, or, names unknown in a first preview, the ones its `rules` input refers
 * to) that declare a region other than their source's, the source being outside the DR region. A
 * bucket in the stack's own region is judged as a source whatever replicates into it: a same-region
 * copy, or the return leg of two-way replication from the DR region, does not make it a replica.
 */
function replicaUrns(stack: Stack, all: StackSubject[], drRegion: string): Set<string> {
    const byName = new Map<string, StackSubject[]>();
    for (const b of all) for (const n of namesOf(b)) byName.set(n, [...(byName.get(n) ?? []), b]);
    const out = new Set<string>();
    for (const c of stack.ofType(REPLICATION)) {
        const rules = props(c).rules;
        const copying = isUnknown(rules) ? [] : list(rules).filter(mayCopy);
        const destinations = new Set<StackSubject>();
        for (const rule of copying) {
            const arn = knownString(rule.destination?.bucket);
            if (arn) for (const d of destinationNames(arn).flatMap((n) => byName.get(n) ?? [])) destinations.add(d);
        }
        if (isUnknown(rules) || copying.length) for (const urn of list(c.propertyDependencies?.rules)) {
            const d = stack.byUrn.get(urn);
            if (d && BUCKETS.includes(d.type)) destinations.add(d);
        }
        // Its source: the bucket its `bucket` input refers to, or names; by dependency when neither tells.
        const via = list(c.propertyDependencies?.bucket).map((u) => stack.byUrn.get(u)).filter((b): b is StackSubject => b !== undefined);
        const named = byName.get(knownString(props(c).bucket) ?? "") ?? [];
        for (const d of destinations) {
            const region = regionOf(d);
            if (region === undefined) continue; // the stack's own region
            const sources = via.length ? via : named.length ? named : stack.dependenciesOf(c, ...BUCKETS).filter((b) => b !== d && !destinations.has(b));
            if (!sources.length || sources.some((s) => regionOf(s) !== region && regionOf(s) !== drRegion)) out.add(d.urn);
        }
    }
    return out;
}

/**
 * The part of a bucket an enabled replication rule copies: undefined when all of it (no filter, or an
 * empty prefix and no tag); otherwise what it selects, or the input known only at apply that decides it.
 */
function partCopied(rule: Record<string, any>, i: number): string | undefined | { path: string } {
    const f = rule.filter;
    const prefix = [rule.prefix, f?.prefix, f?.and?.prefix].find((p) => typeof p === "string" && p !== "" && !isUnknown(p));
    if (prefix !== undefined) return `objects under the prefix ${prefix}`;
    const andTags = f?.and?.tags;
    const tags = [f?.tag, ...(andTags !== null && typeof andTags === "object" ? Object.entries(andTags) : []).map(([key, value]) => ({ key, value }))].filter((t) => t !== null && typeof t === "object");
    if (tags.length) return `objects tagged ${tags.map((t) => `${knownString(t.key) ?? "?"}=${knownString(t.value) ?? "?"}`).join(", ")}`;
    const later = Object.entries({ prefix: rule.prefix, filter: f, "filter.prefix": f?.prefix, "filter.tag": f?.tag, "filter.and": f?.and, "filter.and.prefix": f?.and?.prefix, "filter.and.tags": f?.and?.tags }).find(([, v]) => isUnknown(v));
    return later ? { path: `rules[${i}].${later[0]}` } : undefined;
}

/** Buckets holding data (not logs, not replicas): replicated to the DR region, with or without RTC. */
function buckets(stack: Stack, drRegion: string, rpo: number): StoreRecovery[] {
    if (!drRegion) return [];
    const all = stack.ofType(...BUCKETS);
    const replicas = replicaUrns(stack, all, drRegion);
    const configsByBucket = new Map<string, StackSubject[]>();
    for (const c of stack.ofType(REPLICATION)) {
        const b = knownString(props(c).bucket);
        if (b) configsByBucket.set(b, [...(configsByBucket.get(b) ?? []), c]);
    }
    const out: StoreRecovery[] = [];
    for (const b of all) {
        const role = roleOf(b);
        if (role === BUCKET_ROLES.accessLogs || role === BUCKET_ROLES.replica || replicas.has(b.urn) || regionOf(b) === drRegion) continue;
        // Tags or region known only at apply may make it a log or replica bucket, or put it in the DR region.
        const laterSelf = [isUnknown(props(b).tags) ? "tags" : isUnknown(props(b).tags?.[BUCKET_ROLE_TAG]) ? `tags.${BUCKET_ROLE_TAG}` : "", isUnknown(props(b).region) ? "region" : ""]
            .filter((p) => p !== "").map((path) => decidedAtApply("what the bucket holds, or where, is known only at apply", { urn: b.urn, path }));
        // Its replications: the ones whose `bucket` input refers to it (property dependencies) or names
        // it; by dependency only when neither tells (a replication that depends on it may copy another).
        const sourceByReference = (c: StackSubject) => {
            const via = list(c.propertyDependencies?.bucket);
            if (via.length) return via.includes(b.urn);
            return knownString(props(c).bucket) === undefined || namesOf(b).size === 0;
        };
        const mine = [...new Set([...stack.dependentsOf(b, REPLICATION).filter(sourceByReference), ...[...namesOf(b)].flatMap((n) => configsByBucket.get(n) ?? [])])];
        const options: Achievable[] = mine.flatMap((c) => {
            const dependencies = stack.dependenciesOf(c, ...BUCKETS).filter((d) => d.urn !== b.urn);
            // Names unknown: the buckets its `rules` input refers to, when the engine says which.
            const viaRules = list(c.propertyDependencies?.rules);
            const destinations = dependencies.some((d) => viaRules.includes(d.urn)) ? dependencies.filter((d) => viaRules.includes(d.urn)) : dependencies;
            const at = (path: string): UnknownInput => ({ urn: c.urn, path });
            const rules = props(c).rules;
            if (isUnknown(rules)) return [decidedAtApply("its replication rules are known only at apply", at("rules"))];
            return list(rules).flatMap((rule, i): Achievable[] => {
                if (isUnknown(rule)) return [decidedAtApply("a replication rule is known only at apply", at(`rules[${i}]`))];
                if (isUnknown(rule?.status)) return [decidedAtApply("whether a replication rule is enabled is known only at apply", at(`rules[${i}].status`))];
                if (rule?.status !== "Enabled") return [];
                // An enabled rule is an object from here on.
                const arn = knownString(rule.destination?.bucket);
                const target = dependencies.find((d) => arn !== undefined && destinationNames(arn).some((n) => namesOf(d).has(n))) ?? (destinations.length === 1 ? destinations[0] : undefined);
                if (!target) {
                    return isUnknown(rule.destination) || isUnknown(rule.destination?.bucket)
                        ? [decidedAtApply("the destination of its replication is known only at apply", at(`rules[${i}].destination`))]
                        : [{ minutes: "unknown", how: "the destination bucket of its replication cannot be found" }];
                }
                if (isUnknown(props(target).region)) return [decidedAtApply("the region of its replica is known only at apply", { urn: target.urn, path: "region" })];
                if (regionOf(target) !== drRegion) return [{ minutes: "none", how: `it replicates to ${regionOf(target) ?? "the stack's own region"}` }];
                const part = partCopied(rule, i);
                if (typeof part === "object") return [decidedAtApply("which objects a replication rule copies is known only at apply", at(part.path))];
                if (part !== undefined) return [{ minutes: "none", how: `its replication copies only ${part}, not the whole bucket` }];
                const rtc = rule.destination?.replicationTime;
                if (isUnknown(rtc) || isUnknown(rtc?.status)) return [decidedAtApply("whether Replication Time Control is on is known only at apply", at(`rules[${i}].destination.replicationTime`))];
                return [rtc?.status === "Enabled"
                    ? { minutes: S3_RTC_RPO_MINUTES, how: "replication with Replication Time Control" }
                    : { minutes: "none", how: "replication without Replication Time Control has no time bound (no SLA)" }];
            });
        });
        const none: Achievable = { minutes: "none", how: mine.length ? "its replication has no enabled rule" : "it is not replicated there" };
        // A bounded option wins; then one known only at apply; otherwise say why the best one fails.
        const failing = options.find((o) => o.minutes === "none");
        out.push({ urn: b.urn, store: `bucket ${knownString(props(b).bucket) ?? b.name}`, where: drRegion, achievable: best([...options, ...laterSelf], failing ?? none, rpo) });
    }
    return out;
}

/** The achievable recovery point of every data store of the stack. Never throws on odd or missing values. */
export function achievableRecovery(resources: StackSubject[], config: RecoveryConfig): StoreRecovery[] {
    const stack = new Stack(Array.isArray(resources) ? resources : []);
    const drRegion = typeof config.drRegion === "string" ? config.drRegion : "";
    const rpo = rpoOf(config);
    return [...databases(stack, drRegion), ...volumes(stack, drRegion, rpo), ...buckets(stack, drRegion, rpo)];
}

const rpoOf = (c: RecoveryConfig) => (typeof c.rpoMinutes === "number" ? c.rpoMinutes : 60);

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
        const rpo = rpoOf(c);
        return achievableRecovery(resources, c).flatMap((s): StackFinding[] => {
            const where = s.where === "in-region" ? "" : ` in ${s.where}`;
            const a = s.achievable;
            if (typeof a.minutes === "number") {
                return a.minutes <= rpo ? [] : [{ urn: s.urn, message: `${s.store}: achievable RPO${where} is ${a.minutes} minutes (${a.how}), worse than the declared ${rpo} minutes` }];
            }
            if (a.minutes === "none") return [{ urn: s.urn, message: `${s.store}: achievable RPO${where} is unbounded (${a.how}), worse than the declared ${rpo} minutes` }];
            if (a.undecided?.length) return a.undecided.map((u) => ({ urn: u.urn, undecided: u.path }));
            return [{ urn: s.urn, message: `${s.store}: achievable RPO${where} cannot be determined (${a.how}); the declared RPO is ${rpo} minutes` }];
        });
    },
};

/** Whether `bucket` is the target (not the source) of a logging resource. */
function isLogTarget(logging: StackSubject, bucket: StackSubject): boolean {
    const target = knownString(props(logging).targetBucket);
    if (target !== undefined) return namesOf(bucket).has(target);
    // Unknown target (a first preview): the bucket its `targetBucket` input refers to.
    return list(logging.propertyDependencies?.targetBucket).includes(bucket.urn);
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
                const byDependency = stack.dependentsOf(b, ...LOGGING).some((l) => !isLogTarget(l, b));
                return !bySource && !byDependency;
            })
            .map((b) => ({ urn: b.urn, message: `bucket ${knownString(props(b).bucket) ?? b.name} has no server access logging` }));
    },
};

export const RECOVERY_POLICIES = [recoveryObjectives, bucketAccessLogging];
