/**
 * Resilience policies (policies/rules/resilience.ts) in process: Multi-AZ, cache failover, replica
 * minimums at, below and above (directly or through an HPA), PodDisruptionBudgets and selectors.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, Subject } from "../../../policies/definitions";
import { cacheFailover, disruptionBudgets, minReplicas, rdsMultiAz, selects } from "../../../policies/rules/resilience";
import { stackSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const DEP = "kubernetes:apps/v1:Deployment";
const STS = "kubernetes:apps/v1:StatefulSet";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const res = stackSubject;
const workload = (name: string, replicas?: unknown, type = DEP, ns: unknown = "web", labels: unknown = { app: name }) =>
    res(type, name, { metadata: { name, namespace: ns }, spec: { ...(replicas === undefined ? {} : { replicas }), template: { metadata: { labels } } } });
const hpa = (name: string, target: string, min: unknown, max: unknown, kind = "Deployment", ns = "web") =>
    res(HPA, name, { metadata: { name, namespace: ns }, spec: { scaleTargetRef: { kind, name: target }, minReplicas: min, maxReplicas: max } });
const pdb = (name: string, selector: unknown, spec: Record<string, unknown> = { maxUnavailable: 1 }, ns: unknown = "web") => res(PDB, name, { metadata: { name, namespace: ns }, spec: { selector, ...spec } });
const PROD = { production: true, minReplicas: 3, minStatefulSetReplicas: 2 };

describe("resilience policies (checks)", () => {
    it("RDS primaries run Multi-AZ in production; replicas and development stacks are exempt", () => {
        const check = (props: Record<string, any>, production = true): Finding[] => rdsMultiAz.check({ type: "aws:rds/instance:Instance", urn: "u", name: "db", props } as Subject, { production });
        assert.deepEqual(check({ multiAz: true }), []);
        assert.deepEqual(check({ multiAz: false }), ["multiAz is off on a production primary"]);
        assert.deepEqual(check({}), ["multiAz is off on a production primary"]);
        assert.deepEqual(check({ multiAz: false, replicateSourceDb: "db" }), []);
        assert.deepEqual(check({ multiAz: false }, false), []);
        assert.deepEqual(check({ multiAz: U }), [{ undecided: "multiAz" }]);
    });

    it("caches: at, below and above the node minimum; replicas fail over across AZs", () => {
        const check = (props: Record<string, any>, c: { production: boolean; minNodes: number } = { production: true, minNodes: 2 }): Finding[] =>
            cacheFailover.check({ type: "aws:elasticache/replicationGroup:ReplicationGroup", urn: "u", name: "c", props } as Subject, c);
        const failover = { automaticFailoverEnabled: true, multiAzEnabled: true };
        assert.deepEqual(check({ numCacheClusters: 2, ...failover }), []);
        assert.deepEqual(check({ numCacheClusters: 3, ...failover }), []);
        assert.deepEqual(check({ numCacheClusters: 1 }), ["1 node(s), below 2"]);
        assert.deepEqual(check({}), ["1 node(s), below 2"]);
        assert.deepEqual(check({}, { production: true, minNodes: 1 }), []);
        assert.deepEqual(check({ numCacheClusters: 2, automaticFailoverEnabled: true }), ["replicas without automatic Multi-AZ failover"]);
        assert.deepEqual(check({ numCacheClusters: 2, multiAzEnabled: true }), ["replicas without automatic Multi-AZ failover"]);
        assert.deepEqual(check({ numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: U }), [{ undecided: "automaticFailoverEnabled/multiAzEnabled" }]);
        assert.deepEqual(check({ numCacheClusters: U }), [{ undecided: "numCacheClusters" }]);
        assert.deepEqual(check({ numCacheClusters: 1 }, { production: false, minNodes: 2 }), []);
    });

    describe("replica minimums", () => {
        it("Deployments and StatefulSets at, below and above their own minimum; unset replicas are 1", () => {
            const ws = [workload("at", 3), workload("below", 2), workload("above", 4), workload("unset"), workload("sts-at", 2, STS), workload("sts-below", 1, STS)];
            assert.deepEqual(minReplicas.checkStack(ws, PROD), [
                { urn: ws[1].urn, message: "2 replica(s), below 3" },
                { urn: ws[3].urn, message: "1 replica(s), below 3" },
                { urn: ws[5].urn, message: "1 replica(s), below 2" },
            ]);
            assert.deepEqual(minReplicas.checkStack(ws, { ...PROD, production: false }), []);
        });

        it("an autoscaled workload counts its HPA's minReplicas (default 1), linked by target or dependency", () => {
            const a = workload("a");
            const b = workload("b", 5);
            const c = workload("c");
            const h = [hpa("a-hpa", "a", 3, 10), hpa("b-hpa", "b", 2, 10), res(HPA, "c-hpa", { metadata: { namespace: "web" }, spec: { scaleTargetRef: { kind: "Deployment", name: U }, maxReplicas: 5 } }, { dependencies: [c.urn] })];
            assert.deepEqual(minReplicas.checkStack([a, b, c, ...h], PROD), [
                { urn: b.urn, message: "2 replica(s) (minReplicas of HPA b-hpa), below 3" },
                { urn: c.urn, message: "1 replica(s) (minReplicas of HPA c-hpa), below 3" },
            ]);
        });

        it("an HPA for another kind, name or namespace does not count", () => {
            const a = workload("a", 1);
            const others = [hpa("kind", "a", 5, 10, "StatefulSet"), hpa("name", "b", 5, 10), hpa("ns", "a", 5, 10, "Deployment", "other")];
            assert.deepEqual(minReplicas.checkStack([a, ...others], PROD), [{ urn: a.urn, message: "1 replica(s), below 3" }]);
            const byDependencyWrongKind = res(HPA, "dep", { metadata: { namespace: "web" }, spec: { scaleTargetRef: { kind: "StatefulSet", name: U }, minReplicas: 5 } }, { dependencies: [a.urn] });
            assert.deepEqual(minReplicas.checkStack([a, byDependencyWrongKind], PROD), [{ urn: a.urn, message: "1 replica(s), below 3" }]);
            const unnamespaced = res(DEP, "d", { metadata: { name: "d" }, spec: { replicas: 1 } });
            assert.deepEqual(minReplicas.checkStack([unnamespaced, hpa("d-hpa", "d", 3, 5, "Deployment", "default")], PROD), []);
        });

        it("links an HPA whose target name is unknown only through the engine's dependencies, never by the unknown name", () => {
            const w = res(DEP, "w", { metadata: { name: U, namespace: "web" }, spec: { replicas: 1 } });
            const byName = res(HPA, "h", { metadata: { namespace: "web" }, spec: { scaleTargetRef: { kind: "Deployment", name: U }, minReplicas: 3 } });
            assert.deepEqual(minReplicas.checkStack([w, byName], PROD), [{ urn: w.urn, message: "1 replica(s), below 3" }]);
            const byProperty = res(HPA, "p", { metadata: { namespace: "web" }, spec: { scaleTargetRef: { kind: "Deployment", name: U }, minReplicas: 3 } }, { propertyDependencies: { spec: [w.urn] } });
            assert.deepEqual(minReplicas.checkStack([w, byProperty], PROD), []);
            for (const kind of [U, undefined]) {
                const h = res(HPA, "k", { metadata: { namespace: "web" }, spec: { scaleTargetRef: { kind, name: U }, minReplicas: 3 } }, { dependencies: [w.urn] });
                assert.deepEqual(minReplicas.checkStack([w, h], PROD), [], String(kind));
            }
        });

        it("is undecided on unknown replicas", () => {
            const a = workload("a", U);
            const b = workload("b");
            assert.deepEqual(minReplicas.checkStack([a, b, hpa("b-hpa", "b", U, 5)], PROD), [{ urn: a.urn, undecided: "spec.replicas" }, { urn: b.urn, undecided: "b-hpa: spec.minReplicas" }]);
        });
    });

    describe("selectors", () => {
        it("matchLabels and matchExpressions are ANDed; null selects nothing, empty everything", () => {
            const l = { app: "web", tier: "front" };
            assert.equal(selects(undefined, l), false);
            assert.equal(selects(null, l), false);
            assert.equal(selects({}, l), true);
            assert.equal(selects({ matchLabels: { app: "web" } }, l), true);
            assert.equal(selects({ matchLabels: { app: "web", tier: "back" } }, l), false);
            assert.equal(selects({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["front", "x"] }] }, l), true);
            assert.equal(selects({ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["back"] }] }, l), false);
        });

        it("knows each operator", () => {
            const l = { app: "web" };
            const e = (operator: string, key = "app", values: unknown = ["web"]) => selects({ matchExpressions: [{ key, operator, values }] }, l);
            assert.deepEqual([e("In"), e("In", "app", ["api"]), e("In", "zone")], [true, false, false]);
            assert.deepEqual([e("NotIn"), e("NotIn", "app", ["api"]), e("NotIn", "zone")], [false, true, true]);
            assert.deepEqual([e("Exists"), e("Exists", "zone")], [true, false]);
            assert.deepEqual([e("DoesNotExist"), e("DoesNotExist", "zone")], [false, true]);
            assert.equal(e("Gt"), false);
            assert.equal(e("Gt", "zone"), false);
        });

        it("is unknown only where an unknown decides", () => {
            const l = { app: "web" };
            assert.equal(selects(U, l), "unknown");
            assert.equal(selects({ matchLabels: { app: "web" } }, U), "unknown");
            assert.equal(selects({ matchLabels: { app: U } }, l), "unknown");
            assert.equal(selects({ matchLabels: { app: "web" } }, { app: U }), "unknown");
            assert.equal(selects({ matchLabels: { app: U, tier: "x" } }, l), false);
            assert.equal(selects({ matchExpressions: U }, l), "unknown");
            assert.equal(selects({ matchExpressions: [{ key: U, operator: "Exists" }] }, l), "unknown");
            assert.equal(selects({ matchExpressions: [{ key: "app", operator: U, values: ["web"] }] }, l), "unknown");
            assert.equal(selects({ matchExpressions: [{ key: "app", operator: "In", values: [U] }] }, l), "unknown");
            assert.equal(selects({ matchExpressions: [{ key: "app", operator: "In", values: U }] }, l), "unknown");
            assert.equal(selects({ matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] }, { app: U }), "unknown");
        });

        it("In / NotIn with some values unknown: a known value that matches decides, and so does an absent label", () => {
            const l = { app: "web" };
            const e = (operator: string, values: unknown[], key = "app") => selects({ matchExpressions: [{ key, operator, values }] }, l);
            assert.deepEqual([e("In", ["web", U]), e("In", [U, "web"]), e("In", ["api", U]), e("In", [U]), e("In", ["web", U], "zone")], [true, true, "unknown", "unknown", false]);
            assert.deepEqual([e("NotIn", ["web", U]), e("NotIn", ["api", U]), e("NotIn", ["web", U], "zone")], [false, "unknown", true]);
            // Other operators take no values: an unknown one there stays undecided, as before.
            assert.deepEqual([e("Exists", [U]), e("DoesNotExist", [U]), e("Exists", [U], "zone"), e("DoesNotExist", [U], "zone")], ["unknown", "unknown", "unknown", "unknown"]);
            // The expression that decides is still ANDed with the rest.
            assert.equal(selects({ matchLabels: { app: "web" }, matchExpressions: [{ key: "app", operator: "In", values: ["web", U] }, { key: "tier", operator: "In", values: ["back"] }] }, { app: "web", tier: "front" }), false);
        });
    });

    describe("disruption budgets", () => {
        it("a workload of more than one replica needs a PDB in its namespace that selects its pods", () => {
            const ws = [workload("covered", 3), workload("wrong-labels", 3), workload("other-ns", 3), workload("single", 1), workload("unset")];
            const pdbs = [pdb("p1", { matchLabels: { app: "covered" } }), pdb("p2", { matchLabels: { app: "nope" } }), pdb("p3", { matchLabels: { app: "other-ns" } }, { maxUnavailable: 1 }, "elsewhere")];
            assert.deepEqual(disruptionBudgets.checkStack([...ws, ...pdbs], { production: true }), [
                { urn: ws[1].urn, message: "wrong-labels has no PodDisruptionBudget" },
                { urn: ws[2].urn, message: "other-ns has no PodDisruptionBudget" },
            ]);
            assert.deepEqual(disruptionBudgets.checkStack(ws, { production: false }), []);
        });

        it("counts an HPA's maxReplicas: a workload that may scale out needs one too", () => {
            const a = workload("a", 1);
            assert.deepEqual(disruptionBudgets.checkStack([a, hpa("a-hpa", "a", 1, 3)], { production: true }), [{ urn: a.urn, message: "a has no PodDisruptionBudget" }]);
            assert.deepEqual(disruptionBudgets.checkStack([a, hpa("a-hpa", "a", 1, 1)], { production: true }), []);
            assert.deepEqual(disruptionBudgets.checkStack([a, hpa("a-hpa", "a", 1, U)], { production: true }), [{ urn: a.urn, undecided: "spec.maxReplicas of its HPA" }]);
            const b = workload("b", U);
            assert.deepEqual(disruptionBudgets.checkStack([b], { production: true }), [{ urn: b.urn, undecided: "spec.replicas" }]);
        });

        it("flags a PDB that allows no eviction, in each spelling", () => {
            const a = workload("a", 3);
            for (const spec of [{ maxUnavailable: 0 }, { maxUnavailable: "0" }, { maxUnavailable: "0%" }, { minAvailable: "100%" }]) {
                const p = pdb("p", { matchLabels: { app: "a" } }, spec);
                assert.deepEqual(disruptionBudgets.checkStack([a, p], { production: true }), [{ urn: p.urn, message: "p allows no voluntary eviction (maxUnavailable 0 or minAvailable 100%): node drains and upgrades hang" }], JSON.stringify(spec));
            }
            for (const spec of [{ maxUnavailable: 1 }, { maxUnavailable: "25%" }, { minAvailable: 2 }, { minAvailable: "50%" }]) {
                assert.deepEqual(disruptionBudgets.checkStack([a, pdb("p", { matchLabels: { app: "a" } }, spec)], { production: true }), [], JSON.stringify(spec));
            }
            const unknownMax = pdb("p", { matchLabels: { app: "a" } }, { maxUnavailable: U });
            assert.deepEqual(disruptionBudgets.checkStack([a, unknownMax], { production: true }), [{ urn: unknownMax.urn, undecided: "spec.maxUnavailable" }]);
            const unknownSpec = pdb("p", { matchLabels: { app: "a" } }, { minAvailable: U });
            assert.deepEqual(disruptionBudgets.checkStack([a, unknownSpec], { production: true }), [{ urn: unknownSpec.urn, undecided: "spec.minAvailable" }]);
        });

        it("is undecided when an unknown selector or namespace might cover the workload", () => {
            const a = workload("a", 3);
            const maybe = [{ urn: a.urn, undecided: "a PodDisruptionBudget's selector or namespace" }];
            assert.deepEqual(disruptionBudgets.checkStack([a, pdb("p", U)], { production: true }), maybe);
            assert.deepEqual(disruptionBudgets.checkStack([a, pdb("p", { matchLabels: { app: "a" } }, { maxUnavailable: 1 }, U)], { production: true }), maybe);
            const unknownNs = workload("a", 3, DEP, U);
            assert.deepEqual(disruptionBudgets.checkStack([unknownNs, pdb("p", { matchLabels: { app: "x" } })], { production: true }), [{ urn: unknownNs.urn, undecided: "a PodDisruptionBudget's selector or namespace" }]);
            // A selector In [a, <unknown>] already selects pod label app=a; In [b, <unknown>] might.
            const withIn = (values: unknown[]) => pdb("p", { matchExpressions: [{ key: "app", operator: "In", values }] });
            assert.deepEqual(disruptionBudgets.checkStack([a, withIn(["a", U])], { production: true }), []);
            assert.deepEqual(disruptionBudgets.checkStack([a, withIn(["b", U])], { production: true }), maybe);
            assert.deepEqual(disruptionBudgets.checkStack([a, withIn(["b", "c"])], { production: true }), [{ urn: a.urn, message: "a has no PodDisruptionBudget" }]);
            // A PDB that surely selects it wins over one that might.
            assert.deepEqual(disruptionBudgets.checkStack([a, pdb("p", U), pdb("q", { matchLabels: { app: "a" } })], { production: true }), []);
            // Namespaces default to "default".
            assert.deepEqual(disruptionBudgets.checkStack([workload("a", 3, DEP, ""), pdb("p", { matchLabels: { app: "a" } }, { maxUnavailable: 1 }, null)], { production: true }), []);
        });
    });
});
