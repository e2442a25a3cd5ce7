import { strict as assert } from "assert";
import { PreviewJson, UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { readPreview, statesAfter } from "../../../core/plan/reader";
import { urnName } from "../../../core/plan/urn";
import { StackSubject } from "../../../policies/definitions";
import { achievableRecovery, bucketAccessLogging, recoveryObjectives } from "../../../policies/rules/recovery";
import { deploy } from "../../../infra/program";
import { checkStacks } from "../../../tools/pipeline/checkStacks";
import { planShippedStack, project, runProgram } from "../../harness";
import { policyPack } from "../../policyHarness";

function subjects(preview: PreviewJson): StackSubject[] {
    return statesAfter(readPreview(preview, "plan")).map((s) => ({ type: s.type, urn: s.urn, name: urnName(s.urn), props: s.inputs as Record<string, any>, dependencies: s.dependencies ?? [], propertyDependencies: s.propertyDependencies ?? {}, parent: s.parent }));
}

/** The plan as a first real preview sees it: every generated name, id and ARN unknown. */
function firstPreview(preview: PreviewJson): PreviewJson {
    const generated = /^arn:aws:|-[0-9a-f]{7}$|^sg-|^subnet-|^vpc-/;
    const blank = (v: unknown): unknown =>
        typeof v === "string" ? (generated.test(v) ? UNKNOWN_MARKER : v) : Array.isArray(v) ? v.map(blank) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)])) : v;
    return { ...preview, steps: preview.steps.map((s) => (s.newState ? { ...s, newState: { ...s.newState, inputs: blank(s.newState.inputs) as Record<string, unknown> } } : s)) };
}

/** `store @ where: minutes` for every store, sorted, for compact assertions. */
function figures(resources: StackSubject[], drRegion: string): string[] {
    return achievableRecovery(resources, { rpoMinutes: 60, drRegion }).map((s) => `${s.store} @ ${s.where}: ${s.achievable.minutes}`).sort();
}

const MEDIUM = [
    "bucket web-medium-files @ us-west-2: 15",
    "bucket web-medium-static @ us-west-2: 15",
    "database web-medium-pg @ in-region: 5",
    "database web-medium-pg @ us-west-2: 5",
    "volumes of StatefulSet web/chroma @ in-region: 60",
    "volumes of StatefulSet web/chroma @ us-west-2: 60",
];

