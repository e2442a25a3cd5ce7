import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generatedPolicyConfigs, main } from "../../../tools/cli/policyConfig";
import { PACK_DEFAULTS } from "../../../tools/policy/generateConfig";
import { PROJECT_DIR } from "../../harness";

function capture() {
    const lines: string[] = [];
    return { lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
}

/** A throwaway project with the real Pulumi.yaml and the given stack files. */
function fixtureProject(stacks: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-policy-config-"));
    fs.copyFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.mkdirSync(path.join(dir, "stacks"));
    for (const [stack, yaml] of Object.entries(stacks)) fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`), yaml);
    return dir;
}

/** Production stacks need someone to alert (infra/config.ts). */
const ALERTING = "  tiered-infra:alerting: { emails: [ops@example.com] }\n";

const generated = (dir: string, stack: string) => JSON.parse([...generatedPolicyConfigs(dir, [stack], "/out")].find(([f]) => f === `/out/${stack}.json`)![1]);
/** What the pack enforces for a stack: its generated value, else the pack's default (files hold only departures from it). */
const effective = (cfg: Record<string, any>, policy: string, prop: string) => cfg[policy]?.[prop] ?? PACK_DEFAULTS[policy][prop];

describe("generated policy config (npm run policy-config)", () => {
    it("matches every committed policies/config/<stack>.json (run `npm run policy-config` after changing a stack or a tier)", async () => {
        const c = capture();
        assert.equal(await main(["--check"], c.out, c.err), 0, c.lines.join("\n"));
        const files = generatedPolicyConfigs(PROJECT_DIR);
        assert.equal(files.size, fs.readdirSync(path.join(PROJECT_DIR, "stacks")).length, "one config per stack");
    });

    it("--check fails on a stale or missing file and names it", async () => {
        const dir = fixtureProject({ one: `config:\n  aws:region: us-east-1\n  tiered-infra:tier: small\n${ALERTING}` });
        const out = path.join(dir, "config");
        fs.mkdirSync(out);
        const c = capture();
        assert.equal(await main(["--check", "--project-dir", dir, "--out-dir", out], c.out, c.err), 1);
        assert.match(c.lines.join("\n"), /out of date: .*one\.json; run `npm run policy-config`/);
        assert.equal(await main(["--project-dir", dir, "--out-dir", out], c.out, c.err), 0);
        assert.equal(await main(["--check", "--project-dir", dir, "--out-dir", out], c.out, c.err), 0);
    });

    it("takes data-protection floors from the tier table, so a stack's sizing cannot lower its own gate", () => {
        const dir = fixtureProject({
            lowered: `config:\n  aws:region: us-east-1\n  tiered-infra:tier: medium\n  tiered-infra:sizing:\n    database: { backupRetentionDays: 7 }\n    cache: { snapshotRetentionDays: 1 }\n${ALERTING}`,
        });
        const cfg = generated(dir, "lowered");
        assert.equal(effective(cfg, "aws-rds-instance-configure-backup-retention", "minDays"), 30);
        assert.equal(effective(cfg, "aws-elasticache-configure-snapshot-retention", "minDays"), 7);
        assert.equal(cfg["aws-rds-instance-configure-backup-retention"], undefined, "the production default needs no entry");
    });

    it("holds a stack to its tier's recovery objectives: it may move its DR region or tighten its RPO, not drop the copies", () => {
        const dir = fixtureProject({
            dropped: "config:\n  aws:region: us-east-1\n  tiered-infra:tier: medium\n" + ALERTING + "  tiered-infra:sizing:\n    recovery: { crossRegion: false, rpoMinutes: 240 }\n",
            moved: "config:\n  aws:region: us-east-1\n  tiered-infra:tier: large\n" + ALERTING + "  tiered-infra:sizing:\n    recovery: { drRegion: us-east-2, rpoMinutes: 30 }\n",
            added: "config:\n  aws:region: eu-west-1\n  tiered-infra:tier: small\n" + ALERTING + "  tiered-infra:sizing:\n    recovery: { crossRegion: true, drRegion: eu-central-1 }\n",
            plain: "config:\n  aws:region: us-east-1\n  tiered-infra:tier: small\n" + ALERTING,
        });
        assert.deepEqual(generated(dir, "dropped")["recovery-objectives-met"], { rpoMinutes: 60, drRegion: "us-west-2" });
        assert.deepEqual(generated(dir, "moved")["recovery-objectives-met"], { rpoMinutes: 30, drRegion: "us-east-2" });
        assert.deepEqual(generated(dir, "added")["recovery-objectives-met"], { rpoMinutes: 60, drRegion: "eu-central-1" });
        assert.deepEqual(generated(dir, "plain")["recovery-objectives-met"], { rpoMinutes: 60, drRegion: "" });
    });

    it("takes availability minimums, CORS, production and the budget with its cost inputs from the stack file", () => {
        const dir = fixtureProject({
            api: [
                "config:",
                "  aws:region: eu-west-1",
                "  tiered-infra:tier: small",
                "  tiered-infra:corsOrigins: [https://a.example.org, https://b.example.org]",
                "  tiered-infra:sizing:",
                "    app: { minReplicas: 1, maxReplicas: 4 }",
                "    budget: { minMonthlyUsd: 100, maxMonthlyUsd: 950 }",
                ALERTING,
            ].join("\n"),
            dev: "config:\n  aws:region: us-east-1\n  tiered-infra:tier: small\n  tiered-infra:environment: development\n",
            box: "config:\n  tiered-infra:platform: local\n  tiered-infra:tier: small\n  tiered-infra:corsOrigins: [\"http://localhost:8080\"]\n",
        });
        const api = generated(dir, "api");
        assert.equal(api["kubernetes-workload-require-min-replicas"].minReplicas, 1);
        assert.deepEqual(api["app-env-restrict-cors-origin"], { allowedOrigins: ["https://a.example.org", "https://b.example.org"] });
        assert.deepEqual([api["stack-budget-enforce-monthly-limit"].maxMonthlyUsd, api["stack-budget-enforce-monthly-limit"].region], [950, "eu-west-1"]);
        assert.equal(api["stack-budget-enforce-monthly-limit"].usage.users, 500, "the small tier's usage profile");
        assert.equal(generated(dir, "dev")["aws-rds-instance-require-multi-az"].production, false);
        assert.deepEqual(generated(dir, "dev")["monitoring-alarm-coverage"], { enforcementLevel: "advisory" }, "missing alarms are reported, not enforced, on development stacks");
        assert.equal(api["monitoring-alarm-coverage"], undefined, "production stacks keep the policy mandatory");
        const box = generated(dir, "box");
        assert.equal(box["kubernetes-workload-require-pdb"].production, false);
        assert.equal(box["aws-s3-cors-restrict-origins"].allowLocalhost, true);
        assert.deepEqual([box["stack-budget-enforce-monthly-limit"].maxMonthlyUsd, box["stack-budget-enforce-monthly-limit"].region], [0, "local"], "local stacks must cost nothing");
    });

    it("reports a bad stack config as bad input (exit 2), naming the key", async () => {
        const dir = fixtureProject({ bad: "config:\n  aws:region: us-east-1\n  tiered-infra:tier: huge\n" });
        const c = capture();
        assert.equal(await main(["--check", "--project-dir", dir, "--out-dir", dir], c.out, c.err), 2);
        assert.match(c.lines.join("\n"), /tiered-infra:tier: "huge" is not allowed; expected one of: small, medium, large/);
    });
});
