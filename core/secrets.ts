/**
 * Recognising literal secrets: shared by the policy pack (resource inputs) and the stack-file scan
 * (config files), so both judge a value the same way.
 *
 * A value is a literal secret when
 * 1. its text has a credential format (`credentialFormat`: secretlint's recommended rules plus the
 *    formats they miss), whatever it is called; or
 * 2. its name says it is a secret (`secretNameKind`, below) and the value is not a reference; or
 * 3. it is file-shaped (JSON, `.properties`, `.env`, `.ini`, flat YAML, `redis.conf`) and one of its
 *    lines or fields is a literal secret by 1 or 2.
 *
 * The name heuristic (documented in the README, tested on a look-alike table in
 * test/core/secrets.test.ts). The name is split into words (`_ . -`, camelCase):
 * - it names a secret when a word is one of SECRET_WORDS (`password`, `pass`, `pwd`, `secret`,
 *   `token`, `apikey`, `credentials`, `pat`, `dsn`, ...) or it has `<qualifier>_key` with a qualifier of
 *   KEY_QUALIFIERS (`api_key`, `access_key`, `signing_key`, `app_key`, ...);
 * - unless its LAST word says it is metadata about a secret rather than the secret itself
 *   (METADATA_WORDS: `ttl`, `timeout`, `seconds`, `length`, `name`, `arn`, `id`, `file`, `path`,
 *   `url`, `header`, `enabled`, `policy`, `provider`, ...), or a word marks something public by
 *   design (`public`, `publishable`, `site`, `csrf`); or it is a setting of the AWS Parameters and
 *   Secrets Lambda extension (`PARAMETERS_SECRETS_EXTENSION_*`, `SECRETS_MANAGER_*`,
 *   `SSM_PARAMETER_STORE_*`); or it points at a secret someone else holds (`existingSecret`,
 *   `passwordKey`: the key inside a Kubernetes Secret).
 * - Webhook and DSN names (`SLACK_WEBHOOK_URL`, `SENTRY_DSN`) are URLs: secret only when the URL
 *   carries a credential (userinfo, an opaque path segment of 20+ characters, or a token query).
 * A value never counts as a literal when it is empty, a placeholder (`${X}`, `$(X)`, `{{ x }}`,
 * `%X%`, `$X`, `<x>`), Pulumi's secret marker, an unknown, an ARN, a boolean, an absolute path or a
 * secret-store reference (`alias/`, `secretsmanager:`, `ssm:`, `vault:`).
 */
import { SECRET_MARKER } from "./plan/previewJson";
import { isUnknown } from "./plan/unknown";
import { credentialFormat } from "./secretFormats";

export { credentialFormat };

/** Words that make a name a secret's name. */
const SECRET_WORDS = new Set(["password", "passwd", "passwords", "pwd", "pass", "passphrase", "secret", "secrets", "token", "apikey", "credential", "credentials", "creds", "pat", "privatekey", "dsn", "authtoken", "accesstoken"]);
/** `<qualifier>_key` names a secret key. */
const KEY_QUALIFIERS = new Set(["api", "access", "private", "secret", "signing", "encryption", "license", "master", "app", "application", "client", "account", "auth", "session", "webhook", "shared", "hmac", "storage", "service", "admin", "write", "read", "sas"]);
/** A last word that makes the name metadata about a secret, not the secret. */
const METADATA_WORDS = new Set([
    "file", "files", "path", "dir", "arn", "ref", "name", "names", "id", "ids", "url", "uri", "endpoint", "issuer", "length", "ttl", "version",
    "seconds", "secs", "minutes", "mins", "hours", "days", "millis", "ms", "timeout", "expiry", "expire", "expires", "expiration", "lifetime", "age",
    "enabled", "disabled", "required", "enable", "size", "port", "level", "connections", "header", "headers", "scope", "scopes", "policy", "provider",
    "store", "mode", "alias", "hasher", "hash", "rounds", "algorithm", "alg", "audience", "type", "count", "region", "prefix", "format", "param",
    "parameter", "location", "backend", "kind", "rotation", "interval", "retries", "host", "user", "username", "stage", "label", "labels",
    "stdin", "keys", "field", "env", "var", "regex", "pattern", "limit", "min", "max", "strength", "complexity", "reset", "hint", "set", "manager", "mount",
]);
/** Words that mark something public by design (publishable keys, site keys, CSRF tokens). */
const PUBLIC_WORDS = new Set(["public", "publishable", "pub", "site", "csrf", "xsrf"]);
/** Names under which a value points at a secret held elsewhere (Helm `existingSecret`, `secretKeyRef`). */
const REFERENCE_WORDS = new Set(["existing", "ref", "refs", "from"]);
/** Settings of the AWS Parameters and Secrets Lambda extension (AWS docs; CDK ParamsAndSecretsOptions). */
const LAMBDA_EXTENSION = /^(parameters_secrets_extension|secrets_manager|ssm_parameter_store)_/;
/** Names whose value is a URL that is secret only when it carries a credential. */
const URL_NAME = /(^|_)(webhook|dsn|hook)(_url|_uri)?$/;

