/**
 * Policy-pack config files (`--policy-pack-config`), one per tier in `policies/config/`, checked
 * against the schemas the pack itself reports (as the Pulumi CLI checks them).
 */
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import { InputError } from "../../core/errors";
import { ENFORCEMENT_LEVELS as LEVELS, EnforcementLevel as Level } from "../../core/policy/levels";
import { AnalyzerInfo, PolicyPackConfig } from "./analyzer";

export const POLICY_PACK_DIR = path.resolve(__dirname, "..", "..", "policies");

/** The generated config file of a stack (`npm run policy-config`), or undefined when there is none. */
export function policyConfigFileFor(stack: string, packDir = POLICY_PACK_DIR): string | undefined {
    const file = path.join(packDir, "config", `${stack}.json`);
    return fs.existsSync(file) ? file : undefined;
}

export function readPolicyConfig(file: string): PolicyPackConfig {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(`${file}: is not readable JSON: ${(e as Error).message}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError(`${file}: must be a JSON object of policy names to settings`);
    return parsed as PolicyPackConfig;
}

/**
 * Expands `all`, checks names, levels and properties against the pack's schemas, and returns the
 * config to send with Configure. Every problem names the file, the policy and the property.
 */
export function validatePolicyConfig(file: string, config: PolicyPackConfig, info: AnalyzerInfo): PolicyPackConfig {
    const problems: string[] = [];
    const known = new Map(info.policies.map((p) => [p.name, p]));
    const out: PolicyPackConfig = {};
    const all = config.all;
    if (all !== undefined) {
        const level = typeof all === "string" ? all : (all as Record<string, unknown>).enforcementLevel;
        if (!(LEVELS as readonly string[]).includes(level as Level)) problems.push(`${file}: all: ${JSON.stringify(level)} is not an enforcement level; expected one of ${LEVELS.join(", ")}`);
        for (const p of info.policies) out[p.name] = { enforcementLevel: level };
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const [name, value] of Object.entries(config)) {
        if (name === "all") continue;
        const policy = known.get(name);
        if (!policy) {
            problems.push(`${file}: ${name}: is not a policy of ${info.name}; known policies: ${[...known.keys()].join(", ")}`);
            continue;
        }
        const { enforcementLevel, ...props } = typeof value === "string" ? { enforcementLevel: value } : value;
        if (enforcementLevel !== undefined && !(LEVELS as readonly string[]).includes(enforcementLevel as Level)) {
            problems.push(`${file}: ${name}.enforcementLevel: ${JSON.stringify(enforcementLevel)} is not allowed; expected one of ${LEVELS.join(", ")}`);
        }
        const schema = { type: "object", properties: policy.configSchema ?? {}, additionalProperties: false };
        if (!ajv.validate(schema, props)) {
            for (const err of ajv.errors ?? []) {
                const at = err.instancePath.replace(/^\//, "").replace(/\//g, ".") || (err.params as any).additionalProperty || "";
                problems.push(`${file}: ${name}.${at}: ${err.message}${err.keyword === "additionalProperties" ? `; allowed: ${Object.keys(policy.configSchema ?? {}).join(", ")}` : ""}`);
            }
        }
        out[name] = { ...(typeof out[name] === "object" ? (out[name] as object) : {}), ...(enforcementLevel !== undefined ? { enforcementLevel } : {}), ...props };
    }
    // Policies the file does not mention keep their default level.
    for (const p of info.policies) if (!out[p.name]) out[p.name] = { enforcementLevel: p.level };
    for (const [name, v] of Object.entries(out)) if (typeof v === "object" && v.enforcementLevel === undefined) v.enforcementLevel = known.get(name)?.level;
    if (problems.length) throw new InputError(`invalid policy config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return out;
}
