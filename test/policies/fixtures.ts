/**
 * One failing and one passing case per policy. Each case changes one thing from a compliant
 * resource, and says which fragment the violation message must contain. The resources carry the
 * unrelated inputs real ones have (tags, names, ids, references), so the cases can also be run
 * with those inputs unknown, as in a first real preview (test/policies/unknowns.test.ts).
 */
import { ResourceState } from "../../core/plan/previewJson";
import { PolicyPackConfig } from "../../tools/policy/analyzer";
import { state } from "../policyHarness";

export interface PolicyCase {
    /** Resources sent: one goes through Analyze; several through AnalyzeStack. */
    fail: ResourceState[];
    pass: ResourceState[];
    expect: string;
    config?: PolicyPackConfig;
    /** Config for the passing case, when it is the config that makes the difference. */
    passConfig?: PolicyPackConfig;
}

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const TAGS = { Name: "web-small-x", CostCenter: "platform", ManagedBy: "pulumi" };
const LABELS = { "app.kubernetes.io/managed-by": "pulumi", "app.kubernetes.io/part-of": "web" };
const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** An AWS resource with the tags every resource of ours carries. */
const aws = (type: string, inputs: Record<string, unknown>, extra: Partial<ResourceState> = {}) => state(type, { tags: { ...TAGS }, ...inputs }, extra);

/** A compliant container; `change` alters one thing. */
function deployment(change: (c: any, pod: any, spec: any) => void = () => undefined, replicas: number | undefined = 3) {
    const container: any = {
        name: "app",
        image: "ghcr.io/example/app:1.4.2",
        ports: [{ containerPort: 8080, name: "http" }],
        env: [
            { name: "CORS_ORIGIN", value: "https://app.example.com" },
            { name: "DB_HOST", value: "db.internal.example.com" },
            { name: "LOG_LEVEL", value: "info" },
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
        ],
        args: ["--port=8080", "--db-password=$(DB_PASSWORD)"],
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "128Mi" } },
        readinessProbe: { httpGet: { path: "/h", port: 8080 }, periodSeconds: 5 },
        livenessProbe: { httpGet: { path: "/h", port: 8080 }, periodSeconds: 10 },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
    };
    const pod: any = { serviceAccountName: "web", securityContext: { runAsNonRoot: true }, containers: [container] };
    const spec: any = { replicas, selector: { matchLabels: { app: "a" } }, template: { metadata: { labels: { app: "a", ...LABELS } }, spec: pod } };
    if (replicas === undefined) delete spec.replicas;
    change(container, pod, spec);
    return state(DEPLOYMENT, {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "app", namespace: "web", labels: { ...LABELS }, annotations: { "deployment.kubernetes.io/revision-history": "10" } },
        spec,
    });
}

const rds = (p: Record<string, unknown> = {}) => aws("aws:rds/instance:Instance", {
    engine: "postgres", engineVersion: "17.4", instanceClass: "db.t3.large", identifier: "web-small-pg", dbSubnetGroupName: "web-small-db", vpcSecurityGroupIds: ["sg-0123456789abcdef0"],
    kmsKeyId: KMS, manageMasterUserPassword: true, storageEncrypted: true, multiAz: true, backupRetentionPeriod: 30,
    deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final", deleteAutomatedBackups: false, publiclyAccessible: false, ...p,
});
const aurora = (p: Record<string, unknown> = {}) => aws("aws:rds/cluster:Cluster", {
    engine: "aurora-postgresql", engineVersion: "16.4", clusterIdentifier: "web-aurora", dbSubnetGroupName: "web-small-db", vpcSecurityGroupIds: ["sg-0123456789abcdef0"],
    kmsKeyId: KMS, masterUsername: "app", manageMasterUserPassword: true, storageEncrypted: true, backupRetentionPeriod: 30,
    deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "aurora-final", deleteAutomatedBackups: false, ...p,
});
const cache = (p: Record<string, unknown> = {}) => aws("aws:elasticache/replicationGroup:ReplicationGroup", {
    description: "app cache", engine: "valkey", nodeType: "cache.t4g.medium", subnetGroupName: "web-small-cache", securityGroupIds: ["sg-0123456789abcdef1"], kmsKeyId: KMS,
    transitEncryptionEnabled: true, transitEncryptionMode: "required", userGroupIds: ["users"], atRestEncryptionEnabled: true,
    snapshotRetentionLimit: 7, numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true, ...p,
});
const docker = (p: Record<string, unknown> = {}) => state("docker:index/container:Container", {
    name: "web-local-app", image: "app:1", envs: ["CORS_ORIGIN=https://app.example.com", "LOG_LEVEL=info", "DB_HOST=db"], restart: "unless-stopped", networksAdvanced: [{ name: "web-local" }],
    healthcheck: { tests: ["CMD", "curl", "-f", "http://localhost/health"], interval: "10s" }, ports: [{ internal: 12015, external: 12015 }], ...p,
});
const k8s = (type: string, props: Record<string, unknown>) => state(type, { ...props, metadata: { name: "x", namespace: "web", labels: { ...LABELS }, ...((props.metadata as object) ?? {}) } });

