/**
 * The platform, read like a table of contents: config, network, cluster, data tier, secrets, app,
 * origin, outputs. Every tier runs this same code; only the resolved sizing row differs.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AppSecrets } from "../components/appSecrets";
import { AppTier, SecretKeyRef } from "../components/appTier";
import { Cache } from "../components/cache";
import { BucketReplica } from "../components/bucketReplica";
import { Cdn } from "../components/cdn";
import { Cluster, CLUSTER_SYSTEM_PODS } from "../components/cluster";
import { ConnectionPooler, PGBOUNCER_EXPORTER_POD } from "../components/connectionPooler";
import { Database } from "../components/database";
import { DatabaseBackups } from "../components/databaseBackups";
import { ExternalSecrets } from "../components/externalSecrets";
import { FileStore } from "../components/fileStore";
import { serviceAccountRole } from "../components/irsa";
import { restrictedNamespace } from "../components/namespace";
import { Network } from "../components/network";
import { DAEMONSET_OVERHEAD, sizeNodeGroup } from "../components/nodeSizing";
import { CONTAINER_INSIGHTS_DAEMONSETS, Observability, observabilityPods } from "../components/observability";
import { TraceCollector } from "../components/traceCollector";
import { OriginLoadBalancer } from "../components/originLoadBalancer";
import { accessLogBucket } from "../components/privateBucket";
import { RestoreDrills } from "../components/restoreDrills";
import { StatefulService } from "../components/statefulService";
import { ORIGIN_READ_TIMEOUT_SECONDS } from "../components/cdn";
import { VolumeBackupPlan } from "../components/volumeBackupPlan";
import { EdgeWaf } from "../components/waf";
import { loadStackConfig, PROJECT, StackConfig } from "./config";
import { deployLocal } from "./local";
import { generatedSecretNames, selfHostedServices, sizedPreset } from "./system";
import { APP_POOL, poolLabels, poolSelector, poolTaint, STATEFUL_POOL } from "../components/nodePools";
import { generateSecrets } from "../components/generatedSecrets";
import { COMPONENT_TYPES } from "../components/types";

/** Days access logs (CloudFront's and S3's) are kept in the log buckets. */
export const ACCESS_LOG_DAYS = 90;

/** Requests of one PgBouncer pod (single-threaded: one core is its ceiling). */
export const POOLER_POD = { cpuMillicores: 250, memoryMiB: 256 };


/** The pooler pod with the exporter sidecar the Prometheus rules read, when the tier runs Prometheus. */
function poolerPod(cfg: StackConfig) {
    const exporter = cfg.sizing.observability.prometheus ? PGBOUNCER_EXPORTER_POD : { cpuMillicores: 0, memoryMiB: 0 };
    return { cpuMillicores: POOLER_POD.cpuMillicores + exporter.cpuMillicores, memoryMiB: POOLER_POD.memoryMiB + exporter.memoryMiB };
}

export async function deploy(): Promise<Record<string, pulumi.Input<unknown>>> {
    const cfg = loadStackConfig();
    for (const w of cfg.warnings) pulumi.log.warn(w);
    return cfg.platform === "local" ? deployLocal(cfg) : deployAws(cfg);
}

