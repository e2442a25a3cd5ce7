import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { LOCAL_ROLE_LABEL } from "../core/labels";

/**
 * The one Docker runtime of the local tier: every local container (app, frontend, proxy, data
 * stores, stateful presets) is created here, so they share one convention for health checks,
 * restarts, labels and secrets.
 *
 * Secrets are never environment values: each becomes a file `/run/secrets/<name>` (lower case) and
 * the container gets `<NAME>_FILE` pointing at it, the convention of the official images
 * (POSTGRES_PASSWORD_FILE, DOCKER_INFLUXDB_INIT_PASSWORD_FILE) and of the apps here. Files are mode
 * 0444: Docker writes uploads as root, and images that drop to a non-root user (valkey, influxdb)
 * must still read them; the file exists only inside that one container.
 */
export const LOCAL_SECRET_FILE_MODE = "0444";

/** Label on volumes whose data a backup job should copy (the tier's "daily" volume backups). */
export const LOCAL_BACKUP_LABEL = "tiered-infra.backup";

export type LocalRole = "data" | "app" | "proxy";

export function secretFilePath(name: string): string {
    return `/run/secrets/${name.toLowerCase()}`;
}

export interface LocalContainerArgs {
    /** Container name on the host: `<app>-<service>`, so two stacks can share a Docker host. */
    containerName: string;
    /** Image reference with its pinned tag. */
    image: string;
    role: LocalRole;
    /** Docker network and the container's name on it (what other containers connect to). */
    network: { name: pulumi.Input<string>; alias: string };
    /** Plain environment. */
    env?: Record<string, pulumi.Input<string>>;
    /** Secrets, by env name: each becomes `/run/secrets/<name>` and `<NAME>_FILE` (see above). */
    secrets?: Record<string, pulumi.Input<string>>;
    /** Extra files (e.g. a proxy config). Secret content stays secret (`pulumi.secret`). */
    files?: Array<{ file: string; content: pulumi.Input<string> }>;
    /** Ports published on the host; `ip` limits one to an address (127.0.0.1: this machine only). Default: none. */
    ports?: Array<{ internal: number; external: number; ip?: string }>;
    volumes?: Array<{ volumeName: pulumi.Input<string>; path: string }>;
    /** Health check command (Docker's `CMD-SHELL` form). */
    health: string[];
    /** Seconds a slow starter gets before failed checks count. Default 20. */
    healthStartSeconds?: number;
    command?: string[];
    /** Memory limit in MiB. Default: none. */
    memoryMiB?: number;
    /** Extra labels. */
    labels?: Record<string, string>;
    /** Pulumi name of the image resource. Default `<name>-image`. */
    imageResourceName?: string;
}

/**
 * One long-running container with a health check, a restart policy, a role label and no literal
 * secrets. `name` is its Pulumi resource name.
 */
export function localContainer(name: string, args: LocalContainerArgs, opts: pulumi.CustomResourceOptions = {}): docker.Container {
    const image = new docker.RemoteImage(args.imageResourceName ?? `${name}-image`, { name: args.image, keepLocally: true }, { parent: opts.parent, provider: opts.provider });
    const secrets = Object.entries(args.secrets ?? {});
    return new docker.Container(name, {
        name: args.containerName,
        image: image.imageId,
        restart: "unless-stopped",
        networksAdvanced: [{ name: args.network.name, aliases: [args.network.alias] }],
        envs: [
            ...Object.entries(args.env ?? {}).map(([k, v]) => pulumi.interpolate`${k}=${v}`),
            ...secrets.map(([k]) => `${k}_FILE=${secretFilePath(k)}`),
        ],
        uploads: [
            ...secrets.map(([k, v]) => ({ file: secretFilePath(k), content: pulumi.secret(v), permissions: LOCAL_SECRET_FILE_MODE })),
            ...(args.files ?? []).map((f) => ({ file: f.file, content: f.content })),
        ],
        ports: args.ports,
        volumes: (args.volumes ?? []).map((v) => ({ volumeName: v.volumeName, containerPath: v.path })),
        command: args.command,
        memory: args.memoryMiB,
        healthcheck: { tests: args.health, interval: "15s", timeout: "5s", retries: 5, startPeriod: `${args.healthStartSeconds ?? 20}s` },
        labels: Object.entries({ ...(args.labels ?? {}), [LOCAL_ROLE_LABEL]: args.role }).map(([label, value]) => ({ label, value })),
    }, opts);
}

/** A named volume whose data outlives the container and even `pulumi destroy`: deleting it is a deliberate act. */
export function persistentVolume(resourceName: string, volumeName: string, opts: pulumi.CustomResourceOptions = {}): docker.Volume {
    return new docker.Volume(resourceName, { name: volumeName, labels: [{ label: LOCAL_BACKUP_LABEL, value: "daily" }] }, { ...opts, retainOnDelete: true });
}

/** An HTTP health check that works whether the image ships curl or only busybox wget. */
export function httpHealthCheck(port: number, path: string): string[] {
    return ["CMD-SHELL", `curl -fsS http://localhost:${port}${path} || wget -qO- http://localhost:${port}${path} || exit 1`];
}
