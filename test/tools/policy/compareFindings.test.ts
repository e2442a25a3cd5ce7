import { strict as assert } from "assert";
import { compareFindings, withoutAmounts } from "../../../tools/policy/compareFindings";
import { Finding } from "../../../tools/policy/evaluate";

const finding = (policy: string, message: string, urn = "urn:pulumi:s::p::aws:ec2/securityGroup:SecurityGroup::web"): Finding => ({
    policy, level: "mandatory", severity: "high", message, urn, resourceName: urn.split("::").pop()!, resourceType: "t", waived: false, location: { file: "components/x.ts", line: 1 },
});
const messages = (fs: Finding[]) => fs.map((f) => f.message);

describe("findings of a change (new, fixed, still open)", () => {
    it("keeps a budget finding whose amounts moved as the same finding", () => {
        const base = [finding("stack-budget", "estimated $4,110.37/month exceeds the budget of $4,000.00 (2.8% over); largest items: pg $772.40")];
        const head = [finding("stack-budget", "estimated $4,310.00/month exceeds the budget of $4,000.00 (7.8% over); largest items: pg $972.40")];
        const c = compareFindings(base, head);
        assert.deepEqual([c.added.length, c.fixed.length, messages(c.open)], [0, 0, messages(head)]);
    });

    it("calls a newly exposed port a new finding and the old one fixed (ports, CIDRs and counts are the finding)", () => {
        const base = [finding("ec2-security-group-no-public-data-ports", "ingress from 0.0.0.0/0 reaches data/admin port(s) 22")];
        const head = [finding("ec2-security-group-no-public-data-ports", "ingress from 0.0.0.0/0 reaches data/admin port(s) 5432")];
        const c = compareFindings(base, head);
        assert.deepEqual([messages(c.added), messages(c.fixed), c.open.length], [messages(head), messages(base), 0]);
        const cidr = compareFindings([finding("p", "ingress from 10.0.0.0/8 reaches port 80")], [finding("p", "ingress from 0.0.0.0/0 reaches port 80")]);
        assert.equal(cidr.added.length, 1);
    });

    it("counts repeated identical findings one for one", () => {
        const same = finding("p", "port 8080 is published on 0.0.0.0");
        const c = compareFindings([same], [same, same]);
        assert.deepEqual([c.added.length, c.fixed.length, c.open.length], [1, 0, 1]);
    });

    it("replaces only money and percentages", () => {
        assert.equal(withoutAmounts("$1,234.50 and -$3 and 12.5% on port 22 of 10.0.0.0/8"), "$# and $# and #% on port 22 of 10.0.0.0/8");
    });
});
