import { strict as assert } from "assert";
import YAML from "yaml";
import { scrapeConfiguration } from "../../components/managedPrometheus";
import { alertmanagerDefinition, alertRules, RECORDING_RULES, rulesYaml, SCRAPE_JOBS } from "../../components/prometheusRules";

const sizing = { poolerMaxClientConnections: 250, poolerDefaultPoolSize: 40 };

describe("Prometheus rules and routing", () => {
    it("writes a rules file Prometheus reads: recordings, then alerts each with a duration, a severity and a summary", () => {
        const doc = YAML.parse(rulesYaml(sizing, "kubernetes"));
        assert.deepEqual(doc.groups.map((g: any) => g.name), ["tiered-infra-records", "tiered-infra"]);
        const records = doc.groups[0].rules.map((r: any) => r.record);
        for (const name of records) assert.match(name, /^[a-z_]+:[a-z_]+:[a-z_]+$/, "level:metric:operation");
        // Every recording is used by an alert (a recorded series nobody reads is a billed series for nothing).
        for (const name of records) assert.ok(doc.groups[1].rules.some((r: any) => r.expr.includes(name)), `${name} is used`);
        for (const r of doc.groups[1].rules) {
            assert.match(r.for, /^\d+[smh]$/, r.alert);
            assert.ok(["critical", "warning"].includes(r.labels.severity), r.alert);
            assert.ok(r.annotations.summary.length > 10, r.alert);
            // Balanced brackets: a cheap guard against a broken expression.
            for (const [open, close] of [["(", ")"], ["{", "}"], ["[", "]"]]) assert.equal(r.expr.split(open).length, r.expr.split(close).length, `${r.alert}: ${open}${close}`);
        }
        assert.deepEqual([...new Set(doc.groups[1].rules.map((r: any) => r.alert))], [
            "KubePodCrashLooping", "KubeHpaMaxedOut", "PersistentVolumeFillingUp", "PgBouncerDown", "PgBouncerClientsWaiting", "PgBouncerClientSaturation", "PgBouncerServerPoolFull", "ScrapeTargetDown",
        ]);
    });

    it("sizes the PgBouncer thresholds from the tier's pooler", () => {
        const rule = (s: typeof sizing, name: string) => alertRules(s).find((r) => r.alert === name)!.expr;
        assert.match(rule(sizing, "PgBouncerClientSaturation"), /^pod:pgbouncer_client_connections:sum > 200$/);
        assert.match(rule({ ...sizing, poolerMaxClientConnections: 500 }, "PgBouncerClientSaturation"), / > 400$/);
        assert.match(rule(sizing, "PgBouncerServerPoolFull"), / >= 40$/);
    });

    it("selects on the jobs the scraper defines, and keeps only the series the rules read", () => {
        const scrape = YAML.parse(scrapeConfiguration(60));
        const jobs = scrape.scrape_configs.map((j: any) => j.job_name);
        assert.deepEqual(jobs, Object.values(SCRAPE_JOBS));
        const kept = scrape.scrape_configs.map((j: any) => new RegExp(`^(${j.metric_relabel_configs[0].regex})$`));
        const used = [...alertRules(sizing), ...RECORDING_RULES].flatMap((r) => [...r.expr.matchAll(/(?<![:\w])(kube_[a-z_]+|kubelet_[a-z_]+|pgbouncer_[a-z_]+)(?![:\w])/g)].map((m) => m[1]));
        for (const metric of new Set(used)) assert.ok(kept.some((re: RegExp) => re.test(metric)), `${metric} is read by a rule but dropped by the scraper`);
    });

    it("keeps only the rules whose metrics exist on a Docker host for the local tier", () => {
        const local = YAML.parse(rulesYaml(sizing, "local")).groups[0].rules.map((r: any) => r.alert);
        assert.deepEqual(local, ["ScrapeTargetDown"]);
    });

    it("routes critical alerts to the critical topic and the rest to the warning topic, signing for the region", () => {
        const def = YAML.parse(alertmanagerDefinition("eu-west-1", { critical: "arn:c", warning: "arn:w" }));
        const am = YAML.parse(def.alertmanager_config);
        assert.equal(am.route.receiver, "warning");
        assert.deepEqual(am.route.routes, [{ matchers: ['severity="critical"'], receiver: "critical" }]);
        assert.deepEqual(am.receivers.map((r: any) => [r.name, r.sns_configs[0].topic_arn, r.sns_configs[0].sigv4.region]), [["critical", "arn:c", "eu-west-1"], ["warning", "arn:w", "eu-west-1"]]);
    });
});
