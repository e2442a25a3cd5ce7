/**
 * One deserialisation per message instead of one per policy.
 *
 * @pulumi/policy's server (server.js, `analyze` and `analyzeStack`) deserialises a resource's
 * properties, and its provider's, again for every policy that may apply: every policy about
 * several types, since only a single-type policy is skipped by type before that. A stack of N
 * resources costs N × (multi-type policies) deserialisations of the same protobuf Struct, which
 * made throughput fall as the pack grew. The Struct a request hands out is the same object for
 * every policy of one call (jspb caches wrapper fields), and checks only read what they are given
 * (pack.ts hands them the proxy's plain target), so the result is memoised per Struct object.
 *
 * This patches the SDK module the server calls through (`deserialize_1.deserializeProperties`, a
 * live property read); if a future SDK moves it, nothing is patched and the pack is only slower.
 */
type Deserialise = (struct: object, proxySecrets?: boolean) => unknown;

/** Memoises `module.deserializeProperties` per Struct object and `proxySecrets` flag; true when patched. */
export function deserialiseOncePerMessage(module: { deserializeProperties?: unknown }): boolean {
    const original = module.deserializeProperties as Deserialise | undefined;
    if (typeof original !== "function" || (original as { memoised?: boolean }).memoised) return false;
    const memo = { plain: new WeakMap<object, unknown>(), proxied: new WeakMap<object, unknown>() };
    const memoised: Deserialise = (struct, proxySecrets) => {
        if (struct === null || typeof struct !== "object") return original(struct, proxySecrets);
        const cache = proxySecrets ? memo.proxied : memo.plain;
        if (!cache.has(struct)) cache.set(struct, original(struct, proxySecrets));
        return cache.get(struct);
    };
    Object.defineProperty(memoised, "memoised", { value: true });
    module.deserializeProperties = memoised;
    return true;
}
