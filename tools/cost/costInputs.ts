/**
 * What the estimator needs besides the resources, built from a stack's parsed config: the region,
 * the tier's usage profile with a usage file's overrides, and charges the plan does not show as
 * resources. The same object is what the budget policy receives in its config, so `npm run cost`
 * and the budget gate price a stack alike.
 */
import * as fs from "fs";
import YAML from "yaml";
import { InputError } from "../../core/errors";
import { CostInputs, FixedCharge } from "../../core/cost/estimator";
import { NO_USAGE, UsageError, UsageProfile, withOverrides } from "../../core/cost/usage";
import { StackConfig } from "../../infra/config";
import { TIER_USAGE } from "./usageProfiles";

/**
 * A usage file: `{ default: {...}, <tier>: {...}, <stack>: {...} }`, each a map of usage keys to
 * numbers, applied in that order over the tier's profile. YAML or JSON.
 */
export interface UsageFile {
    name: string;
    sections: Record<string, Record<string, unknown>>;
}

export function readUsageFile(file: string): UsageFile {
    let doc: unknown;
    try {
        doc = YAML.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(`--usage: ${file} is not readable YAML/JSON (${(e as Error).message.split("\n")[0]})`);
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new InputError(`--usage: ${file} must map "default", tier or stack names to usage values`);
    for (const [k, v] of Object.entries(doc)) if (!v || typeof v !== "object" || Array.isArray(v)) throw new InputError(`--usage: ${file}: ${k} must be a map of usage keys to numbers`);
    return { name: file, sections: doc as UsageFile["sections"] };
}

/**
 * Refuses a section that names neither `default`, `resources`, a tier nor one of `stacks` (a typo
 * such as `smal:` would otherwise change nothing, silently).
 * @throws InputError naming the section and the names allowed
 */
export function checkUsageSections(file: UsageFile, stacks: readonly string[]): void {
    const tiers = Object.keys(TIER_USAGE);
    const known = new Set(["default", RESOURCE_SECTION, ...tiers, ...stacks]);
    const unknown = Object.keys(file.sections).filter((k) => !known.has(k));
    if (unknown.length) {
        const others = [...new Set(stacks)].filter((s) => !tiers.includes(s));
        throw new InputError(`--usage: ${file.name}: ${unknown.map((k) => JSON.stringify(k)).join(", ")} ${unknown.length === 1 ? "is" : "are"} neither "default", "${RESOURCE_SECTION}", a tier (${tiers.join(", ")}) nor a stack${others.length ? ` (${others.join(", ")})` : ""}`);
    }
}

/** The tier's usage profile with the file's `default`, `<tier>` and `<stack>` sections applied in that order. */
export function usageOf(stack: string, tier: keyof typeof TIER_USAGE, file?: UsageFile): UsageProfile {
    try {
        let u = TIER_USAGE[tier];
        for (const key of ["default", tier, stack]) if (file?.sections[key]) u = withOverrides(u, file.sections[key], `${file.name}: ${key}`);
        return u;
    } catch (e) {
        if (e instanceof UsageError) throw new InputError(e.message);
        throw e;
    }
}

/** Section of a usage file that gives one resource its own figures, by logical name: `resources: { web-medium-nat-0: { natDataGiB: 400 } }`. */
export const RESOURCE_SECTION = "resources";

/** Each resource's own figures from the file's `resources` section (validated like any usage key). */
export function resourceUsageOf(file?: UsageFile): Record<string, Partial<UsageProfile>> | undefined {
    const section = file?.sections[RESOURCE_SECTION];
    if (!section) return undefined;
    const out: Record<string, Partial<UsageProfile>> = {};
    try {
        for (const [name, figures] of Object.entries(section)) {
            if (!figures || typeof figures !== "object" || Array.isArray(figures)) throw new InputError(`--usage: ${file!.name}: ${RESOURCE_SECTION}.${name} must be a map of usage keys to numbers`);
            const checked = withOverrides(NO_USAGE, figures as Record<string, unknown>, `${file!.name}: ${RESOURCE_SECTION}.${name}`);
            out[name] = Object.fromEntries(Object.keys(figures as object).map((k) => [k, checked[k as keyof UsageProfile]]));
        }
    } catch (e) {
        if (e instanceof UsageError) throw new InputError(e.message);
        throw e;
    }
    return out;
}

/** Monthly charges of the stack that are not resources: a managed vector DB subscription. */
export function fixedChargesOf(cfg: StackConfig): FixedCharge[] {
    const managed = cfg.managedVectorDb && cfg.sizing.vectorDb.mode === "managed" && cfg.system.statefulServices.includes("chroma") ? cfg.managedVectorDb : undefined;
    return managed ? [{ name: `managed vector database (${managed.provider})`, monthlyUsd: managed.monthlyFeeUsd, source: "tiered-infra:managedVectorDb.monthlyFeeUsd in the stack config" }] : [];
}

export function costInputsFor(stack: string, cfg: StackConfig, usageFile?: UsageFile): CostInputs {
    if (cfg.platform === "local") return { region: "local", fixedCharges: [] };
    const resourceUsage = resourceUsageOf(usageFile);
    return { region: cfg.region, usage: usageOf(stack, cfg.tier, usageFile), fixedCharges: fixedChargesOf(cfg), ...(resourceUsage ? { resourceUsage } : {}) };
}

/** The stack deploys seed 002's website analyzer (PostgreSQL, Redis, ChromaDB), so that seed's cost ranges apply. */
export function deploysSeed002System(cfg: StackConfig): boolean {
    return cfg.platform === "aws" && cfg.system.database && cfg.system.cache && cfg.system.statefulServices.includes("chroma");
}
