import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { SecretKeyRef } from "./appTier";
import { COMPONENT_TYPES } from "./types";

/** What a stateful service is, independent of where it runs (Kubernetes here, Docker locally). */
export interface StatefulServiceSpec {
    /** Service name (DNS label); also the name of its pods, volumes and Services. */
    serviceName: string;
    image: string;
    /** Pinned image tag. */
    tag: string;
    /** Ports the container listens on; the first is the client port. */
    ports: Array<{ name: string; port: number }>;
    /** Health check: an HTTP path on the first port, or a TCP check when absent. */
    healthPath?: string;
    replicas: number;
    /** Requests = limits. */
    cpuMillicores: number;
    memoryMiB: number;
    /** Persistent volume per replica. */
    storage: { sizeGiB: number; mountPath: string };
    env?: Record<string, pulumi.Input<string>>;
    secretEnv?: Record<string, SecretKeyRef>;
    /** User the process runs as (non-root); also owns the volume. Default 1000. */
    runAsUser?: number;
}

export interface StatefulServiceArgs extends StatefulServiceSpec {
    namespace: pulumi.Input<string>;
    /** Dedicated node pool: nodes labelled `tiered-infra/pool=<pool>` and tainted the same. Default: none. */
    dedicatedPool?: string;
    /** KMS key for the volumes. Default: the account's EBS default key. */
    volumeKmsKeyArn?: pulumi.Input<string>;
    /** Tag put on every volume so a backup plan can select them. Default: none. */
    backupTag?: { key: string; value: string };
}

/**
 * A StatefulSet with one encrypted gp3 volume per replica whose data outlives everything that could
 * delete it by accident: the StorageClass retains released volumes (`reclaimPolicy: Retain`) and the
 * StatefulSet keeps its claims when it is deleted or scaled down. Replicas run one per node
 * (required anti-affinity) behind a headless Service for stable identities and a ClusterIP Service
 * for clients, with a PodDisruptionBudget that lets drains take one replica at a time.
 */
export class StatefulService extends pulumi.ComponentResource {
    public readonly host: pulumi.Output<string>;
    public readonly port: number;
    public readonly storageClassName: pulumi.Output<string>;

    constructor(name: string, args: StatefulServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.statefulService, name, {}, opts);
        const parent = { parent: this };
        const labels = { "app.kubernetes.io/name": args.serviceName, "app.kubernetes.io/part-of": "tiered-infra", "app.kubernetes.io/component": "stateful-service" };
        const user = args.runAsUser ?? 1000;
        this.port = args.ports[0].port;

        const storageClass = new k8s.storage.v1.StorageClass(`${name}-gp3`, {
            metadata: { name: `${args.serviceName}-gp3-retain` },
            provisioner: "ebs.csi.aws.com",
            reclaimPolicy: "Retain",
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
            parameters: {
                type: "gp3",
                encrypted: "true",
                ...(args.volumeKmsKeyArn ? { kmsKeyId: args.volumeKmsKeyArn } : {}),
                ...(args.backupTag ? { tagSpecification_1: `${args.backupTag.key}=${args.backupTag.value}` } : {}),
            } as Record<string, pulumi.Input<string>>,
        }, parent);

        const headless = new k8s.core.v1.Service(`${name}-headless`, {
            metadata: { name: `${args.serviceName}-headless`, namespace: args.namespace, labels },
            spec: { clusterIP: "None", selector: labels, ports: args.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name })) },
        }, parent);
        const client = new k8s.core.v1.Service(`${name}-client`, {
            metadata: { name: args.serviceName, namespace: args.namespace, labels },
            spec: { type: "ClusterIP", selector: labels, ports: args.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name })) },
        }, parent);

        const probeAction = args.healthPath ? { httpGet: { path: args.healthPath, port: args.ports[0].name } } : { tcpSocket: { port: args.ports[0].name } };
        const resources = { cpu: `${args.cpuMillicores}m`, memory: `${args.memoryMiB}Mi` };
        const env = [
            ...Object.entries(args.env ?? {}).map(([n, value]) => ({ name: n, value })),
            ...Object.entries(args.secretEnv ?? {}).map(([n, ref]) => ({ name: n, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } })),
        ];

        new k8s.apps.v1.StatefulSet(`${name}-sts`, {
            metadata: { name: args.serviceName, namespace: args.namespace, labels },
            spec: {
                serviceName: headless.metadata.name,
                replicas: args.replicas,
                selector: { matchLabels: labels },
                podManagementPolicy: "OrderedReady",
                updateStrategy: { type: "RollingUpdate" },
                persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
                template: {
                    metadata: { labels },
                    spec: {
                        automountServiceAccountToken: false,
                        securityContext: { runAsNonRoot: true, runAsUser: user, runAsGroup: user, fsGroup: user, seccompProfile: { type: "RuntimeDefault" } },
                        ...(args.dedicatedPool && {
                            nodeSelector: { "tiered-infra/pool": args.dedicatedPool },
                            tolerations: [{ key: "tiered-infra/pool", operator: "Equal", value: args.dedicatedPool, effect: "NoSchedule" }],
                        }),
                        affinity: {
                            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: labels } }] },
                        },
                        containers: [{
                            name: args.serviceName,
                            image: `${args.image}:${args.tag}`,
                            ports: args.ports.map((p) => ({ name: p.name, containerPort: p.port })),
                            env,
                            resources: { requests: resources, limits: resources },
                            readinessProbe: { ...probeAction, periodSeconds: 10, failureThreshold: 3 },
                            livenessProbe: { ...probeAction, periodSeconds: 20, failureThreshold: 6, initialDelaySeconds: 30 },
                            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                            volumeMounts: [{ name: "data", mountPath: args.storage.mountPath }, { name: "tmp", mountPath: "/tmp" }],
                        }],
                        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "1Gi" } }],
                    },
                },
                volumeClaimTemplates: [{
                    metadata: { name: "data", labels },
                    spec: {
                        accessModes: ["ReadWriteOnce"],
                        storageClassName: storageClass.metadata.name,
                        resources: { requests: { storage: `${args.storage.sizeGiB}Gi` } },
                    },
                }],
            },
        }, parent);

        new k8s.policy.v1.PodDisruptionBudget(`${name}-pdb`, {
            metadata: { name: args.serviceName, namespace: args.namespace, labels },
            spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        }, parent);

        this.host = pulumi.interpolate`${client.metadata.name}.${args.namespace}.svc.cluster.local`;
        this.storageClassName = storageClass.metadata.name;
        this.registerOutputs({ host: this.host, storageClassName: this.storageClassName });
    }
}
