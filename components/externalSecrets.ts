import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { serviceAccountRole } from "./irsa";
import { COMPONENT_TYPES } from "./types";
import { APP_POOL, poolSelector } from "./nodePools";

/** External Secrets Operator chart: external-secrets/external-secrets `deploy/charts/external-secrets/Chart.yaml` 2.0.0, read 2026-11-23. */
export const EXTERNAL_SECRETS_CHART = { chart: "external-secrets", repo: "https://charts.external-secrets.io", version: "2.0.0" };

export interface ExternalSecretsArgs {
    region: string;
    oidcProviderArn: pulumi.Input<string>;
    oidcIssuerUrl: pulumi.Input<string>;
    /** Secrets Manager secrets the operator may read; nothing else. */
    secretArns: pulumi.Input<string>[];
    /** KMS keys those secrets are encrypted with. */
    kmsKeyArns: pulumi.Input<string>[];
}

export interface SyncedSecretArgs {
    namespace: pulumi.Input<string>;
    /** Name of the Kubernetes Secret to maintain. */
    secretName: string;
    /** Secrets Manager secret (ARN or name). */
    remoteSecret: pulumi.Input<string>;
    /** Kubernetes key → JSON property of the remote secret. */
    properties: Record<string, string>;
}

/**
 * The External Secrets Operator with a ClusterSecretStore on AWS Secrets Manager: secrets stay in
 * Secrets Manager (where RDS generates and rotates them) and reach pods only as Kubernetes Secret
 * references. No secret value passes through Pulumi config or state.
 */
export class ExternalSecrets extends pulumi.ComponentResource {
    public readonly storeName: string;

    constructor(name: string, args: ExternalSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.externalSecrets, name, {}, opts);
        const namespace = "external-secrets";
        const serviceAccount = "external-secrets";
        this.storeName = "aws-secrets-manager";

        const role = serviceAccountRole(`${name}-eso`, {
            oidcProviderArn: args.oidcProviderArn,
            oidcIssuerUrl: args.oidcIssuerUrl,
            namespace,
            serviceAccount,
            inlinePolicy: pulumi.all([pulumi.all(args.secretArns), pulumi.all(args.kmsKeyArns)]).apply(([secrets, keys]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: secrets },
                    { Effect: "Allow", Action: ["kms:Decrypt"], Resource: keys },
                ],
            })),
        }, { parent: this });

        const release = new k8s.helm.v3.Release(`${name}-eso`, {
            chart: EXTERNAL_SECRETS_CHART.chart,
            version: EXTERNAL_SECRETS_CHART.version,
            repositoryOpts: { repo: EXTERNAL_SECRETS_CHART.repo },
            namespace,
            createNamespace: true,
            values: {
                installCRDs: true,
                serviceAccount: { name: serviceAccount, annotations: { "eks.amazonaws.com/role-arn": role.arn } },
                nodeSelector: poolSelector(APP_POOL),
                resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
            },
        }, { parent: this });

        new k8s.apiextensions.CustomResource(`${name}-store`, {
            apiVersion: "external-secrets.io/v1",
            kind: "ClusterSecretStore",
            metadata: { name: this.storeName },
            spec: {
                provider: {
                    aws: {
                        service: "SecretsManager",
                        region: args.region,
                        auth: { jwt: { serviceAccountRef: { name: serviceAccount, namespace } } },
                    },
                },
            },
        }, { parent: this, dependsOn: [release] });
        this.registerOutputs({ storeName: this.storeName });
    }

    /** Keeps a Kubernetes Secret in step with a Secrets Manager secret (refreshed hourly). */
    syncSecret(name: string, args: SyncedSecretArgs): k8s.apiextensions.CustomResource {
        return new k8s.apiextensions.CustomResource(name, {
            apiVersion: "external-secrets.io/v1",
            kind: "ExternalSecret",
            metadata: { name: args.secretName, namespace: args.namespace },
            spec: {
                refreshInterval: "1h",
                secretStoreRef: { kind: "ClusterSecretStore", name: this.storeName },
                target: { name: args.secretName, creationPolicy: "Owner" },
                data: Object.entries(args.properties).map(([secretKey, property]) => ({ secretKey, remoteRef: { key: args.remoteSecret, property } })),
            },
        }, { parent: this });
    }
}
