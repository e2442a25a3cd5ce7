import { strict as assert } from "assert";
import { ResourceState, UNKNOWN_MARKER } from "../../core/plan/previewJson";
import { decodeUndecided, UNDECIDED_REPORT_POLICY, UNDECIDED_STACK_REPORT_POLICY } from "../../core/policy/undecided";
import { ALL_POLICIES } from "../../policies/registry";
import { WAIVED_REPORT_POLICY, WAIVER_POLICY } from "../../policies/pack";
import { Diagnostic, PolicyPackConfig, PolicyPackProcess } from "../../tools/policy/analyzer";
import { toFinding } from "../../tools/policy/evaluate";
import { PACK_DEFAULTS } from "../../tools/policy/generateConfig";
import { POLICY_PACK_DIR, validatePolicyConfig } from "../../tools/policy/policyConfig";
import { analyze, analyzeStack, configure, messagesOf, policyPack, state } from "../policyHarness";
import { POLICY_CASES, PolicyCase, SURFACE_CASES } from "./fixtures";
import { evaluateInProcess, isStackPolicy, Note, paths, withUnknown } from "./inProcess";

const byName = new Map(ALL_POLICIES.map((p) => [p.name, p]));

async function run(policy: string, resources: PolicyCase["pass"], config: PolicyCase["config"]): Promise<Diagnostic[]> {
    return byName.get(policy)!.kind === "stack"
        ? analyzeStack(resources, config)
        : (await Promise.all(resources.map((r) => analyze(r, config)))).flat();
}

const undecidedOf = (ds: Array<Diagnostic | Note>, policy: string) =>
    ds.filter((d) => d.policyName === UNDECIDED_REPORT_POLICY || d.policyName === UNDECIDED_STACK_REPORT_POLICY).map((d) => decodeUndecided(d.message)).filter((u) => u?.policy === policy);
