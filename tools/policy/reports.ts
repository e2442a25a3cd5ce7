/**
 * Policy reports for people and CI: grouped text, SARIF 2.1.0 (code-scanning uploads), JUnit XML
 * (test dashboards) and Markdown (a pull-request comment).
 */
import type { Log, ReportingDescriptor, Result } from "sarif";
import { STACK_FILE_POLICY } from "./stackFileScan";
import { AnalyzerInfo, PolicyInfo } from "./analyzer";
import { allFindings, Finding, mandatoryCount, PolicyResult } from "./evaluate";

const STACK_FILE_RULE: PolicyInfo = {
    name: STACK_FILE_POLICY,
    description: "Stack files hold no secret in plain text: secret-looking keys are `secure:` values.",
    level: "mandatory",
    severity: "critical",
    remediation: "Remove the value and set it with `pulumi config set --secret <key> <value>`; rotate it, since it was committed.",
    tags: ["secrets"],
};

function rulesOf(info: AnalyzerInfo): PolicyInfo[] {
    return [...info.policies, STACK_FILE_RULE];
}

function label(f: Finding): string {
    return f.waived ? "waived" : f.level;
}

/** Violations grouped by policy, with resource, level and remediation. */
export function textReport(result: PolicyResult, info: AnalyzerInfo): string[] {
    const findings = allFindings(result);
    const lines: string[] = [];
    const rules = new Map(rulesOf(info).map((r) => [r.name, r]));
    const byPolicy = new Map<string, Finding[]>();
    for (const f of findings) byPolicy.set(f.policy, [...(byPolicy.get(f.policy) ?? []), f]);
    const order = (fs: Finding[]) => (fs.some((f) => f.level === "mandatory" && !f.waived) ? 0 : fs.some((f) => !f.waived) ? 1 : 2);
    const policies = [...byPolicy.entries()].sort((a, b) => order(a[1]) - order(b[1]) || a[0].localeCompare(b[0]));
    lines.push(`Policies (${info.name}@${info.version}${result.configFile ? `, config ${result.configFile}` : ""}):`);
    if (policies.length === 0) lines.push("  no violations");
    for (const [policy, fs] of policies) {
        const rule = rules.get(policy);
        lines.push(`  [${label(fs[0])}] ${policy}${rule ? ` (${rule.severity})` : ""}`);
        for (const f of fs) lines.push(`      ${f.waived ? "(waived) " : ""}${f.resourceName} (${f.resourceType || "stack"}): ${f.message}`);
        if (rule?.remediation && fs.some((f) => !f.waived)) lines.push(`      fix: ${rule.remediation}`);
    }
    const counts = countLevels(findings);
    lines.push(`  ${mandatoryCount(result)} mandatory, ${counts.advisory} advisory, ${counts.waived} waived`);
    return lines;
}

function countLevels(findings: Finding[]) {
    return {
        mandatory: findings.filter((f) => f.level === "mandatory" && !f.waived).length,
        advisory: findings.filter((f) => f.level === "advisory" && !f.waived).length,
        waived: findings.filter((f) => f.waived).length,
    };
}

const SARIF_LEVEL = { mandatory: "error", advisory: "warning", remediate: "error", disabled: "none" } as const;

