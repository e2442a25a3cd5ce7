/**
 * Policy reports for people and CI: grouped text, SARIF 2.1.0 (GitHub code scanning), JUnit XML
 * (test dashboards) and Markdown (a pull-request comment). Paths in every report are relative to the
 * project root; nothing names the machine that ran it.
 */
import { createHash } from "crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { AnalyzerInfo, PolicyInfo } from "./analyzer";
import { allFindings, Finding, mandatoryCount, PolicyResult, TOOL_RULES } from "./evaluate";

function rulesOf(info: AnalyzerInfo): PolicyInfo[] {
    return [...info.policies, ...TOOL_RULES];
}

function label(f: Finding): string {
    return f.waived ? "waived" : f.level;
}

/** A group's header: its most severe finding that is not waived decides; `waived` only when all are. */
function groupLabel(fs: Finding[]): string {
    const open = fs.filter((f) => !f.waived);
    if (open.some((f) => f.level === "mandatory")) return "mandatory";
    return open.length ? open[0].level : "waived";
}

function where(f: Finding): string {
    return f.urn ? `${f.resourceName} (${f.resourceType})` : `${f.location.file}:${f.location.line}`;
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
        lines.push(`  [${groupLabel(fs)}] ${policy}${rule ? ` (${rule.severity})` : ""}`);
        for (const f of [...fs].sort((a, b) => Number(a.waived) - Number(b.waived))) lines.push(`      ${f.waived ? "(waived) " : ""}${where(f)}: ${f.message}`);
        if (rule?.remediation && fs.some((f) => !f.waived)) lines.push(`      fix: ${rule.remediation}`);
    }
    const counts = countLevels(findings);
    lines.push(`  ${mandatoryCount(result)} mandatory, ${counts.advisory} advisory, ${counts.waived} waived`);
    return lines;
}

export function countLevels(findings: Finding[]) {
    return {
        mandatory: findings.filter((f) => f.level === "mandatory" && !f.waived).length,
        advisory: findings.filter((f) => f.level === "advisory" && !f.waived).length,
        waived: findings.filter((f) => f.waived).length,
    };
}

const SARIF_LEVEL = { mandatory: "error", advisory: "warning", remediate: "error", disabled: "none" } as const;

/**
 * GitHub's security-severity bands (critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9),
 * one value inside each band ("SARIF support for code scanning", GitHub docs, read 2026-11-30).
 */
export const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** SARIF's run category for code scanning: one analysis, replaced on each upload of the same branch. */
export const SARIF_CATEGORY = "tiered-infra/policies/";

/**
 * A fingerprint that stays the same while the finding does: rule, stack, resource (or file) and the
 * message with its figures removed (a budget finding's amount changes every run), so GitHub keeps
 * one alert per finding across pushes instead of closing and reopening it.
 */
function fingerprint(stack: string, f: Finding): string {
    const identity = [f.policy, stack, f.urn || `${f.location.file}`, f.message.replace(/[\d.,$]+/g, "#")].join("\u0000");
    return `${createHash("sha256").update(identity).digest("hex").slice(0, 32)}:1`;
}

/**
 * One SARIF log for all checked stacks, as GitHub code scanning accepts it: every result has a
 * physical location (relative path and line) and a stable fingerprint; rules carry
 * `security-severity` and tags. Waived findings are left out: GitHub does not honour SARIF
 * suppressions and would open them as alerts (they stay in the text, JUnit and Markdown reports).
 */
export function sarifReport(results: PolicyResult[], info: AnalyzerInfo): Log {
    const rules = rulesOf(info);
    const index = new Map(rules.map((r, i) => [r.name, i]));
    const descriptors: ReportingDescriptor[] = rules.map((r) => ({
        id: r.name,
        name: r.name,
        shortDescription: { text: r.description },
        fullDescription: { text: r.description },
        help: { text: r.remediation || r.description, markdown: `**${r.name}** (${r.severity}, ${r.level})\n\n${r.description}\n\n**Fix:** ${r.remediation || r.description}` },
        defaultConfiguration: { level: SARIF_LEVEL[r.level] === "none" ? "note" : SARIF_LEVEL[r.level] ?? "warning", enabled: r.level !== "disabled" },
        properties: {
            tags: ["security", "pulumi", ...r.tags].slice(0, 20),
            precision: "high",
            ...(SECURITY_SEVERITY[r.severity] ? { "security-severity": SECURITY_SEVERITY[r.severity] } : {}),
            severity: r.severity,
            enforcementLevel: r.level,
        },
    }));
    const sarifResults: Result[] = results.flatMap((res) =>
        allFindings(res).filter((f) => !f.waived && f.level !== "disabled").map((f): Result => ({
            ruleId: f.policy,
            ...(index.has(f.policy) ? { ruleIndex: index.get(f.policy) } : {}),
            level: SARIF_LEVEL[f.level] === "none" ? "note" : (SARIF_LEVEL[f.level] ?? "warning"),
            message: { text: `[${res.stack}] ${f.urn ? `${f.resourceName} (${f.resourceType}): ` : ""}${f.message}` },
            locations: [{
                physicalLocation: { artifactLocation: { uri: f.location.file }, region: { startLine: f.location.line } },
                ...(f.urn ? { logicalLocations: [{ fullyQualifiedName: f.urn, name: f.resourceName, kind: "resource" }] } : {}),
            }],
            partialFingerprints: { primaryLocationLineHash: fingerprint(res.stack, f) },
            properties: { stack: res.stack, enforcementLevel: f.level, severity: f.severity, resourceType: f.resourceType },
        })),
    );
    return {
        version: "2.1.0",
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [{
            tool: { driver: { name: info.name, semanticVersion: info.version, version: info.version, informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/", rules: descriptors } },
            automationDetails: { id: SARIF_CATEGORY },
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
                failing.length ? `<failure message="${xml(`${failing.length} mandatory violation(s)`)}" type="mandatory">${xml(failing.map((f) => `${where(f)}: ${f.message} (${f.location.file}:${f.location.line})`).join("\n"))}</failure>` : "",
                notes.length ? `<system-out>${xml(notes.map((f) => `[${label(f)}] ${where(f)}: ${f.message}`).join("\n"))}</system-out>` : "",
            ].join("");
            return `    <testcase classname="${xml(`${info.name}.${res.stack}`)}" name="${xml(rule.name)}">${body}</testcase>`;
        });
        const failures = rules.filter((rule) => findings.some((f) => f.policy === rule.name && f.level === "mandatory" && !f.waived)).length;
        return `  <testsuite name="${xml(`policies ${res.stack}`)}" tests="${rules.length}" failures="${failures}" errors="0">\n${cases.join("\n")}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(info.name)}">\n${suites.join("\n")}\n</testsuites>\n`;
}

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
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
            for (const f of blocking) out.push(`| \`${f.policy}\` | \`${f.resourceName}\` | ${cell(f.message)} | ${cell(rules.get(f.policy)?.remediation ?? "")} |`);
        }
        const rest = findings.filter((f) => !(f.level === "mandatory" && !f.waived));
        if (rest.length) {
            out.push("", `<details><summary>${res.stack}: ${rest.length} advisory or waived finding(s)</summary>`, "");
            for (const f of rest) out.push(`- **${label(f)}** \`${f.policy}\` on \`${f.resourceName}\`: ${cell(f.message)}`);
            out.push("", "</details>");
        }
    }
    return out.join("\n") + "\n";
}
