import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TYPES } from "./types";

/** A reference to one key of a Kubernetes Secret: the only way a secret reaches a container. */
export interface SecretKeyRef {
    secretName: pulumi.Input<string>;
    key: string;
}

export interface AppTierArgs {
    /** Kubernetes name of the app (DNS label). */
    appName: string;
    namespace: pulumi.Input<string>;
    /** Image reference without tag, and a pinned tag. */
    image: string;
    tag: string;
    /** Port the container listens on. */
    port: number;
    /** HTTP path answering 200 when the app is healthy; used by startup, liveness and readiness probes and the load balancer. */
    healthPath: string;
    /** HPA bounds (the Deployment starts at `minReplicas`). */
    minReplicas: number;
    maxReplicas: number;
    /** HPA targets, percent of the pod's requests (seed 001/002: CPU 70, memory 80). */
    targetCpuPercent: number;
    targetMemoryPercent: number;
    /** Per-pod CPU and memory; requests equal limits (Guaranteed QoS, no noisy neighbours). */
    cpuMillicores: number;
    memoryMiB: number;
    /** Plain environment variables. Secret values are refused here: use `secretEnv`. */
    env?: Record<string, pulumi.Input<string>>;
    /** Environment variables read from Kubernetes Secrets. */
    secretEnv?: Record<string, SecretKeyRef>;
    /** Node labels the pods must run on. */
    nodeSelector?: Record<string, string>;
    /** IAM role for the pods (IRSA). Default: none. */
    serviceAccountRoleArn?: pulumi.Input<string>;
    /**
     * Fixed NodePort the origin load balancer targets (30000-32767). Default 30080.
     * The Service is NodePort so a Pulumi-owned ALB can front it without an in-cluster controller.
     */
    nodePort?: number;
    /**
     * HPA stabilisation windows in seconds (seed 001: scale up after 2 minutes, down after 5).
     * Default `{ up: 120, down: 300 }`.
     */
    scaleDelaysSeconds?: { up: number; down: number };
}

/**
 * The stateless application: Deployment with probes, zero-unavailable rolling updates, zone spreading
 * and a locked-down security context; a NodePort Service for the origin load balancer; an
 * autoscaling/v2 HPA on CPU and memory; and a PodDisruptionBudget.
 */
export class AppTier extends pulumi.ComponentResource {
    public readonly serviceName: pulumi.Output<string>;
    public readonly deploymentName: pulumi.Output<string>;
    public readonly nodePort: number;
    /** In-cluster URL of the app's Service. */
    public readonly internalUrl: pulumi.Output<string>;

    constructor(name: string, args: AppTierArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.appTier, name, {}, opts);
        const parent = { parent: this };
        const labels = { "app.kubernetes.io/name": args.appName, "app.kubernetes.io/part-of": "tiered-infra", "app.kubernetes.io/component": "web" };
        const nodePort = args.nodePort ?? 30080;
        if (nodePort < 30000 || nodePort > 32767) throw new pulumi.RunError(`AppTier ${name}: nodePort ${nodePort} is outside 30000-32767`);
        this.nodePort = nodePort;

        const serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-sa`, {
            metadata: {
                name: args.appName,
                namespace: args.namespace,
                labels,
                annotations: args.serviceAccountRoleArn ? { "eks.amazonaws.com/role-arn": args.serviceAccountRoleArn } : undefined,
            },
            automountServiceAccountToken: false,
        }, parent);

        const env: k8s.types.input.core.v1.EnvVar[] = [
            ...Object.entries(args.env ?? {}).map(([envName, value]) => ({ name: envName, value })),
            ...Object.entries(args.secretEnv ?? {}).map(([envName, ref]) => ({ name: envName, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } })),
        ];
        const resources = { cpu: `${args.cpuMillicores}m`, memory: `${args.memoryMiB}Mi` };
        const httpGet = { path: args.healthPath, port: "http" };

        const deployment = new k8s.apps.v1.Deployment(`${name}-deployment`, {
            metadata: { name: args.appName, namespace: args.namespace, labels },
            spec: {
                // The HPA owns the replica count after creation (see ignoreChanges below).
                replicas: args.minReplicas,
                selector: { matchLabels: labels },
                strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
                template: {
                    metadata: { labels },
                    spec: {
                        serviceAccountName: serviceAccount.metadata.name,
                        automountServiceAccountToken: false,
                        nodeSelector: args.nodeSelector,
                        securityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } },
                        topologySpreadConstraints: [
                            { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels } },
                            { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } },
                        ],
                        containers: [{
                            name: "app",
                            image: `${args.image}:${args.tag}`,
                            ports: [{ name: "http", containerPort: args.port }],
                            env,
                            resources: { requests: resources, limits: resources },
                            startupProbe: { httpGet, periodSeconds: 5, failureThreshold: 30 },
                            livenessProbe: { httpGet, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
                            readinessProbe: { httpGet, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
                            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                            volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
                        }],
                        volumes: [{ name: "tmp", emptyDir: { sizeLimit: "1Gi" } }],
                    },
                },
            },
        }, { parent: this, ignoreChanges: ["spec.replicas"] });

        const service = new k8s.core.v1.Service(`${name}-service`, {
            metadata: { name: args.appName, namespace: args.namespace, labels },
            spec: {
                type: "NodePort",
                selector: labels,
                ports: [{ name: "http", port: 80, targetPort: "http", nodePort, protocol: "TCP" }],
            },
        }, parent);

        const delays = args.scaleDelaysSeconds ?? { up: 120, down: 300 };
        new k8s.autoscaling.v2.HorizontalPodAutoscaler(`${name}-hpa`, {
            metadata: { name: args.appName, namespace: args.namespace, labels },
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
                minReplicas: args.minReplicas,
                maxReplicas: args.maxReplicas,
                metrics: [
                    { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: args.targetCpuPercent } } },
                    { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: args.targetMemoryPercent } } },
                ],
                behavior: {
                    scaleUp: { stabilizationWindowSeconds: delays.up },
                    scaleDown: { stabilizationWindowSeconds: delays.down },
                },
            },
        }, parent);

        new k8s.policy.v1.PodDisruptionBudget(`${name}-pdb`, {
            metadata: { name: args.appName, namespace: args.namespace, labels },
            spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        }, parent);

        this.serviceName = service.metadata.name;
        this.deploymentName = deployment.metadata.name;
        this.internalUrl = pulumi.interpolate`http://${service.metadata.name}.${args.namespace}.svc.cluster.local`;
        this.registerOutputs({ serviceName: this.serviceName, deploymentName: this.deploymentName, internalUrl: this.internalUrl });
    }
}
