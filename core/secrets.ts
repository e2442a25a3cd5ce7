/**
 * Recognising secrets by name and by value: shared by the policy pack (resource inputs) and the
 * stack-file scan (config files), so both judge a value the same way.
 */
import { SECRET_MARKER } from "./plan/previewJson";

/** Names under which a value is a credential (Trivy AWS-0036's list, widened). */
const SECRET_NAME = /(password|passwd|pwd|secret|token|api_?key|private_?key|access_?key|credential|auth_?key|signing_?key|encryption_?key|license_?key)/;

/** Names that point at a secret rather than hold one (`API_KEY_FILE`, `TOKEN_ARN`, `SECRET_NAME`). */
const REFERENCE_NAME = /(_file|_path|_arn|_ref|_name|_id|_url|_uri|_endpoint|_length|_ttl|_version)$/;

export function isSecretLikeName(name: string): boolean {
    const n = name.toLowerCase().replace(/[-.]/g, "_");
    return SECRET_NAME.test(n) && !REFERENCE_NAME.test(n);
}

/** Values that are credentials whatever they are called. */
const SECRET_VALUE = [
    /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, // GitHub tokens
    /\bxox[abprs]-[A-Za-z0-9-]{10,}/, // Slack tokens
    /\bsk-[A-Za-z0-9_-]{20,}/, // OpenAI-style secret keys
    /:\/\/[^:/\s@]+:[^@/\s]+@/, // credentials inside a URL
];

export function isSecretLikeValue(value: string): boolean {
    return value !== SECRET_MARKER && SECRET_VALUE.some((re) => re.test(value));
}

