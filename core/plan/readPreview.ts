/** Reads a `pulumi preview --json` file written by the Pulumi CLI (or by `plan --json`). */
import * as fs from "fs";
import { InputError } from "../errors";
import { PreviewJson } from "./previewJson";
import { urnStack } from "./urn";

/** The stack comes from the preview's URNs, the tier from its config. */
export function readPreviewFile(file: string): { stack: string; tier?: string; preview: PreviewJson } {
    let doc: any;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(`--preview-json: ${file} is not readable JSON (${(e as Error).message})`);
    }
    if (!doc || !Array.isArray(doc.steps)) throw new InputError(`--preview-json: ${file} has no "steps" list; produce it with \`pulumi preview --json > ${file}\``);
    return previewInMemory(doc);
}

/** The stack and tier of a preview already parsed. */
export function previewInMemory(doc: PreviewJson): { stack: string; tier?: string; preview: PreviewJson } {
    const firstUrn: string | undefined = doc.steps.find((s: any) => typeof s?.urn === "string")?.urn;
    const stack = typeof doc.tieredInfra?.stack === "string" ? doc.tieredInfra.stack : firstUrn ? urnStack(firstUrn) : "preview";
    const tier = doc.config?.["tiered-infra:tier"];
    return { stack, tier: typeof tier === "string" ? tier : undefined, preview: doc };
}
