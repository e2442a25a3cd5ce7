/**
 * Scans stack files (`stacks/Pulumi.*.yaml`) for secrets written in plain text: a value under a
 * secret-looking key that is not `secure:`, or any value that looks like a credential. The plan
 * command runs it on every stack file it reads; the tests run it on every shipped stack.
 */
import * as fs from "fs";
import YAML from "yaml";
import { literalSecretReason } from "../../core/secrets";

export const STACK_FILE_POLICY = "stack-config-disallow-plaintext-secrets";

export interface StackFileFinding {
    file: string;
    /** Config path, e.g. `tiered-infra:app.env.API_TOKEN`. */
    path: string;
    message: string;
}

function walk(value: unknown, path: string, lastKey: string, out: Array<{ path: string; message: string }>): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${path}[${i}]`, lastKey, out));
        return;
    }
    if (typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (Object.keys(obj).length === 1 && typeof obj.secure === "string") return; // encrypted
        for (const [k, v] of Object.entries(obj)) walk(v, path ? `${path}.${k}` : k, k, out);
        return;
    }
    if (typeof value !== "string" || value === "") return;
    // An UPPER_SNAKE identifier names a secret (e.g. in generatedSecrets); it is not one.
    if (/^[A-Z][A-Z0-9_]*$/.test(value)) return;
    // The same judgement as the pack's (core/secrets.ts): credential formats, the name heuristic, file-shaped values.
    const reason = literalSecretReason(lastKey.replace(/^.*:/, ""), value);
    if (!reason) return;
    out.push({ path, message: / holds a value that looks like a credential/.test(reason) ? "holds a value that looks like a credential in plain text" : `is a secret-looking key with a plain-text value (${reason}); set it with \`pulumi config set --secret\`` });
}

export function scanStackConfig(file: string, doc: unknown): StackFileFinding[] {
    const config = (doc as { config?: unknown } | null)?.config;
    const found: Array<{ path: string; message: string }> = [];
    if (config && typeof config === "object") for (const [k, v] of Object.entries(config)) walk(v, k, k, found);
    return found.map((f) => ({ file, ...f }));
}

export function scanStackFile(file: string): StackFileFinding[] {
    return scanStackConfig(file, YAML.parse(fs.readFileSync(file, "utf8")));
}
