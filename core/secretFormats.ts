/**
 * Credential formats recognised in a value whatever it is called: secretlint's recommended rule
 * set (a maintained npm library: AWS, GitHub, GitLab, Slack, private keys, database and basic-auth
 * URLs, npm, SendGrid, OpenAI, Anthropic, Vault, Docker Hub, Hugging Face, ...), plus the formats
 * it misses (listed in EXTRA_FORMATS, each with its source).
 *
 * secretlint's own entry point (`@secretlint/core` `lintSource`) is async and, in 12.0.0, slows down
 * quadratically in a long-running process (its always-on profiler; secretlint issues #1633, #1653,
 * fixed in 13.x, which needs Node 22). So the preset's rules are run directly, synchronously,
 * through the rule-creator contract every secretlint rule implements (`create(context, options)`
 * returning `{ file(source) }`, findings through `context.report`): ~20 us per short value.
 * Pinned to 12.0.0 (the last release for Node 20); test/core/secretFormats.test.ts checks the
 * contract still holds on every rule of the preset.
 */

interface SecretlintSource {
    content: string;
    filePath: string;
    ext: string;
    contentType: "text";
}
interface SecretlintRule {
    meta: { id: string };
    create(context: unknown, options: unknown): { file?(source: SecretlintSource): unknown };
}

// An ESM-only package: Node >= 20.19 loads it with require(); the pack bundle keeps it external.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PRESET: { rules: SecretlintRule[] } = require("@secretlint/secretlint-rule-preset-recommend");

/** Comment directives (`secretlint-disable`) mean nothing in a resource property. */
const SKIPPED_RULES = new Set(["@secretlint/secretlint-rule-filter-comments"]);
/** Access key ids (`AKIA...`) are found only with the id scan on. */
const RULE_OPTIONS: Record<string, unknown> = { "@secretlint/secretlint-rule-aws": { enableIDScanRule: true } };
/** The id scan also reports 12-digit account ids, which identify an account and grant nothing. */
const IGNORED_MESSAGES = new Set(["AWSAccountID"]);

export interface FormatMatch {
    /** Short id of the format: a secretlint message id (`GITHUB_TOKEN`), or one of EXTRA_FORMATS. */
    format: string;
}

/** Formats the preset misses (measured: /work/scratch/policy-surfaces/secretlint.md, "Closing the gaps"). */
export const EXTRA_FORMATS: ReadonlyArray<{ format: string; re: RegExp; source: string }> = [
    { format: "stripe-secret-key", re: /\b[sr]k_(?:live|test|prod)_[0-9a-zA-Z]{10,99}\b/, source: "gitleaks stripe-access-token (secretlint adds it only in 13.x)" },
    { format: "stripe-webhook-secret", re: /\bwhsec_[0-9a-zA-Z]{24,}\b/, source: "Stripe webhook signing secret format" },
    { format: "jwt", re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, source: "gitleaks jwt" },
    { format: "twilio-api-key", re: /\bSK[0-9a-fA-F]{32}\b/, source: "gitleaks twilio-api-key" },
    { format: "google-api-key", re: /\bAIza[\w-]{35}\b/, source: "gitleaks gcp-api-key" },
    { format: "azure-storage-account-key", re: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/, source: "Azure storage connection string" },
    { format: "pulumi-access-token", re: /\bpul-[a-f0-9]{40}\b/, source: "gitleaks pulumi-api-token" },
    { format: "sentry-auth-token", re: /\bsntry[us]_[A-Za-z0-9_=-]{40,}/, source: "gitleaks sentry-user-token / sentry-org-token" },
    // Any scheme (redis, rediss, amqp, smtp, ftp, https, ...) with a password in the userinfo; a
    // ${VAR} / $(VAR) placeholder or an obvious placeholder word is not a password.
    {
        format: "credentials-in-url",
        re: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@$]*:(?!\$\{|\$\(|\{\{|(?:password|pass|changeme|secret|\*+|x+)@)[^\s@/$]+@[^\s/]+/i,
        source: "gitleaks curl-auth-user allowlist of placeholders; secretlint covers only http(s), postgres, mysql, mongodb",
    },
    { format: "password-in-query", re: /[?&;](?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token)=(?!\$\{|\$\(|\{\{)[^&;\s]{3,}/i, source: "JDBC ?password= and token query parameters" },
];

const translator = (messages: Record<string, { en: (props: unknown) => string }>) => (messageId: string, props: unknown) => ({ message: messages[messageId]?.en(props) ?? messageId, messageId, data: props });

function presetMatch(content: string, ext: string): FormatMatch | undefined {
    const source: SecretlintSource = { content, filePath: `value${ext}`, ext, contentType: "text" };
    let found: FormatMatch | undefined;
    for (const rule of PRESET.rules) {
        if (found) break;
        if (SKIPPED_RULES.has(rule.meta.id)) continue;
        const context = {
            sharedOptions: {},
            createTranslator: translator,
            report: (d: { message: { messageId: string } }) => {
                if (!found && !IGNORED_MESSAGES.has(d.message.messageId)) found = { format: d.message.messageId };
            },
            ignore: () => undefined,
        };
        const r = rule.create(context, RULE_OPTIONS[rule.meta.id] ?? {}).file?.(source);
        // Only binary GCP .p12 files take the async path; a text value never does.
        if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).catch(() => undefined);
    }
    return found;
}

/** No format the preset or EXTRA_FORMATS know is shorter than this (a URL with a password, `ab://c:d@e`). */
const SHORTEST_FORMAT = 10;
const CACHE_LIMIT = 20_000;
const cache = new Map<string, FormatMatch | null>();

/**
 * The credential format `value` contains, if any. `json` marks a value that is a JSON document
 * (GCP service-account keys are recognised only then). Results are cached: the same values recur
 * across resources and stacks.
 */
export function credentialFormat(value: string, json = false): FormatMatch | undefined {
    if (value.length < SHORTEST_FORMAT) return undefined;
    const key = json ? `j${value}` : `t${value}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const extra = EXTRA_FORMATS.find((f) => f.re.test(value));
    const match = extra ? { format: extra.format } : presetMatch(value, json ? ".json" : "");
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, match ?? null);
    return match;
}

/** Ids of the preset's rules that run (for the contract test). */
export function presetRuleIds(): string[] {
    return PRESET.rules.map((r) => r.meta.id).filter((id) => !SKIPPED_RULES.has(id));
}
