/**
 * Labels the platform writes and the policy pack reads: a contract between `components/` and
 * `policies/`, written once.
 */

/** Docker label saying what a local container is: `data` (stores, never published beyond loopback), `app` or `proxy` (entry points). */
export const LOCAL_ROLE_LABEL = "tiered-infra.role";
