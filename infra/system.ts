/**
 * What a stack's system is made of, whatever the platform: which stateful services it runs, sized
 * how, and which secrets the deployment generates for it. Pure: the tools read it without the SDK.
 */
import { STATEFUL_PRESETS, StatefulPreset, StatefulPresetName } from "../components/statefulPresets";
import { StackConfig } from "./config";

/** Secrets the deployment creates itself: the stack's `generatedSecrets` and those its services need. */
export function generatedSecretNames(cfg: StackConfig): string[] {
    const names = [...cfg.generatedSecrets, ...cfg.system.statefulServices.flatMap((s) => STATEFUL_PRESETS[s].generatedSecrets ?? [])];
    return [...new Set(names)].sort();
}

/** Stateful services this stack runs itself (a managed vector DB replaces ChromaDB). */
export function selfHostedServices(cfg: StackConfig): StatefulPresetName[] {
    return cfg.system.statefulServices.filter((s) => !(s === "chroma" && cfg.sizing.vectorDb.mode === "managed"));
}

/** A preset with the tier's sizing where the tier table has it (the vector DB). */
export function sizedPreset(cfg: StackConfig, name: StatefulPresetName): StatefulPreset {
    const preset = STATEFUL_PRESETS[name];
    if (name !== "chroma") return preset;
    const v = cfg.sizing.vectorDb;
    return { ...preset, replicas: v.replicas, cpuMillicores: v.cpuMillicores, memoryMiB: v.memoryMiB, storage: { ...preset.storage, sizeGiB: v.storageGiB } };
}

