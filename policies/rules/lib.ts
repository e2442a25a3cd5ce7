/** Helpers shared by the rules: reading workloads, recognising secrets, judging CORS origins. */
import { isSecretLikeName, isSecretLikeValue } from "../../core/secrets";
import { SECRET_MARKER } from "../../core/plan/previewJson";
import { ConfigProperty, Subject } from "../definitions";

export { isSecretLikeName, isSecretLikeValue };

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

export interface Container {
    name: string;
    env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    readinessProbe?: unknown;
    livenessProbe?: unknown;
    securityContext?: { allowPrivilegeEscalation?: boolean; privileged?: boolean; runAsNonRoot?: boolean };
}

/** The pod spec of any workload kind. */
export function podSpec(r: Subject): Record<string, any> | undefined {
    const spec = r.props.spec;
    if (!spec) return undefined;
    if (r.type === "kubernetes:core/v1:Pod") return spec;
    if (r.type === "kubernetes:batch/v1:CronJob") return spec.jobTemplate?.spec?.template?.spec;
    return spec.template?.spec;
}

export function containersOf(r: Subject): { containers: Container[]; initContainers: Container[] } {
    const pod = podSpec(r);
    return { containers: pod?.containers ?? [], initContainers: pod?.initContainers ?? [] };
}

/** A literal (non-reference) value that is or looks like a secret. */
export function literalSecretProblem(name: string, value: unknown): string | undefined {
    if (typeof value !== "string" || value === "" || value === SECRET_MARKER) return undefined;
    if (isSecretLikeValue(value)) return `${name} holds a value that looks like a credential`;
    if (isSecretLikeName(name)) return `${name} is a secret-looking name with a literal value`;
    return undefined;
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

/** Problems of a list of allowed CORS origins; `credentials` when cookies/credentials are allowed too. */
export function originProblems(where: string, origins: unknown, config: CorsConfig, credentials = false): string[] {
    const list = (Array.isArray(origins) ? origins : typeof origins === "string" ? origins.split(",") : []).map((o) => String(o).trim()).filter((o) => o !== "");
    const problems: string[] = [];
    for (const origin of list) {
        if (origin === "*" || origin.includes("*")) {
            problems.push(`${where} allows any origin (${origin})${credentials ? " together with credentials" : ""}`);
        } else if (origin === "null") {
            problems.push(`${where} allows the "null" origin`);
        } else if (origin.startsWith("http://")) {
            const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
            if (!(local && config.allowLocalhost)) problems.push(`${where} allows plain-HTTP origin ${origin}`);
        } else if (config.allowedOrigins.length > 0 && !config.allowedOrigins.includes(origin)) {
            problems.push(`${where} allows ${origin}, which is not in the allowlist (${config.allowedOrigins.join(", ")})`);
        }
    }
    return problems;
}

/** Env var names that carry allowed CORS origins (seeds 000 and 001). */
export const CORS_ENV = /^(CORS_ORIGINS?|CORS_ALLOWED_ORIGINS|ALLOWED_ORIGINS|ACCESS_CONTROL_ALLOW_ORIGIN)$/;

/** `NAME=value` pairs of a Docker container. */
export function dockerEnv(r: Subject): Array<{ name: string; value: string }> {
    return (r.props.envs ?? []).map((e: string) => {
        const i = e.indexOf("=");
        return i < 0 ? { name: e, value: "" } : { name: e.slice(0, i), value: e.slice(i + 1) };
    });
}

export function parseJsonArray(text: unknown): any[] {
    if (Array.isArray(text)) return text;
    if (typeof text !== "string") return [];
    try {
        const v = JSON.parse(text);
        return Array.isArray(v) ? v : [];
    } catch {
        return [];
    }
}
