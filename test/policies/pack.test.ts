import { strict as assert } from "assert";
import { ALL_POLICIES } from "../../policies/registry";
import { WAIVED_REPORT_POLICY, WAIVER_POLICY } from "../../policies/pack";
import { Diagnostic } from "../../tools/policy/analyzer";
import { validatePolicyConfig } from "../../tools/policy/policyConfig";
import { analyze, analyzeStack, messagesOf, policyPack, state } from "../policyHarness";
import { POLICY_CASES, PolicyCase } from "./fixtures";

const byName = new Map(ALL_POLICIES.map((p) => [p.name, p]));

async function run(policy: string, resources: PolicyCase["pass"], config: PolicyCase["config"]): Promise<Diagnostic[]> {
    return byName.get(policy)!.kind === "stack"
        ? analyzeStack(resources, config)
        : (await Promise.all(resources.map((r) => analyze(r, config)))).flat();
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
        });
    }

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
            const ds = await analyze(dep);
            assert.deepEqual(messagesOf(ds, "kubernetes-workload-require-min-replicas"), []);
            assert.equal(messagesOf(ds, WAIVED_REPORT_POLICY).length, 1);

            const target = db({});
            const cfg = (expires: string) => ({ [policy]: { waivers: [{ resource: target.urn, reason: "owned by the data team, tracked in DATA-12", expires }] } });
            const ok = await analyze(target, cfg(daysFromToday(20)));
            assert.deepEqual(messagesOf(ok, policy), []);
            assert.match(messagesOf(ok, WAIVED_REPORT_POLICY)[0], /\(config: owned by the data team/);
            const expired = await analyze(target, cfg("2021-06-30"));
            assert.ok(messagesOf(expired, policy).some((m) => /policy-config waiver for .* expired on 2021-06-30/.test(m)));
            assert.ok(messagesOf(expired, policy).some((m) => m.startsWith("multiAz is off")));
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

describe("policy documentation", () => {
    it("the README lists every policy of the pack", () => {
        const readme = require("fs").readFileSync(require("path").join(__dirname, "..", "..", "README.md"), "utf8");
        assert.deepEqual(ALL_POLICIES.map((p) => p.name).filter((n) => !readme.includes(`\`${n}\``)), []);
    });
});
