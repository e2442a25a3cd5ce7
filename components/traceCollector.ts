import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import YAML from "yaml";
import { serviceAccountRole } from "./irsa";
import { COMPONENT_TYPES } from "./types";

/**
 * AWS Distro for OpenTelemetry collector image, pinned: public.ecr.aws/aws-observability/aws-otel-collector
 * v0.48.0 (the newest tag seen in public references, read 2026-11-30).
 */
export const ADOT_COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.48.0";
/** Requests of one collector pod (ours: a traces-only pipeline at a few hundred spans a second). */
export const TRACE_COLLECTOR_POD = { cpuMillicores: 200, memoryMiB: 256 };
export const TRACE_COLLECTOR_REPLICAS = 2;
export const OTLP_GRPC_PORT = 4317;
const OTLP_HTTP_PORT = 4318;
const HEALTH_PORT = 13133;

export interface TraceCollectorArgs {
    region: string;
    /** Namespace of the collector: its name (for the IRSA trust) and the value objects use (so they wait for it). */
    namespaceName: string;
    namespace: pulumi.Input<string>;
    oidcProviderArn: pulumi.Input<string>;
    oidcIssuerUrl: pulumi.Input<string>;
    /** Share of traces kept (probabilistic sampling in the collector), percent. */
    samplingPercent: number;
    /** The app's service name in traces (OTEL_SERVICE_NAME); the X-Ray group filters on it. */
    serviceName: string;
    nodeSelector?: Record<string, string>;
}

/**
 * Traces to X-Ray (seed 002 "Enhanced Monitoring: Application Performance Monitoring"): two ADOT
 * collector pods receive OTLP from the app, keep `samplingPercent` of the traces and export them to
 * X-Ray with an IRSA role that may only write traces. A per-stack X-Ray group filters the app's
 * traces. The collector is a plain Deployment rather than the ADOT add-on, which needs cert-manager
 * on the cluster for its operator (EKS user guide, "add-ons-adot", per the research notes).
 */
export class TraceCollector extends pulumi.ComponentResource {
    /** OTLP/gRPC endpoint for the app's OTEL_EXPORTER_OTLP_ENDPOINT. */
    public readonly otlpEndpoint: pulumi.Output<string>;

    constructor(name: string, args: TraceCollectorArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.traceCollector, name, {}, opts);
        const labels = { "app.kubernetes.io/name": "adot-collector", "app.kubernetes.io/part-of": "tiered-infra", "app.kubernetes.io/component": "tracing" };
        const serviceAccount = "adot-collector";

        const role = serviceAccountRole(`${name}-adot`, {
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuerUrl: args.oidcIssuerUrl,
            namespace: args.namespaceName,
            serviceAccount,
            managedPolicyArns: ["arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"],
        }, { parent: this });
        new aws.xray.Group(`${name}-traces`, {
            groupName: name,
            filterExpression: `service("${args.serviceName}")`,
            insightsConfiguration: { insightsEnabled: false },
        }, { parent: this });

        const sa = new k8s.core.v1.ServiceAccount(`${name}-adot`, {
            metadata: { name: serviceAccount, namespace: args.namespace, labels, annotations: { "eks.amazonaws.com/role-arn": role.arn } },
        }, { parent: this });
        const configText = collectorConfig(args.region, args.samplingPercent);
        const config = new k8s.core.v1.ConfigMap(`${name}-adot`, {
            metadata: { name: "adot-collector", namespace: args.namespace, labels },
            data: { "config.yaml": configText },
        }, { parent: this });

        const resources = { requests: { cpu: `${TRACE_COLLECTOR_POD.cpuMillicores}m`, memory: `${TRACE_COLLECTOR_POD.memoryMiB}Mi` }, limits: { memory: `${TRACE_COLLECTOR_POD.memoryMiB * 2}Mi` } };
        const health = { httpGet: { path: "/", port: "health" } };
        const deployment = new k8s.apps.v1.Deployment(`${name}-adot`, {
            metadata: { name: "adot-collector", namespace: args.namespace, labels },
            spec: {
                replicas: TRACE_COLLECTOR_REPLICAS,
                selector: { matchLabels: labels },
                strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
                template: {
                    // A new configuration rolls the pods (the collector reads it only at start).
                    metadata: { labels, annotations: { "tiered-infra/config-sha256": createHash("sha256").update(configText).digest("hex").slice(0, 16) } },
                    spec: {
                        serviceAccountName: sa.metadata.name,
                        nodeSelector: args.nodeSelector,
                        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
                        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } }],
                        containers: [{
                            name: "collector",
                            image: ADOT_COLLECTOR_IMAGE,
                            args: ["--config=/etc/otel/config.yaml"],
                            ports: [
                                { name: "otlp-grpc", containerPort: OTLP_GRPC_PORT },
                                { name: "otlp-http", containerPort: OTLP_HTTP_PORT },
                                { name: "health", containerPort: HEALTH_PORT },
                            ],
                            resources,
                            readinessProbe: { ...health, periodSeconds: 10 },
                            livenessProbe: { ...health, periodSeconds: 20, failureThreshold: 3 },
                            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                            volumeMounts: [{ name: "config", mountPath: "/etc/otel", readOnly: true }],
                        }],
                        volumes: [{ name: "config", configMap: { name: config.metadata.name } }],
                    },
                },
            },
        }, { parent: this });
        const service = new k8s.core.v1.Service(`${name}-adot`, {
            metadata: { name: "adot-collector", namespace: args.namespace, labels },
            spec: {
                type: "ClusterIP",
                selector: labels,
                ports: [{ name: "otlp-grpc", port: OTLP_GRPC_PORT, targetPort: "otlp-grpc" }, { name: "otlp-http", port: OTLP_HTTP_PORT, targetPort: "otlp-http" }],
            },
        }, { parent: this, dependsOn: [deployment] });
        new k8s.policy.v1.PodDisruptionBudget(`${name}-adot`, {
            metadata: { name: "adot-collector", namespace: args.namespace, labels },
            spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        }, { parent: this });

        this.otlpEndpoint = pulumi.interpolate`http://${service.metadata.name}.${args.namespace}.svc.cluster.local:${OTLP_GRPC_PORT}`;
        this.registerOutputs({ otlpEndpoint: this.otlpEndpoint });
    }
}

/** OTLP in, a memory limit, `samplingPercent` of traces kept, batches to X-Ray. */
export function collectorConfig(region: string, samplingPercent: number): string {
    return YAML.stringify({
        extensions: { health_check: { endpoint: `0.0.0.0:${HEALTH_PORT}` } },
        receivers: { otlp: { protocols: { grpc: { endpoint: `0.0.0.0:${OTLP_GRPC_PORT}` }, http: { endpoint: `0.0.0.0:${OTLP_HTTP_PORT}` } } } },
        processors: {
            memory_limiter: { check_interval: "1s", limit_percentage: 80, spike_limit_percentage: 25 },
            probabilistic_sampler: { sampling_percentage: samplingPercent },
            batch: {},
        },
        exporters: { awsxray: { region } },
        service: {
            extensions: ["health_check"],
            pipelines: { traces: { receivers: ["otlp"], processors: ["memory_limiter", "probabilistic_sampler", "batch"], exporters: ["awsxray"] } },
        },
    });
}
