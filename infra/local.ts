/**
 * The local tier: the same system on one Docker host (seed 002 "Development: Local Docker Compose",
 * laid out as seed 003 does it): nginx on :80 routing `/api/*` to the backend (:12015) and the rest
 * to the frontend (:12016, or the backend when there is none), data stores private to the network,
 * data on named volumes that survive container replacement, secrets generated at deployment and
 * handed to containers as read-only files, never as environment values or stack-file plain text.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { httpHealthCheck, localContainer, LocalContainerArgs, persistentVolume, secretFilePath } from "../components/localContainer";
import { StatefulService } from "../components/statefulService";
import { generateSecrets } from "../components/generatedSecrets";
import {
    GRAFANA_PORT, grafanaDatasources, LOCAL_OBSERVABILITY_IMAGES, LOCAL_RETENTION, localPrometheusConfig, localRules, PROMETHEUS_CONFIG_DIR, PROMETHEUS_PORT,
} from "../components/localObservability";
import { StackConfig } from "./config";
import { generatedSecretNames, sizedPreset } from "./system";

/** Pinned images of the local data stores and proxy (Docker Hub official images, read 2026-11-23). */
export const LOCAL_IMAGES = { postgres: "postgres:17", valkey: "valkey/valkey:8.0", nginx: "nginx:1.27-alpine" };

interface ServiceArgs extends Omit<LocalContainerArgs, "containerName" | "network" | "volumes"> {
    volumes?: Array<{ volume: docker.Volume; path: string }>;
    dependsOn?: pulumi.Resource[];
}

/** A container of this app: `alias` is its name on the network; on the host it is `<app>-<alias>`. */
function service(app: string, network: docker.Network, alias: string, args: ServiceArgs): docker.Container {
    const name = alias === app ? app : `${app}-${alias}`;
    const { volumes, dependsOn, ...rest } = args;
    return localContainer(name, {
        ...rest,
        containerName: name,
        network: { name: network.name, alias },
        volumes: (volumes ?? []).map((v) => ({ volumeName: v.volume.name, path: v.path })),
    }, { dependsOn });
}

/** Data outlives the container and even `pulumi destroy`. */
const volume = (name: string) => persistentVolume(name, name);

/** nginx routing `/api/` to the backend and everything else to the frontend (seed 003). */
export function proxyConfig(backend: string, frontend: string): string {
    return [
        "server {",
        "    listen 80;",
        "    server_tokens off;",
        "    client_max_body_size 50m;",
        "    location = /healthz { access_log off; return 200 'ok'; }",
        `    location /api/ { proxy_pass http://${backend}; proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }`,
        `    location / { proxy_pass http://${frontend}; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; proxy_set_header Host $host; }`,
        "}",
        "",
    ].join("\n");
}

