/**
 * Policy-pack config files (`policies/config/<stack>.json`, for `--policy-pack-config`), generated
 * from the tier table and the stack files so that no threshold, allowlist or budget is copied by
 * hand. `npm run policy-config` writes them; a test fails when a committed file is out of date.
 *
 * The pack's defaults are the seeds' production figures (core/policy/defaults.ts), so a stack run
 * with no config at all gets production rules; a generated file holds only what differs from them.
 *
 * Where each value comes from:
 * - data-protection floors (backup and snapshot days, log and key retention): the stack's tier row
 *   as the table defines it, before the stack's own `sizing` overrides, so a stack cannot lower a
 *   safety floor by lowering its sizing;
 * - availability minimums (replicas, cache nodes): the stack's declared sizing, a capacity decision
 *   (seed 001's API runs one instance at minimum); the gate then catches a component that builds
 *   less than the stack declares;
 * - recovery objectives: the stricter RPO of the tier row and the stack's sizing, and the DR region
 *   wherever either declares copies to one (the stack's own choice of region first), so a stack can
 *   move its DR region or tighten its RPO but not drop the copies its tier promises;
 * - the CORS allowlist, whether production rules apply, the budget (the tier's, or the stack's
 *   `sizing.budget` override, a decision of the budget owner) and the budget's cost inputs (region,
 *   the tier's usage profile, fixed charges such as a managed vector DB fee): the stack file.
 */
import { CostInputs } from "../../core/cost/estimator";
import { AVAILABILITY_FLOORS, BACKUP_FLOORS, LOG_RETENTION, SECRET_FLOORS } from "../../core/policy/defaults";
import { StackConfig } from "../../infra/config";
import { selfHostedServices, sizedPreset } from "../../infra/system";
import { TIERS } from "../../infra/tiers";
import { PolicyPackConfig } from "./analyzer";

const CORS_POLICIES = [
    "aws-s3-cors-restrict-origins",
    "aws-cloudfront-response-headers-restrict-cors",
    "aws-apigatewayv2-api-restrict-cors",
    "aws-apigateway-restrict-cors-headers",
    "aws-lambda-function-url-restrict-cors",
    "kubernetes-ingress-restrict-cors",
    "app-env-restrict-cors-origin",
];

const PRODUCTION_POLICIES = [
    "aws-rds-instance-require-final-snapshot-and-deletion-protection",
    "aws-rds-cluster-require-final-snapshot-and-deletion-protection",
    "kubernetes-storageclass-retain-volumes",
    "aws-rds-instance-require-multi-az",
    "aws-elasticache-require-failover",
    "kubernetes-workload-require-min-replicas",
    "kubernetes-workload-require-pdb",
];

/**
 * The pack's defaults for the properties this generator sets (core/policy/defaults.ts, the seeds'
 * production figures): a generated file holds only what differs from them, so each per-stack file
 * reads as the list of ways that stack relaxes or tightens production. test/policies checks these
 * are the defaults the pack's policies declare.
 */
