/**
 * The plan model: the parts of `pulumi preview --json` (pulumi/pulumi `pkg/display/json.go`
 * `PreviewDigest`, `apitype.ResourceV3`) this project reads and writes. The offline engine emits
 * it; the policy and cost tools read it, from the offline plan or from a real preview.
 */

/** The string `pulumi preview --json` writes in place of a secret value. */
export const SECRET_MARKER = "[secret]";

/**
 * What the offline plan puts in place of an encrypted (`secure:`) config value it cannot decrypt;
 * config validation skips format checks of a secret holding it (a real preview decrypts the value).
 */
export const OFFLINE_PLACEHOLDER_SECRET = "offline-placeholder-secret";

/** The string the engine writes for a value not known until apply (`computedValuePlaceholder`). */
export const UNKNOWN_MARKER = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A string input whose value is known at preview: not absent, not empty, not the unknown marker. */
export function knownString(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" && v !== UNKNOWN_MARKER ? v : undefined;
}

export interface ResourceState {
    urn: string;
    type: string;
    custom: boolean;
    parent?: string;
    provider?: string;
    inputs: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    protect?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface PreviewStep {
    op: string;
    urn: string;
    provider?: string;
    newState?: ResourceState;
    oldState?: ResourceState;
}

export interface PreviewJson {
    config?: Record<string, unknown>;
    steps: PreviewStep[];
    diagnostics?: unknown[];
    duration?: number;
    changeSummary?: Record<string, number>;
    maybeCorrupt?: boolean;
    /** Extra key written by this project's tools (see README, "Plan JSON"). */
    tieredInfra?: Record<string, unknown>;
}
