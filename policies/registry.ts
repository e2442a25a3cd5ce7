/** Every policy of the pack, grouped by concern. */
import { PolicyDefinition } from "./definitions";
import { COST_POLICIES } from "./rules/budget";
import { CORS_POLICIES } from "./rules/cors";
import { RECOVERY_POLICIES } from "./rules/recovery";
import { ENCRYPTION_POLICIES } from "./rules/encryption";
import { EXPOSURE_POLICIES } from "./rules/exposure";
import { MONITORING_POLICIES } from "./rules/monitoring";
import { RESILIENCE_POLICIES } from "./rules/resilience";
import { RETENTION_POLICIES } from "./rules/retention";
import { SECRET_POLICIES } from "./rules/secrets";
import { WORKLOAD_POLICIES } from "./rules/workloads";

export const POLICY_PACK_NAME = "tiered-infra";

export const ALL_POLICIES: readonly PolicyDefinition[] = [
    ...SECRET_POLICIES,
    ...CORS_POLICIES,
    ...RETENTION_POLICIES,
    ...ENCRYPTION_POLICIES,
    ...EXPOSURE_POLICIES,
    ...RESILIENCE_POLICIES,
    ...RECOVERY_POLICIES,
    ...WORKLOAD_POLICIES,
    ...COST_POLICIES,
    ...MONITORING_POLICIES,
];
