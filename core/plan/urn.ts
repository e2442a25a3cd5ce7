/**
 * Pulumi URNs: `urn:pulumi:<stack>::<project>::<parent types$>type::<name>` (pulumi/pulumi
 * `sdk/go/common/resource/urn.go`). The name may itself contain `::`.
 */

/** The resource's name: everything after the qualified type. */
export function urnName(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

/** The stack the URN belongs to. */
export function urnStack(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/** The resource's own type token (the last segment of the `$`-qualified type). */
export function urnType(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.split("$").pop() ?? "";
}
