import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { PreviewJson, UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { readPreview, statesAfter, statesBefore } from "../../../core/plan/reader";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "preview");
const fixture = (name: string): PreviewJson => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
const read = (name: string, region?: string) => readPreview(fixture(name), name, region);
const names = (states: Array<{ urn: string }>) => states.map((s) => s.urn.split("::").pop()).sort();

describe("reading pulumi preview --json (core/plan/reader)", () => {
    it("counts one update among 15 unchanged resources, listed with --show-sames", () => {
        const p = read("update-with-sames.json");
        assert.deepEqual(p.counts, { same: 15, update: 1 });
        assert.equal(p.complete, true);
        assert.deepEqual(p.warnings, []);
        const db = p.changes.find((c) => c.name === "db")!;
        assert.equal(db.op, "update");
        assert.equal((db.before!.inputs as any).instanceClass, "db.t3.large");
        assert.equal((db.after!.inputs as any).instanceClass, "db.r6g.xlarge");
        assert.deepEqual(db.detailedDiff, { instanceClass: { kind: "update", inputDiff: false } });
        assert.equal(statesAfter(p).length, 15, "14 resources and the provider");
        assert.equal(statesBefore(p).length, 15);
    });

    it("says when the CLI left unchanged resources out, and still counts them from changeSummary", () => {
        const p = read("update-without-sames.json");
        assert.deepEqual(p.counts, { same: 15, update: 1 });
        assert.equal(p.complete, false);
        assert.match(p.warnings[0], /totals cover the changed resources only.*--show-sames/);
        assert.deepEqual(names(statesAfter(p)), ["db"]);
    });

    it("counts a replacement once, in either view", () => {
        for (const f of ["replace.json", "replace-with-steps.json"]) {
            const p = read(f);
            assert.deepEqual(p.counts, { replace: 1, same: 15 }, f);
            const db = p.changes.filter((c) => c.name === "db");
            assert.equal(db.length, 1, `${f}: one change for the database`);
            assert.equal((db[0].before!.inputs as any).identifier, "db");
            assert.equal((db[0].after!.inputs as any).identifier, "db-v2");
            assert.deepEqual(db[0].replaceReasons, ["identifier"]);
            assert.equal(statesAfter(p).filter((s) => s.urn.endsWith("::db")).length, 1, `${f}: the new database once`);
        }
    });

    it("reads deletes as states before and none after", () => {
        const p = read("deletes.json");
        assert.deepEqual(p.counts, { delete: 14, same: 2 });
        assert.equal(statesAfter(p).length, 0);
        assert.equal(statesBefore(p).length, 14);
        assert.equal(p.changes.find((c) => c.name === "db")!.after, undefined);
    });

    it("keeps reads apart from what the stack manages; imports and refreshes are the stack's", () => {
        const p = read("reads.json");
        assert.deepEqual(p.counts, { create: 1, import: 1, read: 1, refresh: 1, same: 2 });
        const shared = p.changes.find((c) => c.name === "shared")!;
        assert.equal(shared.managed, false);
        assert.deepEqual(names(statesAfter(p)), ["app", "cache", "default_7_48_0", "legacy"]);
    });

    it("refuses a failed preview with its error messages, and a maybeCorrupt one", () => {
        assert.throws(() => read("failed.json"), /the preview failed, so it cannot be checked or priced:\n {2}- TypeError: Cannot read properties of undefined \(reading 'tier'\) \(shop-prod\)/);
        assert.throws(() => readPreview({ ...fixture("replace.json"), maybeCorrupt: true }, "x.json"), /maybeCorrupt/);
        assert.throws(() => readPreview({} as PreviewJson, "x.json"), /x\.json: has no "steps" list/);
    });

    it("keeps unknown values as the engine's marker, for the tools to treat as unknown", () => {
        const p = read("unknowns.json");
        const alb = statesAfter(p).find((s) => s.type === "aws:lb/loadBalancer:LoadBalancer")!;
        assert.equal(alb.inputs.subnets, UNKNOWN_MARKER);
        assert.equal(p.changes.find((c) => c.name === "app")!.region, "us-east-1", "the provider step names the region though its id is unknown");
    });

    it("takes each resource's region from its provider's step, then config, then the given default", () => {
        const p = read("default-provider-eu-west-2.json");
        for (const s of statesAfter(p)) assert.equal(s.region, "eu-west-2", s.urn);
        const noProviderStep = fixture("update-without-sames.json");
        noProviderStep.config = {};
        assert.equal(readPreview(noProviderStep, "x").changes.find((c) => c.name === "db")!.region, undefined);
        assert.equal(readPreview(noProviderStep, "x", "ap-southeast-2").changes.find((c) => c.name === "db")!.region, "ap-southeast-2");
    });

    it("keeps a provider's region that is known only at apply as the marker, not the config's region", () => {
        const provider = "urn:pulumi:prod::shop::pulumi:providers:aws::dr";
        const db = "urn:pulumi:prod::shop::aws:rds/instance:Instance::db";
        const doc: PreviewJson = {
            config: { "aws:region": "us-east-1" },
            steps: [
                { op: "create", urn: provider, newState: { urn: provider, type: "pulumi:providers:aws", custom: true, inputs: { region: UNKNOWN_MARKER } } },
                { op: "create", urn: db, provider: `${provider}::${UNKNOWN_MARKER}`, newState: { urn: db, type: "aws:rds/instance:Instance", custom: true, inputs: { instanceClass: "db.t3.large" } } },
            ],
        };
        const p = readPreview(doc, "x");
        assert.equal(p.changes.find((c) => c.name === "db")!.region, UNKNOWN_MARKER);
        assert.equal(p.changes.find((c) => c.name === "dr")!.region, UNKNOWN_MARKER);
        assert.equal(statesAfter(p).find((s) => s.urn === db)!.region, UNKNOWN_MARKER);
        // A provider that names no region at all is the config's (the provider reads aws:region).
        (doc.steps[0].newState!.inputs as any) = {};
        assert.equal(readPreview(doc, "x").changes.find((c) => c.name === "db")!.region, "us-east-1");
    });

    it("keeps a step whose op it does not know, and says so", () => {
        const doc = fixture("update-with-sames.json");
        doc.steps.push({ op: "extend-parameterize", urn: "urn:pulumi:prod::shop::aws:s3/bucketV2:BucketV2::odd", newState: { urn: "urn:pulumi:prod::shop::aws:s3/bucketV2:BucketV2::odd", type: "aws:s3/bucketV2:BucketV2", custom: true, inputs: {} } });
        const p = readPreview(doc, "x");
        assert.equal(p.changes.find((c) => c.name === "odd")!.unknownOp, true);
        assert.match(p.warnings.join("\n"), /ops this tool does not know: extend-parameterize/);
    });
});
