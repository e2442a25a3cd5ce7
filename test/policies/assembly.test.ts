/**
 * How the pack assembles policies (policies/pack.ts, definitions.ts, registry.ts), in process with
 * two small definitions: metadata, config defaults, fail-closed checks, waivers (which resource a
 * waiver reaches, which are valid), the ledgers of waived and undecided findings and the report
 * policies that empty them. The whole pack over gRPC is test/policies/pack.test.ts.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../core/plan/previewJson";
import { decodeUndecided } from "../../core/policy/undecided";
import { decodeWaived } from "../../core/policy/waived";
import { isUndecided, PolicyDefinition, ResourcePolicyDefinition, StackPolicyDefinition, withDefaults } from "../../policies/definitions";
import { beginAnalysis, beginAnalysisOnConfigure, plainProps, toPulumiPolicies } from "../../policies/pack";
import { ALL_POLICIES, POLICY_PACK_NAME } from "../../policies/registry";

const T = "test:index:Thing";
const urn = (name: string, type = T) => `urn:pulumi:test::tiered-infra::${type}::${name}`;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

/** A resource policy: `bad: true` is a violation, `unsure: true` an undecided path, `boom` throws. */
const thing: ResourcePolicyDefinition<{ limit: number }> = {
    kind: "resource",
    name: "thing-require-good",
    description: "Things are good.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "a test",
    remediation: "Make it good.",
    resourceTypes: [T],
    config: { limit: { type: "integer", default: 3, description: "A limit." } },
    check(r, c) {
        if (r.props.boom) throw new Error("odd shape");
        return [
            ...(r.props.bad ? [`bad thing (limit ${c.limit})`] : []),
            ...(r.props.unsure ? [{ undecided: "unsure" }, { undecided: "unsure" }, { undecided: "other" }] : []),
        ];
    },
};

/** A stack policy: one finding per Thing with `stackBad`, one without a resource, undecided on `stackUnsure`. */
const stackThing: StackPolicyDefinition = {
    kind: "stack",
    name: "thing-stack-require-good",
    description: "Stacks of things are good.",
    severity: "medium",
    enforcementLevel: "advisory",
    concern: "resilience",
    source: "another test",
    remediation: "Fix the stack.",
    subjectType: T,
    checkStack(resources) {
        return resources.flatMap((r) => [
            ...(r.props.stackBad ? [{ urn: r.urn, message: `stack-bad ${r.name}` }] : []),
            ...(r.props.stackUnsure ? [{ urn: r.urn, undecided: "stackUnsure" }] : []),
            ...(r.props.orphan ? [{ message: "no resource to blame" }, { urn: urn("gone"), message: "a resource not in the stack" }] : []),
            ...(r.props.region ? [{ urn: r.urn, message: `region ${r.providerRegion ?? "none"}` }] : []),
            ...(r.props.links ? [{ urn: r.urn, message: `depends on ${r.dependencies.join(" ")}; bucket from ${(r.propertyDependencies.bucket ?? []).join(" ")}; parent ${r.parent}` }] : []),
            ...(r.props.stackBoom ? (() => { throw new Error("odd stack"); })() : []),
        ]);
    },
};

type Report = Array<[string, string, string?]>;

