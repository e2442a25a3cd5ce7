/**
 * Reads the project the way the Pulumi CLI does: `Pulumi.yaml` for the project name and
 * `stackConfigDir`, and `<stackConfigDir>/Pulumi.<stack>.yaml` for each stack's config.
 *
 * Encrypted values (`secure:`) cannot be decrypted without the stack's secrets provider, so the
 * offline engine substitutes a placeholder, marks the key secret (as the engine does) and reports
 * which keys it replaced. A real `pulumi preview` decrypts them as usual.
 */
import * as fs from "fs";
import * as path from "path";
import YAML, { LineCounter } from "yaml";
import { InputError } from "../../core/errors";
import { TIER_NAMES } from "../../infra/tiers";
import { OFFLINE_PLACEHOLDER_SECRET } from "../../core/plan/previewJson";

export const PLACEHOLDER_SECRET = OFFLINE_PLACEHOLDER_SECRET;

export interface ProjectInfo {
    name: string;
    dir: string;
    stackConfigDir: string;
}

export interface StackConfigFile {
    stack: string;
    file: string;
    /** Keys as the engine passes them; structured values JSON-encoded. */
    config: Record<string, string>;
    /** Keys whose value is (or contains) a `secure:` value. */
    secretKeys: Set<string>;
    /** Paths (`key` or `key.sub.path`) replaced by the placeholder. */
    placeholderPaths: string[];
}

function readYaml(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new InputError(`${file}: cannot be read`);
    }
    try {
        return YAML.parse(text);
    } catch (e) {
        throw new InputError(`${file}: is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
}

export function readProject(dir: string): ProjectInfo {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new InputError(`${dir}: no Pulumi.yaml here; run from the project root or pass --project-dir`);
    const doc = readYaml(file) as { name?: unknown; stackConfigDir?: unknown } | null;
    if (!doc || typeof doc.name !== "string") throw new InputError(`${file}: 'name' is required`);
    const stackConfigDir = typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : ".";
    return { name: doc.name, dir, stackConfigDir: path.join(dir, stackConfigDir) };
}

/** Stack names with a config file: those named after a tier first, in the tier table's order, then alphabetically. */
export function listStacks(project: ProjectInfo): string[] {
    const order: readonly string[] = TIER_NAMES;
    const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
    return fs
        .readdirSync(project.stackConfigDir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function readStackConfig(project: ProjectInfo, stack: string): StackConfigFile {
    const known = listStacks(project);
    if (!known.includes(stack)) {
        throw new InputError(`--stack: ${JSON.stringify(stack)} is not a stack of this project; known stacks: ${known.join(", ")}`);
    }
    const file = path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    const doc = (readYaml(file) ?? {}) as { config?: unknown };
    const entries = doc.config ?? {};
    if (typeof entries !== "object" || Array.isArray(entries)) throw new InputError(`${file}: 'config' must be a map of keys to values`);

    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const placeholderPaths: string[] = [];
    for (const [rawKey, value] of Object.entries(entries as Record<string, unknown>)) {
        // `pulumi config` writes keys as `<namespace>:<name>`; a bare name belongs to the project.
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        const replaced: string[] = [];
        const decoded = replaceSecure(value, key, replaced);
        if (replaced.length > 0) secretKeys.add(key);
        placeholderPaths.push(...replaced);
        config[key] = typeof decoded === "string" ? decoded : JSON.stringify(decoded);
    }
    return { stack, file, config, secretKeys, placeholderPaths };
}

function replaceSecure(value: unknown, at: string, replaced: string[]): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v, i) => replaceSecure(v, `${at}[${i}]`, replaced));
    const obj = value as Record<string, unknown>;
    if (Object.keys(obj).length === 1 && typeof obj.secure === "string") {
        replaced.push(at);
        return PLACEHOLDER_SECRET;
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, replaceSecure(v, `${at}.${k}`, replaced)]));
}

/**
 * The 1-based line of a config path in a stack file (`tiered-infra:sizing.app.maxReplicas`,
 * `aws:region`, `tiered-infra:corsOrigins[0]` or `.0`), for reports that point at the offending
 * key. When the path is not there (a required key missing), the line of its nearest ancestor, else
 * the line of `config:`, else 1.
 */
export function configKeyLine(file: string, configPath: string): number {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        return 1;
    }
    const lines = new LineCounter();
    const doc = YAML.parseDocument(text, { lineCounter: lines });
    const lineOf = (node: unknown): number | undefined => {
        const range = (node as { range?: [number, number, number] } | null)?.range;
        return range ? lines.linePos(range[0]).line : undefined;
    };
    const colon = configPath.indexOf(":");
    const [namespace, rest] = colon < 0 ? ["", configPath] : [configPath.slice(0, colon), configPath.slice(colon + 1)];
    const segments = rest.replace(/\[(\d+)\]/g, ".$1").split(".").filter((s) => s !== "");
    const config = doc.get("config", true) as YAML.YAMLMap | undefined;
    let best = lineOf(doc.contents) && config ? lineOf(keyNode(doc.contents, "config")) ?? 1 : 1;
    let node: unknown = config;
    const first = segments.shift();
    if (first === undefined) return best;
    // `pulumi config` writes `<namespace>:<key>`; the project's own keys may also be bare.
    const candidates = namespace ? [`${namespace}:${first}`, first] : [first];
    const key = candidates.find((k) => isMap(node) && (node as YAML.YAMLMap).has(k));
    if (!key) return best;
    best = lineOf(keyNode(node, key)) ?? best;
    node = (node as YAML.YAMLMap).get(key, true);
    for (const seg of segments) {
        if (isMap(node) && (node as YAML.YAMLMap).has(seg)) {
            best = lineOf(keyNode(node, seg)) ?? best;
            node = (node as YAML.YAMLMap).get(seg, true);
        } else if (YAML.isSeq(node) && /^\d+$/.test(seg) && node.items[Number(seg)] !== undefined) {
            node = node.items[Number(seg)];
            best = lineOf(node) ?? best;
        } else {
            break;
        }
    }
    return best;
}

function isMap(node: unknown): boolean {
    return YAML.isMap(node);
}

/** The key node of `key` in a YAML map (its line is the line a person looks for). */
function keyNode(map: unknown, key: string): unknown {
    if (!YAML.isMap(map)) return undefined;
    return map.items.find((p) => YAML.isScalar(p.key) && p.key.value === key)?.key;
}
