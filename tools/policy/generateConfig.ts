/**
 * Policy-pack config files (`policies/config/<stack>.json`, for `--policy-pack-config`), generated
 * from the tier table and the stack files so that no threshold, allowlist or budget is copied by
 * hand. `npm run policy-config` writes them; a test fails when a committed file is out of date.
 *
 * Where each value comes from:
 * - data-protection floors (backup and snapshot days, log and key retention): the stack's tier row
 *   as the table defines it, before the stack's own `sizing` overrides, so a stack cannot lower a
 *   safety floor by lowering its sizing;
 * - availability minimums (replicas, cache nodes): the stack's declared sizing, a capacity decision
 *   (seed 001's API runs one instance at minimum); the gate then catches a component that builds
 *   less than the stack declares;
 * - the CORS allowlist, whether production rules apply, the budget (the tier's, or the stack's
 *   `sizing.budget` override, a decision of the budget owner) and the budget's cost inputs (region,
 *   the tier's usage profile, fixed charges such as a managed vector DB fee): the stack file.
 */
import { CostInputs } from "../../core/cost/estimator";
import { StackConfig } from "../../infra/config";
import { selfHostedServices, sizedPreset } from "../../infra/system";
import { TIERS } from "../../infra/tiers";
import { PolicyPackConfig } from "./analyzer";

/** Log retention bounds, days: seed 001 keeps logs 30 days; 400 (13 months) covers a yearly audit. */
const LOG_RETENTION = { minDays: 30, maxDays: 400 };
/** KMS keys and secrets wait the longest AWS allows (30 days) before deletion in production. */
const DELETION_WINDOW_DAYS = 30;
/** Deployments run at least two replicas, so one pod down never takes a service down, unless the stack declares fewer. */
const MIN_DEPLOYMENT_REPLICAS = 2;

const CORS_POLICIES = [
    "aws-s3-cors-restrict-origins",
    "aws-cloudfront-response-headers-restrict-cors",
    "aws-apigatewayv2-api-restrict-cors",
    "aws-lambda-function-url-restrict-cors",
    "kubernetes-ingress-restrict-cors",
    "app-env-restrict-cors-origin",
];

const PRODUCTION_POLICIES = [
    "aws-rds-instance-require-final-snapshot-and-deletion-protection",
    "kubernetes-storageclass-retain-volumes",
    "aws-rds-instance-require-multi-az",
    "aws-elasticache-require-failover",
    "kubernetes-workload-require-min-replicas",
    "kubernetes-workload-require-pdb",
];

/** The policy config of one stack. Keys are in a stable order, so regenerating is a no-op diff. */
export function policyConfigFor(cfg: StackConfig, cost: CostInputs): PolicyPackConfig {
    const tier = TIERS[cfg.tier];
    const local = cfg.platform === "local";
    const production = !local && cfg.environment === "production";
    const out: Record<string, Record<string, unknown>> = {};
    const set = (policy: string, props: Record<string, unknown>) => (out[policy] = { ...(out[policy] ?? {}), ...props });

    set("aws-rds-instance-configure-backup-retention", { minDays: tier.database.backupRetentionDays });
    set("aws-cloudwatch-log-group-configure-retention", { ...LOG_RETENTION });
    set("aws-elasticache-configure-snapshot-retention", { minDays: tier.cache.snapshotRetentionDays });
    set("aws-kms-key-configure-deletion-window-and-rotation", { minDeletionWindowDays: DELETION_WINDOW_DAYS });
    set("aws-secretsmanager-secret-require-kms-and-recovery-window", { minRecoveryWindowDays: DELETION_WINDOW_DAYS });
    for (const p of PRODUCTION_POLICIES) set(p, { production });
    if (production) {
        const stateful = selfHostedServices(cfg).map((s) => sizedPreset(cfg, s).replicas);
        set("kubernetes-workload-require-min-replicas", {
            minReplicas: Math.min(MIN_DEPLOYMENT_REPLICAS, cfg.sizing.app.minReplicas),
            minStatefulSetReplicas: stateful.length ? Math.min(...stateful) : 1,
        });
        set("aws-elasticache-require-failover", { minNodes: cfg.sizing.cache.nodes });
    }
    for (const p of CORS_POLICIES) set(p, { allowedOrigins: [...cfg.corsOrigins], allowLocalhost: local });
    // Missing alarms block production; on a development stack they are reported, not enforced.
    if (!production) set("monitoring-alarm-coverage", { enforcementLevel: "advisory" });
    if (!local) {
        set("stack-budget-enforce-monthly-limit", {
            maxMonthlyUsd: cfg.sizing.budget.maxMonthlyUsd,
            region: cost.region,
            ...(cost.usage ? { usage: cost.usage } : {}),
            fixedCharges: cost.fixedCharges ?? [],
        });
    }
    return out;
}

export function policyConfigText(cfg: StackConfig, cost: CostInputs): string {
    return JSON.stringify(policyConfigFor(cfg, cost), null, 2) + "\n";
}