/** One SARIF log for all planned stacks: one run of the pack, a result per finding. */
export function sarifReport(results: PolicyResult[], info: AnalyzerInfo): Log {
    const rules = rulesOf(info);
    const index = new Map(rules.map((r, i) => [r.name, i]));
    const descriptors: ReportingDescriptor[] = rules.map((r) => ({
        id: r.name,
        name: r.name,
        shortDescription: { text: r.description },
        fullDescription: { text: r.description },
        help: { text: r.remediation || r.description },
        defaultConfiguration: { level: SARIF_LEVEL[r.level] ?? "warning", enabled: r.level !== "disabled" },
        properties: { severity: r.severity, enforcementLevel: r.level, tags: r.tags },
    }));
    const sarifResults: Result[] = results.flatMap((res) =>
        allFindings(res).map((f) => ({
            ruleId: f.policy,
            ruleIndex: index.get(f.policy) ?? -1,
            level: (f.waived ? "note" : SARIF_LEVEL[f.level] ?? "warning") as Result["level"],
            message: { text: f.message },
            locations: [
                f.urn
                    ? { logicalLocations: [{ fullyQualifiedName: f.urn, name: f.resourceName, kind: "resource" }] }
                    : { physicalLocation: { artifactLocation: { uri: f.resourceName } } },
            ],
            ...(f.waived ? { suppressions: [{ kind: "external" as const, status: "accepted" as const, justification: f.message }] } : {}),
            properties: { stack: res.stack, enforcementLevel: f.level, severity: f.severity, resourceType: f.resourceType },
        })).map((r) => (r.ruleIndex < 0 ? { ...r, ruleIndex: undefined } : r)),
    );
    return {
        version: "2.1.0",
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [{
            tool: { driver: { name: info.name, version: info.version, informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/", rules: descriptors } },
            results: sarifResults,
            properties: { stacks: results.map((r) => r.stack) },
        }],
    };
}

function xml(s: string): string {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** JUnit XML: a suite per stack, a test case per policy; mandatory findings fail their case. */
export function junitReport(results: PolicyResult[], info: AnalyzerInfo): string {
    const rules = rulesOf(info);
    const suites = results.map((res) => {
        const findings = allFindings(res);
        const cases = rules.map((rule) => {
            const fs = findings.filter((f) => f.policy === rule.name);
            const failing = fs.filter((f) => f.level === "mandatory" && !f.waived);
            const notes = fs.filter((f) => !(f.level === "mandatory" && !f.waived));
            const body = [
                failing.length ? `<failure message="${xml(`${failing.length} mandatory violation(s)`)}" type="mandatory">${xml(failing.map((f) => `${f.resourceName}: ${f.message}`).join("\n"))}</failure>` : "",
                notes.length ? `<system-out>${xml(notes.map((f) => `[${label(f)}] ${f.resourceName}: ${f.message}`).join("\n"))}</system-out>` : "",
            ].join("");
            return `    <testcase classname="${xml(`${info.name}.${res.stack}`)}" name="${xml(rule.name)}">${body}</testcase>`;
        });
        const failures = rules.filter((rule) => findings.some((f) => f.policy === rule.name && f.level === "mandatory" && !f.waived)).length;
        return `  <testsuite name="${xml(`policies ${res.stack}`)}" tests="${rules.length}" failures="${failures}" errors="0">\n${cases.join("\n")}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(info.name)}">\n${suites.join("\n")}\n</testsuites>\n`;
}

/** Markdown for a pull-request comment: a summary table, then what blocks, then the rest folded. */
export function markdownReport(results: PolicyResult[], info: AnalyzerInfo): string {
    const rules = new Map(rulesOf(info).map((r) => [r.name, r]));
    const out: string[] = [`### Policy check: ${info.name}@${info.version}`, "", "| stack | mandatory | advisory | waived | result |", "|---|---:|---:|---:|---|"];
    for (const res of results) {
        const c = countLevels(allFindings(res));
        const m = mandatoryCount(res);
        out.push(`| ${res.stack} | ${m} | ${c.advisory} | ${c.waived} | ${m ? "❌ blocked" : "✅ passes"} |`);
    }
    for (const res of results) {
        const findings = allFindings(res);
        const blocking = findings.filter((f) => f.level === "mandatory" && !f.waived);
        if (blocking.length) {
            out.push("", `#### ${res.stack}: blocking`, "", "| policy | resource | finding | fix |", "|---|---|---|---|");
            for (const f of blocking) out.push(`| \`${f.policy}\` | \`${f.resourceName}\` | ${f.message.replace(/\|/g, "\\|")} | ${(rules.get(f.policy)?.remediation ?? "").replace(/\|/g, "\\|")} |`);
        }
        const rest = findings.filter((f) => !(f.level === "mandatory" && !f.waived));
        if (rest.length) {
            out.push("", `<details><summary>${res.stack}: ${rest.length} advisory or waived finding(s)</summary>`, "");
            for (const f of rest) out.push(`- **${label(f)}** \`${f.policy}\` on \`${f.resourceName}\`: ${f.message}`);
            out.push("", "</details>");
        }
    }
    return out.join("\n") + "\n";
}