/** A fresh pack of the two definitions, and helpers that run it as the server does. */
function pack(defs: PolicyDefinition[] = [thing, stackThing]) {
    const policies = toPulumiPolicies(defs) as any[];
    let config: Record<string, Record<string, unknown>> = {};
    const reports: Report = [];
    const args = (r: { name: string; props: Record<string, unknown>; type?: string }) => ({ type: r.type ?? T, urn: urn(r.name, r.type), name: r.name, props: r.props, getConfig: () => ({}) });
    return {
        policies,
        setConfig(c: Record<string, Record<string, unknown>>) {
            config = c;
        },
        reports,
        analyze(r: { name: string; props: Record<string, unknown>; type?: string }) {
            for (const p of policies) {
                if (!p.validateResource) continue;
                p.validateResource({ ...args(r), getConfig: () => config[p.name] ?? {} }, (m: string) => reports.push([p.name, m]));
            }
        },
        analyzeStack(rs: Array<{ name: string; props: Record<string, unknown>; type?: string; provider?: unknown; dependsOn?: string[]; bucketFrom?: string[]; parent?: string }>) {
            // As the server gives them: dependencies, property dependencies and parent are resources.
            const resources: any[] = rs.map((r) => ({ ...args(r), dependencies: [], propertyDependencies: {}, provider: r.provider }));
            const byName = (n: string) => resources.find((x) => x.name === n);
            rs.forEach((r, i) => {
                resources[i].dependencies = (r.dependsOn ?? []).map(byName);
                if (r.bucketFrom) resources[i].propertyDependencies = { bucket: r.bucketFrom.map(byName) };
                if (r.parent) resources[i].parent = byName(r.parent);
            });
            for (const p of policies) {
                if (!p.validateStack) continue;
                p.validateStack({ resources, getConfig: () => config[p.name] ?? {} }, (m: string, u?: string) => reports.push([p.name, m, u]));
            }
        },
    };
}