export function nameWords(name: string): string[] {
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** "secret" when the name names a secret, "url" when it names a URL that may carry one, else undefined. */
export function secretNameKind(name: string): "secret" | "url" | undefined {
    const words = nameWords(name);
    if (words.length === 0) return undefined;
    const joined = words.join("_");
    if (LAMBDA_EXTENSION.test(joined)) return undefined;
    if (URL_NAME.test(joined)) return "url";
    if (words.some((w) => PUBLIC_WORDS.has(w) || REFERENCE_WORDS.has(w))) return undefined;
    const last = words[words.length - 1];
    if (METADATA_WORDS.has(last)) return undefined;
    // `passwordKey` / `tokenKey`: the key inside a Secret that holds the value.
    if (last === "key" && words.length > 1 && ["password", "passwd", "token", "username", "user"].includes(words[words.length - 2])) return undefined;
    // Run-together names (PGPASSWORD, MYSQLPASSWD, CLIENTSECRET) end with the word.
    if (words.some((w) => SECRET_WORDS.has(w) || /(password|passwd|secret|apikey)$/.test(w))) return "secret";
    for (let i = 1; i < words.length; i++) if (words[i] === "key" && KEY_QUALIFIERS.has(words[i - 1])) return "secret";
    return undefined;
}

/** True when the name's last word says it is metadata (an ARN, id, URL, TTL, ...), never a secret. */
export function namesMetadata(name: string): boolean {
    const words = nameWords(name);
    return words.length > 0 && METADATA_WORDS.has(words[words.length - 1]);
}

/** True when the name names a secret (not a URL that may carry one). Kept for callers that only have a name. */
export function isSecretLikeName(name: string): boolean {
    return secretNameKind(name) === "secret";
}

const PLACEHOLDER = /^(\$\{[^}]+\}|\$\([^)]+\)|\{\{[^}]*\}\}|%[A-Za-z_][A-Za-z0-9_]*%|\$[A-Za-z_][A-Za-z0-9_]*|<[^>]+>)$/;
/** Shell expansions and command substitutions: the value is computed where it runs. */
const EXPANSION = /^(\$[({A-Za-z_]|`)/;

/** True when the value points at a secret (or is no value at all) rather than being one. */
export function isReferenceValue(v: string): boolean {
    const t = v.trim();
    return t === "" || t === SECRET_MARKER || isUnknown(t) || PLACEHOLDER.test(t) || EXPANSION.test(t) || /^arn:aws[a-z-]*:/.test(t) || /^(true|false|yes|no|on|off|null|none)$/i.test(t)
        || /^\/[\w.\-/]+$/.test(t) || /^(\[\s*\]|\{\s*\})$/.test(t) || /^(alias\/|secretsmanager:|ssm:|vault:|ref\+|sm:\/\/)/.test(t);
}

/** A webhook or DSN URL carries a credential: userinfo, a long opaque path segment, or a token-like query parameter. */
export function urlCarriesCredential(v: string): boolean {
    let u: URL;
    try {
        u = new URL(v.trim());
    } catch {
        return false;
    }
    if (u.username || u.password) return true;
    if (u.pathname.split("/").some((seg) => /^[A-Za-z0-9_@-]{20,}$/.test(seg))) return true;
    return [...u.searchParams.keys()].some((k) => /^(token|key|sig|signature|code|secret|apikey|api_key|access_token)$/i.test(k));
}

/** True when the value looks like a credential whatever its name. */
export function isSecretLikeValue(value: string): boolean {
    return value !== SECRET_MARKER && !isUnknown(value) && credentialFormat(value) !== undefined;
}

/** A line or field of file-shaped text. */
export interface FilePair {
    name: string;
    value: string;
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.\-[\]]*)\s*[:=]\s*(.*?)\s*$/;
/** Directives of config files that take a password as a bare argument (redis.conf). */
const DIRECTIVE = /^\s*(requirepass|masterauth)\s+(\S+)\s*$/;
const FILE_EXTENSION = /\.(properties|ini|env|ya?ml|json|conf|cfg|toml|xml)$|^\.env/;

/** True when a value (or the key it sits under) looks like a whole file rather than one setting. */
export function isFileShaped(value: string, key = ""): boolean {
    return value.includes("\n") || /^\s*[{[]/.test(value) || FILE_EXTENSION.test(key);
}

/** Key/value pairs of file-shaped text: JSON (flattened), or `KEY=VALUE` / `key: value` lines. */
export function fileShapedPairs(text: string): FilePair[] {
    const out: FilePair[] = [];
    const t = text.trim();
    if (t.startsWith("{") || t.startsWith("[")) {
        try {
            const walk = (o: unknown, path: string[]) => {
                if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) walk(v, [...path, k]);
                else if (typeof o === "string") out.push({ name: path.join("."), value: o });
            };
            walk(JSON.parse(t), []);
            return out;
        } catch {
            // not JSON: read it as lines
        }
    }
    for (const line of text.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed.startsWith("#") || trimmed.startsWith(";") || trimmed.startsWith("//")) continue;
        const d = DIRECTIVE.exec(line);
        if (d) {
            out.push({ name: "password", value: d[2] });
            continue;
        }
        const m = LINE.exec(line);
        if (m) out.push({ name: m[1], value: m[2].replace(/^(["'])(.*)\1$/, "$2") });
    }
    return out;
}

/** The leaf of a dotted or bracketed key: `spring.datasource.password` -> `password`. */
export function leafName(name: string): string {
    return name.split(/[.[\]]/).filter(Boolean).pop() ?? name;
}

/** Why a named literal is a secret, or undefined. Only a name-and-value judgement: no file parsing. */
function namedSecret(name: string, value: string): string | undefined {
    const kind = secretNameKind(name);
    if (!kind || isReferenceValue(value)) return undefined;
    if (kind === "url") return urlCarriesCredential(value) ? `${name} is a URL that carries a credential` : undefined;
    return `${name} is a secret-looking name with a literal value`;
}

/**
 * What a Pulumi secret written where literals go becomes. A saved `pulumi preview --json` masks
 * secret values as `[secret]`; in an env value, a ConfigMap or user data that value is stored and
 * shown in plain text (the pod spec, `kubectl describe`, the console), whatever the key is called.
 */
export const SECRET_AS_LITERAL = "a Pulumi secret written as a literal value (stored and shown in plain text)";

/**
 * Why `value`, found under `name`, is a literal secret (a readable reason), or undefined.
 * Non-strings, empty strings and unknowns never are; Pulumi's secret marker always is.
 */
export function literalSecretReason(name: string, value: unknown): string | undefined {
    if (value === SECRET_MARKER) return `${name} is ${SECRET_AS_LITERAL}`;
    if (typeof value !== "string" || value === "" || isUnknown(value)) return undefined;
    const fileShaped = isFileShaped(value, name);
    const format = credentialFormat(value, /^\s*\{/.test(value));
    if (format) return `${name} holds a value that looks like a credential (${format.format})`;
    if (fileShaped) {
        const pairs = fileShapedPairs(value);
        for (const pair of pairs) {
            if (namedSecret(leafName(pair.name), pair.value)) return `${name} holds a file whose ${JSON.stringify(pair.name)} is a literal secret`;
        }
        // A file judged line by line; text without a single setting is judged as one value.
        if (pairs.length > 0) return undefined;
    }
    return namedSecret(name, value);
}

/** `NAME=value` assignments anywhere in a line (shell `export`, `env`, `echo "K=V" >> file`). */
const ASSIGNMENT = /(?:^|[\s;&|"'(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|"')]+)/g;
/** `--flag=value` and `--flag value` (a value never starts with `-`: that is the next flag). */
const FLAG = /(?:^|\s)--([A-Za-z][A-Za-z0-9_-]*)(?:=|\s+)("[^"]*"|'[^']*'|[^\s;&|"'-][^\s;&|"']*)/g;

const unquote = (v: string) => v.replace(/^(["'])(.*)\1$/, "$2");

/**
 * Why free text (a shell script, cloud-init user data, a container command line) holds a literal
 * secret, or undefined: a credential format anywhere; a `key=value` / `key: value` line, an inline
 * `NAME=value` assignment or a `--flag value` whose name names a secret and whose value is a literal.
 */
export function textSecretReason(text: string): string | undefined {
    if (text === SECRET_MARKER) return `is ${SECRET_AS_LITERAL}`;
    if (text === "" || isUnknown(text)) return undefined;
    const format = credentialFormat(text);
    if (format) return `holds a value that looks like a credential (${format.format})`;
    for (const pair of fileShapedPairs(text)) {
        if (namedSecret(leafName(pair.name), pair.value)) return `sets ${pair.name} to a literal secret`;
    }
    for (const line of text.split(/\r?\n/)) {
        for (const m of line.matchAll(ASSIGNMENT)) if (namedSecret(m[1], unquote(m[2]))) return `sets ${m[1]} to a literal secret`;
        for (const m of line.matchAll(FLAG)) if (namedSecret(m[1], unquote(m[2]))) return `passes --${m[1]} a literal secret`;
    }
    return undefined;
}
