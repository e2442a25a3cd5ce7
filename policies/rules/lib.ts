/**
 * Helpers shared by the rules: reading inputs that may be unknown, reading workloads, recognising
 * secrets, judging CORS origins.
 *
 * Reading unknowns: `props` are plain data in which any value, at any depth, may be the unknown
 * marker (`isUnknown`). `at(obj, "a.b[0].c")` reads a path and yields the marker when an ancestor is
 * unknown; `list`/`record` read containers tolerantly (a non-array is no array); `expect` judges one
 * setting: a violation only when the known value fails, `undecided(path)` when the value that fails
 * holds an unknown.
 */
import { gunzipSync } from "zlib";
import { credentialFormat, isReferenceValue, isSecretLikeName, isSecretLikeValue, literalSecretReason, nameWords, secretNameKind, textSecretReason } from "../../core/secrets";
import { containsUnknown, isUnknown, UNKNOWN_MARKER } from "../../core/plan/unknown";
import { ConfigProperty, Finding, Subject, undecided } from "../definitions";

export { credentialFormat, isSecretLikeName, isSecretLikeValue, isUnknown, containsUnknown, literalSecretReason, textSecretReason, UNKNOWN_MARKER };

/** The value at a dotted path (`spec.template.spec`, `rules[0].lifecycle`); the unknown marker when an ancestor is unknown. */
export function at(obj: unknown, path: string): any {
    let v: any = obj;
    for (const key of path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "")) {
        if (isUnknown(v)) return UNKNOWN_MARKER;
        if (v === null || typeof v !== "object") return undefined;
        v = v[key];
    }
    return v;
}

/** The elements of an array; nothing for anything else (an unknown array included: test it with isUnknown). */
export const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
/** The entries of a plain object; none for anything else. */
export const record = (v: unknown): Record<string, any> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, any>) : {});
/** A known string, or undefined. */
export const text = (v: unknown): string | undefined => (typeof v === "string" && !isUnknown(v) ? v : undefined);
/** True or "true". */
export const on = (v: unknown) => v === true || v === "true";

/**
 * Judges the setting at `path` of `obj`: nothing when `ok(value)`, `undecided(path)` when it fails
 * but holds an unknown (the verdict is decided at apply), else `problem`.
 */
export function expect(obj: unknown, path: string, ok: (v: any) => boolean, problem: string | ((v: any) => string)): Finding[] {
    const v = at(obj, path);
    if (ok(v)) return [];
    if (containsUnknown(v)) return [undecided(path)];
    return [typeof problem === "string" ? problem : problem(v)];
}

/** Like `expect` for a value already read (`path` names it in the note). */
export function judge(v: unknown, path: string, ok: (v: any) => boolean, problem: string | ((v: any) => string)): Finding[] {
    if (ok(v)) return [];
    if (containsUnknown(v)) return [undecided(path)];
    return [typeof problem === "string" ? problem : problem(v)];
}

export const WORKLOAD_TYPES = [
    "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:StatefulSet",
    "kubernetes:apps/v1:DaemonSet",
    "kubernetes:apps/v1:ReplicaSet",
    "kubernetes:batch/v1:Job",
    "kubernetes:batch/v1:CronJob",
    "kubernetes:core/v1:Pod",
] as const;

export const DOCKER_CONTAINER = "docker:index/container:Container";
export const LAMBDA_FUNCTION = "aws:lambda/function:Function";
export const ECS_TASK = "aws:ecs/taskDefinition:TaskDefinition";
export const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";

export interface Container {
    name: string;
    env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
    command?: unknown;
    args?: unknown;
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    readinessProbe?: unknown;
    livenessProbe?: unknown;
    securityContext?: { allowPrivilegeEscalation?: boolean; privileged?: boolean; runAsNonRoot?: boolean };
}

/** Path of the pod spec of a workload kind. */
export function podSpecPath(type: string): string {
    if (type === "kubernetes:core/v1:Pod") return "spec";
    if (type === "kubernetes:batch/v1:CronJob") return "spec.jobTemplate.spec.template.spec";
    return "spec.template.spec";
}

/** The pod spec of any workload kind (the unknown marker when it is unknown). */
export function podSpec(r: Subject): any {
    return at(r.props, podSpecPath(r.type));
}

/** A container with the path it sits at (for notes of what was decided at apply). */
export interface PlacedContainer {
    c: Container;
    path: string;
    name: string;
}

/**
 * The containers and init containers of a workload, each with its path. Unknown lists come back as
 * `unknownPaths` for the caller to report as undecided; unknown containers are skipped there too.
 */
