import { strict as assert } from "assert";
import { priceOf } from "../../../core/cost/catalog";
import { datedChanges } from "../../../core/cost/datedChanges";

const cluster = (version: string | undefined, name = "eks", home = "us-east-1") => ({
    urn: `urn:pulumi:t::p::aws:eks/cluster:Cluster::${name}`, type: "aws:eks/cluster:Cluster", inputs: version === undefined ? {} : { version }, name, home,
});
const SOURCE = "core/kubernetesVersions.ts (endoflife.date/amazon-eks, read 2026-11-23); prices: ";

describe("dated price changes", () => {
    it("lists the end of standard support of the pinned Kubernetes version, with the extended-support price", () => {
        assert.deepEqual(datedChanges([cluster("1.35")], "2026-11-30"), [{
            date: "2027-03-27",
            what: "Kubernetes 1.35 leaves EKS standard support: control plane $0.1/h -> $0.6/h (extended support) until the cluster is upgraded",
            resource: "eks",
            monthlyDelta: 365, // ($0.60 - $0.10) x 730
            source: SOURCE + priceOf("us-east-1", "eks.controlPlane.extended")!.source,
        }]);
        assert.deepEqual(datedChanges([cluster("1.33")], "2026-11-30"), [], "1.33 is already in extended support: priced so today");
    });

    it("lists the change the day before and on its date, not the day after (the estimate prices extended support from then)", () => {
        const dates = (today: string) => datedChanges([cluster("1.34")], today).map((d) => d.date);
        assert.deepEqual([dates("2026-12-01"), dates("2026-12-02"), dates("2026-12-03")], [["2026-12-02"], ["2026-12-02"], []]);
    });

    it("lists clusters only, soonest first, and skips a version it does not know or none", () => {
        const other = { ...cluster("1.34"), type: "aws:eks/nodeGroup:NodeGroup" };
        const changes = datedChanges([cluster("1.35", "late"), other, cluster("1.34", "soon"), cluster("1.20", "old"), cluster(undefined, "unpinned")], "2026-11-30");
        assert.deepEqual(changes.map((d) => [d.resource, d.date]), [["soon", "2026-12-02"], ["late", "2027-03-27"]]);
    });

    it("says 'unpriced' and gives no delta in a region without the control-plane prices", () => {
        const [change] = datedChanges([cluster("1.35", "eks", "sa-east-1")], "2026-11-30");
        assert.equal(change.what, "Kubernetes 1.35 leaves EKS standard support: control plane unpriced/h -> unpriced/h (extended support) until the cluster is upgraded");
        assert.equal(change.monthlyDelta, null);
        assert.equal(change.source, SOURCE + "none in the catalog");
    });
});
