/**
 * The stateful services the seed systems use, as data: one generic StatefulService runs each of them
 * on Kubernetes or Docker. Images are pinned; sizes are the defaults for stacks that do not size them
 * through the tier table (the vector DB's come from the tier row).
 */
import type { StatefulServiceSpec } from "./statefulService";

export const STATEFUL_PRESET_NAMES = ["chroma", "influxdb", "dgraph"] as const;
export type StatefulPresetName = (typeof STATEFUL_PRESET_NAMES)[number];

export interface StatefulPreset extends StatefulServiceSpec {
    /** Environment variable the app reads the service's URL from. */
    urlEnv: string;
    /** Secrets generated at deployment for this service (names in the app's secret store). */
    generatedSecrets?: string[];
    /** Secrets the app itself needs from this service (app env name -> secret name). */
    appSecretEnv?: Record<string, string>;
    /** Plain env the app needs to talk to the service (e.g. organisation and bucket names). */
    appEnv?: Record<string, string>;
}

export const STATEFUL_PRESETS: Record<StatefulPresetName, StatefulPreset> = {
    // Seed 002 vector database. chromadb/chroma on Docker Hub, read 2026-11-23.
    chroma: {
        serviceName: "chroma",
        image: "chromadb/chroma",
        tag: "1.5.9",
        ports: [{ name: "http", port: 8000 }],
        healthPath: "/api/v2/heartbeat",
        replicas: 1,
        cpuMillicores: 1000,
        memoryMiB: 2048,
        storage: { sizeGiB: 20, mountPath: "/data" },
        env: { IS_PERSISTENT: "TRUE", PERSIST_DIRECTORY: "/data", ANONYMIZED_TELEMETRY: "FALSE" },
        urlEnv: "VECTOR_DB_URL",
    },
    // Seed 000 time-series store: InfluxDB 2 with a `sensor_data` bucket kept 30 days. The image sets
    // itself up from DOCKER_INFLUXDB_INIT_* (and their *_FILE forms for secrets). influxdb on Docker
    // Hub, read 2026-11-23.
    influxdb: {
        serviceName: "influxdb",
        image: "influxdb",
        tag: "2.7",
        ports: [{ name: "http", port: 8086 }],
        healthPath: "/health",
        replicas: 1,
        cpuMillicores: 1000,
        memoryMiB: 2048,
        storage: { sizeGiB: 20, mountPath: "/var/lib/influxdb2" },
        env: {
            DOCKER_INFLUXDB_INIT_MODE: "setup",
            DOCKER_INFLUXDB_INIT_USERNAME: "admin",
            DOCKER_INFLUXDB_INIT_ORG: "predictive-maintenance",
            DOCKER_INFLUXDB_INIT_BUCKET: "sensor_data",
            DOCKER_INFLUXDB_INIT_RETENTION: "30d",
        },
        secretEnv: { DOCKER_INFLUXDB_INIT_PASSWORD: "INFLUXDB_ADMIN_PASSWORD", DOCKER_INFLUXDB_INIT_ADMIN_TOKEN: "INFLUX_TOKEN" },
        urlEnv: "INFLUX_URL",
        generatedSecrets: ["INFLUXDB_ADMIN_PASSWORD", "INFLUX_TOKEN"],
        appSecretEnv: { INFLUX_TOKEN: "INFLUX_TOKEN" },
        appEnv: { INFLUX_ORG: "predictive-maintenance", INFLUX_BUCKET: "sensor_data" },
    },
    // Seed 001 graph database: Dgraph (zero and alpha in one standalone container), private, on a
    // persistent volume ("10GB initial"). dgraph/standalone v24.1.2 (a tag seen in public use, read
    // 2026-11-23; not checked against the registry from here).
    dgraph: {
        serviceName: "dgraph",
        image: "dgraph/standalone",
        tag: "v24.1.2",
        ports: [{ name: "http", port: 8080 }, { name: "grpc", port: 9080 }],
        healthPath: "/health",
        replicas: 1,
        cpuMillicores: 1000,
        memoryMiB: 4096,
        storage: { sizeGiB: 10, mountPath: "/dgraph" },
        urlEnv: "DGRAPH_BASE_URL",
    },
};