export const PACK_DEFAULTS: Record<string, Record<string, unknown>> = {
    "aws-rds-instance-configure-backup-retention": { minDays: BACKUP_FLOORS.databaseDays },
    "aws-rds-cluster-configure-backup-retention": { minDays: BACKUP_FLOORS.databaseDays },
    "aws-cloudwatch-log-group-configure-retention": { minDays: LOG_RETENTION.minDays, maxDays: LOG_RETENTION.maxDays },
    "aws-elasticache-configure-snapshot-retention": { minDays: BACKUP_FLOORS.cacheSnapshotDays },
    "aws-kms-key-configure-deletion-window-and-rotation": { minDeletionWindowDays: SECRET_FLOORS.deletionWindowDays },
    "aws-secretsmanager-secret-require-kms-and-recovery-window": { minRecoveryWindowDays: SECRET_FLOORS.recoveryWindowDays },
    "kubernetes-workload-require-min-replicas": { production: true, minReplicas: AVAILABILITY_FLOORS.deploymentReplicas, minStatefulSetReplicas: AVAILABILITY_FLOORS.statefulSetReplicas },
    "aws-elasticache-require-failover": { production: true, minNodes: AVAILABILITY_FLOORS.cacheNodes },
    ...Object.fromEntries(PRODUCTION_POLICIES.filter((p) => !["kubernetes-workload-require-min-replicas", "aws-elasticache-require-failover"].includes(p)).map((p) => [p, { production: true }])),
    ...Object.fromEntries(CORS_POLICIES.map((p) => [p, { allowedOrigins: [], allowLocalhost: false }])),
    // maxMonthlyUsd has no default on purpose: a stack without a budget fails the gate, so every file states it.
    "stack-budget-enforce-monthly-limit": { region: "us-east-1", fixedCharges: [] },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The policy config of one stack: only what differs from the pack's defaults. Keys are in a stable order, so regenerating is a no-op diff. */
export function policyConfigFor(cfg: StackConfig, cost: CostInputs): PolicyPackConfig {
    const tier = TIERS[cfg.tier];
    const local = cfg.platform === "local";
    const production = !local && cfg.environment === "production";
    const out: Record<string, Record<string, unknown>> = {};
    const set = (policy: string, props: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(props)) {
            if (same(v, PACK_DEFAULTS[policy]?.[k])) continue;
            out[policy] = { ...(out[policy] ?? {}), [k]: v };
        }
    };

    // Data-protection floors: the tier row as the table defines it (a stack's sizing cannot lower them).
    set("aws-rds-instance-configure-backup-retention", { minDays: tier.database.backupRetentionDays });
    set("aws-rds-cluster-configure-backup-retention", { minDays: tier.database.backupRetentionDays });
    set("aws-elasticache-configure-snapshot-retention", { minDays: tier.cache.snapshotRetentionDays });
    for (const p of PRODUCTION_POLICIES) set(p, { production });
    if (production) {
        const stateful = selfHostedServices(cfg).map((s) => sizedPreset(cfg, s).replicas);
        set("kubernetes-workload-require-min-replicas", {
            minReplicas: Math.min(AVAILABILITY_FLOORS.deploymentReplicas, cfg.sizing.app.minReplicas),
            minStatefulSetReplicas: stateful.length ? Math.min(...stateful) : AVAILABILITY_FLOORS.statefulSetReplicas,
        });
        set("aws-elasticache-require-failover", { minNodes: cfg.sizing.cache.nodes });
    }
    for (const p of CORS_POLICIES) set(p, { allowedOrigins: [...cfg.corsOrigins], allowLocalhost: local });
    set("recovery-objectives-met", recoveryObjectivesFor(cfg));
    // Missing alarms block production; on a development stack they are reported, not enforced.
    if (!production) set("monitoring-alarm-coverage", { enforcementLevel: "advisory" });
    set("stack-budget-enforce-monthly-limit", {
        // A local stack runs on the developer's machine: its budget is $0, so anything billable fails.
        maxMonthlyUsd: local ? 0 : cfg.sizing.budget.maxMonthlyUsd,
        region: cost.region,
        ...(cost.usage ? { usage: cost.usage } : {}),
        fixedCharges: cost.fixedCharges ?? [],
    });
    return out;
}

/** The declared recovery objectives the gate holds a stack to (local stacks run no AWS data stores). */
export function recoveryObjectivesFor(cfg: StackConfig): { rpoMinutes: number; drRegion: string } {
    const row = TIERS[cfg.tier].recovery;
    const own = cfg.sizing.recovery;
    const drRegion = cfg.platform === "local" ? "" : own.crossRegion ? own.drRegion! : row.crossRegion ? own.drRegion ?? row.drRegion! : "";
    return { rpoMinutes: Math.min(row.rpoMinutes, own.rpoMinutes), drRegion };
}

export function policyConfigText(cfg: StackConfig, cost: CostInputs): string {
    return JSON.stringify(policyConfigFor(cfg, cost), null, 2) + "\n";
}
