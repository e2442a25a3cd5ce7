/**
 * The subset of `pulumi preview --json` this project reads and writes. The offline engine emits it,
 * and every tool that consumes a plan (policies, cost) also accepts a real preview from a user's
 * machine in this shape.
 */

import * as fs from "fs";
import { InputError } from "./stackFiles";

/** The string Pulumi writes in place of a secret value. */
export const SECRET_MARKER = "[secret]";

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
    /** Extra key written by this project's tools (see README, "Plan JSON"). */
    tieredInfra?: Record<string, unknown>;
}

export function urnName(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

export function urnStack(urn: string): string {
    return urn.split("::")[0].replace(/^urn:pulumi:/, "");
}

/** Reads a `pulumi preview --json` file; the stack comes from its URNs, the tier from its config. */
export function readPreviewFile(file: string): { stack: string; tier?: string; preview: PreviewJson } {
    let doc: any;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(`--preview-json: ${file} is not readable JSON (${(e as Error).message})`);
    }
    if (!doc || !Array.isArray(doc.steps)) throw new InputError(`--preview-json: ${file} has no "steps" list; produce it with \`pulumi preview --json > ${file}\``);
    const firstUrn: string | undefined = doc.steps.find((s: any) => typeof s?.urn === "string")?.urn;
    const stack = doc.tieredInfra?.stack ?? (firstUrn ? urnStack(firstUrn) : "preview");
    const tier = doc.config?.["tiered-infra:tier"];
    return { stack, tier: typeof tier === "string" ? tier : undefined, preview: doc };
}
