import { strict as assert } from "assert";
import { datedChanges } from "../../../core/cost/datedChanges";
import { tierEstimate } from "./tierEstimates";

const cluster = (version: string) => ({ urn: "urn:pulumi:t::p::aws:eks/cluster:Cluster::eks", type: "aws:eks/cluster:Cluster", inputs: { version }, name: "eks", home: "us-east-1" });

describe("dated price changes", () => {
    it("lists the end of standard support of the pinned Kubernetes version, with the extended-support price", () => {
        const [change] = datedChanges([cluster("1.35")], "2026-11-30");
        assert.equal(change.date, "2027-03-27");
        assert.equal(change.monthlyDelta, 365); // ($0.60 - $0.10) x 730
        assert.match(change.what, /Kubernetes 1\.35 leaves EKS standard support: control plane \$0\.1\/h -> \$0\.6\/h/);
        assert.deepEqual(datedChanges([cluster("1.33")], "2026-11-30"), [], "1.33 is already in extended support: priced so today");
    });

    it("shows the medium stack's coming change", async () => {
        const cost = await tierEstimate("medium");
        assert.deepEqual(cost.datedChanges.map((d) => [d.date, d.resource, d.monthlyDelta]), [["2027-03-27", "web-medium-eks", 365]]);
    });
});