export function containersOf(r: Subject, kinds: Array<"containers" | "initContainers"> = ["containers", "initContainers"]): { all: PlacedContainer[]; unknownPaths: string[] } {
    const base = podSpecPath(r.type);
    const pod = at(r.props, base);
    if (isUnknown(pod)) return { all: [], unknownPaths: [base] };
    const all: PlacedContainer[] = [];
    const unknownPaths: string[] = [];
    for (const kind of kinds) {
        const items = record(pod)[kind];
        if (isUnknown(items)) unknownPaths.push(`${base}.${kind}`);
        list(items).forEach((c, i) => {
            const path = `${base}.${kind}[${i}]`;
            if (isUnknown(c)) unknownPaths.push(path);
            else if (c && typeof c === "object") all.push({ c, path, name: typeof c.name === "string" ? c.name : `#${i}` });
        });
    }
    return { all, unknownPaths };
}

/**
 * A name/value setting (env var, ConfigMap key) with the path it sits at. `name` is the unknown
 * marker when the name itself is unknown, or when the whole entry (or list) is: then `value` is
 * the marker too and `path` points at the entry (or list).
 */
export interface Setting {
    name: string;
    value: unknown;
    path: string;
}

const opaque = (path: string): Setting => ({ name: UNKNOWN_MARKER, value: UNKNOWN_MARKER, path });

/** Settings of a list of `{ name, value }` entries (Kubernetes env, ECS environment). */
function namedEntries(entries: unknown, path: string, valuePath: (i: number) => string): Setting[] {
    if (isUnknown(entries)) return [opaque(path)];
    return list(entries).flatMap((e: any, i): Setting[] => {
        if (isUnknown(e)) return [opaque(`${path}[${i}]`)];
        if (!e || typeof e !== "object") return [];
        // `valueFrom` (Kubernetes) and `secrets` (ECS) are references, never literals.
        if (e.value === undefined) return [];
        return [{ name: isUnknown(e.name) ? UNKNOWN_MARKER : String(e.name ?? ""), value: e.value, path: valuePath(i) }];
    });
}

/** `NAME=value` pairs of a Docker container (an element computed from an output is unknown as a whole). */
export function dockerEnv(r: Subject): Setting[] {
    if (isUnknown(r.props.envs)) return [opaque("envs")];
    return list(r.props.envs).flatMap((e: unknown, i): Setting[] => {
        const path = `envs[${i}]`;
        if (isUnknown(e)) return [opaque(path)];
        if (typeof e !== "string") return [];
        const eq = e.indexOf("=");
        return [eq < 0 ? { name: e, value: "", path } : { name: e.slice(0, eq), value: e.slice(eq + 1), path }];
    });
}

/** Env settings of a Kubernetes container (literal `value`s only; `valueFrom` references are not literals). */
export function containerEnv(pc: PlacedContainer): Setting[] {
    return namedEntries(pc.c.env, `${pc.path}.env`, (i) => `${pc.path}.env[${i}].value`);
}

/** Lambda environment variables. */
export function lambdaEnv(r: Subject): Setting[] {
    const vars = at(r.props, "environment.variables");
    if (isUnknown(vars)) return [opaque("environment.variables")];
    return Object.entries(record(vars)).map(([name, value]) => ({ name, value, path: `environment.variables.${name}` }));
}

/** ECS container definitions (a JSON string, or already parsed); `unknown` when the JSON is known only at apply. */
export function ecsContainers(r: Subject): { containers: any[]; unknown: boolean } {
    const defs = r.props.containerDefinitions;
    if (isUnknown(defs)) return { containers: [], unknown: true };
    if (Array.isArray(defs)) return { containers: defs, unknown: false };
    if (typeof defs !== "string") return { containers: [], unknown: false };
    try {
        const v = JSON.parse(defs);
        return { containers: Array.isArray(v) ? v : [], unknown: false };
    } catch {
        return { containers: [], unknown: false };
    }
}

/** ECS `environment` settings of one container. */
export function ecsEnv(c: any, i: number): Setting[] {
    return namedEntries(c?.environment, `containerDefinitions[${i}].environment`, (j) => `containerDefinitions[${i}].environment[${j}].value`);
}

/**
 * Names under which an unknown value may hide a literal secret: a secret's name (a generated or
 * fetched secret, or a literal joined to an output), or a URL or connection string (a literal
 * password interpolated beside an unknown host).
 */