describe("recovery policies", function () {
    this.timeout(120_000);

    describe("achievable recovery points", () => {
        it("derives each data store's recovery point from the medium plan: PITR 5, hourly volume backups and their copies 60, RTC 15", async () => {
            assert.deepEqual(figures(subjects((await planShippedStack("medium")).preview), "us-west-2"), MEDIUM);
        });

        it("derives the same figures when names, ids and ARNs are unknown (a first real preview), through dependencies", async () => {
            const blind = subjects(firstPreview((await planShippedStack("medium")).preview));
            assert.ok(blind.some((s) => s.props.bucket === UNKNOWN_MARKER), "the transformation blanks generated names");
            assert.deepEqual(figures(blind, "us-west-2"), MEDIUM);
        });

        it("checks only the stack's region when no DR region is declared (small)", async () => {
            assert.deepEqual(figures(subjects((await planShippedStack("small")).preview), ""), [
                "database web-small-pg @ in-region: 5",
                "volumes of StatefulSet web/chroma @ in-region: 60",
            ]);
        });

        it("never throws on odd input and reports what it cannot judge", () => {
            const odd: any[] = [
                { type: "aws:rds/instance:Instance", urn: "u1", name: "db", props: { backupRetentionPeriod: UNKNOWN_MARKER }, dependencies: undefined },
                { type: "kubernetes:apps/v1:StatefulSet", urn: "u2", name: "sts", props: { spec: { volumeClaimTemplates: [{}] } }, dependencies: [] },
                { type: "aws:s3/bucket:Bucket", urn: "u3", name: "b", props: null, dependencies: [] },
                { type: "aws:backup/plan:Plan", urn: "u4", name: "p", props: { rules: "nope" }, dependencies: [] },
            ];
            const found = recoveryObjectives.checkStack(odd, { rpoMinutes: 60, drRegion: "us-west-2" }).map((f) => ("message" in f ? f.message : f.undecided));
            // An unknown retention is decided at apply (noted, not failed); a storage class that is not in the plan fails closed.
            assert.ok(found.includes("backupRetentionPeriod"), found.join("\n"));
            assert.ok(found.some((m) => m.startsWith("volumes of StatefulSet sts: achievable RPO cannot be determined (its storage class cannot be found")));
            assert.ok(found.includes("bucket b: achievable RPO in us-west-2 is unbounded (it is not replicated there), worse than the declared 60 minutes"));
            assert.doesNotThrow(() => bucketAccessLogging.checkStack(odd, {}));
        });
    });

    describe("recovery-objectives-met over the analyzer protocol, on real plans", () => {
        /** A plan through the one pipeline with the stack's generated policy config (the tier's objectives). */
        async function findings(preview: PreviewJson, mutate?: (p: PreviewJson) => void): Promise<string[]> {
            const { pack, info } = await policyPack();
            const copy: PreviewJson = JSON.parse(JSON.stringify(preview));
            mutate?.(copy);
            const { checks } = await checkStacks({ source: { previews: [copy], project }, pack: { process: pack, info } });
            return checks[0].policy!.findings.filter((f) => f.policy === "recovery-objectives-met" && f.level === "mandatory").map((f) => f.message);
        }
        const inputs = (p: PreviewJson, type: string, suffix: string): any => p.steps.find((s) => s.newState?.type === type && s.urn.endsWith(suffix))!.newState!.inputs;

        it("fails when a stack switches replication off on a tier that declares a DR region", async () => {
            const run = await runProgram(deploy, { stack: "medium", config: { "tiered-infra:sizing": JSON.stringify({ recovery: { crossRegion: false } }) } });
            const messages = await findings(run.preview);
            assert.deepEqual(messages.sort(), [
                "bucket web-medium-files: achievable RPO in us-west-2 is unbounded (it is not replicated there), worse than the declared 60 minutes",
                "bucket web-medium-static: achievable RPO in us-west-2 is unbounded (it is not replicated there), worse than the declared 60 minutes",
                "database web-medium-pg: achievable RPO in us-west-2 is unbounded (no automated-backup replication there), worse than the declared 60 minutes",
                "volumes of StatefulSet web/chroma: achievable RPO in us-west-2 is unbounded (no backup rule copies its points there), worse than the declared 60 minutes",
            ]);
        });

        it("fails when the vector volumes' backups are made less often than the RPO", async () => {
            const messages = await findings((await planShippedStack("medium")).preview, (p) => {
                const rules = inputs(p, "aws:backup/plan:Plan", "chroma-plan").rules;
                rules.splice(0, 1); // drop the hourly rule: daily is now the most frequent
            });
            assert.deepEqual(messages, [
                "volumes of StatefulSet web/chroma: achievable RPO is 1440 minutes (backup rule daily), worse than the declared 60 minutes",
                "volumes of StatefulSet web/chroma: achievable RPO in us-west-2 is 1440 minutes (copies of backup rule daily), worse than the declared 60 minutes",
            ]);
        });

        it("fails when the file store replicates without Replication Time Control", async () => {
            const messages = await findings((await planShippedStack("large")).preview, (p) => {
                delete inputs(p, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "files-replication").rules[0].destination.replicationTime;
            });
            assert.equal(messages.length, 1);
            assert.match(messages[0], /^bucket web-large-files: achievable RPO in us-west-2 is unbounded \(replication without Replication Time Control has no time bound \(no SLA\)\), worse than the declared 60 minutes$/);
        });

        it("passes the shipped medium and large plans", async () => {
            for (const stack of ["medium", "large"]) assert.deepEqual(await findings((await planShippedStack(stack)).preview), [], stack);
        });
    });

    describe("s3-bucket-access-logging", () => {
        it("finds logging on every bucket but the log buckets of every shipped AWS stack", async () => {
            const logBuckets: Record<string, string[]> = {
                small: ["web-small-logs"],
                medium: ["web-medium-dr-logs", "web-medium-logs"],
                large: ["web-large-dr-logs", "web-large-logs"],
                "seed000-aws": ["pm-seed000-aws-logs"],
                "seed001-aws": ["graph-seed001-aws-dr-logs", "graph-seed001-aws-logs"],
            };
            for (const [stack, expected] of Object.entries(logBuckets)) {
                const resources = subjects((await planShippedStack(stack)).preview);
                assert.deepEqual(bucketAccessLogging.checkStack(resources, {}), [], stack);
                const buckets = resources.filter((r) => r.type === "aws:s3/bucket:Bucket");
                const exempt = buckets.filter((b) => b.props.tags?.["tiered-infra:bucket-role"] === "access-logs").map((b) => b.name);
                assert.deepEqual(exempt.sort(), expected, stack);
                assert.ok(buckets.length - exempt.length >= 1, `${stack} has buckets that must log`);
            }
        });

        it("catches a bucket whose logging is removed, also when names are unknown", async () => {
            const preview = firstPreview((await planShippedStack("medium")).preview);
            const without = subjects(preview).filter((r) => !(r.type === "aws:s3/bucketLogging:BucketLogging" && r.name === "web-medium-files"));
            const found = bucketAccessLogging.checkStack(without, {});
            assert.deepEqual(found.map((f) => urnName(f.urn!)), ["web-medium-files"]);
        });
    });
});
