/**
 * The local tier: the same system on one Docker host (seed 002 "Development: Local Docker Compose",
 * laid out as seed 003 does it): nginx on :80 routing `/api/*` to the backend (:12015) and the rest
 * to the frontend (:12016, or the backend when there is none), data stores private to the network,
 * data on named volumes that survive container replacement, secrets generated at deployment and
 * handed to containers as read-only files, never as environment values or stack-file plain text.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { StatefulService } from "../components/statefulService";
import { StackConfig } from "./config";
import { generatedSecretNames, generateSecrets, sizedPreset } from "./system";

/** Pinned images of the local data stores and proxy (Docker Hub official images, read 2026-11-23). */
export const LOCAL_IMAGES = { postgres: "postgres:17", valkey: "valkey/valkey:8.0", nginx: "nginx:1.27-alpine" };

const secretFile = (name: string) => `/run/secrets/${name.toLowerCase()}`;

interface LocalContainerArgs {
    image: string;
    /** `data` stores stay private to the network; `app` and `proxy` are entry points. */
    role: "data" | "app" | "proxy";
    network: docker.Network;
    /** Plain environment. */
    env?: Record<string, pulumi.Input<string>>;
    /** Secrets as files: env `<NAME>_FILE` points at `/run/secrets/<name>`. */
    secrets?: Record<string, pulumi.Output<string>>;
    /** Extra files (e.g. a proxy config). */
    files?: Array<{ file: string; content: pulumi.Input<string> }>;
    ports?: Array<{ internal: number; external: number }>;
    volumes?: Array<{ volume: docker.Volume; path: string }>;
    health: string[];
    command?: string[];
    dependsOn?: pulumi.Resource[];
}

/**
 * One long-running container with a health check, a restart policy and no literal secrets.
 * `alias` is its name on the network; the container itself is `<app>-<alias>` so stacks can share a host.
 */
function localContainer(app: string, alias: string, args: LocalContainerArgs): docker.Container {
    const name = alias === app ? app : `${app}-${alias}`;
    const image = new docker.RemoteImage(`${name}-image`, { name: args.image, keepLocally: true });
    const secrets = Object.entries(args.secrets ?? {});
    return new docker.Container(name, {
        name,
        image: image.imageId,
        restart: "unless-stopped",
        networksAdvanced: [{ name: args.network.name, aliases: [alias] }],
        envs: [
            ...Object.entries(args.env ?? {}).map(([k, v]) => pulumi.interpolate`${k}=${v}`),
            ...secrets.map(([k]) => `${k}_FILE=${secretFile(k)}`),
        ],
        uploads: [
            ...secrets.map(([k, v]) => ({ file: secretFile(k), content: v, permissions: "0444" })),
            ...(args.files ?? []).map((f) => ({ file: f.file, content: f.content })),
        ],
        ports: args.ports,
        volumes: (args.volumes ?? []).map((v) => ({ volumeName: v.volume.name, containerPath: v.path })),
        command: args.command,
        healthcheck: { tests: args.health, interval: "15s", timeout: "5s", retries: 5, startPeriod: "20s" },
        labels: [{ label: "tiered-infra.role", value: args.role }],
    }, { dependsOn: args.dependsOn });
}

function volume(name: string): docker.Volume {
    // Data outlives the container and even `pulumi destroy`: deleting it is a deliberate act.
    return new docker.Volume(name, { name, labels: [{ label: "tiered-infra.backup", value: "daily" }] }, { retainOnDelete: true });
}

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
    const own = [...(cfg.system.database ? ["POSTGRES_PASSWORD"] : []), ...(cfg.system.cache ? ["REDIS_PASSWORD"] : [])];
    const secrets: Record<string, pulumi.Output<string>> = {
        ...Object.fromEntries(Object.entries(cfg.appSecrets).map(([k, v]) => [k, pulumi.secret(v)])),
        ...generateSecrets(app, [...generatedSecretNames(cfg), ...own]),
    };
    const appEnv: Record<string, pulumi.Input<string>> = { ...cfg.app.env, PORT: String(cfg.app.port), CORS_ORIGIN: cfg.corsOrigins.join(",") };
    const appSecrets: Record<string, pulumi.Output<string>> = { ...Object.fromEntries(Object.keys(cfg.appSecrets).map((k) => [k, secrets[k]])) };
    for (const k of cfg.generatedSecrets) appSecrets[k] = secrets[k];
    const ready: pulumi.Resource[] = [];

    if (cfg.system.database) {
        ready.push(localContainer(app, "postgres", {
            image: LOCAL_IMAGES.postgres,
            role: "data",
            network,
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
        ready.push(localContainer(app, "cache", {
            image: LOCAL_IMAGES.valkey,
            role: "data",
            network,
            secrets: { REDIS_PASSWORD: secrets.REDIS_PASSWORD },
            files: [{ file: "/run/secrets/users.acl", content: pulumi.secret(acl) }],
            command: ["valkey-server", "--aclfile", "/run/secrets/users.acl", "--appendonly", "yes"],
            volumes: [{ volume: volume(`${app}-cache-data`), path: "/data" }],
            health: ["CMD-SHELL", `valkey-cli --no-auth-warning -a "$(cat ${secretFile("REDIS_PASSWORD")})" ping | grep -q PONG`],
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

    const health = (port: number, path: string) => ["CMD-SHELL", `curl -fsS http://localhost:${port}${path} || wget -qO- http://localhost:${port}${path} || exit 1`];
    const backend = localContainer(app, app, {
        image: `${cfg.app.image}:${cfg.app.tag}`,
        role: "app",
        network,
        env: appEnv,
        secrets: appSecrets,
        ports: [{ internal: cfg.app.port, external: cfg.localPorts.app }],
        volumes: [{ volume: volume(`${app}-app-data`), path: "/app/data" }],
        health: health(cfg.app.port, cfg.app.healthPath),
        dependsOn: ready,
    });
    const fe = cfg.system.frontend;
    const frontend = fe
        ? localContainer(app, "frontend", {
            image: `${fe.image}:${fe.tag}`,
            role: "app",
            network,
            env: { PORT: String(fe.port), BACKEND_URL: `http://${app}:${cfg.app.port}` },
            ports: [{ internal: fe.port, external: cfg.localPorts.frontend }],
            health: health(fe.port, fe.healthPath),
            dependsOn: [backend],
        })
        : undefined;
    localContainer(app, "proxy", {
        image: LOCAL_IMAGES.nginx,
        role: "proxy",
        network,
        files: [{ file: "/etc/nginx/conf.d/default.conf", content: proxyConfig(`${app}:${cfg.app.port}`, fe ? `frontend:${fe.port}` : `${app}:${cfg.app.port}`) }],
        ports: [{ internal: 80, external: cfg.localPorts.proxy }],
        health: ["CMD-SHELL", "wget -qO- http://localhost/healthz || exit 1"],
        dependsOn: [backend, ...(frontend ? [frontend] : [])],
    });

    return {
        platform: "local",
        url: `http://localhost:${cfg.localPorts.proxy}`,
        backendUrl: `http://localhost:${cfg.localPorts.app}`,
        ...(fe ? { frontendUrl: `http://localhost:${cfg.localPorts.frontend}` } : {}),
        network: network.name,
    };
}