export function unknownValueMatters(name: string): boolean {
    return secretNameKind(name) !== undefined || nameWords(name).some((w) => ["url", "uri", "dsn", "connection", "conn", "connstr"].includes(w));
}

/**
 * Literal secrets among settings: violations for what is known, `undecided` for what an unknown
 * may hide (an unknown entry or list, an unknown name beside a literal, an unknown value under a
 * name that matters). `where(s)` prefixes each message.
 */
export function settingSecretFindings(settings: Setting[], where: (s: Setting) => string): Finding[] {
    return settings.flatMap((s): Finding[] => {
        if (isUnknown(s.name)) {
            if (isUnknown(s.value)) return [undecided(s.path)];
            if (typeof s.value !== "string" || isReferenceValue(s.value)) return [];
            const format = credentialFormat(s.value);
            return format ? [`${where(s)} ${s.path} holds a value that looks like a credential (${format.format})`] : [undecided(s.path.replace(/\.value$/, ".name"))];
        }
        if (isUnknown(s.value)) return unknownValueMatters(s.name) ? [undecided(s.path)] : [];
        const p = literalSecretReason(s.name, s.value);
        return p ? [`${where(s)} ${p}`] : [];
    });
}

/**
 * Literal secrets in a command line given as an argv list (`["--token", "ghp_..."]`, `["sh", "-c",
 * "PGPASSWORD=... psql"]`): a violation, or `undecided` when the list is unknown or an unknown
 * argument follows a flag that names a secret (`--password <unknown>` may be a literal joined to an output).
 */
export function commandSecretFindings(argv: unknown, path: string, what: string): Finding[] {
    if (isUnknown(argv)) return [undecided(path)];
    const all = list(argv);
    const known = all.filter((a): a is string => typeof a === "string" && !isUnknown(a));
    const p = known.length ? textSecretReason(known.join(" ")) : undefined;
    if (p) return [`${what} ${p}`];
    return all.flatMap((a, i) => {
        if (!isUnknown(a)) return [];
        const prev = String(all[i - 1] ?? "");
        // A shell script (`sh -c <script>`) or a secret flag's value computed from outputs may still hold a literal.
        const flag = /^--?([A-Za-z][\w-]*)$/.exec(prev);
        return prev === "-c" || (flag && unknownValueMatters(flag[1])) ? [undecided(`${path}[${i}]`)] : [];
    });
}

/** Text of base64 user data (gunzipped when it is gzip), or undefined when it is not base64 text. */
export function decodeBase64Text(v: string): string | undefined {
    const compact = v.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
    let buf = Buffer.from(compact, "base64");
    if (buf[0] === 0x1f && buf[1] === 0x8b) {
        try {
            buf = gunzipSync(buf);
        } catch {
            return undefined;
        }
    }
    const out = buf.toString("utf8");
    // Binary data is not text to scan.
    return /[\x00-\x08\x0e-\x1f]/.test(out) ? undefined : out;
}

export const CORS_CONFIG: Record<string, ConfigProperty> = {
    allowedOrigins: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Allowlist of origins. Empty: any explicit https:// origin passes.",
    },
    allowLocalhost: {
        type: "boolean",
        default: false,
        description: "Accept http://localhost and http://127.0.0.1 origins (local development stacks only).",
    },
};

export interface CorsConfig {
    allowedOrigins: string[];
    allowLocalhost: boolean;
}

/** The origins of a list given as an array, a JSON array, or text separated by commas, semicolons or spaces. */
export function originList(origins: unknown): unknown[] {
    if (Array.isArray(origins)) return origins;
    if (typeof origins !== "string" || isUnknown(origins)) return [];
    const t = origins.trim();
    if (t.startsWith("[")) {
        try {
            const v = JSON.parse(t);
            if (Array.isArray(v)) return v;
        } catch {
            // not JSON: split it
        }
    }
    return t.split(/[,;\s]+/);
}

/** Problems of a list of allowed CORS origins; `credentials` when cookies/credentials are allowed too. */
export function originProblems(where: string, origins: unknown, config: CorsConfig, credentials = false): Finding[] {
    if (isUnknown(origins)) return [undecided(where)];
    const problems: Finding[] = [];
    originList(origins).forEach((raw, i) => {
        if (isUnknown(raw)) {
            problems.push(undecided(`${where}[${i}]`));
            return;
        }
        const origin = String(raw).trim();
        if (origin === "") return;
        if (origin.includes("*")) {
            problems.push(`${where} allows any origin (${origin})${credentials ? " together with credentials" : ""}`);
        } else if (origin === "null") {
            problems.push(`${where} allows the "null" origin`);
        } else if (origin.startsWith("http://")) {
            const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
            if (!(local && config.allowLocalhost)) problems.push(`${where} allows plain-HTTP origin ${origin}`);
        } else if (config.allowedOrigins.length > 0 && !config.allowedOrigins.includes(origin)) {
            problems.push(`${where} allows ${origin}, which is not in the allowlist (${config.allowedOrigins.join(", ")})`);
        }
    });
    return problems;
}