export async function deployLocal(cfg: StackConfig): Promise<Record<string, pulumi.Input<unknown>>> {
    const app = cfg.app.name;
    const network = new docker.Network(`${app}-network`, { name: `${app}-network`, driver: "bridge" });
    const own = [
        ...(cfg.system.database ? ["POSTGRES_PASSWORD"] : []),
        ...(cfg.system.cache ? ["REDIS_PASSWORD"] : []),
        ...(cfg.observability.local ? ["GRAFANA_ADMIN_PASSWORD"] : []),
    ];
    const secrets: Record<string, pulumi.Output<string>> = {
        ...Object.fromEntries(Object.entries(cfg.appSecrets).map(([k, v]) => [k, pulumi.secret(v)])),
        ...generateSecrets(app, [...generatedSecretNames(cfg), ...own]),
    };
    const appEnv: Record<string, pulumi.Input<string>> = { ...cfg.app.env, PORT: String(cfg.app.port), CORS_ORIGIN: cfg.corsOrigins.join(",") };
    const appSecrets: Record<string, pulumi.Output<string>> = { ...Object.fromEntries(Object.keys(cfg.appSecrets).map((k) => [k, secrets[k]])) };
    for (const k of cfg.generatedSecrets) appSecrets[k] = secrets[k];
    const ready: pulumi.Resource[] = [];

    if (cfg.system.database) {
        ready.push(service(app, network, "postgres", {
            image: LOCAL_IMAGES.postgres,
            role: "data",
            env: { POSTGRES_DB: "app", POSTGRES_USER: "app" },
            secrets: { POSTGRES_PASSWORD: secrets.POSTGRES_PASSWORD },
            volumes: [{ volume: volume(`${app}-postgres-data`), path: "/var/lib/postgresql/data" }],
            health: ["CMD-SHELL", "pg_isready -U app -d app"],
        }));
        Object.assign(appEnv, { DATABASE_HOST: "postgres", DATABASE_PORT: "5432", DATABASE_NAME: "app", DATABASE_USER: "app" });
        appSecrets.DATABASE_PASSWORD = secrets.POSTGRES_PASSWORD;
    }
    if (cfg.system.cache) {
        const acl = pulumi.interpolate`user default on >${secrets.REDIS_PASSWORD} ~* &* +@all\n`;
        ready.push(service(app, network, "cache", {
            image: LOCAL_IMAGES.valkey,
            role: "data",
            secrets: { REDIS_PASSWORD: secrets.REDIS_PASSWORD },
            files: [{ file: "/run/secrets/users.acl", content: pulumi.secret(acl) }],
            command: ["valkey-server", "--aclfile", "/run/secrets/users.acl", "--appendonly", "yes"],
            volumes: [{ volume: volume(`${app}-cache-data`), path: "/data" }],
            health: ["CMD-SHELL", `valkey-cli --no-auth-warning -a "$(cat ${secretFilePath("REDIS_PASSWORD")})" ping | grep -q PONG`],
        }));
        Object.assign(appEnv, { REDIS_HOST: "cache", REDIS_PORT: "6379", REDIS_TLS: "false" });
        appSecrets.REDIS_PASSWORD = secrets.REDIS_PASSWORD;
    }
    for (const name of cfg.system.statefulServices) {
        const preset = { ...sizedPreset(cfg, name), replicas: 1 };
        ready.push(new StatefulService(`${app}-${name}`, { ...preset, runtime: { kind: "docker", networkName: network.name, namePrefix: app, secretValues: secrets } }));
        appEnv[preset.urlEnv] = `http://${preset.serviceName}:${preset.ports[0].port}`;
        Object.assign(appEnv, preset.appEnv ?? {});
        for (const [env, secret] of Object.entries(preset.appSecretEnv ?? {})) appSecrets[env] = secrets[secret];
    }

    const backend = service(app, network, app, {
        image: `${cfg.app.image}:${cfg.app.tag}`,
        role: "app",
        env: appEnv,
        secrets: appSecrets,
        ports: [{ internal: cfg.app.port, external: cfg.localPorts.app }],
        volumes: [{ volume: volume(`${app}-app-data`), path: "/app/data" }],
        health: httpHealthCheck(cfg.app.port, cfg.app.healthPath),
        dependsOn: ready,
    });
    const fe = cfg.system.frontend;
    const frontend = fe
        ? service(app, network, "frontend", {
            image: `${fe.image}:${fe.tag}`,
            role: "app",
            env: { PORT: String(fe.port), BACKEND_URL: `http://${app}:${cfg.app.port}` },
            ports: [{ internal: fe.port, external: cfg.localPorts.frontend }],
            health: httpHealthCheck(fe.port, fe.healthPath),
            dependsOn: [backend],
        })
        : undefined;
    service(app, network, "proxy", {
        image: LOCAL_IMAGES.nginx,
        role: "proxy",
        files: [{ file: "/etc/nginx/conf.d/default.conf", content: proxyConfig(`${app}:${cfg.app.port}`, fe ? `frontend:${fe.port}` : `${app}:${cfg.app.port}`) }],
        ports: [{ internal: 80, external: cfg.localPorts.proxy }],
        health: ["CMD-SHELL", "wget -qO- http://localhost/healthz || exit 1"],
        dependsOn: [backend, ...(frontend ? [frontend] : [])],
    });

    if (cfg.observability.local) monitoring(app, network, cfg, secrets.GRAFANA_ADMIN_PASSWORD);

    return {
        platform: "local",
        url: `http://localhost:${cfg.localPorts.proxy}`,
        backendUrl: `http://localhost:${cfg.localPorts.app}`,
        ...(fe ? { frontendUrl: `http://localhost:${cfg.localPorts.frontend}` } : {}),
        ...(cfg.observability.local ? { grafanaUrl: `http://localhost:${cfg.localPorts.grafana}`, prometheusUrl: `http://localhost:${cfg.localPorts.prometheus}` } : {}),
        network: network.name,
    };
}

/**
 * Prometheus (with the rules that apply on one host) and Grafana (Prometheus provisioned as its data
 * source), both published on 127.0.0.1 only: admin consoles are for this machine. Grafana's admin
 * password is generated and handed over as a file (GF_SECURITY_ADMIN_PASSWORD__FILE), never as an
 * environment value.
 */
function monitoring(app: string, network: docker.Network, cfg: StackConfig, grafanaPassword: pulumi.Output<string>): void {
    const rules = { poolerMaxClientConnections: cfg.sizing.pooler.maxClientConnections, poolerDefaultPoolSize: cfg.sizing.pooler.defaultPoolSize };
    const prometheus = service(app, network, "prometheus", {
        image: LOCAL_OBSERVABILITY_IMAGES.prometheus,
        role: "data",
        files: [
            { file: `${PROMETHEUS_CONFIG_DIR}/prometheus.yml`, content: localPrometheusConfig() },
            { file: `${PROMETHEUS_CONFIG_DIR}/rules.yml`, content: localRules(rules) },
        ],
        command: [`--config.file=${PROMETHEUS_CONFIG_DIR}/prometheus.yml`, "--storage.tsdb.path=/prometheus", `--storage.tsdb.retention.time=${LOCAL_RETENTION}`],
        volumes: [{ volume: volume(`${app}-prometheus-data`), path: "/prometheus" }],
        ports: [{ internal: PROMETHEUS_PORT, external: cfg.localPorts.prometheus, ip: "127.0.0.1" }],
        health: ["CMD-SHELL", `wget -qO- http://localhost:${PROMETHEUS_PORT}/-/healthy || exit 1`],
    });
    const passwordFile = "/run/secrets/grafana_admin_password";
    service(app, network, "grafana", {
        image: LOCAL_OBSERVABILITY_IMAGES.grafana,
        role: "app",
        env: { GF_SECURITY_ADMIN_USER: "admin", GF_SECURITY_ADMIN_PASSWORD__FILE: passwordFile, GF_USERS_ALLOW_SIGN_UP: "false", GF_AUTH_ANONYMOUS_ENABLED: "false" },
        files: [
            { file: passwordFile, content: pulumi.secret(grafanaPassword) },
            { file: "/etc/grafana/provisioning/datasources/prometheus.yaml", content: grafanaDatasources() },
        ],
        volumes: [{ volume: volume(`${app}-grafana-data`), path: "/var/lib/grafana" }],
        ports: [{ internal: GRAFANA_PORT, external: cfg.localPorts.grafana, ip: "127.0.0.1" }],
        health: httpHealthCheck(GRAFANA_PORT, "/api/health"),
        dependsOn: [prometheus],
    });
}
