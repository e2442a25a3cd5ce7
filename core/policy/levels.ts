/** Enforcement levels and severities of CrossGuard policies, as the analyzer protocol knows them. */

/** Levels a policy config may set (`--policy-pack-config`). */
export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** The protobuf enum `pulumirpc.EnforcementLevel`, by number (proto/analyzer.proto): order matters. */
export const PROTO_ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

/** The protobuf enum `pulumirpc.PolicySeverity`, by number. */
export const PROTO_SEVERITIES = ["unspecified", "low", "medium", "high", "critical"] as const;
export type Severity = (typeof PROTO_SEVERITIES)[number];
