/**
 * The local tier's optional monitoring (`tiered-infra:observability.local: true`): Prometheus with
 * the alert rules that apply on one Docker host, and Grafana with Prometheus as its data source.
 * Configuration as data; infra/local.ts runs the containers through the one Docker runtime
 * (components/localContainer.ts).
 */
import YAML from "yaml";
import { RuleSizing, rulesYaml } from "./prometheusRules";

/**
 * Pinned images (Docker Hub official images; the newest tags seen in public compose files,
 * read 2026-11-30): prom/prometheus v3.7.3, grafana/grafana 12.3.1.
 */
export const LOCAL_OBSERVABILITY_IMAGES = { prometheus: "prom/prometheus:v3.7.3", grafana: "grafana/grafana:12.3.1" };
export const PROMETHEUS_PORT = 9090;
export const GRAFANA_PORT = 3000;
/** Local samples are kept two weeks: enough to compare before and after a change. */
export const LOCAL_RETENTION = "15d";

export const PROMETHEUS_CONFIG_DIR = "/etc/prometheus";

/** prometheus.yml: itself and Grafana, scraped every 15 s, with the local alert rules. */
export function localPrometheusConfig(): string {
    return YAML.stringify({
        global: { scrape_interval: "15s", evaluation_interval: "15s" },
        rule_files: [`${PROMETHEUS_CONFIG_DIR}/rules.yml`],
        scrape_configs: [
            { job_name: "prometheus", static_configs: [{ targets: [`localhost:${PROMETHEUS_PORT}`] }] },
            { job_name: "grafana", static_configs: [{ targets: [`grafana:${GRAFANA_PORT}`] }] },
        ],
    });
}

/**
 * The rules of prometheusRules.ts whose metrics exist locally. The Kubernetes, PgBouncer and volume
 * rules need kube-state-metrics, the kubelet and the PgBouncer exporter, which a Docker host does not run.
 */
export function localRules(sizing: RuleSizing): string {
    return rulesYaml(sizing, "local");
}

/** Grafana provisioning: Prometheus on the Docker network as the default data source. */
export function grafanaDatasources(): string {
    return YAML.stringify({
        apiVersion: 1,
        datasources: [{ name: "Prometheus", type: "prometheus", access: "proxy", url: `http://prometheus:${PROMETHEUS_PORT}`, isDefault: true, editable: false }],
    });
}
