/**
 * `plan --base` against a revision: where the base's stack files are, what is kept between runs,
 * and a stack that cannot be planned at the base (in a scratch repository of its own, so these
 * run beside changePreview.test.ts rather than after it).
 */
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { scratchRepo, ScratchRepo } from "../../scratchRepo";

describe("plan --base: how base plans are found, kept and fail", function () {
    this.timeout(180_000);
    let repo: ScratchRepo;
    let link: string;
    const git = (...args: string[]) => execFileSync("git", ["-C", repo.dir, "-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { stdio: "ignore" });
    const store = () => path.join(repo.dir, ".git", "tiered-infra", "base-plans");

    before(() => {
        // A project whose stacks live in env/ (stackConfigDir), local stacks only, one of them broken at the base.
        repo = scratchRepo();
        repo.write("Pulumi.yaml", repo.read("Pulumi.yaml").replace(/^stackConfigDir: .*$/m, "stackConfigDir: env"));
        git("mv", "stacks", "env");
        git("rm", "-qf", ...["small", "medium", "large", "seed000-aws", "seed001-aws"].map((s) => `env/Pulumi.${s}.yaml`));
        repo.write("env/Pulumi.broken.yaml", repo.read("env/Pulumi.local.yaml").replace("tiered-infra:tier: small", "tiered-infra:tier: smal"));
        git("add", "-A");
        git("commit", "-qm", "stacks in env/, a broken stack");
        repo.write("env/Pulumi.broken.yaml", repo.read("env/Pulumi.local.yaml"));
        // Reached through a symlink, as a project under macOS's /var -> /private/var is.
        link = `${repo.dir}-link`;
        fs.symlinkSync(repo.dir, link, "dir");
    });
    after(() => {
        if (link) fs.rmSync(link, { force: true });
        repo.remove();
    });

    it("plans the stack files the base's Pulumi.yaml names; a stack broken at the base fails alone", () => {
        const r = repo.run(["plan", "--all", "--base", "HEAD", "--project-dir", link, "--no-policies", "--no-tree"]);
        assert.equal(r.status, 2, r.stdout + r.stderr);
        assert.match(r.stderr, /^error: broken: --base HEAD: planning broken at [0-9a-f]{12} failed \(exit 2\): invalid stack configuration:\n {2}- tiered-infra:tier: "smal" is not allowed; expected one of: small, medium, large$/m);
        assert.match(r.stdout, /^3 of 4 stacks planned, \d+ resources in all; 1 could not be checked: broken\.$/m);
        // The three others: the base is their committed state, the symlink resolved, nothing changed.
        assert.equal([...r.stdout.matchAll(/^Resources:\n {4}no changes\n/gm)].length, 3, r.stdout);
        const keys = fs.readdirSync(store());
        assert.equal(keys.length, 1);
        assert.deepEqual(fs.readdirSync(path.join(store(), keys[0])).sort(), ["local.json", "seed000-local.json", "seed001-local.json"], "a failed plan is not kept");
    });

    it("plans again over a kept entry that is not a plan, and keeps plans with unknowns apart", () => {
        const [key] = fs.readdirSync(store());
        fs.writeFileSync(path.join(store(), key, "local.json"), JSON.stringify({ preview: {} }));
        const again = repo.run(["plan", "--stack", "local", "--base", "HEAD", "--project-dir", link, "--no-policies", "--no-tree"]);
        assert.equal(again.status, 0, again.stderr);
        assert.match(again.stdout, /^Resources:\n {4}no changes\n/m);
        assert.ok(Array.isArray(JSON.parse(fs.readFileSync(path.join(store(), key, "local.json"), "utf8")).preview.steps));
        // The base planned with --unknowns too: its outputs are unknown in both plans, so nothing changed.
        const unknowns = repo.run(["plan", "--stack", "local", "--base", "HEAD", "--unknowns", "--no-policies", "--no-tree"]);
        assert.equal(unknowns.status, 0, unknowns.stderr);
        assert.match(unknowns.stdout, /^Resources:\n {4}no changes\n/m);
        assert.equal(fs.readdirSync(store()).length, 2);
    });

    it("plans a new commit afresh and serves the previous one from its kept plans", () => {
        // Commit another port: HEAD is a new tree, so no kept plan may stand in for it.
        const before = fs.readdirSync(store()).length;
        const local = repo.read("env/Pulumi.local.yaml");
        repo.write("env/Pulumi.local.yaml", local.replace("    port: 12015\n", "    port: 12017\n"));
        git("commit", "-qam", "another port");
        const head = repo.run(["plan", "--stack", "local", "--base", "HEAD", "--no-policies", "--no-tree"]);
        assert.equal(head.status, 0, head.stderr);
        assert.match(head.stdout, /^Resources:\n {4}no changes\n/m);
        assert.equal(fs.readdirSync(store()).length, before + 1);
        // The commit before, kept: the port change shows against it, and nothing new is kept.
        const previous = repo.run(["plan", "--stack", "local", "--base", "HEAD~1", "--no-policies"]);
        assert.equal(previous.status, 0, previous.stderr);
        assert.match(previous.stdout, /^ {4}~ 3 to update$/m);
        assert.match(previous.stdout, /docker:index\/container:Container +web +update \[diff: .*~ports\[0\]\.internal\]$/m);
        assert.equal(fs.readdirSync(store()).length, before + 1);
    });
});
