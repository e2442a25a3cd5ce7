/**
 * Waivers in process (policies/waivers.ts): how a waiver is read from tags, annotations and Docker
 * labels, when one counts (reason length, expiry date boundaries) and which resource a config
 * waiver reaches. Every expected value is written out here, never taken from the module.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../core/plan/previewJson";
import { resourceWaivers, todayUtc, Waiver, waiverProblem, waiversFor } from "../../policies/waivers";

const POLICY = "aws-rds-instance-require-multi-az";
const URN = "urn:pulumi:test::tiered-infra::aws:rds/instance:Instance::web-pg";
const subject = (props: Record<string, any>) => ({ type: "aws:rds/instance:Instance", urn: URN, name: "web-pg", props });

/** A waiver as declared, with `today` fixed so the date boundaries are exact. */
const problem = (expires: string, reason = "single-AZ until the Q3 migration", from: Waiver["from"] = "tag", today = "2026-03-01") => waiverProblem({ expires, reason, from }, today);

describe("waivers (in process)", () => {
    describe("read from a resource", () => {
        it("reads a tag, an annotation and a Docker label, each under its own prefix", () => {
            const r = subject({
                tags: { "tiered-infra:waive:policy-a": "2026-04-01: reason for the tag", Name: "web-pg", "waive.tiered-infra.io/policy-x": "2026-04-01: annotation prefix on a tag" },
                metadata: { annotations: { "waive.tiered-infra.io/policy-b": "2026-04-02: reason for the annotation", "tiered-infra:waive:policy-y": "2026-04-02: tag prefix on an annotation" } },
                labels: [
                    { label: "waive.tiered-infra.io/policy-c", value: "2026-04-03: reason for the label" },
                    { label: "tiered-infra:waive:policy-z", value: "2026-04-03: tag prefix on a label" },
                    { label: "com.example.other", value: "2026-04-03: not a waiver" },
                ],
            });
            assert.deepEqual(resourceWaivers(r), [
                { policy: "policy-a", reason: "reason for the tag", expires: "2026-04-01", from: "tag" },
                { policy: "policy-b", reason: "reason for the annotation", expires: "2026-04-02", from: "annotation" },
                { policy: "policy-c", reason: "reason for the label", expires: "2026-04-03", from: "label" },
            ]);
        });

        it("accepts a colon, semicolon, comma, dash or nothing between date and reason, and spaces around them", () => {
            const tags = {
                "tiered-infra:waive:p1": "2026-04-01: colon",
                "tiered-infra:waive:p2": "2026-04-01;semicolon",
                "tiered-infra:waive:p3": "2026-04-01 , comma",
                "tiered-infra:waive:p4": "2026-04-01 - dash",
                "tiered-infra:waive:p5": "2026-04-01 nothing",
                "tiered-infra:waive:p6": "  2026-04-01:   spaces  ",
            };
            assert.deepEqual(resourceWaivers(subject({ tags })).map((w) => [w.policy, w.expires, w.reason]), [
                ["p1", "2026-04-01", "colon"],
                ["p2", "2026-04-01", "semicolon"],
                ["p3", "2026-04-01", "comma"],
                ["p4", "2026-04-01", "dash"],
                ["p5", "2026-04-01", "nothing"],
                ["p6", "2026-04-01", "spaces"],
            ]);
        });

        it("keeps a value without a leading date whole as the reason, with no expiry", () => {
            const tags = {
                "tiered-infra:waive:p1": " no date at all ",
                "tiered-infra:waive:p2": "until 2026-04-01: date not first",
                "tiered-infra:waive:p3": "26-04-01: short year",
                "tiered-infra:waive:p4": "2026-4-1: one-digit month and day",
                "tiered-infra:waive:p5": "2026-04-01: a reason\nover two lines",
            };
            assert.deepEqual(resourceWaivers(subject({ tags })).map((w) => [w.policy, w.expires, w.reason]), [
                ["p1", "", "no date at all"],
                ["p2", "", "until 2026-04-01: date not first"],
                ["p3", "", "26-04-01: short year"],
                ["p4", "", "2026-4-1: one-digit month and day"],
                ["p5", "", "2026-04-01: a reason\nover two lines"], // read as no date: the waiver fails closed
            ]);
        });

        it("reads a value known only at apply as a waiver without a date, and a missing value as empty", () => {
            const r = subject({ tags: { "tiered-infra:waive:p1": UNKNOWN_MARKER, "tiered-infra:waive:p2": null }, labels: [{ label: "waive.tiered-infra.io/p3" }] });
            assert.deepEqual(resourceWaivers(r), [
                { policy: "p1", reason: "(known only at apply)", expires: "", from: "tag" },
                { policy: "p2", reason: "", expires: "", from: "tag" },
                { policy: "p3", reason: "", expires: "", from: "label" },
            ]);
        });

        it("reads nothing from tags or annotations that are not objects, labels that are not a list, or labels without a string name", () => {
            const odd = [
                { tags: ["tiered-infra:waive:p1"] },
                { tags: "tiered-infra:waive:p1=2026-04-01: text" },
                { tags: null },
                { metadata: { annotations: [["waive.tiered-infra.io/p1", "2026-04-01: in a list"]] } },
                { metadata: UNKNOWN_MARKER },
                { labels: { "waive.tiered-infra.io/p1": "2026-04-01: a map, not a list" } },
                { labels: [null, "waive.tiered-infra.io/p1", { label: 7, value: "2026-04-01: numeric name" }, { value: "2026-04-01: no name" }] },
            ];
            for (const props of odd) assert.deepEqual(resourceWaivers(subject(props)), [], JSON.stringify(props));
        });
    });

    describe("when a waiver counts", () => {
        // today is 2026-03-01; 2027 is no leap year, so 365 days ahead is 2027-03-01.
        it("counts from today until 365 days ahead, and not a day outside", () => {
            assert.equal(problem("2026-02-28"), "expired on 2026-02-28"); // yesterday
            assert.equal(problem("2026-03-01"), undefined); // today
            assert.equal(problem("2026-03-02"), undefined); // tomorrow
            assert.equal(problem("2027-03-01"), undefined); // 365 days
            assert.equal(problem("2027-03-02"), "expires 2027-03-02, more than 365 days ahead"); // 366 days
            assert.equal(problem("2025-12-31"), "expired on 2025-12-31");
        });

        it("measures a year in days, not calendar years: 365 days from 2028-01-01 (a leap year) is 2028-12-31", () => {
            assert.equal(problem("2028-12-31", undefined, "tag", "2028-01-01"), undefined);
            assert.equal(problem("2029-01-01", undefined, "tag", "2028-01-01"), "expires 2029-01-01, more than 365 days ahead");
        });

        it("takes today's UTC date by default", () => {
            const today = new Date().toISOString().slice(0, 10);
            assert.equal(todayUtc(), today);
            assert.match(todayUtc(), /^\d{4}-\d{2}-\d{2}$/);
            const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
            assert.equal(waiverProblem({ expires: today, reason: "valid through today", from: "tag" }), undefined);
            assert.equal(waiverProblem({ expires: yesterday, reason: "expired yesterday", from: "tag" }), `expired on ${yesterday}`);
        });

        it("needs a reason of at least 10 characters", () => {
            assert.equal(problem("2026-04-01", "123456789"), "has no reason (at least 10 characters saying why)");
            assert.equal(problem("2026-04-01", "1234567890"), undefined);
            assert.equal(problem("2026-04-01", ""), "has no reason (at least 10 characters saying why)");
        });

        it("needs a real YYYY-MM-DD date, and shows how each kind of waiver writes one", () => {
            const tagFormat = 'has no valid expiry date (expected "YYYY-MM-DD: reason", got expires ';
            assert.equal(problem(""), `${tagFormat}"")`);
            assert.equal(problem("2026-13-01"), `${tagFormat}"2026-13-01")`); // the shape is right, the month is not
            assert.equal(problem("2026-4-1"), `${tagFormat}"2026-4-1")`);
            // A day the month does not have is no date (Date.parse alone would roll it into March).
            assert.equal(problem("2026-02-30"), `${tagFormat}"2026-02-30")`);
            assert.equal(problem("2026-04-31"), `${tagFormat}"2026-04-31")`);
            assert.equal(problem("2028-02-29", undefined, "tag", "2027-06-01"), undefined, "a leap day is a real day");
            assert.equal(problem("next quarter"), `${tagFormat}"next quarter")`);
            assert.equal(problem(" 2026-04-01"), `${tagFormat}" 2026-04-01")`);
            assert.equal(problem("2026-04-01", undefined, "annotation"), undefined);
            assert.equal(problem("soon", undefined, "annotation"), 'has no valid expiry date (expected "YYYY-MM-DD: reason", got expires "soon")');
            assert.equal(problem("soon", undefined, "label"), 'has no valid expiry date (expected "YYYY-MM-DD: reason", got expires "soon")');
            assert.equal(
                problem("soon", undefined, "config"),
                'has no valid expiry date (expected { "resource": "<URN or name>", "reason": "...", "expires": "YYYY-MM-DD" }, got expires "soon")',
            );
        });

        it("judges the date before the reason, and the reason before the expiry", () => {
            assert.equal(problem("soon", "short"), 'has no valid expiry date (expected "YYYY-MM-DD: reason", got expires "soon")');
            assert.equal(problem("2020-01-01", "short"), "has no reason (at least 10 characters saying why)");
        });
    });

    describe("which waivers reach a resource", () => {
        const tagged = subject({ tags: { [`tiered-infra:waive:${POLICY}`]: "2026-04-01: single-AZ until the Q3 migration", "tiered-infra:waive:other-policy": "2026-04-01: waives another policy" } });
        const config = [
            { resource: URN, reason: "named by URN", expires: "2026-05-01" },
            { resource: "web-pg", reason: "named by name", expires: "2026-05-02" },
            { resource: "web-pg-replica", reason: "another resource", expires: "2026-05-03" },
            { resource: "urn:pulumi:test::tiered-infra::aws:rds/instance:Instance::web", reason: "another URN", expires: "2026-05-04" },
        ];

        it("takes the resource's own waivers of that policy and the config waivers naming its URN or name", () => {
            assert.deepEqual(waiversFor(POLICY, tagged, config), [
                { policy: POLICY, reason: "single-AZ until the Q3 migration", expires: "2026-04-01", from: "tag" },
                { policy: POLICY, resource: URN, reason: "named by URN", expires: "2026-05-01", from: "config" },
                { policy: POLICY, resource: "web-pg", reason: "named by name", expires: "2026-05-02", from: "config" },
            ]);
        });

        it("gives another resource none of them", () => {
            const other = { type: "aws:rds/instance:Instance", urn: "urn:pulumi:test::tiered-infra::aws:rds/instance:Instance::web-cache", name: "web-cache", props: {} };
            assert.deepEqual(waiversFor(POLICY, other, config), []);
            assert.deepEqual(waiversFor(POLICY, tagged), [{ policy: POLICY, reason: "single-AZ until the Q3 migration", expires: "2026-04-01", from: "tag" }]);
            assert.deepEqual(waiversFor("no-such-policy", tagged, []), []);
        });
    });
});
