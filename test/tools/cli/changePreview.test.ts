/**
 * `plan --base`: what a `pulumi preview` of a change would show, offline, in a scratch copy of the
 * repository (so the change is a real edit of a stack file against a real git HEAD).
 */
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { inputDiff } from "../../../tools/pipeline/changePreview";
import { scratchRepo, ScratchRepo } from "../../scratchRepo";

describe("plan --base: the preview of a change", function () {
    this.timeout(180_000);
    let repo: ScratchRepo;
    let medium: string;

    before(() => {
        repo = scratchRepo();
        medium = repo.read("stacks/Pulumi.medium.yaml");
    });
    after(() => repo.remove());

    it("shows no changes and a $0 delta on an unchanged tree", () => {
        const r = repo.run(["plan", "--stack", "medium", "--base", "HEAD", "--no-tree"]);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^Resources:\n {4}no changes\n {4}\d+ unchanged$/m);
        assert.match(r.stdout, /^Cost: \$[\d,.]+\/month \(no change, \$0\.00 delta\)$/m);
        assert.match(r.stdout, /^Policies against HEAD \([0-9a-f]{12}\): 0 new \(0 mandatory\), 0 fixed, \d+ still open/m);
    });

    it("shows a changed database class as an update with its path and the monthly delta", () => {
        repo.write("stacks/Pulumi.medium.yaml", `${medium}  tiered-infra:sizing:\n    database: { instanceClass: db.r6g.large }\n`);
        const r = repo.run(["plan", "--stack", "medium", "--base", "HEAD", "--no-policies"]);
        assert.equal(r.status, 0, r.stderr);
        // The primary and its read replica share the class (components/database.ts): both update.
        assert.match(r.stdout, /^ ~ {3}.*aws:rds\/instance:Instance +web-medium-pg +update \[diff: ~instanceClass\]$/m);
        // So do the memory alarms sized from the class (components/alarmCatalog.ts): half the memory, half the threshold.
        assert.match(r.stdout, /^ ~ {3}.*aws:cloudwatch\/metricAlarm:MetricAlarm +web-medium-rds-freeable-memory +update \[diff: ~threshold\]$/m);
        const updates = Number(/^Resources:\n {4}~ (\d+) to update\n {4}\d+ unchanged$/m.exec(r.stdout)?.[1]);
        const alarms = [...r.stdout.matchAll(/aws:cloudwatch\/metricAlarm:MetricAlarm .* update \[diff: ~threshold\]$/gm)].length;
        assert.equal(updates, 2 + alarms, r.stdout);
        // db.r6g.xlarge -> db.r6g.large, us-east-1 list prices:
        // primary, Multi-AZ: 0.900 x 730 = 657.00 -> 0.450 x 730 = 328.50, plus 500 GiB x 0.23 = 115.00 and the managed secret 0.40;
        // replica, Single-AZ: 0.450 x 730 = 328.50 -> 0.225 x 730 = 164.25, plus 500 GiB x 0.115 = 57.50.
        assert.match(r.stdout, /~ \$772\.40 → \$443\.90 +web-medium-pg \(aws:rds\/instance:Instance\) +-\$328\.50/);
        assert.match(r.stdout, /~ \$386\.00 → \$221\.75 +web-medium-pg-replica-0 \(aws:rds\/instance:Instance\) +-\$164\.25/);
        // The total is the sum of the resources' deltas (the monthly restore drill's database follows the class too).
        const total = Number(/^Cost: \$[\d,.]+ → \$[\d,.]+\/month \(-\$([\d,.]+)\)$/m.exec(r.stdout)![1].replace(/,/g, ""));
        const lines = [...r.stdout.matchAll(/^ {2}~ \$[\d,.]+ → \$[\d,.]+ +\S+ \(\S+\) +-\$([\d,.]+)$/gm)].map((m) => Number(m[1].replace(/,/g, "")));
        assert.ok(lines.length >= 2, r.stdout);
        assert.equal(total, Math.round(lines.reduce((a, b) => a + b, 0) * 100) / 100);
    });

    it("shows a secret literal added to the app's env as a new mandatory finding, and fails", () => {
        repo.write("stacks/Pulumi.medium.yaml", medium.replace("    healthPath: /_stcore/health\n", "    healthPath: /_stcore/health\n    env:\n      PAYMENT_API_KEY: plain-text-key-value\n"));
        const r = repo.run(["plan", "--stack", "medium", "--base", "HEAD", "--no-tree"]);
        assert.equal(r.status, 1, r.stdout + r.stderr);
        assert.match(r.stdout, /^ {2}\+ new {3}\[mandatory\] kubernetes-workload-disallow-literal-secret-env: web-medium-deployment: container app: env PAYMENT_API_KEY/m);
        const added = /Policies against HEAD \([0-9a-f]{12}\): (\d+) new \((\d+) mandatory\), 0 fixed/.exec(r.stdout);
        assert.ok(added, r.stdout);
        // The same literal is also a plain-text secret in the stack file: the scan reports it too.
        assert.match(r.stdout, /\+ new {3}\[mandatory\] stack-config-disallow-plaintext-secrets/);
    });

    it("fails only for new findings with --fail-on new", () => {
        // Against a base that already had the literal, nothing is new (the local stack: its app is a container).
        const local = repo.read("stacks/Pulumi.local.yaml");
        repo.write("stacks/Pulumi.local.yaml", local.replace("    healthPath: /_stcore/health\n", "    healthPath: /_stcore/health\n    env:\n      PAYMENT_API_KEY: plain-text-key-value\n"));
        const saved = repo.run(["plan", "--stack", "local", "--no-policies", "--quiet", "--json", "base.json"]);
        assert.equal(saved.status, 0, saved.stderr);
        const any = repo.run(["plan", "--stack", "local", "--base", "base.json", "--quiet"]);
        assert.equal(any.status, 1, "by default every mandatory finding fails");
        assert.match(any.stdout + any.stderr, /docker-container-disallow-plaintext-secret-env/);
        const onlyNew = repo.run(["plan", "--stack", "local", "--base", "base.json", "--quiet", "--fail-on", "new"]);
        assert.equal(onlyNew.status, 0, onlyNew.stdout + onlyNew.stderr);
        repo.write("stacks/Pulumi.local.yaml", local);
    });

    it("refuses a base that is neither a file nor a revision (exit 2)", () => {
        const r = repo.run(["plan", "--stack", "medium", "--base", "no-such-branch"]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /--base: "no-such-branch" is neither a file nor a git revision/);
    });
});

describe("input differences (detailedDiff of an offline change)", () => {
    it("names every changed path with the CLI's kinds and syntax", () => {
        assert.deepEqual(inputDiff(
            { a: 1, tags: { "kubernetes.io/name": "x", keep: "k" }, list: [1, 2], gone: true, __defaults: ["a"] },
            { a: 2, tags: { "kubernetes.io/name": "y", keep: "k" }, list: [1, 2, 3], added: "n", __defaults: ["b"] },
        ), {
            a: { kind: "update", inputDiff: true },
            'tags["kubernetes.io/name"]': { kind: "update", inputDiff: true },
            "list[2]": { kind: "add", inputDiff: true },
            gone: { kind: "delete", inputDiff: true },
            added: { kind: "add", inputDiff: true },
        });
        assert.deepEqual(inputDiff({ a: [{ b: 1 }] }, { a: [{ b: 1 }] }), {});
    });
});
