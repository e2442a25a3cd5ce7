/** Estimates a planned or previewed stack with its tier's usage profile and any usage-file overrides. */
import * as fs from "fs";
import YAML from "yaml";
import { TIER_NAMES, TierName } from "../../infra/tiers";
import { InputError } from "../offline/stackFiles";
import { PreviewJson } from "../offline/previewJson";
import { analyzableStates } from "../policy/evaluate";
import { estimate, StackCost } from "./estimator";
import { TIER_USAGE, usageFor, UsageError, UsageProfile, withOverrides } from "./usage";

/**
 * A usage file: `{ default: {...}, <tier>: {...}, <stack>: {...} }`, each a map of usage keys to
 * numbers, applied in that order over the tier's profile. YAML or JSON.
 */
export type UsageFile = Record<string, Record<string, unknown>>;

export function readUsageFile(file: string): UsageFile {
    let doc: unknown;
    try {
        doc = YAML.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(`--usage: ${file} is not readable YAML/JSON (${(e as Error).message.split("\n")[0]})`);
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new InputError(`--usage: ${file} must map "default", tier or stack names to usage values`);
    for (const [k, v] of Object.entries(doc)) if (!v || typeof v !== "object" || Array.isArray(v)) throw new InputError(`--usage: ${file}: ${k} must be a map of usage keys to numbers`);
    return doc as UsageFile;
}

export function usageOf(stack: string, tier: string | undefined, file?: UsageFile, fileName = "usage"): UsageProfile {
    const base = tier && (TIER_NAMES as readonly string[]).includes(tier) ? TIER_USAGE[tier as TierName] : usageFor("small");
    try {
        let u = base;
        for (const key of ["default", tier, stack]) if (key && file?.[key]) u = withOverrides(u, file[key], `${fileName}: ${key}`);
        return u;
    } catch (e) {
        if (e instanceof UsageError) throw new InputError(e.message);
        throw e;
    }
}

export function estimatePreview(stack: string, tier: string | undefined, preview: PreviewJson, usageFile?: UsageFile, usageFileName?: string): StackCost {
    const local = preview.config?.["tiered-infra:platform"] === "local";
    const region = typeof preview.config?.["aws:region"] === "string" ? (preview.config["aws:region"] as string) : local ? "local" : "unknown";
    const cost = estimate(analyzableStates(preview), { stack, tier, region, usage: usageOf(stack, tier, usageFile, usageFileName), config: preview.config });
    return { ...cost, seedSystem: !local && isSeed002System(preview.config?.["tiered-infra:system"]) };
}

/** Seed 002's website analyzer (the default system): PostgreSQL, Redis and ChromaDB. */
function isSeed002System(raw: unknown): boolean {
    if (raw === undefined) return true;
    let sys: any;
    try {
        sys = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
        return false;
    }
    return sys?.database !== false && sys?.cache !== false && (sys?.statefulServices ?? ["chroma"]).includes("chroma");
}