function bucketSet(omit: string[] = []) {
    const bucket = aws("aws:s3/bucket:Bucket", { bucket: "b1", forceDestroy: false }, { urn: "urn:pulumi:test::tiered-infra::aws:s3/bucket:Bucket::b1" });
    const attached = (type: string, props: Record<string, unknown>) => state(type, { bucket: "b1", ...props }, { dependencies: [bucket.urn], propertyDependencies: { bucket: [bucket.urn] } });
    const parts: Record<string, ResourceState> = {
        lifecycle: attached("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", { rules: [{ id: "x", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] }),
        sse: attached("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KMS } }] }),
        pab: attached("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
    };
    return [bucket, ...Object.entries(parts).filter(([k]) => !omit.includes(k)).map(([, v]) => v)];
}

/** A StatefulSet whose volumes a backup plan with these schedules selects by tag. */
function backedUpVolumes(schedules: string[]) {
    const sc = state("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "chroma-gp3" }, provisioner: "ebs.csi.aws.com", parameters: { tagSpecification_1: "backup=chroma" } });
    const sts = state("kubernetes:apps/v1:StatefulSet", {
        metadata: { name: "chroma", namespace: "web" },
        spec: { replicas: 1, volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { storageClassName: "chroma-gp3" } }] },
    }, { dependencies: [sc.urn] });
    const plan = state("aws:backup/plan:Plan", { rules: schedules.map((schedule, i) => ({ ruleName: `r${i}`, schedule, targetVaultName: "v" })) });
    const selection = state("aws:backup/selection:Selection", { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "chroma" }] }, { dependencies: [plan.urn] });
    return [sc, sts, plan, selection];
}

/** A bucket and the log bucket it logs to (or not). */
function loggedBucket(logs: boolean) {
    const target = state("aws:s3/bucket:Bucket", { bucket: "logs", tags: { "tiered-infra:bucket-role": "access-logs" } }, { urn: "urn:pulumi:test::tiered-infra::aws:s3/bucket:Bucket::logs" });
    const bucket = state("aws:s3/bucket:Bucket", { bucket: "assets", tags: { "tiered-infra:bucket-role": "static-assets" } }, { urn: "urn:pulumi:test::tiered-infra::aws:s3/bucket:Bucket::assets" });
    // Neither bucket's name is given (as in a first preview): the logging resource is linked by its dependencies.
    const logging = state("aws:s3/bucketLogging:BucketLogging", { targetPrefix: "s3/" }, { dependencies: [bucket.urn, target.urn] });
    return logs ? [target, bucket, logging] : [target, bucket];
}

const pdb = (selector: Record<string, unknown> = { matchLabels: { app: "a" } }, spec: Record<string, unknown> = { maxUnavailable: 1 }) =>
    state("kubernetes:policy/v1:PodDisruptionBudget", { metadata: { name: "app", namespace: "web", labels: { ...LABELS } }, spec: { ...spec, selector } });
/** An HPA-managed Deployment (no spec.replicas) and its HPA, linked as the engine links them (its spec depends on the Deployment). */
function autoscaled(min: number, max = 10): ResourceState[] {
    const d = deployment(undefined, undefined);
    const h = state("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", {
        metadata: { name: "app", namespace: "web", labels: { ...LABELS } },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "app" }, minReplicas: min, maxReplicas: max, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] },
    }, { dependencies: [d.urn], propertyDependencies: { spec: [d.urn] } });
    return [d, h];
}
/**
 * A database watched as components/observability.ts does it: an encrypted topic, and one alarm per
 * required metric whose dimension is an output of the instance (so the alarm depends on it).
 */
function watchedDatabase(omit: string[] = []) {
    const db = rds({ identifier: "db-1" });
    const topic = state("aws:sns/topic:Topic", { name: "alerts-critical", kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/k" });
    const alarms = ["CPUUtilization", "FreeableMemory", "FreeStorageSpace", "DatabaseConnections"].filter((m) => !omit.includes(m)).map((metricName) =>
        state("aws:cloudwatch/metricAlarm:MetricAlarm", {
            namespace: "AWS/RDS", metricName, dimensions: { DBInstanceIdentifier: "db-1" }, statistic: "Average", period: 60,
            comparisonOperator: "GreaterThanThreshold", threshold: 1, evaluationPeriods: 5, alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts-critical"],
        }, { dependencies: [db.urn, topic.urn] }));
    return [db, topic, ...alarms];
}

const helm = (values: Record<string, unknown>) => state("kubernetes:helm.sh/v3:Release", {
    chart: "postgresql", version: "16.4.1", namespace: "data", repositoryOpts: { repo: "https://charts.bitnami.com/bitnami" },
    values: { global: { security: { allowInsecureImages: false } }, primary: { persistence: { size: "50Gi" } }, ...values },
});
const b64 = (s: string) => Buffer.from(s).toString("base64");
const USER_DATA_OK = "#!/bin/bash\nset -euo pipefail\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)\n/etc/eks/bootstrap.sh web-small --b64-cluster-ca LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t --kubelet-extra-args '--node-labels=pool=app'\n";
const launchTemplate = (userData: string) => aws("aws:ec2/launchTemplate:LaunchTemplate", {
    namePrefix: "web-small-app-", imageId: "ami-0123456789abcdef0", vpcSecurityGroupIds: ["sg-0123456789abcdef2"], userData: b64(userData),
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 }, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 50, volumeType: "gp3", kmsKeyId: KMS } }],
});
const service = (spec: Record<string, unknown>, annotations: Record<string, string> = {}) =>
    k8s("kubernetes:core/v1:Service", { metadata: { annotations }, spec: { selector: { app: "db" }, ports: [{ name: "pg", port: 5432, targetPort: 5432, protocol: "TCP" }], ...spec } });