describe("pack assembly (in process)", () => {
    it("registers every policy once, named in kebab case, in the registry's pack", () => {
        assert.equal(POLICY_PACK_NAME, "tiered-infra");
        const names = ALL_POLICIES.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        assert.ok(names.length >= 40, `only ${names.length} policies`);
        for (const n of names) assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)+$/);
        for (const n of ["aws-rds-instance-require-multi-az", "kubernetes-workload-disallow-literal-secret-env", "aws-s3-cors-restrict-origins", "monitoring-alarm-coverage"]) assert.ok(names.includes(n), n);
    });

    it("describes each policy from its definition, then the waiver policy and the four report policies, in that order", () => {
        const { policies } = pack();
        assert.deepEqual(policies.map((p) => p.name), [
            "thing-require-good",
            "thing-stack-require-good",
            "waiver-require-reason-and-expiry",
            "waived-findings-report",
            "decided-at-apply-report",
            "waived-stack-findings-report",
            "decided-at-apply-stack-report",
        ]);
        const [r, s, w, ...reports] = policies;
        assert.deepEqual([r.description, r.enforcementLevel, r.severity, r.remediationSteps, r.tags], ["Things are good.", "mandatory", "high", "Make it good. (Source: a test.)", ["exposure"]]);
        assert.deepEqual([s.description, s.enforcementLevel, s.severity, s.remediationSteps, s.tags], ["Stacks of things are good.", "advisory", "medium", "Fix the stack. (Source: another test.)", ["resilience"]]);
        assert.deepEqual(Object.keys(r.configSchema.properties), ["limit", "waivers"]);
        assert.deepEqual(Object.keys(s.configSchema.properties), ["waivers"]);
        assert.deepEqual([w.enforcementLevel, w.severity, w.tags], ["mandatory", "medium", ["governance"]]);
        for (const p of reports) assert.deepEqual([p.enforcementLevel, p.severity, p.tags], ["advisory", "low", ["governance"]], p.name);
        // A policy about one type names it, so the server skips the others before deserialising them.
        assert.equal(r.validateResource.__pulumiType, T);
        assert.equal(s.validateStack.__pulumiType, T);
    });

    it("fills config defaults, lets the policy config override them, and ignores other types", () => {
        const p = pack();
        p.analyze({ name: "a", props: { bad: true } });
        p.setConfig({ "thing-require-good": { limit: 9 } });
        p.analyze({ name: "b", props: { bad: true } });
        p.analyze({ name: "c", props: { bad: true }, type: "test:index:Other" });
        assert.deepEqual(p.reports, [["thing-require-good", "bad thing (limit 3)"], ["thing-require-good", "bad thing (limit 9)"]]);
        assert.deepEqual(withDefaults(thing, undefined), { limit: 3 });
        assert.deepEqual(withDefaults(stackThing, { x: 1 }), { x: 1 });
    });

    it("fails closed when a check throws, naming the policy and the error", () => {
        const p = pack();
        p.analyze({ name: "a", props: { boom: true } });
        assert.deepEqual(p.reports, [["thing-require-good", "thing-require-good could not judge this resource (odd shape), so it fails closed; report this to the pack's maintainers"]]);
    });

    it("reports undecided paths once per resource and policy, de-duplicated, through the report policy", () => {
        const p = pack();
        p.analyze({ name: "a", props: { unsure: true, bad: true } });
        const notes = p.reports.filter(([policy]) => policy === "decided-at-apply-report").map(([, m]) => decodeUndecided(m));
        assert.deepEqual(notes, [{ policy: "thing-require-good", paths: ["unsure", "other"] }]);
        assert.deepEqual(p.reports.filter(([policy]) => policy === "thing-require-good"), [["thing-require-good", "bad thing (limit 3)"]]);
        // The ledger is emptied by the report: the next resource reports nothing of it.
        p.reports.length = 0;
        p.analyze({ name: "b", props: {} });
        assert.deepEqual(p.reports, []);
    });

    describe("waivers", () => {
        const TAG = "tiered-infra:waive:thing-require-good";

        it("a valid tag waiver hides the finding, which the waived report still lists", () => {
            const p = pack();
            p.analyze({ name: "a", props: { bad: true, tags: { [TAG]: `${inDays(30)}: fixed in the next release` } } });
            assert.deepEqual(p.reports.map(([policy]) => policy), ["waived-findings-report"]);
            assert.deepEqual(decodeWaived(p.reports[0][1]), { policy: "thing-require-good", message: "bad thing (limit 3)", expires: inDays(30), from: "tag", reason: "fixed in the next release" });
        });

        it("an invalid waiver hides nothing and is itself reported; a waiver of another policy does not count", () => {
            const p = pack();
            p.analyze({ name: "a", props: { bad: true, tags: { [TAG]: `${inDays(-1)}: expired yesterday already`, "tiered-infra:waive:thing-stack-require-good": `${inDays(30)}: waives the other policy`, "tiered-infra:waive:no-such-policy": `${inDays(30)}: a typo in the name` } } });
            assert.deepEqual(p.reports, [
                ["thing-require-good", "bad thing (limit 3)"],
                ["waiver-require-reason-and-expiry", `tag waiver of thing-require-good expired on ${inDays(-1)}`],
                ["waiver-require-reason-and-expiry", 'tag waiver names unknown policy "no-such-policy"'],
            ]);
        });

        it("a second, valid waiver counts beside an invalid one", () => {
            const p = pack();
            p.analyze({ name: "a", props: { bad: true, tags: { [TAG]: "someday: no date" }, metadata: { annotations: { "waive.tiered-infra.io/thing-require-good": `${inDays(10)}: annotated on the resource` } } } });
            assert.deepEqual(p.reports.map(([policy, m]) => [policy, m.split("\n")[0]]), [
                ["waiver-require-reason-and-expiry", 'tag waiver of thing-require-good has no valid expiry date (expected "YYYY-MM-DD: reason", got expires "")'],
                ["waived-findings-report", `waived thing-require-good until ${inDays(10)} (annotation: annotated on the resource): bad thing (limit 3)`],
            ]);
        });

        it("a config waiver reaches only the resource it names, by URN or name", () => {
            const p = pack();
            p.setConfig({ "thing-require-good": { waivers: [{ resource: "a", reason: "owned by another team", expires: inDays(20) }, { resource: urn("b"), reason: "owned by another team", expires: inDays(20) }] } });
            for (const name of ["a", "b", "c"]) p.analyze({ name, props: { bad: true } });
            assert.deepEqual(p.reports.map(([policy, m]) => [policy, m.split("\n")[0]]), [
                ["waived-findings-report", `waived thing-require-good until ${inDays(20)} (config: owned by another team): bad thing (limit 3)`],
                ["waived-findings-report", `waived thing-require-good until ${inDays(20)} (config: owned by another team): bad thing (limit 3)`],
                ["thing-require-good", "bad thing (limit 3)"],
            ]);
        });

        it("checks config waivers once per stack: a bad one and one naming no resource are reported", () => {
            const p = pack();
            p.setConfig({ "thing-require-good": { waivers: [{ resource: "a", reason: "short", expires: inDays(20) }, { resource: "typo", reason: "owned by another team", expires: inDays(20) }] } });
            p.analyze({ name: "a", props: {} });
            p.analyzeStack([{ name: "a", props: {} }]);
            assert.deepEqual(p.reports, [
                ["waiver-require-reason-and-expiry", "policy-config waiver of thing-require-good for a has no reason (at least 10 characters saying why)", urn("a")],
                ["waiver-require-reason-and-expiry", 'policy-config waiver of thing-require-good names "typo", which is no resource of this stack (give the resource\'s URN or its name exactly as in the plan); it waives nothing', undefined],
            ]);
        });

        it("the waiver policy's stack check has nothing to do without config waivers", () => {
            const p = pack();
            const w = p.policies.find((x) => x.name === "waiver-require-reason-and-expiry");
            p.analyze({ name: "a", props: {} });
            assert.equal(w.validateStack.__pulumiType, "tiered-infra:policies:NothingToDo");
            p.setConfig({ "thing-require-good": { waivers: [{ resource: "a", reason: "owned by another team", expires: inDays(20) }] } });
            assert.equal(w.validateStack.__pulumiType, undefined);
        });
    });

    describe("stack policies", () => {
        it("reports findings under their resource, and those without one (or of no resource here) as they are", () => {
            const p = pack();
            p.analyzeStack([{ name: "a", props: { stackBad: true, orphan: true } }, { name: "b", props: {} }]);
            assert.deepEqual(p.reports, [
                ["thing-stack-require-good", "stack-bad a", urn("a")],
                ["thing-stack-require-good", "no resource to blame", undefined],
                ["thing-stack-require-good", "a resource not in the stack", urn("gone")],
            ]);
        });

        it("waives a stack finding, and lists it in the stack report", () => {
            const p = pack();
            p.analyzeStack([{ name: "a", props: { stackBad: true, tags: { "tiered-infra:waive:thing-stack-require-good": `${inDays(5)}: accepted for the pilot` } } }]);
            assert.deepEqual(p.reports.map(([policy, m, u]) => [policy, m.split("\n")[0], u]), [
                ["waived-stack-findings-report", `waived thing-stack-require-good until ${inDays(5)} (tag: accepted for the pilot): stack-bad a`, urn("a")],
            ]);
        });

        it("takes config waivers for stack findings too", () => {
            const p = pack();
            p.setConfig({ "thing-stack-require-good": { waivers: [{ resource: "a", reason: "accepted for the pilot", expires: inDays(5) }] } });
            p.analyzeStack([{ name: "a", props: { stackBad: true } }, { name: "b", props: { stackBad: true } }]);
            assert.deepEqual(p.reports.map(([policy, m, u]) => [policy, m.split("\n")[0], u]), [
                ["thing-stack-require-good", "stack-bad b", urn("b")],
                ["waived-stack-findings-report", `waived thing-stack-require-good until ${inDays(5)} (config: accepted for the pilot): stack-bad a`, urn("a")],
            ]);
        });

        it("notes undecided findings per resource in the stack report", () => {
            const p = pack();
            p.analyzeStack([{ name: "a", props: { stackUnsure: true } }]);
            assert.deepEqual(p.reports.map(([policy, m, u]) => [policy, decodeUndecided(m), u]), [["decided-at-apply-stack-report", { policy: "thing-stack-require-good", paths: ["stackUnsure"] }, urn("a")]]);
        });

        it("gives each resource its AWS provider's known region, and none for other providers or an unknown one", () => {
            const p = pack();
            p.analyzeStack([
                { name: "a", props: { region: true }, provider: { type: "pulumi:providers:aws", props: { region: "eu-west-1" } } },
                { name: "b", props: { region: true }, provider: { type: "pulumi:providers:kubernetes", props: { region: "eu-west-1" } } },
                { name: "c", props: { region: true }, provider: { type: "pulumi:providers:aws", props: { region: UNKNOWN_MARKER } } },
                { name: "d", props: { region: true } },
            ]);
            assert.deepEqual(p.reports.map(([, m]) => m), ["region eu-west-1", "region none", "region none", "region none"]);
        });
    });

    it("gives stack policies dependencies, property dependencies and the parent as URNs", () => {
        const p = pack();
        p.analyzeStack([{ name: "a", props: {} }, { name: "b", props: {} }, { name: "c", props: { links: true }, dependsOn: ["a", "b"], bucketFrom: ["b"], parent: "a" }]);
        assert.deepEqual(p.reports, [["thing-stack-require-good", `depends on ${urn("a")} ${urn("b")}; bucket from ${urn("b")}; parent ${urn("a")}`, urn("c")]]);
    });

    it("keeps every finding of a resource, from every policy, in the order found", () => {
        const other: ResourcePolicyDefinition = { ...thing, name: "thing-other-require-good", resourceTypes: [T, "test:index:Other"] };
        const p = pack([thing, other, stackThing]);
        p.analyze({ name: "a", props: { unsure: true } });
        assert.deepEqual(p.reports.map(([policy, m]) => [policy, decodeUndecided(m)]), [
            ["decided-at-apply-report", { policy: "thing-require-good", paths: ["unsure", "other"] }],
            ["decided-at-apply-report", { policy: "thing-other-require-good", paths: ["unsure", "other"] }],
        ]);
        p.reports.length = 0;
        p.analyzeStack([{ name: "a", props: { stackBad: true, region: true } }]);
        assert.deepEqual(p.reports, [["thing-stack-require-good", "stack-bad a", urn("a")], ["thing-stack-require-good", "region none", urn("a")]]);
        // A policy of several types names none of them to the server; a stack policy without a subject type neither.
        assert.equal(p.policies[1].validateResource.__pulumiType, undefined);
        const { policies } = pack([{ ...stackThing, subjectType: undefined }]);
        assert.equal(policies[0].validateStack.__pulumiType, undefined);
    });

    it("fails a stack check closed when it throws", () => {
        const p = pack();
        p.analyzeStack([{ name: "a", props: { stackBoom: true } }]);
        assert.deepEqual(p.reports, [["thing-stack-require-good", "thing-stack-require-good could not judge this resource (odd stack), so it fails closed; report this to the pack's maintainers", undefined]]);
    });

    it("tells the server a report policy has nothing to do while its ledger is empty", () => {
        const p = pack();
        const named = (n: string) => p.policies.find((x) => x.name === n);
        const idle = () => [named("decided-at-apply-report").validateResource.__pulumiType, named("decided-at-apply-stack-report").validateStack.__pulumiType];
        assert.deepEqual(idle(), ["tiered-infra:policies:NothingToDo", "tiered-infra:policies:NothingToDo"]);
        const [thingPolicy] = p.policies;
        thingPolicy.validateResource({ type: T, urn: urn("a"), name: "a", props: { unsure: true }, getConfig: () => ({}) }, () => undefined);
        assert.deepEqual(idle(), [undefined, "tiered-infra:policies:NothingToDo"]);
        const stackPolicy = named("thing-stack-require-good");
        stackPolicy.validateStack({ resources: [{ type: T, urn: urn("a"), name: "a", props: { stackUnsure: true }, dependencies: [], propertyDependencies: {} }], getConfig: () => ({}) }, () => undefined);
        assert.deepEqual(idle(), [undefined, undefined]);
        p.analyzeStack([{ name: "a", props: {} }]);
        assert.deepEqual(idle(), [undefined, "tiered-infra:policies:NothingToDo"]); // the stack report ran last and emptied its ledger
        for (const policy of p.policies) assert.ok(policy.description.length > 10, `${policy.name} has a description`);
    });

    it("forgets, when a new analysis begins, everything kept from the one before (ledgers a disabled report left, the configs of policies that ran)", () => {
        const p = pack();
        const named = (n: string) => p.policies.find((x) => x.name === n);
        const waivedLedgers = () => [named("waived-findings-report").validateResource.__pulumiType, named("waived-stack-findings-report").validateStack.__pulumiType, named("decided-at-apply-report").validateResource.__pulumiType, named("decided-at-apply-stack-report").validateStack.__pulumiType];
        const waiverCheck = () => named("waiver-require-reason-and-expiry").validateStack.__pulumiType;
        p.setConfig({ "thing-require-good": { waivers: [{ resource: "a", reason: "accepted for the pilot", expires: inDays(5) }] }, "thing-stack-require-good": { waivers: [{ resource: "a", reason: "accepted for the pilot", expires: inDays(5) }] } });
        // As if every report policy were disabled: only the two policies run.
        const [thingPolicy, stackPolicy] = p.policies;
        thingPolicy.validateResource({ type: T, urn: urn("a"), name: "a", props: { bad: true, unsure: true }, getConfig: () => ({ waivers: [{ resource: "a", reason: "accepted for the pilot", expires: inDays(5) }] }) }, () => undefined);
        stackPolicy.validateStack({ resources: [{ type: T, urn: urn("a"), name: "a", props: { stackBad: true, stackUnsure: true }, dependencies: [], propertyDependencies: {} }], getConfig: () => ({ waivers: [{ resource: "a", reason: "accepted for the pilot", expires: inDays(5) }] }) }, () => undefined);
        assert.deepEqual(waivedLedgers(), [undefined, undefined, undefined, undefined]);
        assert.equal(waiverCheck(), undefined);
        beginAnalysis(p.policies);
        assert.deepEqual(waivedLedgers(), Array(4).fill("tiered-infra:policies:NothingToDo"));
        assert.equal(waiverCheck(), "tiered-infra:policies:NothingToDo", "no policy has run in this analysis, so no config waiver to check");
        p.setConfig({});
        p.analyzeStack([{ name: "b", props: {} }]);
        assert.deepEqual(p.reports, [], "nothing about a, which this stack does not have");
        beginAnalysis([]); // not the pack's policies: nothing to do
    });

    it("begins a new analysis whenever the server is configured", () => {
        const calls: string[] = [];
        class Server {
            handlers: Record<string, unknown> = {};
            addService(_service: unknown, implementation: Record<string, unknown>) {
                this.handlers = implementation;
            }
        }
        const p = pack();
        beginAnalysisOnConfigure(Server, p.policies);
        p.policies[0].validateResource({ type: T, urn: urn("a"), name: "a", props: { unsure: true }, getConfig: () => ({}) }, () => undefined);
        const server = new Server();
        const analyze = () => "analyzed";
        server.addService("analyzer", { configure: (call: string, done: string) => calls.push(`configure ${call} ${done}`), analyze });
        assert.equal(server.handlers.analyze, analyze);
        const idle = () => p.policies.find((x) => x.name === "decided-at-apply-report").validateResource.__pulumiType;
        assert.equal(idle(), undefined);
        assert.equal((server.handlers.configure as (...a: string[]) => unknown)("req", "cb"), 1);
        assert.deepEqual(calls, ["configure req cb"]);
        assert.equal(idle(), "tiered-infra:policies:NothingToDo");
        // A service without a configure handler is registered as it is.
        const other = { ping: () => "pong" };
        server.addService("other", other);
        assert.equal(server.handlers, other);
    });

    it("tells an undecided finding from a message, and fills only defaults that exist", () => {
        assert.deepEqual([isUndecided({ undecided: "p" }), isUndecided({ undecided: 5 }), isUndecided({}), isUndecided(null), isUndecided("p"), isUndecided(undefined)], [true, false, false, false, false, false]);
        assert.deepEqual(withDefaults({ ...thing, config: { a: { type: "integer", description: "no default" }, b: { type: "boolean", default: false, description: "off" } } }, {}), { b: false });
    });

    it("reads inputs through @pulumi/policy's proxy target, or as they are", () => {
        const target = { a: 1 };
        assert.equal(plainProps({ __getSpecialProxyTarget: target }), target);
        assert.deepEqual(plainProps({ b: 2 }), { b: 2 });
        assert.deepEqual(plainProps(null), {});
        assert.deepEqual(plainProps("x"), {});
        assert.deepEqual(plainProps({ __getSpecialProxyTarget: undefined, c: 3 }), { __getSpecialProxyTarget: undefined, c: 3 });
    });
});
