import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { SecretKeyRef } from "./appTier";
import { COMPONENT_TYPES } from "./types";

/** PgBouncer image (edoburu/pgbouncer, configured by environment variables), pinned; read 2026-11-23. */
export const PGBOUNCER_IMAGE = "edoburu/pgbouncer:v1.25.1-p0";
export const POOLER_PORT = 5432;
/**
 * prometheus-community/pgbouncer_exporter, pinned: v0.12.0, the newest tag seen in public references
 * (read 2026-11-30; metric names from its README @04d7f14f). Port 9127, path /metrics.
 */
export const PGBOUNCER_EXPORTER_IMAGE = "prometheuscommunity/pgbouncer-exporter:v0.12.0";
export const PGBOUNCER_EXPORTER_PORT = 9127;
/** Requests of the exporter sidecar (ours: it reads SHOW POOLS/STATS once a scrape). */
export const PGBOUNCER_EXPORTER_POD = { cpuMillicores: 50, memoryMiB: 32 };

export interface ConnectionPoolerArgs {
    namespace: pulumi.Input<string>;
    /** PostgreSQL primary address and port. */
    databaseHost: pulumi.Input<string>;
    databasePort: number;
    databaseName: string;
    /** Database credentials, by reference only. */
    username: SecretKeyRef;
    password: SecretKeyRef;
    replicas: number;
    /** Client connections each PgBouncer accepts (seed 002: 100 to 500). */
    maxClientConnections: number;
    /** Server connections per database/user pair each PgBouncer opens. */
    defaultPoolSize: number;
    /** Pod requests (= limits). */
    cpuMillicores: number;
    memoryMiB: number;
    nodeSelector?: Record<string, string>;
    /** Run the Prometheus exporter next to each PgBouncer (port `metrics`), for the pool-saturation rules. Default false. */
    metricsExporter?: boolean;
}

/**
 * PgBouncer in transaction mode between the app and PostgreSQL: many short-lived client
 * connections share a small, steady pool of server connections. TLS is required towards RDS
 * (which also forces it); credentials come from a Secret kept in step with Secrets Manager.
 */
export class ConnectionPooler extends pulumi.ComponentResource {
    public readonly host: pulumi.Output<string>;
    public readonly port = POOLER_PORT;

    constructor(name: string, args: ConnectionPoolerArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.connectionPooler, name, {}, opts);
        const labels = { "app.kubernetes.io/name": "pgbouncer", "app.kubernetes.io/part-of": "tiered-infra", "app.kubernetes.io/component": "connection-pooler" };
        const resources = { cpu: `${args.cpuMillicores}m`, memory: `${args.memoryMiB}Mi` };
        const tcpSocket = { port: "pgbouncer" };

        const deployment = new k8s.apps.v1.Deployment(`${name}-pgbouncer`, {
            metadata: { name: "pgbouncer", namespace: args.namespace, labels },
            spec: {
                replicas: args.replicas,
                selector: { matchLabels: labels },
                strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
                template: {
                    metadata: { labels },
                    spec: {
                        automountServiceAccountToken: false,
                        nodeSelector: args.nodeSelector,
                        securityContext: { runAsNonRoot: true, runAsUser: 70, runAsGroup: 70, fsGroup: 70, seccompProfile: { type: "RuntimeDefault" } },
                        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } }],
                        containers: [{
                            name: "pgbouncer",
                            image: PGBOUNCER_IMAGE,
                            ports: [{ name: "pgbouncer", containerPort: POOLER_PORT }],
                            env: [
                                { name: "DB_HOST", value: args.databaseHost },
                                { name: "DB_PORT", value: String(args.databasePort) },
                                { name: "DB_NAME", value: args.databaseName },
                                { name: "DB_USER", valueFrom: { secretKeyRef: { name: args.username.secretName, key: args.username.key } } },
                                { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: args.password.secretName, key: args.password.key } } },
                                { name: "POOL_MODE", value: "transaction" },
                                { name: "MAX_CLIENT_CONN", value: String(args.maxClientConnections) },
                                { name: "DEFAULT_POOL_SIZE", value: String(args.defaultPoolSize) },
                                { name: "AUTH_TYPE", value: "scram-sha-256" },
                                { name: "SERVER_TLS_SSLMODE", value: "require" },
                                { name: "LISTEN_PORT", value: String(POOLER_PORT) },
                                // The exporter reads SHOW POOLS as the database user, which must be a stats user.
                                ...(args.metricsExporter ? [{ name: "STATS_USERS", value: "$(DB_USER)" }] : []),
                            ],
                            resources: { requests: resources, limits: resources },
                            readinessProbe: { tcpSocket, periodSeconds: 5 },
                            livenessProbe: { tcpSocket, periodSeconds: 10, failureThreshold: 3 },
                            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                            // The image renders pgbouncer.ini at start: give it a writable config dir.
                            volumeMounts: [{ name: "config", mountPath: "/etc/pgbouncer" }],
                        }, ...(args.metricsExporter ? [exporterContainer(args)] : [])],
                        volumes: [{ name: "config", emptyDir: {} }],
                    },
                },
            },
        }, { parent: this });

        const service = new k8s.core.v1.Service(`${name}-pgbouncer`, {
            metadata: { name: "pgbouncer", namespace: args.namespace, labels },
            spec: { type: "ClusterIP", selector: labels, ports: [{ name: "pgbouncer", port: POOLER_PORT, targetPort: "pgbouncer" }] },
        }, { parent: this, dependsOn: [deployment] });

        new k8s.policy.v1.PodDisruptionBudget(`${name}-pgbouncer`, {
            metadata: { name: "pgbouncer", namespace: args.namespace, labels },
            spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        }, { parent: this });

        this.host = pulumi.interpolate`${service.metadata.name}.${args.namespace}.svc.cluster.local`;
        this.registerOutputs({ host: this.host });
    }
}

/**
 * The exporter sidecar: it reaches PgBouncer's admin console on localhost as the database user.
 * Kubernetes expands `$(DB_USER)` and `$(DB_PASSWORD)` from the Secret-backed variables above them,
 * so the password never appears in the pod spec.
 */
function exporterContainer(args: ConnectionPoolerArgs) {
    const resources = { cpu: `${PGBOUNCER_EXPORTER_POD.cpuMillicores}m`, memory: `${PGBOUNCER_EXPORTER_POD.memoryMiB}Mi` };
    const metrics = { httpGet: { path: "/metrics", port: "metrics" } };
    return {
        name: "exporter",
        image: PGBOUNCER_EXPORTER_IMAGE,
        ports: [{ name: "metrics", containerPort: PGBOUNCER_EXPORTER_PORT }],
        env: [
            { name: "DB_USER", valueFrom: { secretKeyRef: { name: args.username.secretName, key: args.username.key } } },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: args.password.secretName, key: args.password.key } } },
            { name: "PGBOUNCER_EXPORTER_CONNECTION_STRING", value: `host=localhost port=${POOLER_PORT} dbname=pgbouncer user=$(DB_USER) password=$(DB_PASSWORD) sslmode=disable` },
        ],
        resources: { requests: resources, limits: { memory: `${PGBOUNCER_EXPORTER_POD.memoryMiB * 2}Mi` } },
        readinessProbe: { ...metrics, periodSeconds: 15 },
        livenessProbe: { ...metrics, periodSeconds: 30, failureThreshold: 3 },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
    };
}