const cantRun = (ds: Diagnostic[]) => ds.filter((d) => /can't run|could not judge this resource/.test(d.message)).map((d) => `${d.policyName}: ${d.message}`);

/**
 * The case's resources with as many inputs unknown as leave the verdict alone: leaf by leaf (judged
 * in process), each is kept unknown when, together with those kept so far, the verdict and the
 * notes of `policy` stay as they were. Over gRPC, the same resources must give the same verdict.
 */
function withUnrelatedUnknowns(policy: string, states: ResourceState[], config: PolicyCase["config"], holds: (notes: Note[]) => boolean): { states: ResourceState[]; count: number } {
    const stack = isStackPolicy(policy);
    let current = states;
    let count = 0;
    for (const [i, s] of states.entries()) {
        for (const p of paths(s.inputs)) {
            let node: any = s.inputs;
            for (const k of p) node = node?.[k];
            if (node !== null && typeof node === "object") continue; // leaves only
            const variant = current.map((x, j) => (j === i ? { ...x, inputs: withUnknown(x.inputs, p) } : x));
            const notes = evaluateInProcess(variant, config, stack);
            if (holds(notes) && undecidedOf(notes, policy).length === 0) {
                current = variant;
                count++;
            }
        }
    }
    return { states: current, count };
}

/** As the engine checks a preview: Analyze for every resource, then AnalyzeStack. */
async function preview(states: ResourceState[], config: PolicyPackConfig = {}): Promise<Diagnostic[]> {
    return (await configure(config)).analyzeAll(states);
}

function daysFromToday(days: number): string {
    return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("policy pack (over the analyzer protocol)", function () {
    this.timeout(60_000);

    it("describes every policy with a stable name, severity, level, remediation and source", async () => {
        const { info } = await policyPack();
        assert.equal(info.name, "tiered-infra");
        assert.match(info.version, /^\d+\.\d+\.\d+/);
        const served = new Map(info.policies.map((p) => [p.name, p]));
        for (const def of ALL_POLICIES) {
            assert.match(def.name, /^[a-z0-9]+(-[a-z0-9]+)+$/, def.name);
            const p = served.get(def.name);
            assert.ok(p, `${def.name} is not served by the pack`);
            assert.equal(p.level, def.enforcementLevel);
            assert.equal(p.severity, def.severity);
            assert.ok(p.remediation.includes(def.remediation) && p.remediation.includes(def.source), def.name);
            assert.ok(p.configSchema && "waivers" in p.configSchema, `${def.name} accepts waivers in config`);
        }
        assert.ok(served.has(WAIVER_POLICY) && served.has(WAIVED_REPORT_POLICY));
    });

    it("has a failing and a passing case for every policy", () => {
        assert.deepEqual(ALL_POLICIES.map((p) => p.name).filter((n) => !POLICY_CASES[n]), []);
    });

    for (const [policy, c] of Object.entries(POLICY_CASES)) {
        describe(policy, () => {
            it("reports the violation at its enforcement level", async () => {
                const ds = (await run(policy, c.fail, c.config)).filter((d) => d.policyName === policy);
                assert.ok(ds.length > 0, `no ${policy} violation`);
                assert.ok(ds.some((d) => d.message.includes(c.expect)), `messages: ${ds.map((d) => d.message).join(" | ")}`);
                for (const d of ds) assert.equal(d.level, byName.get(policy)!.enforcementLevel);
            });
            it("passes the compliant variant", async () => {
                assert.deepEqual(messagesOf(await run(policy, c.pass, c.passConfig ?? c.config), policy), []);
            });
            it("still reports it with unknown values in unrelated fields (as in a first preview)", async () => {
                const { states, count } = withUnrelatedUnknowns(policy, c.fail, c.config, (notes) => notes.some((n) => n.policyName === policy && n.message.includes(c.expect)));
                assert.ok(count > 0, "no unrelated field to make unknown");
                const ds = await run(policy, states, c.config);
                assert.deepEqual(cantRun(ds), []);
                assert.ok(messagesOf(ds, policy).some((m) => m.includes(c.expect)), `${count} unknowns; messages: ${messagesOf(ds, policy).join(" | ")}`);
            });
            it("still passes with unknown values in unrelated fields", async () => {
                const { states, count } = withUnrelatedUnknowns(policy, c.pass, c.passConfig ?? c.config, (notes) => !notes.some((n) => n.policyName === policy));
                assert.ok(count > 0, "no unrelated field to make unknown");
                const ds = await run(policy, states, c.passConfig ?? c.config);
                assert.deepEqual(cantRun(ds), []);
                assert.deepEqual(messagesOf(ds, policy), []);
            });
        });
    }

    describe("surfaces of issue 12", () => {
        for (const s of SURFACE_CASES) {
            it(`${s.policy} reads ${s.surface}`, async () => {
                const failed = messagesOf(await run(s.policy, s.fail, s.config), s.policy);
                assert.ok(failed.some((m) => m.includes(s.expect)), `messages: ${failed.join(" | ")}`);
                assert.deepEqual(messagesOf(await run(s.policy, s.pass, s.config), s.policy), [], "the look-alike passes");
            });
        }
    });

    describe("unknown values", () => {
        it("an unknown the verdict depends on is one advisory note per resource and policy, filed under that policy", async () => {
            const db = state("aws:rds/instance:Instance", { engine: "postgres", manageMasterUserPassword: true, multiAz: UNKNOWN_MARKER, storageEncrypted: UNKNOWN_MARKER, backupRetentionPeriod: 30, deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "f", deleteAutomatedBackups: false, kmsKeyId: UNKNOWN_MARKER });
            const ds = await analyze(db);
            assert.deepEqual(cantRun(ds), []);
            assert.deepEqual(ds.filter((d) => d.level === "mandatory").map((d) => d.message), []);
            const notes = ds.filter((d) => d.policyName === UNDECIDED_REPORT_POLICY);
            assert.deepEqual(notes.map((d) => d.level), ["advisory", "advisory"]);
            const findings = notes.map((d) => toFinding(d, () => ({ file: "Pulumi.yaml", line: 1 }))).sort((a, b) => a.policy.localeCompare(b.policy));
            assert.deepEqual(findings.map((f) => [f.policy, f.message]), [
                ["aws-rds-instance-require-multi-az", "decided at apply: multiAz"],
                ["data-require-encryption-at-rest", "decided at apply: storageEncrypted"],
            ]);
            assert.match(notes[0].message.split("\n")[0], /^(aws-rds-instance-require-multi-az|data-require-encryption-at-rest): decided at apply: /);
        });

        it("the old way would not run at all: the SDK's proxy throws on the first unknown it touches", async () => {
            const { unknownCheckingProxy } = require("@pulumi/policy/proxy");
            const props = unknownCheckingProxy({ multiAz: UNKNOWN_MARKER });
            assert.throws(() => props.multiAz, /can't be known during preview/);
        });

        it("stack policies link companions through propertyDependencies when the reference is unknown", async () => {
            const bucket = state("aws:s3/bucket:Bucket", { bucket: UNKNOWN_MARKER }, { urn: "urn:pulumi:test::tiered-infra::aws:s3/bucket:Bucket::assets" });
            const other = state("aws:s3/bucket:Bucket", { bucket: UNKNOWN_MARKER }, { urn: "urn:pulumi:test::tiered-infra::aws:s3/bucket:Bucket::uploads" });
            const pab = state("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: UNKNOWN_MARKER, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                { dependencies: [bucket.urn, other.urn], propertyDependencies: { bucket: [bucket.urn] } });
            const ds = await analyzeStack([bucket, other, pab]);
            assert.deepEqual(cantRun(ds), []);
            const missing = ds.filter((d) => d.policyName === "aws-s3-bucket-require-public-access-block");
            assert.deepEqual(missing.map((d) => [d.urn, d.message]), [[other.urn, "bucket uploads does not block all public access"]]);
        });
    });

    it("defaults to the seeds' production figures, and generated configs hold only departures from them", async () => {
        const { info } = await policyPack();
        const served = new Map(info.policies.map((p) => [p.name, p]));
        const defaultOf = (policy: string, prop: string) => (served.get(policy)!.configSchema as any)[prop]?.default;
        assert.equal(defaultOf("aws-rds-instance-configure-backup-retention", "minDays"), 30, "seed 002: 30-day retention");
        assert.equal(defaultOf("aws-cloudwatch-log-group-configure-retention", "minDays"), 30, "seed 001: 30 days");
        for (const [policy, props] of Object.entries(PACK_DEFAULTS)) {
            for (const [prop, value] of Object.entries(props)) assert.deepEqual(defaultOf(policy, prop), value, `${policy}.${prop}`);
        }
        // With no config at all, a 7-day RDS retention fails.
        const db = state("aws:rds/instance:Instance", { backupRetentionPeriod: 7, manageMasterUserPassword: true });
        assert.deepEqual(messagesOf(await analyze(db), "aws-rds-instance-configure-backup-retention"), ["backupRetentionPeriod is 7 days, below 30"]);
    });

    it("takes thresholds from the policy config", async () => {
        const db = state("aws:rds/instance:Instance", { backupRetentionPeriod: 14, manageMasterUserPassword: true });
        assert.equal(messagesOf(await analyze(db, { "aws-rds-instance-configure-backup-retention": { minDays: 30 } }), "aws-rds-instance-configure-backup-retention").length, 1);
        assert.equal(messagesOf(await analyze(db, { "aws-rds-instance-configure-backup-retention": { minDays: 14 } }), "aws-rds-instance-configure-backup-retention").length, 0);
    });

    it("lets config lower a policy to advisory or disable it", async () => {
        const db = state("aws:rds/instance:Instance", { multiAz: false, manageMasterUserPassword: true });
        const advisory = (await analyze(db, { "aws-rds-instance-require-multi-az": "advisory" })).filter((d) => d.policyName === "aws-rds-instance-require-multi-az");
        assert.deepEqual(advisory.map((d) => d.level), ["advisory"]);
        assert.deepEqual(messagesOf(await analyze(db, { "aws-rds-instance-require-multi-az": "disabled" }), "aws-rds-instance-require-multi-az"), []);
    });

    it("rejects config the pack's schemas do not allow, naming the policy and property", async () => {
        const { info } = await policyPack();
        assert.throws(() => validatePolicyConfig("f.json", { "aws-rds-instance-configure-backup-retention": { minDays: 90 } }, info), /f\.json: aws-rds-instance-configure-backup-retention\.minDays: must be <= 35/);
        assert.throws(() => validatePolicyConfig("f.json", { "no-such-policy": "mandatory" }, info), /no-such-policy: is not a policy of tiered-infra/);
        assert.throws(() => validatePolicyConfig("f.json", { "aws-rds-instance-require-multi-az": { enforcementLevel: "blocking" } }, info), /enforcementLevel: "blocking" is not allowed/);
        assert.throws(() => validatePolicyConfig("f.json", { "aws-rds-instance-require-multi-az": { minutes: 3 } }, info), /must NOT have additional properties; allowed: production, waivers/);
    });

    describe("waivers", () => {
        const policy = "aws-rds-instance-require-multi-az";
        const db = (tags: Record<string, string>) => state("aws:rds/instance:Instance", { multiAz: false, manageMasterUserPassword: true, tags });

        it("a valid tag waiver hides the violation and reports it as waived", async () => {
            const ds = await analyze(db({ [`tiered-infra:waive:${policy}`]: `${daysFromToday(30)}: single-AZ until the Q3 migration` }));
            assert.deepEqual(messagesOf(ds, policy), []);
            const waived = messagesOf(ds, WAIVED_REPORT_POLICY);
            assert.equal(waived.length, 1);
            assert.match(waived[0], new RegExp(`^waived ${policy} until \\d{4}-\\d{2}-\\d{2} \\(tag: single-AZ until the Q3 migration\\): multiAz is off`));
            assert.equal(ds.find((d) => d.policyName === WAIVED_REPORT_POLICY)!.level, "advisory");
            assert.deepEqual(messagesOf(ds, WAIVER_POLICY), []);
        });

        it("an expired waiver is a violation and hides nothing", async () => {
            const ds = await analyze(db({ [`tiered-infra:waive:${policy}`]: "2020-01-01: was fine during the pilot" }));
            assert.equal(messagesOf(ds, policy).length, 1);
            assert.match(messagesOf(ds, WAIVER_POLICY)[0], /tag waiver of aws-rds-instance-require-multi-az expired on 2020-01-01/);
        });

        it("a reasonless waiver is a violation", async () => {
            const ds = await analyze(db({ [`tiered-infra:waive:${policy}`]: daysFromToday(10) }));
            assert.equal(messagesOf(ds, policy).length, 1);
            assert.match(messagesOf(ds, WAIVER_POLICY)[0], /has no reason/);
        });

        it("a waiver must expire within a year and name a real policy", async () => {
            const far = await analyze(db({ [`tiered-infra:waive:${policy}`]: `${daysFromToday(800)}: forever, basically` }));
            assert.match(messagesOf(far, WAIVER_POLICY)[0], /more than 365 days ahead/);
            const typo = await analyze(db({ "tiered-infra:waive:aws-rds-require-multiaz": `${daysFromToday(10)}: typo in the policy name` }));
            assert.match(messagesOf(typo, WAIVER_POLICY)[0], /names unknown policy "aws-rds-require-multiaz"/);
        });

        it("Kubernetes annotations and policy-config waivers work the same way", async () => {
            const dep = state("kubernetes:apps/v1:Deployment", {
                metadata: { annotations: { "waive.tiered-infra.io/kubernetes-workload-require-min-replicas": `${daysFromToday(5)}: batch worker, one is enough` } },
                spec: { replicas: 1, template: { spec: { securityContext: { runAsNonRoot: true }, containers: [] } } },
            });
            const ds = await analyzeStack([dep]);
            assert.deepEqual(messagesOf(ds, "kubernetes-workload-require-min-replicas"), []);
            assert.match(messagesOf(ds, "waived-stack-findings-report")[0], /^waived kubernetes-workload-require-min-replicas until .*\(annotation: batch worker, one is enough\): 1 replica\(s\), below 2/);

            const target = db({});
            const cfg = (expires: string) => ({ [policy]: { waivers: [{ resource: target.urn, reason: "owned by the data team, tracked in DATA-12", expires }] } });
            const ok = await analyze(target, cfg(daysFromToday(20)));
            assert.deepEqual(messagesOf(ok, policy), []);
            assert.match(messagesOf(ok, WAIVED_REPORT_POLICY)[0], /\(config: owned by the data team/);
            const expired = await analyze(target, cfg("2021-06-30"));
            assert.deepEqual(messagesOf(expired, policy), ["multiAz is off on a production primary"], "an invalid waiver hides nothing");
            // Config waivers are checked once per stack, where the pack sees every resource they may name.
            const stackDs = await preview([target], cfg("2021-06-30"));
            assert.deepEqual(messagesOf(stackDs, WAIVER_POLICY), [`policy-config waiver of ${policy} for ${target.urn} expired on 2021-06-30`]);
            assert.equal(stackDs.find((d) => d.policyName === WAIVER_POLICY)!.urn, target.urn);
        });

        it("a config waiver with a bad expiry shows the config format and is reported under the waiver policy", async () => {
            const target = db({});
            const ds = await preview([target], { [policy]: { waivers: [{ resource: target.urn, reason: "owned by the data team, tracked in DATA-12", expires: "next quarter" }] } });
            assert.deepEqual(messagesOf(ds, policy), ["multiAz is off on a production primary"], "it hides nothing");
            const [m] = messagesOf(ds, WAIVER_POLICY);
            assert.match(m, /has no valid expiry date \(expected \{ "resource": "<URN or name>", "reason": "\.\.\.", "expires": "YYYY-MM-DD" \}, got expires "next quarter"\)/);
            assert.doesNotMatch(m, /YYYY-MM-DD: reason/);
        });

        it("a config waiver naming no resource of the stack (a typo) is reported, not silently ignored", async () => {
            const target = db({});
            // The waiver policy checks the config waivers of the policies that ran on this stack (here the PDB policy, for the Deployment).
            const dep = state("kubernetes:apps/v1:Deployment", { metadata: { namespace: "web" }, spec: { replicas: 1, template: { metadata: { labels: { app: "x" } }, spec: { containers: [] } } } });
            const ds = await preview([target, dep], { "kubernetes-workload-require-pdb": { waivers: [{ resource: "web-small-deploymnet", reason: "PDB lands with the next chart", expires: daysFromToday(10) }] } });
            assert.deepEqual(messagesOf(ds, WAIVER_POLICY), ['policy-config waiver of kubernetes-workload-require-pdb names "web-small-deploymnet", which is no resource of this stack (give the resource\'s URN or its name exactly as in the plan); it waives nothing']);
            assert.equal(ds.find((d) => d.policyName === WAIVER_POLICY)!.level, "mandatory");
            // The same waiver naming the resource by its name is fine.
            const ok = await preview([target, dep], { "kubernetes-workload-require-pdb": { waivers: [{ resource: target.urn.split("::").pop()!, reason: "PDB lands with the next chart", expires: daysFromToday(10) }] } });
            assert.deepEqual(messagesOf(ok, WAIVER_POLICY), []);
        });

        it("waives stack-policy findings too", async () => {
            const dep = state("kubernetes:apps/v1:Deployment", {
                metadata: { namespace: "web", annotations: { "waive.tiered-infra.io/kubernetes-workload-require-pdb": `${daysFromToday(5)}: PDB lands with the next chart` } },
                spec: { replicas: 3, template: { metadata: { labels: { app: "x" } }, spec: { containers: [] } } },
            });
            const ds = await analyzeStack([dep]);
            assert.deepEqual(messagesOf(ds, "kubernetes-workload-require-pdb"), []);
            assert.match(messagesOf(ds, "waived-stack-findings-report")[0], /^waived kubernetes-workload-require-pdb/);
        });
    });
});

describe("one pack process, several analyses (plan --all)", function () {
    this.timeout(120_000);
    const B = "aws:s3/bucketV2:BucketV2";
    const bucket = (name: string) => state(B, { bucket: name, region: "us-east-1", tags: {} }, { urn: `urn:pulumi:test::tiered-infra::${B}::${name}` });
    const container = state("docker:index/container:Container", { name: "web-local-app", image: "app:1", restart: "unless-stopped", ports: [{ internal: 12015, external: 12015 }] });
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    /** Analyses as `plan --all` runs them: configure, Analyze per resource, AnalyzeStack. */
    const analyses: Array<{ title: string; states: ResourceState[]; config: PolicyPackConfig }> = [
        // Waives a recovery finding while its report is disabled: the waived-stack ledger is never emptied.
        { title: "data, waived, report disabled", states: [bucket("data")], config: { "recovery-objectives-met": { drRegion: "us-west-2", rpoMinutes: 60, waivers: [{ resource: "data", reason: "accepted risk for the review", expires }] }, "waived-stack-findings-report": "disabled" } },
        // Has a Docker container, so the Docker policies run (and used to be remembered for later stacks).
        { title: "local, a container", states: [container], config: {} },
        // Waives a Docker policy for a resource it does not have; no Docker policy runs here.
        { title: "another stack, a Docker waiver", states: [bucket("other")], config: { "docker-container-require-healthcheck-and-restart": { waivers: [{ resource: "nope", reason: "x", expires }] } } },
        { title: "another stack, defaults", states: [bucket("other")], config: {} },
    ];
    const key = (d: Diagnostic) => `${d.policyName} | ${d.level} | ${d.urn} | ${d.message}`;
    let fresh: PolicyPackProcess | undefined;
    after(async () => fresh?.stop());

    it("gives each stack the findings it has when it is the process's only analysis", async () => {
        const { info } = await policyPack();
        const run = async (pack: PolicyPackProcess, a: (typeof analyses)[number]) => {
            await pack.configure(validatePolicyConfig("(test)", a.config, info));
            return (await pack.analyzeAll(a.states)).map(key).sort();
        };
        const alone: string[][] = [];
        for (const a of analyses) {
            // Each alone: the first analysis of a process of its own.
            fresh = await PolicyPackProcess.start(POLICY_PACK_DIR, { project: "tiered-infra", stack: "test" });
            alone.push(await run(fresh, a));
            await fresh.stop();
            fresh = undefined;
        }
        // In sequence, twice, in the pack the tests above have already analysed with their own configs.
        const { pack: shared } = await policyPack();
        for (const [i, a] of [...analyses.entries(), ...analyses.entries()]) assert.deepEqual(await run(shared, a), alone[i], a.title);
        assert.deepEqual(alone[2].filter((f) => f.startsWith(WAIVER_POLICY)), [], "the Docker waiver names a policy with nothing to judge here");
        assert.ok(alone[3].every((f) => !f.includes("::data")), "nothing about the first stack's bucket");
    });
});

describe("policy documentation", () => {
    it("the README lists every policy of the pack", () => {
        const readme = require("fs").readFileSync(require("path").join(__dirname, "..", "..", "README.md"), "utf8");
        assert.deepEqual(ALL_POLICIES.map((p) => p.name).filter((n) => !readme.includes(`\`${n}\``)), []);
    });
});