async function deployAws(cfg: StackConfig): Promise<Record<string, pulumi.Input<unknown>>> {
    const stack = pulumi.getStack();
    const prefix = `${cfg.app.name}-${stack}`;
    const sizing = cfg.sizing;

    // One explicit provider: region from validated config, and tags every AWS resource carries
    // (cost allocation and ownership) without each component repeating them.
    const awsProvider = new aws.Provider("aws", {
        region: cfg.region as aws.Region,
        defaultTags: { tags: { "tiered-infra:project": PROJECT, "tiered-infra:stack": stack, "tiered-infra:tier": cfg.tier, ...cfg.tags } },
    });
    const awsOpts = { providers: { aws: awsProvider } };
    // CloudFront's WAF, its logs and its certificates live in us-east-1 whatever the stack's region.
    const usEast1 = new aws.Provider("aws-us-east-1", { region: "us-east-1", defaultTags: { tags: { "tiered-infra:project": PROJECT, "tiered-infra:stack": stack, "tiered-infra:tier": cfg.tier, ...cfg.tags } } });

    // Recovery: copies go to the DR region only where the tier (or stack) says so; production vaults are locked.
    const recovery = sizing.recovery;
    const drRegion = recovery.crossRegion ? recovery.drRegion : undefined;
    const vaultLock = cfg.environment === "production" ? recovery.vaultLock : undefined;
    const accountId = aws.getCallerIdentityOutput({}, { provider: awsProvider }).accountId;
    // One access-log bucket per region (S3 delivers server access logs only within a region). The
    // primary one was the CDN's child before the file store needed it too; the alias keeps it.
    const logBucket = accessLogBucket(`${prefix}-logs`, { retentionDays: ACCESS_LOG_DAYS, accountId }, {
        provider: awsProvider,
        aliases: [{ parent: pulumi.createUrn(prefix, COMPONENT_TYPES.cdn) }],
    });
    const drLogBucket = drRegion ? accessLogBucket(`${prefix}-dr-logs`, { retentionDays: ACCESS_LOG_DAYS, accountId, region: drRegion }, { provider: awsProvider }) : undefined;

    const network = new Network(prefix, {
        cidrBlock: cfg.network.cidr,
        azCount: sizing.network.azCount,
        natGateways: sizing.network.natGateways,
        flowLogRetentionDays: cfg.logRetentionDays,
        clusterName: prefix,
    }, awsOpts);

    const cluster = new Cluster(prefix, {
        kubernetesVersion: cfg.cluster.kubernetesVersion,
        region: cfg.region,
        vpcId: network.vpcId,
        subnetIds: network.privateSubnetIds,
        publicAccessCidrs: cfg.cluster.publicAccessCidrs,
        logRetentionDays: cfg.logRetentionDays,
        nodeGroups: nodeGroupsFor(cfg),
    }, awsOpts);
    const allOpts = { providers: { aws: awsProvider, kubernetes: cluster.provider } };
    const namespace = restrictedNamespace(cfg.app.name, { provider: cluster.provider });
    const namespaceName = namespace.metadata.name;

    // Data tier: isolated subnets, reachable only from the nodes.
    const dataTierArgs = { vpcId: network.vpcId, subnetIds: network.isolatedSubnetIds, clientSecurityGroupIds: [cluster.clusterSecurityGroupId], logRetentionDays: cfg.logRetentionDays };
    const database = cfg.system.database ? new Database(prefix, { ...dataTierArgs, ...sizing.database, protection: cfg.dataProtection }, awsOpts) : undefined;
    const databaseBackups = database
        ? new DatabaseBackups(prefix, {
            instanceArn: database.instanceArn,
            kmsKeyArn: database.kmsKeyArn,
            retentionDays: sizing.database.backupRetentionDays,
            replicateTo: drRegion ? { region: drRegion, retentionDays: recovery.drRetentionDays } : undefined,
            vaultLock,
        }, awsOpts)
        : undefined;
    const cache = cfg.system.cache
        ? new Cache(prefix, { ...dataTierArgs, nodeType: sizing.cache.nodeType, nodes: sizing.cache.nodes, snapshotRetentionDays: sizing.cache.snapshotRetentionDays }, awsOpts)
        : undefined;

    // Secrets live in Secrets Manager; the operator turns them into Kubernetes Secrets pods reference.
    const generated = generateSecrets(prefix, generatedSecretNames(cfg), { provider: awsProvider });
    const secretValues = { ...Object.fromEntries(Object.entries(cfg.appSecrets).map(([k, v]) => [k, pulumi.secret(v)])), ...generated };
    const appSecrets = Object.keys(secretValues).length > 0 ? new AppSecrets(prefix, { values: secretValues }, awsOpts) : undefined;
    const externalSecrets = database || appSecrets
        ? new ExternalSecrets(prefix, {
            region: cfg.region,
            oidcProviderArn: cluster.oidcProviderArn,
            oidcIssuerUrl: cluster.oidcIssuerUrl,
            secretArns: [...(database ? [database.masterSecretArn] : []), ...(appSecrets ? [appSecrets.secretArn] : [])],
            kmsKeyArns: [...(database ? [database.kmsKeyArn] : []), ...(appSecrets ? [appSecrets.kmsKeyArn] : [])],
        }, allOpts)
        : undefined;
    const dbCredentials = "db-credentials";
    if (database) {
        externalSecrets!.syncSecret(`${prefix}-db-credentials`, {
            namespace: namespaceName,
            secretName: dbCredentials,
            remoteSecret: database.masterSecretArn,
            properties: { username: "username", password: "password" },
        });
    }
    const appSecretRefs: Record<string, SecretKeyRef> = {};
    if (appSecrets) {
        externalSecrets!.syncSecret(`${prefix}-app-secrets`, {
            namespace: namespaceName,
            secretName: "app-secrets",
            remoteSecret: appSecrets.secretArn,
            properties: Object.fromEntries(appSecrets.keys.map((k) => [k, k])),
        });
        for (const k of Object.keys(cfg.appSecrets)) appSecretRefs[k] = { secretName: "app-secrets", key: k };
    }

    const pooler = database
        ? new ConnectionPooler(prefix, {
            namespace: namespaceName,
            databaseHost: database.address,
            databasePort: database.port,
            databaseName: database.databaseName,
            username: { secretName: dbCredentials, key: "username" },
            password: { secretName: dbCredentials, key: "password" },
            replicas: sizing.pooler.replicas,
            maxClientConnections: sizing.pooler.maxClientConnections,
            defaultPoolSize: sizing.pooler.defaultPoolSize,
            ...POOLER_POD,
            nodeSelector: poolSelector(APP_POOL),
            metricsExporter: sizing.observability.prometheus,
        }, allOpts)
        : undefined;

    // Stateful services (vector DB, time series, graph) on the dedicated nodes, volumes backed up.
    const services = selfHostedServices(cfg).map((name) => {
        const preset = sizedPreset(cfg, name);
        const backupTag = { key: "tiered-infra/backup-plan", value: `${prefix}-${name}` };
        const backups = new VolumeBackupPlan(`${prefix}-${name}`, {
            selectionTag: backupTag,
            crossRegionCopy: drRegion ? { region: drRegion, retentionDays: recovery.drRetentionDays } : undefined,
            vaultLock,
        }, allOpts);
        const service = new StatefulService(`${prefix}-${name}`, {
            ...preset,
            runtime: { kind: "kubernetes", namespace: namespaceName, secretName: "app-secrets", dedicatedPool: STATEFUL_POOL, backupTag },
        }, allOpts);
        return { preset, url: pulumi.interpolate`http://${service.host}:${service.port}`, backups, backupTag };
    });

    // The app's files (seed 002 "Object Storage: Cache Files"), in every region's copy when DR is on.
    const fileStore = cfg.system.fileStore ? new FileStore(prefix, { logBucketId: logBucket.id }, awsOpts) : undefined;
    const fileStoreReplica = fileStore && drRegion
        ? new BucketReplica(`${prefix}-files`, {
            source: { bucket: fileStore.bucket, versioning: fileStore.versioning, region: cfg.region },
            sourceKmsKeyArn: fileStore.kmsKeyArn,
            region: drRegion,
            logBucketId: drLogBucket!.id,
        }, awsOpts)
        : undefined;

    // The app's AWS permissions, through its service account (IRSA): the cache as its IAM user, and
    // the objects of its file store; nothing else, no `*` resource.
    const appStatements: pulumi.Output<object[]>[] = [
        ...(cache ? [pulumi.all([cache.replicationGroupArn, cache.appUserArn]).apply(([group, user]) => [{ Effect: "Allow", Action: "elasticache:Connect", Resource: [group, user] }])] : []),
        ...(fileStore ? [fileStore.accessStatements(cfg.region)] : []),
    ];
    const appRole = appStatements.length > 0
        ? serviceAccountRole(`${prefix}-app`, {
            oidcProviderArn: cluster.oidcProviderArn,
            oidcIssuerUrl: cluster.oidcIssuerUrl,
            namespace: cfg.app.name,
            serviceAccount: cfg.app.name,
            inlinePolicy: pulumi.all(appStatements).apply((lists) => JSON.stringify({ Version: "2012-10-17", Statement: lists.flat() })),
        }, { provider: awsProvider })
        : undefined;

    // Observability tools (kube-state-metrics, the trace collector) share one restricted namespace.
    const observed = sizing.observability;
    const toolsNamespace = observed.prometheus || observed.traceSamplingPercent > 0 ? restrictedNamespace("observability", { provider: cluster.provider }) : undefined;
    const tracing = observed.traceSamplingPercent > 0
        ? new TraceCollector(`${prefix}-tracing`, {
            region: cfg.region,
            namespaceName: "observability",
            namespace: toolsNamespace!.metadata.name,
            oidcProviderArn: cluster.oidcProviderArn,
            oidcIssuerUrl: cluster.oidcIssuerUrl,
            samplingPercent: observed.traceSamplingPercent,
            serviceName: cfg.app.name,
            nodeSelector: poolSelector(APP_POOL),
        }, allOpts)
        : undefined;

    const app = new AppTier(prefix, {
        appName: cfg.app.name,
        namespace: namespaceName,
        image: cfg.app.image,
        tag: cfg.app.tag,
        port: cfg.app.port,
        healthPath: cfg.app.healthPath,
        ...sizing.app,
        serviceAccountRoleArn: appRole?.arn,
        env: {
            ...cfg.app.env,
            CORS_ORIGIN: cfg.corsOrigins.join(","),
            ...(pooler && database ? { DATABASE_HOST: pooler.host, DATABASE_PORT: String(pooler.port), DATABASE_NAME: database.databaseName } : {}),
            ...(cache
                ? { REDIS_HOST: cache.primaryEndpoint, REDIS_READER_HOST: cache.readerEndpoint, REDIS_PORT: String(cache.port), REDIS_TLS: "true", REDIS_USER: cache.appUserName, REDIS_AUTH: "iam" }
                : {}),
            ...Object.fromEntries(services.flatMap((s) => [[s.preset.urlEnv, s.url], ...Object.entries(s.preset.appEnv ?? {})])),
            // The bucket's name only: access comes from the service account's role, never from keys.
            ...(fileStore ? { FILE_STORE_BUCKET: fileStore.bucketName, FILE_STORE_REGION: cfg.region } : {}),
            ...(tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: tracing.otlpEndpoint, OTEL_SERVICE_NAME: cfg.app.name, OTEL_TRACES_EXPORTER: "otlp" } : {}),
        },
        secretEnv: {
            ...(database ? { DATABASE_USER: { secretName: dbCredentials, key: "username" }, DATABASE_PASSWORD: { secretName: dbCredentials, key: "password" } } : {}),
            ...appSecretRefs,
            ...Object.fromEntries(services.flatMap((s) => Object.entries(s.preset.appSecretEnv ?? {}).map(([env, secret]) => [env, { secretName: "app-secrets", key: secret }]))),
            ...Object.fromEntries(cfg.generatedSecrets.map((k) => [k, { secretName: "app-secrets", key: k }])),
        },
        nodeSelector: poolSelector(APP_POOL),
    }, { providers: { kubernetes: cluster.provider } });

    const origin = new OriginLoadBalancer(`${prefix}-origin`, {
        vpcId: network.vpcId,
        vpcCidr: network.cidrBlock,
        subnetIds: network.privateSubnetIds,
        nodeSecurityGroupId: cluster.clusterSecurityGroupId,
        autoScalingGroupNames: [cluster.nodeGroups.app.autoScalingGroupName],
        nodePort: app.nodePort,
        healthPath: cfg.app.healthPath,
        deletionProtection: cfg.dataProtection.deletionProtection,
    }, awsOpts);

    const waf = new EdgeWaf(prefix, {
        ipRequestsPer5Min: sizing.edge.ipRequestsPer5Min,
        botControl: sizing.edge.botControl,
        logRetentionDays: cfg.logRetentionDays,
    }, { providers: { aws: usEast1 } });
    const cdn = new Cdn(prefix, {
        priceClass: sizing.edge.priceClass,
        appOrigin: { loadBalancerArn: origin.arn, dnsName: origin.dnsName, protocolPolicy: origin.originProtocolPolicy },
        corsOrigins: cfg.corsOrigins,
        webAclArn: waf.webAclArn,
        domain: cfg.edge && { name: cfg.edge.domain, hostedZoneId: cfg.edge.hostedZoneId },
        usEast1,
        logBucket,
    }, awsOpts);
    const staticReplica = drRegion
        ? new BucketReplica(`${prefix}-static`, {
            source: { bucket: cdn.staticBucket, versioning: cdn.staticBucketVersioning, region: cfg.region },
            region: drRegion,
            logBucketId: drLogBucket!.id,
        }, awsOpts)
        : undefined;

    const observability = new Observability(prefix, {
        region: cfg.region,
        sizing: observed,
        alerting: {
            emails: cfg.alerting.emails,
            pagerDutyUrl: cfg.alerting.pagerDutyUrl === undefined ? undefined : pulumi.secret(cfg.alerting.pagerDutyUrl),
            // The drills' EventBridge rules (below) are named `<prefix>-...`.
            eventRuleNamePrefix: prefix,
        },
        alarmOverrides: cfg.observability.alarms,
        logRetentionDays: cfg.logRetentionDays,
        usEast1,
        cluster: {
            name: cluster.clusterName,
            arn: cluster.clusterArn,
            oidcProviderArn: cluster.oidcProviderArn,
            oidcIssuerUrl: cluster.oidcIssuerUrl,
            subnetIds: network.privateSubnetIds,
            securityGroupId: cluster.clusterSecurityGroupId,
            kubernetes: cluster.provider,
            ready: Object.values(cluster.nodeGroups),
        },
        toolsNamespace: toolsNamespace?.metadata.name,
        app: { name: cfg.app.name, namespace: cfg.app.name, serviceName: cfg.app.name, maxReplicas: sizing.app.maxReplicas },
        nodeSelector: poolSelector(APP_POOL),
        databases: database ? database.instances.map((i) => ({ ...i, instanceClass: sizing.database.instanceClass, allocatedStorageGiB: sizing.database.allocatedStorageGiB })) : [],
        cache: cache && { replicationGroupId: cache.replicationGroupId, nodes: sizing.cache.nodes },
        loadBalancer: { arnSuffix: origin.arnSuffix, targetGroupArnSuffix: origin.targetGroupArnSuffix },
        distribution: { id: cdn.distributionId, originReadTimeoutSeconds: ORIGIN_READ_TIMEOUT_SECONDS },
        webAclMetricName: waf.metricName,
        natGatewayIds: network.natGatewayIds,
        uptime: { host: cdn.host, path: cfg.app.healthPath },
        rules: { poolerMaxClientConnections: sizing.pooler.maxClientConnections, poolerDefaultPoolSize: sizing.pooler.defaultPoolSize },
        dashboardServices: { pooler: pooler ? "pgbouncer" : undefined, stateful: services.map((s) => s.preset.serviceName) },
    }, allOpts);

    // Monthly drills: restore the database and every stateful service's volumes, alert on failure.
    const volumeBackups = services.map((s) => ({ service: s.preset.serviceName, tag: s.backupTag, vaultArn: s.backups.vaultArn }));
    const drills = database || volumeBackups.length > 0
        ? new RestoreDrills(prefix, {
            vaultArns: [...(databaseBackups ? [databaseBackups.vaultArn] : []), ...volumeBackups.map((v) => v.vaultArn)],
            database: database && { instanceArn: database.instanceArn, subnetGroupName: database.subnetGroupName, securityGroupIds: [database.securityGroupId] },
            volumes: volumeBackups,
            // Failed drills, backups and copies page like any critical alarm.
            alertTopicArn: observability.criticalTopicArn,
        }, awsOpts)
        : undefined;

    return {
        tier: cfg.tier,
        region: cfg.region,
        vpcId: network.vpcId,
        clusterName: cluster.clusterName,
        kubeconfig: cluster.kubeconfig,
        cdnUrl: cdn.url,
        cdnDistributionId: cdn.distributionId,
        wafAclArn: waf.webAclArn,
        staticAssetsBucket: cdn.staticBucketName,
        ...(fileStore ? { fileStoreBucket: fileStore.bucketName } : {}),
        ...(drRegion ? { drRegion, ...(fileStoreReplica ? { drFileStoreBucket: fileStoreReplica.bucketName } : {}), drStaticAssetsBucket: staticReplica!.bucketName } : {}),
        ...(drills ? { restoreDrillsPlan: drills.planName } : {}),
        appServiceEndpoint: pulumi.interpolate`http://${origin.dnsName}`,
        appInternalUrl: app.internalUrl,
        ...(database
            ? { databaseEndpoint: pulumi.interpolate`${database.address}:${database.port}`, databaseReaderEndpoints: database.readerAddresses, databaseCredentialsSecretArn: database.masterSecretArn }
            : {}),
        ...(cache ? { cacheEndpoint: pulumi.interpolate`${cache.primaryEndpoint}:${cache.port}` } : {}),
        ...Object.fromEntries(services.map((s) => [`${s.preset.serviceName}Url`, s.url])),
        ...(cfg.managedVectorDb && cfg.sizing.vectorDb.mode === "managed" ? { vectorDbUrl: `managed (${cfg.managedVectorDb.provider})` } : {}),
        alertTopicArns: { critical: observability.criticalTopicArn, warning: observability.warningTopicArn },
        dashboardName: observability.dashboardName,
        ...(observability.grafanaEndpoint ? { grafanaUrl: pulumi.interpolate`https://${observability.grafanaEndpoint}` } : {}),
        ...(observability.prometheusEndpoint ? { prometheusQueryUrl: observability.prometheusEndpoint } : {}),
    };
}

