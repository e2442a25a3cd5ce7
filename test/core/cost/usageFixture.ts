/** Usage profiles for hand-computed cost tests: every figure 0 unless a test gives it, so each amount is the arithmetic in its comment. */
import { USAGE_KEYS, UsageProfile } from "../../../core/cost/usage";

export const ZERO_USAGE: UsageProfile = Object.fromEntries(USAGE_KEYS.map((k) => [k, 0])) as unknown as UsageProfile;

/** A profile with only `figures` set (the rest 0). */
export const usageOf = (figures: Partial<UsageProfile>): UsageProfile => ({ ...ZERO_USAGE, ...figures });