const backupPlan = (rules: Array<{ name: string; deleteAfter?: number }>) => aws("aws:backup/plan:Plan", {
    name: "web-small-chroma",
    rules: rules.map((r) => ({ ruleName: r.name, targetVaultName: "web-small-chroma-vault", schedule: "cron(0 3 * * ? *)", startWindow: 60, ...(r.deleteAfter ? { lifecycle: { deleteAfter: r.deleteAfter } } : {}) })),
});
function efsSet(policy?: "ENABLED" | "DISABLED") {
    const fs = aws("aws:efs/fileSystem:FileSystem", { encrypted: true, kmsKeyId: KMS, performanceMode: "generalPurpose" }, { urn: "urn:pulumi:test::tiered-infra::aws:efs/fileSystem:FileSystem::shared" });
    if (!policy) return [fs];
    return [fs, state("aws:efs/backupPolicy:BackupPolicy", { fileSystemId: "fs-0123456789abcdef0", backupPolicy: { status: policy } }, { dependencies: [fs.urn], propertyDependencies: { fileSystemId: [fs.urn] } })];
}

export const POLICY_CASES: Record<string, PolicyCase> = {
    "kubernetes-workload-disallow-literal-secret-env": {
        fail: [deployment((c) => c.env.push({ name: "DB_PASSWORD", value: "hunter22" }))],
        pass: [deployment()],
        expect: "DB_PASSWORD is a secret-looking name with a literal value",
    },
    "kubernetes-configmap-disallow-secret-data": {
        fail: [k8s("kubernetes:core/v1:ConfigMap", { data: { LOG_LEVEL: "info", "application.properties": "server.port=8080\nspring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=Fak3Passw0rd\n" } })],
        pass: [k8s("kubernetes:core/v1:ConfigMap", { data: { LOG_LEVEL: "info", "application.properties": "server.port=8080\nspring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${DB_PASSWORD}\n" } })],
        expect: "application.properties holds a file whose \"spring.datasource.password\" is a literal secret",
    },
    "aws-ecs-task-disallow-plaintext-secret-env": {
        fail: [aws("aws:ecs/taskDefinition:TaskDefinition", { family: "api", containerDefinitions: JSON.stringify([{ name: "api", image: "api:1", environment: [{ name: "LOG_LEVEL", value: "info" }, { name: "API_TOKEN", value: "abc123" }] }]) })],
        pass: [aws("aws:ecs/taskDefinition:TaskDefinition", { family: "api", containerDefinitions: JSON.stringify([{ name: "api", image: "api:1", environment: [{ name: "LOG_LEVEL", value: "info" }], secrets: [{ name: "API_TOKEN", valueFrom: "arn:aws:secretsmanager:x" }] }]) })],
        expect: "container api: environment API_TOKEN",
    },
    "aws-lambda-disallow-plaintext-secret-env": {
        fail: [aws("aws:lambda/function:Function", { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::123456789012:role/fn", environment: { variables: { STRIPE_SECRET: "s3cr3t-value", SECRETS_MANAGER_TTL: "300" } } })],
        pass: [aws("aws:lambda/function:Function", { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::123456789012:role/fn", environment: { variables: { STRIPE_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe", SECRETS_MANAGER_TTL: "300", PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: "2773" } } })],
        expect: "STRIPE_SECRET is a secret-looking name",
    },
    "docker-container-disallow-plaintext-secret-env": {
        fail: [docker({ envs: ["LOG_LEVEL=info", "ADMIN_API_KEY=development-key"] })],
        pass: [docker({ envs: ["LOG_LEVEL=info", "ADMIN_API_KEY_FILE=/run/secrets/admin_api_key"] })],
        expect: "ADMIN_API_KEY is a secret-looking name",
    },
    "kubernetes-helm-release-disallow-literal-secret-values": {
        fail: [helm({ auth: { username: "app", password: "Fak3Passw0rd", database: "app" } })],
        pass: [helm({ auth: { username: "app", existingSecret: "db-credentials", secretKeys: { adminPasswordKey: "postgres-password", userPasswordKey: "password" }, database: "app" } })],
        expect: "values.auth.password: password is a secret-looking name with a literal value",
    },
    "aws-ec2-user-data-disallow-secrets": {
        fail: [launchTemplate(USER_DATA_OK + "echo \"DB_PASSWORD=Fak3Passw0rd\" >> /etc/app.env\n")],
        pass: [launchTemplate(USER_DATA_OK)],
        expect: "userData sets DB_PASSWORD to a literal secret",
    },
    "aws-rds-instance-require-managed-master-password": {
        fail: [rds({ manageMasterUserPassword: undefined, passwordWo: "hunter2hunter2", passwordWoVersion: 1 })],
        pass: [rds()],
        expect: "a master password is passed in (passwordWo",
    },
    "aws-rds-cluster-require-managed-master-password": {
        fail: [aurora({ manageMasterUserPassword: undefined, masterPassword: "hunter2hunter2" })],
        pass: [aurora()],
        expect: "a master password is passed in (masterPassword",
    },
    "aws-elasticache-require-auth-and-transit-encryption": {
        fail: [cache({ userGroupIds: [] })],
        pass: [cache({ userGroupIds: undefined, authTokenWo: "from-config", authTokenWoVersion: 1 })],
        expect: "no AUTH token and no RBAC user group",
    },
    "aws-secretsmanager-secret-require-kms-and-recovery-window": {
        fail: [aws("aws:secretsmanager/secret:Secret", { name: "web/app", description: "app secrets", kmsKeyId: KMS, recoveryWindowInDays: 7 })],
        pass: [aws("aws:secretsmanager/secret:Secret", { name: "web/app", description: "app secrets", kmsKeyId: KMS, recoveryWindowInDays: 30 })],
        expect: "recoveryWindowInDays is 7, below 30",
    },
    "aws-eks-cluster-require-secrets-encryption": {
        fail: [aws("aws:eks/cluster:Cluster", { version: "1.35", roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-1", "subnet-2"] } })],
        pass: [aws("aws:eks/cluster:Cluster", { version: "1.35", roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: { endpointPublicAccess: false, subnetIds: ["subnet-1", "subnet-2"] }, encryptionConfig: { resources: ["secrets"], provider: { keyArn: KMS } } })],
        expect: "secrets are not envelope-encrypted",
    },
    "aws-ssm-parameter-require-securestring": {
        fail: [aws("aws:ssm/parameter:Parameter", { name: "/app/db_password", type: "String", value: "x", description: "db" })],
        pass: [aws("aws:ssm/parameter:Parameter", { name: "/app/db_password", type: "SecureString", value: "[secret]", description: "db", keyId: KMS })],
        expect: "looks secret but is String",
    },
    "aws-s3-cors-restrict-origins": {
        fail: [aws("aws:s3/bucket:Bucket", { bucket: "uploads", corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"], maxAgeSeconds: 3000 }] })],
        pass: [aws("aws:s3/bucket:Bucket", { bucket: "uploads", corsRules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"], maxAgeSeconds: 3000 }] })],
        expect: "corsRules[0] allows any origin (*)",
    },
    "aws-cloudfront-response-headers-restrict-cors": {
        fail: [aws("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", { name: "web", corsConfig: { accessControlAllowOrigins: { items: ["*"] }, accessControlAllowCredentials: true, originOverride: true } })],
        pass: [aws("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", { name: "web", corsConfig: { accessControlAllowOrigins: { items: ["https://app.example.com"] }, accessControlAllowCredentials: true, originOverride: true } })],
        expect: "allows any origin (*) together with credentials",
    },
    "aws-apigatewayv2-api-restrict-cors": {
        fail: [aws("aws:apigatewayv2/api:Api", { name: "api", protocolType: "HTTP", corsConfiguration: { allowOrigins: ["http://app.example.com"], allowMethods: ["GET"] } })],
        pass: [aws("aws:apigatewayv2/api:Api", { name: "api", protocolType: "HTTP", corsConfiguration: { allowOrigins: ["https://app.example.com"], allowMethods: ["GET"] } })],
        expect: "allows plain-HTTP origin http://app.example.com",
    },
    "aws-apigateway-restrict-cors-headers": {
        fail: [state("aws:apigateway/integrationResponse:IntegrationResponse", { restApi: "abc123", resourceId: "res1", httpMethod: "GET", statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'" } })],
        pass: [state("aws:apigateway/integrationResponse:IntegrationResponse", { restApi: "abc123", resourceId: "res1", httpMethod: "GET", statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'" } })],
        expect: "allows any origin (*)",
    },
    "aws-lambda-function-url-restrict-cors": {
        fail: [state("aws:lambda/functionUrl:FunctionUrl", { functionName: "fn", authorizationType: "AWS_IAM", cors: { allowOrigins: ["https://evil.example.net"] } })],
        pass: [state("aws:lambda/functionUrl:FunctionUrl", { functionName: "fn", authorizationType: "AWS_IAM", cors: { allowOrigins: ["https://app.example.com"] } })],
        expect: "https://evil.example.net, which is not in the allowlist",
        config: { "aws-lambda-function-url-restrict-cors": { allowedOrigins: ["https://app.example.com"] } },
    },
    "kubernetes-ingress-restrict-cors": {
        fail: [k8s("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { annotations: { "nginx.ingress.kubernetes.io/enable-cors": "true", "nginx.ingress.kubernetes.io/proxy-body-size": "8m" } }, spec: { ingressClassName: "nginx" } })],
        pass: [k8s("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { annotations: { "nginx.ingress.kubernetes.io/enable-cors": "true", "nginx.ingress.kubernetes.io/cors-allow-origin": "https://app.example.com", "nginx.ingress.kubernetes.io/proxy-body-size": "8m" } }, spec: { ingressClassName: "nginx" } })],
        expect: "enable-cors is on without cors-allow-origin",
    },
    "app-env-restrict-cors-origin": {
        fail: [deployment((c) => (c.env[0] = { name: "BACKEND_CORS_ORIGINS", value: "[\"https://app.example.com\", \"*\"]" }))],
        pass: [deployment((c) => (c.env[0] = { name: "BACKEND_CORS_ORIGINS", value: "[\"https://app.example.com\"]" }))],
        expect: "BACKEND_CORS_ORIGINS allows any origin (*)",
    },
    "aws-rds-instance-configure-backup-retention": {
        fail: [rds({ backupRetentionPeriod: 7 })],
        pass: [rds({ backupRetentionPeriod: 30 })],
        expect: "backupRetentionPeriod is 7 days, below 30",
    },
    "aws-rds-cluster-configure-backup-retention": {
        fail: [aurora({ backupRetentionPeriod: undefined })],
        pass: [aurora()],
        expect: "backupRetentionPeriod is 1 days, below 30",
    },
    "aws-rds-instance-require-final-snapshot-and-deletion-protection": {
        fail: [rds({ skipFinalSnapshot: true, finalSnapshotIdentifier: undefined })],
        pass: [rds()],
        expect: "no final snapshot is taken on deletion",
    },
    "aws-rds-cluster-require-final-snapshot-and-deletion-protection": {
        fail: [aurora({ deletionProtection: undefined })],
        pass: [aurora()],
        expect: "deletionProtection is off",
    },
    "aws-elasticache-configure-snapshot-retention": {
        fail: [cache({ snapshotRetentionLimit: 1 })],
        pass: [cache()],
        expect: "snapshotRetentionLimit is 1, below 7",
    },
    "aws-cloudwatch-log-group-configure-retention": {
        fail: [aws("aws:cloudwatch/logGroup:LogGroup", { name: "/app", kmsKeyId: KMS })],
        pass: [aws("aws:cloudwatch/logGroup:LogGroup", { name: "/app", kmsKeyId: KMS, retentionInDays: 30 })],
        expect: "retentionInDays is not set",
    },
    "aws-s3-bucket-require-lifecycle": {
        fail: bucketSet(["lifecycle"]),
        pass: bucketSet(),
        expect: "bucket b1 has no lifecycle configuration",
    },
    "aws-s3-lifecycle-disallow-early-expiration": {
        fail: [state("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", { bucket: "uploads", rules: [{ id: "expire-uploads", status: "Enabled", filter: { prefix: "uploads/" }, expiration: { days: 7 } }] })],
        pass: [state("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", { bucket: "uploads", rules: [{ id: "expire-uploads", status: "Enabled", filter: { prefix: "uploads/" }, expiration: { days: 90 } }, { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, expiration: { days: 1 } }] })],
        expect: "rules[0] (expire-uploads) expires objects after 7 days, below 30",
    },
    "kubernetes-statefulset-retain-volumes": {
        fail: [k8s("kubernetes:apps/v1:StatefulSet", { spec: { serviceName: "chroma", volumeClaimTemplates: [{ metadata: { name: "data" } }], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Retain" } } })],
        pass: [k8s("kubernetes:apps/v1:StatefulSet", { spec: { serviceName: "chroma", volumeClaimTemplates: [{ metadata: { name: "data" } }], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" } } })],
        expect: "whenDeleted is Delete",
    },
    "kubernetes-storageclass-retain-volumes": {
        fail: [state("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer", parameters: { encrypted: "true", type: "gp3" } })],
        pass: [state("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer", reclaimPolicy: "Retain", parameters: { encrypted: "true", type: "gp3" } })],
        expect: "reclaimPolicy is Delete (default)",
    },
    "aws-kms-key-configure-deletion-window-and-rotation": {
        fail: [aws("aws:kms/key:Key", { description: "data", deletionWindowInDays: 30 })],
        pass: [aws("aws:kms/key:Key", { description: "data", deletionWindowInDays: 30, enableKeyRotation: true })],
        expect: "enableKeyRotation is off",
    },
    "aws-backup-plan-configure-retention": {
        fail: [backupPlan([{ name: "hourly", deleteAfter: 2 }, { name: "daily", deleteAfter: 7 }])],
        pass: [backupPlan([{ name: "hourly", deleteAfter: 2 }, { name: "daily", deleteAfter: 35 }])],
        expect: "the longest-kept rule keeps recovery points 7 days, below 30",
    },
    "aws-dynamodb-table-require-point-in-time-recovery": {
        fail: [aws("aws:dynamodb/table:Table", { name: "sessions", billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }] })],
        pass: [aws("aws:dynamodb/table:Table", { name: "sessions", billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }], pointInTimeRecovery: { enabled: true } })],
        expect: "point-in-time recovery is off",
    },
    "aws-efs-file-system-require-backup": {
        fail: efsSet("DISABLED"),
        pass: efsSet("ENABLED"),
        expect: "file system shared has its backup policy DISABLED",
    },
    "data-require-encryption-at-rest": {
        fail: [state("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp2-legacy" }, provisioner: "kubernetes.io/aws-ebs", reclaimPolicy: "Retain", parameters: { type: "gp2", fsType: "ext4" } })],
        pass: [state("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp2-legacy" }, provisioner: "kubernetes.io/aws-ebs", reclaimPolicy: "Retain", parameters: { type: "gp2", fsType: "ext4", encrypted: "true" } })],
        expect: "EBS volumes of this class (kubernetes.io/aws-ebs) are not encrypted",
    },
    "aws-s3-bucket-require-encryption-config": {
        fail: bucketSet(["sse"]),
        pass: bucketSet(),
        expect: "bucket b1 has no server-side encryption configuration",
    },
    "aws-security-group-disallow-public-data-ports": {
        fail: [aws("aws:ec2/securityGroup:SecurityGroup", { vpcId: "vpc-1", description: "cache", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "tcp", fromPort: 11211, toPort: 11211, cidrBlocks: ["0.0.0.0/0"] }] })],
        pass: [aws("aws:ec2/securityGroup:SecurityGroup", { vpcId: "vpc-1", description: "cache", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, { protocol: "tcp", fromPort: 11211, toPort: 11211, securityGroups: ["sg-0123456789abcdef3"] }] })],
        expect: "ingress from 0.0.0.0/0 reaches data/admin port(s) 11211",
    },
    "data-tier-disallow-public-access": {
        fail: [rds({ publiclyAccessible: true })],
        pass: [rds()],
        expect: "publiclyAccessible is true",
    },
    "aws-s3-bucket-require-public-access-block": {
        fail: bucketSet(["pab"]),
        pass: bucketSet(),
        expect: "bucket b1 does not block all public access",
    },
    "docker-container-restrict-published-data-ports": {
        fail: [docker({ ports: [{ internal: 5432, external: 5432 }] })],
        pass: [docker({ ports: [{ internal: 5432, external: 5432, ip: "127.0.0.1" }] })],
        expect: "port 5432 is published on 0.0.0.0:5432",
    },
    "kubernetes-service-disallow-public-data-ports": {
        fail: [service({ type: "LoadBalancer" })],
        pass: [service({ type: "LoadBalancer" }, { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" })],
        expect: "an internet-facing load balancer open to everyone exposes data/admin port(s) 5432",
    },
    "aws-rds-instance-require-multi-az": {
        fail: [rds({ multiAz: false })],
        pass: [rds()],
        expect: "multiAz is off on a production primary",
    },
    "aws-elasticache-require-failover": {
        fail: [cache({ automaticFailoverEnabled: false })],
        pass: [cache()],
        expect: "replicas without automatic Multi-AZ failover",
    },
    "kubernetes-workload-require-min-replicas": {
        fail: autoscaled(1),
        pass: autoscaled(2),
        expect: "1 replica(s) (minReplicas of HPA",
    },
    "kubernetes-workload-require-pdb": {
        fail: autoscaled(1, 5),
        pass: [...autoscaled(1, 5), pdb({ matchExpressions: [{ key: "app", operator: "In", values: ["a", "a-canary"] }] })],
        expect: "has no PodDisruptionBudget",
    },
    "kubernetes-workload-require-probes-and-limits": {
        fail: [deployment((c) => delete c.livenessProbe)],
        pass: [deployment()],
        expect: "container app lacks livenessProbe",
    },
    "kubernetes-workload-require-restricted-security-context": {
        fail: [deployment((c, pod) => { delete pod.securityContext; })],
        pass: [deployment()],
        expect: "container app may run as root",
    },
    "stack-budget-enforce-monthly-limit": {
        fail: [rds({ instanceClass: "db.r6g.2xlarge", allocatedStorage: 1000 })],
        pass: [rds({ instanceClass: "db.r6g.2xlarge", allocatedStorage: 1000 })],
        expect: "/month exceeds the budget of $1,000.00; largest items: ",
        config: { "stack-budget-enforce-monthly-limit": { maxMonthlyUsd: 1000, usage: { rdsExtraBackupGiB: 0 } } },
        passConfig: { "stack-budget-enforce-monthly-limit": { maxMonthlyUsd: 2000, usage: { rdsExtraBackupGiB: 0 } } },
    },
    "recovery-objectives-met": {
        fail: backedUpVolumes(["cron(0 3 * * ? *)", "cron(0 4 ? * SUN *)"]),
        pass: backedUpVolumes(["cron(0 * * * ? *)", "cron(0 3 * * ? *)"]),
        expect: "volumes of StatefulSet web/chroma: achievable RPO is 1440 minutes (backup rule r0), worse than the declared 60 minutes",
        config: { "recovery-objectives-met": { rpoMinutes: 60 } },
    },
    "s3-bucket-access-logging": {
        fail: loggedBucket(false),
        pass: loggedBucket(true),
        expect: "bucket assets has no server access logging",
    },
    "monitoring-alarm-coverage": {
        fail: watchedDatabase(["FreeStorageSpace"]),
        pass: watchedDatabase(),
        expect: "has no alarm on FreeStorageSpace",
    },
    "docker-container-require-healthcheck-and-restart": {
        fail: [docker({ healthcheck: undefined })],
        pass: [docker()],
        expect: "no health check",
    },
};

/**
 * Further surfaces of issue 12, each a failing case of the policy that covers it (beyond the one
 * case per policy above), with the look-alike that must pass beside it.
 */
export const SURFACE_CASES: Array<{ surface: string; policy: string; fail: ResourceState[]; pass: ResourceState[]; expect: string; config?: PolicyPackConfig }> = [
    {
        surface: "container command and args",
        policy: "kubernetes-workload-disallow-literal-secret-env",
        fail: [deployment((c) => (c.args = ["--token", "ghp_FAKEfake0123456789FAKEfake0123456789"]))],
        pass: [deployment((c) => (c.args = ["--token-ttl=3600", "--password-file=/run/secrets/db", "--tls-key-file=/tls/tls.key"]))],
        expect: "container app: args",
    },
    {
        surface: "container command (sh -c)",
        policy: "kubernetes-workload-disallow-literal-secret-env",
        fail: [deployment((c) => (c.command = ["sh", "-c", "PGPASSWORD=Fak3Passw0rd psql -h db -U app"]))],
        pass: [deployment((c) => (c.command = ["sh", "-c", "exec app --db-password=$(DB_PASSWORD)"]))],
        expect: "container app: command sets PGPASSWORD to a literal secret",
    },
    {
        surface: "EC2 instance user data (plain)",
        policy: "aws-ec2-user-data-disallow-secrets",
        fail: [aws("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", userData: "#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY123\n" })],
        pass: [aws("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", userData: "#!/bin/bash\naws ssm get-parameter --with-decryption --name /prod/db/password\n" })],
        expect: "userData",
    },
    {
        surface: "EC2 instance user data (base64 of gzip)",
        policy: "aws-ec2-user-data-disallow-secrets",
        fail: [aws("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", userDataBase64: require("zlib").gzipSync("#!/bin/bash\ndocker login -u deploy --password Fak3Passw0rd registry.example.com\n").toString("base64") })],
        pass: [aws("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", userDataBase64: require("zlib").gzipSync("#!/bin/bash\naws ecr get-login-password | docker login --password-stdin --username AWS registry.example.com\n").toString("base64") })],
        expect: "userDataBase64 passes --password a literal secret",
    },
    {
        surface: "ConfigMap file-shaped values (YAML, JSON, .env, redis.conf)",
        policy: "kubernetes-configmap-disallow-secret-data",
        fail: [k8s("kubernetes:core/v1:ConfigMap", { data: { "config.yaml": "db:\n  host: db\n  password: Fak3Passw0rd\n", "settings.json": "{\"db\":{\"host\":\"db\"}}", "redis.conf": "requirepass Fak3Passw0rd\n" } })],
        pass: [k8s("kubernetes:core/v1:ConfigMap", { data: { "config.yaml": "db:\n  host: db\n  password_file: /run/secrets/db\n", "settings.json": "{\"token-ttl\":3600,\"auth\":{\"url\":\"https://auth.example.com\"}}", "redis.conf": "maxmemory 256mb\n" } })],
        expect: "config.yaml holds a file whose \"password\" is a literal secret",
    },
    {
        surface: "Aurora cluster encryption",
        policy: "data-require-encryption-at-rest",
        fail: [aurora({ storageEncrypted: undefined })],
        pass: [aurora({ storageEncrypted: undefined, engineMode: "serverless" })],
        expect: "storageEncrypted is off (Aurora's default for provisioned clusters)",
    },
    {
        surface: "ElastiCache serverless without RBAC",
        policy: "aws-elasticache-require-auth-and-transit-encryption",
        fail: [aws("aws:elasticache/serverlessCache:ServerlessCache", { name: "sessions", engine: "valkey", majorEngineVersion: "8", securityGroupIds: ["sg-1"], subnetIds: ["subnet-1"], snapshotRetentionLimit: 7 })],
        pass: [aws("aws:elasticache/serverlessCache:ServerlessCache", { name: "sessions", engine: "memcached", majorEngineVersion: "1.6", securityGroupIds: ["sg-1"], subnetIds: ["subnet-1"] })],
        expect: "no RBAC user group (userGroupId)",
    },
    {
        surface: "ElastiCache serverless snapshots",
        policy: "aws-elasticache-configure-snapshot-retention",
        fail: [aws("aws:elasticache/serverlessCache:ServerlessCache", { name: "sessions", engine: "redis", majorEngineVersion: "7", userGroupId: "users", securityGroupIds: ["sg-1"] })],
        pass: [aws("aws:elasticache/serverlessCache:ServerlessCache", { name: "sessions", engine: "redis", majorEngineVersion: "7", userGroupId: "users", securityGroupIds: ["sg-1"], snapshotRetentionLimit: 7 })],
        expect: "snapshotRetentionLimit is 0, below 7",
    },
    {
        surface: "memcached cluster: transit encryption, no snapshots to keep",
        policy: "aws-elasticache-require-auth-and-transit-encryption",
        fail: [aws("aws:elasticache/cluster:Cluster", { clusterId: "sessions", engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2, securityGroupIds: ["sg-1"] })],
        pass: [aws("aws:elasticache/cluster:Cluster", { clusterId: "sessions", engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2, securityGroupIds: ["sg-1"], transitEncryptionEnabled: true })],
        expect: "memcached without transitEncryptionEnabled",
    },
    {
        surface: "single-node Redis clusters keep snapshots; memcached has none to keep",
        policy: "aws-elasticache-configure-snapshot-retention",
        fail: [aws("aws:elasticache/cluster:Cluster", { clusterId: "jobs", engine: "redis", nodeType: "cache.t4g.small", numCacheNodes: 1 })],
        pass: [aws("aws:elasticache/cluster:Cluster", { clusterId: "sessions", engine: "memcached", nodeType: "cache.t4g.small", numCacheNodes: 2, transitEncryptionEnabled: true })],
        expect: "snapshotRetentionLimit is 0, below 7",
    },
    {
        surface: "S3 inline lifecycle rules expiring data",
        policy: "aws-s3-lifecycle-disallow-early-expiration",
        fail: [aws("aws:s3/bucket:Bucket", { bucket: "uploads", lifecycleRules: [{ enabled: true, expiration: { days: 3 } }] })],
        pass: [aws("aws:s3/bucket:Bucket", { bucket: "access-logs", lifecycleRules: [{ enabled: true, expiration: { days: 3 } }] })],
        expect: "lifecycleRules[0] (unnamed) expires objects after 3 days",
    },
    {
        surface: "API Gateway gateway responses",
        policy: "aws-apigateway-restrict-cors-headers",
        fail: [state("aws:apigateway/response:Response", { restApiId: "abc123", responseType: "DEFAULT_4XX", responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'null'" } })],
        pass: [state("aws:apigateway/integrationResponse:IntegrationResponse", { restApi: "abc123", resourceId: "r", httpMethod: "GET", statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "integration.response.header.Access-Control-Allow-Origin" } })],
        expect: "allows the \"null\" origin",
    },
    {
        surface: "ingress-nginx snippet reflecting the origin",
        policy: "kubernetes-ingress-restrict-cors",
        fail: [k8s("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { annotations: { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"Access-Control-Allow-Origin: $http_origin\";" } } })],
        pass: [k8s("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { annotations: { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X-Frame-Options: DENY\";" } } })],
        expect: "configuration-snippet sets Access-Control-Allow-Origin to $http_origin (reflects any origin)",
    },
    {
        surface: "app CORS in ECS task definitions",
        policy: "app-env-restrict-cors-origin",
        fail: [aws("aws:ecs/taskDefinition:TaskDefinition", { family: "api", containerDefinitions: JSON.stringify([{ name: "api", environment: [{ name: "CORS_ALLOW_ORIGIN", value: "https://app.example.com;http://admin.example.com" }] }]) })],
        pass: [aws("aws:ecs/taskDefinition:TaskDefinition", { family: "api", containerDefinitions: JSON.stringify([{ name: "api", environment: [{ name: "CORS_ALLOW_ORIGIN", value: "https://app.example.com;https://admin.example.com" }, { name: "CORS_MAX_AGE", value: "600" }] }]) })],
        expect: "CORS_ALLOW_ORIGIN allows plain-HTTP origin http://admin.example.com",
    },
    {
        surface: "app CORS allow-all switch in a ConfigMap",
        policy: "app-env-restrict-cors-origin",
        fail: [k8s("kubernetes:core/v1:ConfigMap", { data: { CORS_ALLOW_ALL_ORIGINS: "True", ALLOWED_HOSTS: "api.example.com" } })],
        pass: [k8s("kubernetes:core/v1:ConfigMap", { data: { CORS_ALLOW_ALL_ORIGINS: "False", ALLOWED_HOSTS: "api.example.com", CORS_ALLOWED_ORIGINS: "https://app.example.com" } })],
        expect: "CORS_ALLOW_ALL_ORIGINS is True: every origin may call the app",
    },
    {
        surface: "app CORS in a ConfigMap file and Docker env (singular name)",
        policy: "app-env-restrict-cors-origin",
        fail: [docker({ envs: ["CORS_ORIGIN_ALLOW_ALL=true"] })],
        pass: [docker({ envs: ["CORS_ORIGIN_ALLOW_ALL=false", "CORS_ALLOW_METHODS=GET,POST"] })],
        expect: "CORS_ORIGIN_ALLOW_ALL is true",
    },
    {
        surface: "app CORS origin inside a ConfigMap .env file",
        policy: "app-env-restrict-cors-origin",
        fail: [k8s("kubernetes:core/v1:ConfigMap", { data: { ".env": "NODE_ENV=production\nCORS_ORIGINS=*\n" } })],
        pass: [k8s("kubernetes:core/v1:ConfigMap", { data: { ".env": "NODE_ENV=production\nCORS_ORIGINS=https://app.example.com\n" } })],
        expect: "CORS_ORIGINS allows any origin (*)",
    },
    {
        surface: "security group opening a port range that covers memcached",
        policy: "aws-security-group-disallow-public-data-ports",
        fail: [aws("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 11000, toPort: 12000, cidrIpv4: "0.0.0.0/0" })],
        pass: [aws("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 11000, toPort: 12000, prefixListId: "pl-1" })],
        expect: "reaches data/admin port(s) 11211",
    },
    {
        surface: "HPA-managed Deployment without replicas",
        policy: "kubernetes-workload-require-min-replicas",
        fail: [deployment(undefined, 1)],
        pass: autoscaled(3),
        expect: "1 replica(s), below 2",
    },
    {
        surface: "PDB that blocks every eviction",
        policy: "kubernetes-workload-require-pdb",
        fail: [deployment(), pdb(undefined, { maxUnavailable: 0 })],
        pass: [deployment(), pdb({ matchLabels: { app: "a" }, matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] })],
        expect: "allows no voluntary eviction",
    },
    {
        // A DR copy kept fewer days than its source is a deliberate cost choice, not a retention breach.
        surface: "AWS Backup plan with a short-lived cross-region copy",
        policy: "aws-backup-plan-configure-retention",
        fail: [aws("aws:backup/plan:Plan", { name: "p", rules: [{ ruleName: "daily", targetVaultName: "v", schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 7 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:123456789012:backup-vault:dr", lifecycle: { deleteAfter: 40 } }] }] })],
        pass: [aws("aws:backup/plan:Plan", { name: "p", rules: [{ ruleName: "daily", targetVaultName: "v", schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:123456789012:backup-vault:dr", lifecycle: { deleteAfter: 3 } }] }] })],
        expect: "the longest-kept rule keeps recovery points 7 days, below 30",
    },
    {
        surface: "EFS without any backup",
        policy: "aws-efs-file-system-require-backup",
        fail: efsSet(),
        pass: [...efsSet(), state("aws:backup/selection:Selection", { planId: "p", iamRoleArn: "arn:aws:iam::123456789012:role/backup", name: "efs", resources: ["arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/*"] })],
        expect: "file system shared has no backup policy and no backup selection",
    },
];
