/**
 * Linking companions to their resources in stack policies (policies/rules/links.ts): by the
 * reference input's own dependencies, by its value, then by any dependency; and the per-bucket
 * verdicts built on it.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { StackSubject } from "../../../policies/definitions";
import { bucketLinks, bucketsWithout, link } from "../../../policies/rules/links";
import { stackSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const B = "aws:s3/bucketV2:BucketV2";
const C = "aws:s3/bucketVersioningV2:BucketVersioningV2";
const res = stackSubject;
const names = (m: Map<string, StackSubject[]>) => [...m].map(([urn, cs]) => [urn.split("::").pop(), cs.map((c) => c.name)]);

describe("rules/links", () => {
    const a = res(B, "a", { bucket: "web-a", id: "id-a" });
    const b = res(B, "b", { bucket: "web-b" });

    it("links by the reference's dependencies first, then its value, then any dependency", () => {
        const byProperty = res(C, "p", { bucket: "web-a" }, { propertyDependencies: { bucket: [b.urn] }, dependencies: [a.urn] });
        const byValue = res(C, "v", { bucket: "web-a" }, { dependencies: [b.urn] });
        const byDependency = res(C, "d", { bucket: U }, { dependencies: [b.urn, "urn:pulumi:test::tiered-infra::aws:iam/role:Role::r"] });
        const unlinked = res(C, "u", { bucket: U });
        // Dependencies of the reference on resources that are no bucket say nothing.
        const role = "urn:pulumi:test::tiered-infra::aws:iam/role:Role::r";
        assert.deepEqual(names(bucketLinks([a, res(C, "r", { bucket: "web-a" }, { propertyDependencies: { bucket: [role] } })], [C]).byTarget), [["a", ["r"]]]);
        const { byTarget, unlinked: lost } = bucketLinks([a, b, byProperty, byValue, byDependency, unlinked], [C]);
        assert.deepEqual(names(byTarget), [["b", ["p", "d"]], ["a", ["v"]]]);
        assert.deepEqual(lost.map((c) => c.name), ["u"]);
    });

    it("matches a reference against any key of the target: name input, id, resource name or URN", () => {
        const cs = [res(C, "1", { bucket: "web-a" }), res(C, "2", { bucket: "id-a" }), res(C, "3", { bucket: "a" }), res(C, "4", { bucket: a.urn }), res(C, "5", { bucket: "web-c" }), res(C, "6", { bucket: 7 })];
        const { byTarget, unlinked } = bucketLinks([a, b, ...cs], [C]);
        assert.deepEqual(names(byTarget), [["a", ["1", "2", "3", "4"]]]);
        assert.deepEqual(unlinked.map((c) => c.name), ["5", "6"]);
    });

    it("ignores empty and unknown keys, and lets the first target keep a key two share", () => {
        const t1 = res(B, "t1", { bucket: "", id: U });
        const t2 = res(B, "t2", { bucket: "shared" });
        const t3 = res(B, "t3", { bucket: "shared" });
        const cs = [res(C, "empty", { bucket: "" }), res(C, "unknown", { bucket: U }), res(C, "shared", { bucket: "shared" })];
        const { byTarget, unlinked } = bucketLinks([t1, t2, t3, ...cs], [C]);
        assert.deepEqual(names(byTarget), [["t2", ["shared"]]]);
        assert.deepEqual(unlinked.map((c) => c.name), ["empty", "unknown"]);
    });

    it("links through another reference input, with a custom key reader", () => {
        const fs = res("aws:efs/fileSystem:FileSystem", "fs", { id: "fs-1" });
        const policy = res("aws:efs/backupPolicy:BackupPolicy", "bp", { fileSystemId: "fs-1", bucket: "web-a" });
        const viaProp = res("aws:efs/backupPolicy:BackupPolicy", "bp2", { fileSystemId: U }, { propertyDependencies: { fileSystemId: [fs.urn], bucket: [a.urn] } });
        const { byTarget } = link([a, fs, policy, viaProp], ["aws:efs/fileSystem:FileSystem"], ["aws:efs/backupPolicy:BackupPolicy"], "fileSystemId", (f) => [f.props.id]);
        assert.deepEqual(names(byTarget), [["fs", ["bp", "bp2"]]]);
        const custom = link([fs, policy], ["aws:efs/fileSystem:FileSystem"], ["aws:efs/backupPolicy:BackupPolicy"], "fileSystemId", (f) => [f.name], () => "fs");
        assert.deepEqual(names(custom.byTarget), [["fs", ["bp"]]]);
    });

    it("gives each bucket one verdict: ok, undecided naming the companions that might do, or the message", () => {
        const c = res(B, "c", { bucket: "web-c" });
        const d = res(B, "d", { bucket: "web-d" });
        const verdict = (x: StackSubject) => (x.props.state === "on" ? "ok" : x.props.state === "maybe" ? "undecided" : "no") as "ok" | "undecided" | "no";
        const companions = [
            res(C, "a-off", { bucket: "web-a", state: "off" }), res(C, "a-on", { bucket: "web-a", state: "on" }),
            res(C, "b-maybe", { bucket: "web-b", state: "maybe" }), res(C, "b-off", { bucket: "web-b", state: "off" }),
            res(C, "c-off", { bucket: "web-c", state: "off" }),
        ];
        assert.deepEqual(bucketsWithout([a, b, c, d, ...companions], [C], (x) => `bucket ${x.name} lacks it`, verdict), [
            { urn: b.urn, undecided: "b-maybe (BucketVersioningV2)" },
            { urn: c.urn, message: "bucket c lacks it" },
            { urn: d.urn, message: "bucket d lacks it" },
        ]);
        const lost = res(C, "lost", { bucket: U, state: "on" });
        assert.deepEqual(bucketsWithout([a, b, lost, companions[1], companions[2]], [C], (x) => `bucket ${x.name} lacks it`, verdict), [
            { urn: b.urn, undecided: "b-maybe (BucketVersioningV2), lost (BucketVersioningV2)" },
        ]);
        assert.deepEqual(bucketsWithout([a, res(C, "x", { bucket: "web-a" })], [C], () => "never"), []);
    });
});
