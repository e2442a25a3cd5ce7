/**
 * Values not known until apply. In a first `pulumi preview` most outputs of resources being created
 * (ids, ARNs, endpoints, generated passwords) are unknown, and so is every input computed from them.
 *
 * The engine sends an unknown over the analyzer protocol as the string `UNKNOWN_MARKER` (Go's
 * `plugin.UnknownStringValue`, the same string `pulumi preview --json` writes); the Node SDK also
 * knows typed variants (@pulumi/policy `proxy.js`: unknownBooleanValue, unknownNumberValue, ...).
 * This module is the one place that recognises all of them, so the policy pack, the cost model and
 * the offline engine agree on what "unknown" means.
 */
import { UNKNOWN_MARKER } from "./previewJson";

export { UNKNOWN_MARKER };

/** Every sentinel @pulumi/policy 1.21 turns into an unknown (proxy.js); the first is the engine's. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    UNKNOWN_MARKER, // unknownStringValue (what the engine sends for any type)
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // unknownBooleanValue
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // unknownNumberValue
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // unknownArrayValue
    "030794c1-ac77-496b-92df-f27374a8bd58", // unknownAssetValue
    "e48ece36-62e2-4504-bad9-02848725956a", // unknownArchiveValue
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // unknownObjectValue
]);

/** True when `v` is a value the engine will only know at apply. */
export function isUnknown(v: unknown): boolean {
    return typeof v === "string" && v.length === 36 && UNKNOWN_SENTINELS.has(v);
}

/** True when `v` is unknown or holds an unknown anywhere inside it. */
export function containsUnknown(v: unknown): boolean {
    if (isUnknown(v)) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (v !== null && typeof v === "object") return Object.values(v).some(containsUnknown);
    return false;
}