/**
 * Node capacity follows pod sizing: the app group holds the HPA's bounds plus the pooler and the
 * cluster add-ons, one node per AZ at least; the stateful group holds one stateful pod per node,
 * sized for the largest of them.
 */
function nodeGroupsFor(cfg: StackConfig) {
    const sizing = cfg.sizing;
    // Container Insights runs its agent and Fluent Bit on every node, stateful ones included.
    const daemonSets = sizing.observability.containerInsights
        ? { cpuMillicores: DAEMONSET_OVERHEAD.cpuMillicores + CONTAINER_INSIGHTS_DAEMONSETS.cpuMillicores, memoryMiB: DAEMONSET_OVERHEAD.memoryMiB + CONTAINER_INSIGHTS_DAEMONSETS.memoryMiB }
        : DAEMONSET_OVERHEAD;
    const app = sizeNodeGroup({
        pod: { cpuMillicores: sizing.app.cpuMillicores, memoryMiB: sizing.app.memoryMiB },
        minPods: sizing.app.minReplicas,
        maxPods: sizing.app.maxReplicas,
        minNodes: sizing.network.azCount,
        architecture: cfg.app.architecture,
        sharedPods: [...(cfg.system.database ? [{ pod: poolerPod(cfg), count: sizing.pooler.replicas }] : []), ...CLUSTER_SYSTEM_PODS, ...observabilityPods(sizing.observability)],
        daemonSets,
    });
    const groups: ConstructorParameters<typeof Cluster>[1]["nodeGroups"] = {
        [APP_POOL]: { sizing: app, architecture: cfg.app.architecture, labels: poolLabels(APP_POOL) },
    };
    const stateful = selfHostedServices(cfg).map((s) => sizedPreset(cfg, s));
    if (stateful.length > 0) {
        const pods = stateful.reduce((n, s) => n + s.replicas, 0);
        const pool = sizeNodeGroup({
            pod: { cpuMillicores: Math.max(...stateful.map((s) => s.cpuMillicores)), memoryMiB: Math.max(...stateful.map((s) => s.memoryMiB)) },
            minPods: pods,
            maxPods: pods,
            minNodes: Math.max(...stateful.map((s) => s.replicas)),
            maxPodsPerNode: 1,
            architecture: "arm64",
            daemonSets,
        });
        groups[STATEFUL_POOL] = {
            sizing: pool,
            architecture: "arm64",
            labels: poolLabels(STATEFUL_POOL),
            taints: [poolTaint(STATEFUL_POOL)],
        };
    }
    return groups;
}