/**
 * What an app setting says about CORS, by its name (seeds 000 and 001; names seen in the wild:
 * CORS_ORIGIN(S), CORS_ALLOWED_ORIGINS, CORS_ALLOW_ORIGIN(S), ALLOWED_ORIGINS, ALLOW_ORIGIN,
 * ACCESS_CONTROL_ALLOW_ORIGIN, BACKEND_CORS_ORIGINS, CHROMA_CORS_ALLOW_ORIGINS, HASURA_GRAPHQL_CORS_DOMAIN,
 * MINIO_API_CORS_ALLOW_ORIGIN, PGRST_SERVER_CORS_ALLOWED_ORIGINS, django-cors-headers'
 * CORS_ALLOWED_ORIGIN_REGEXES / CORS_ORIGIN_WHITELIST / CORS_ALLOW_ALL_ORIGINS / CORS_ORIGIN_ALLOW_ALL):
 * - "origins": a list of allowed origins (`true` there means "reflect any origin", as in Directus);
 * - "regexes": a list of origin patterns;
 * - "allow-all": a switch that allows every origin when true.
 * Settings such as CORS_MAX_AGE, CORS_ALLOW_METHODS, CORS_ALLOW_CREDENTIALS or ALLOWED_HOSTS are not origins.
 */
export function corsSettingKind(name: string): "origins" | "regexes" | "allow-all" | undefined {
    const w = nameWords(name);
    const has = (...xs: string[]) => xs.some((x) => w.includes(x));
    const originWord = has("origin", "origins");
    const cors = has("cors") || (has("access") && has("control"));
    if (cors && has("all") && (originWord || has("allow"))) return "allow-all";
    if (!originWord && !(cors && has("domain", "domains", "whitelist", "allowlist"))) return undefined;
    if (!cors && !has("allow", "allowed")) return undefined;
    if (has("regex", "regexes", "pattern", "patterns")) return "regexes";
    return "origins";
}

/** Problems of one app CORS setting. */
export function corsSettingProblems(s: Setting, config: CorsConfig): Finding[] {
    if (isUnknown(s.name)) {
        // An entry whose name is unknown may be a CORS setting: decided at apply if its value could be a problem.
        if (isUnknown(s.value)) return [undecided(s.path)];
        const v = typeof s.value === "string" ? s.value.trim() : "";
        const risky = /^(true|1|yes|on)$/i.test(v) || /(^|[\s,;"'[])(\*|null|http:\/\/)/.test(v);
        return risky ? [undecided(s.path.replace(/\.value$/, ".name"))] : [];
    }
    const kind = corsSettingKind(s.name);
    if (!kind) return [];
    if (isUnknown(s.value)) return [undecided(s.path)];
    if (typeof s.value !== "string" && typeof s.value !== "boolean") return [];
    const value = String(s.value).trim();
    if (kind === "allow-all") return /^(true|1|yes|on)$/i.test(value) ? [`${s.name} is ${value}: every origin may call the app`] : [];
    if (kind === "regexes") {
        return originList(value).flatMap((p) => {
            try {
                return new RegExp(String(p)).test("https://attacker.invalid") ? [`${s.name} pattern ${String(p)} matches any origin`] : [];
            } catch {
                return [];
            }
        });
    }
    if (/^(true|1|yes|on)$/i.test(value)) return [`${s.name} is ${value}: the app reflects any origin`];
    if (/^(false|0|no|off)$/i.test(value)) return [];
    return originProblems(s.name, value, config);
}

/** Known parts of a value whose words tell apart log data from other data (`logs/`, `access-logs`, `tmp`). */
export function namesLogOrScratch(v: unknown): boolean {
    return typeof v === "string" && nameWords(v).some((w) => ["log", "logs", "tmp", "temp", "cache", "scratch"].includes(w));
}

export function parseJsonArray(value: unknown): any[] {
    if (Array.isArray(value)) return value;
    if (typeof value !== "string") return [];
    try {
        const v = JSON.parse(value);
        return Array.isArray(v) ? v : [];
    } catch {
        return [];
    }
}
