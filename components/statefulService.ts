import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { httpHealthCheck, localContainer, persistentVolume } from "./localContainer";
import { COMPONENT_TYPES } from "./types";
import { poolSelector, poolToleration } from "./nodePools";

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
    /** Environment variables read from the platform's secret store: env name -> secret name. */
    secretEnv?: Record<string, string>;
    /** User the process runs as (non-root); also owns the volume. Default 1000. */
    runAsUser?: number;
}

/** On Kubernetes: a StatefulSet (see the class comment). */
export interface KubernetesRuntime {
    kind: "kubernetes";
    namespace: pulumi.Input<string>;
    /** Kubernetes Secret holding the keys `secretEnv` names. Default `app-secrets`. */
    secretName?: string;
    /** Dedicated node pool (components/nodePools.ts): labelled and tainted with its name. Default: none. */
    dedicatedPool?: string;
    /** KMS key for the volumes. Default: the account's EBS default key. */
    volumeKmsKeyArn?: pulumi.Input<string>;
    /** Tag put on every volume so a backup plan can select them. Default: none. */
    backupTag?: { key: string; value: string };
}

/**
 * On Docker (local): one container on the given network, its data on a named volume that outlives
 * the container, secrets as read-only files (`<NAME>_FILE`), never as environment values.
 */
export interface DockerRuntime {
    kind: "docker";
    networkName: pulumi.Input<string>;
    /** Prefix of the container and volume names, so two stacks can share a Docker host (the network alias stays the service name). */
    namePrefix: string;
    /** Secret values by secret name (the ones `secretEnv` names). */
    secretValues?: Record<string, pulumi.Output<string>>;
}

export interface StatefulServiceArgs extends StatefulServiceSpec {
    runtime: KubernetesRuntime | DockerRuntime;
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
        this.port = args.ports[0].port;
        const built = args.runtime.kind === "kubernetes" ? this.onKubernetes(name, args, args.runtime) : this.onDocker(name, args, args.runtime);
        this.host = built.host;
        this.storageClassName = built.storageClassName;
        this.registerOutputs({ host: this.host, storageClassName: this.storageClassName });
    }

    private onKubernetes(name: string, args: StatefulServiceSpec, rt: KubernetesRuntime) {
        const parent = { parent: this };
        const labels = { "app.kubernetes.io/name": args.serviceName, "app.kubernetes.io/part-of": "tiered-infra", "app.kubernetes.io/component": "stateful-service" };
        const user = args.runAsUser ?? 1000;

        const storageClass = new k8s.storage.v1.StorageClass(`${name}-gp3`, {
            metadata: { name: `${args.serviceName}-gp3-retain` },
            provisioner: "ebs.csi.aws.com",
            reclaimPolicy: "Retain",
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
            parameters: {
                type: "gp3",
                encrypted: "true",
                ...(rt.volumeKmsKeyArn ? { kmsKeyId: rt.volumeKmsKeyArn } : {}),
                ...(rt.backupTag ? { tagSpecification_1: `${rt.backupTag.key}=${rt.backupTag.value}` } : {}),
            } as Record<string, pulumi.Input<string>>,
        }, parent);

        const headless = new k8s.core.v1.Service(`${name}-headless`, {
            metadata: { name: `${args.serviceName}-headless`, namespace: rt.namespace, labels },
            spec: { clusterIP: "None", selector: labels, ports: args.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name })) },
        }, parent);
        const client = new k8s.core.v1.Service(`${name}-client`, {
            metadata: { name: args.serviceName, namespace: rt.namespace, labels },
            spec: { type: "ClusterIP", selector: labels, ports: args.ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.name })) },
        }, parent);

        const probeAction = args.healthPath ? { httpGet: { path: args.healthPath, port: args.ports[0].name } } : { tcpSocket: { port: args.ports[0].name } };
        const resources = { cpu: `${args.cpuMillicores}m`, memory: `${args.memoryMiB}Mi` };
        const env = [
            ...Object.entries(args.env ?? {}).map(([n, value]) => ({ name: n, value })),
            ...Object.entries(args.secretEnv ?? {}).map(([n, secret]) => ({ name: n, valueFrom: { secretKeyRef: { name: rt.secretName ?? "app-secrets", key: secret } } })),
        ];

        new k8s.apps.v1.StatefulSet(`${name}-sts`, {
            metadata: { name: args.serviceName, namespace: rt.namespace, labels },
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
                        ...(rt.dedicatedPool && {
                            nodeSelector: poolSelector(rt.dedicatedPool),
                            tolerations: [poolToleration(rt.dedicatedPool)],
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
            metadata: { name: args.serviceName, namespace: rt.namespace, labels },
            spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        }, parent);

        return { host: pulumi.interpolate`${client.metadata.name}.${rt.namespace}.svc.cluster.local`, storageClassName: storageClass.metadata.name };
    }

    private onDocker(name: string, args: StatefulServiceSpec, rt: DockerRuntime) {
        const parent = { parent: this };
        const volume = persistentVolume(`${name}-data`, `${rt.namePrefix}-${args.serviceName}-data`, parent);
        const secrets: Record<string, pulumi.Input<string>> = {};
        for (const [env, secret] of Object.entries(args.secretEnv ?? {})) {
            const value = rt.secretValues?.[secret];
            if (!value) throw new pulumi.RunError(`StatefulService ${name}: no value for secret ${secret}`);
            secrets[env] = value;
        }
        const port = args.ports[0].port;
        localContainer(`${name}-container`, {
            containerName: `${rt.namePrefix}-${args.serviceName}`,
            image: `${args.image}:${args.tag}`,
            // Kept from before the shared runtime, so existing local stacks keep their image resource.
            imageResourceName: `${name}-image`,
            role: "data",
            network: { name: rt.networkName, alias: args.serviceName },
            env: args.env,
            secrets,
            volumes: [{ volumeName: volume.name, path: args.storage.mountPath }],
            health: args.healthPath ? httpHealthCheck(port, args.healthPath) : ["CMD-SHELL", `nc -z localhost ${port} || exit 1`],
            healthStartSeconds: 30,
            memoryMiB: args.memoryMiB,
            labels: { "tiered-infra.service": args.serviceName },
        }, parent);
        return { host: pulumi.output(args.serviceName), storageClassName: pulumi.output("docker-volume") };
    }
}
