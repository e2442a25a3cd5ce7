/**
 * One failing and one passing case per policy. Each case changes one thing from a compliant
 * resource, and says which fragment the violation message must contain.
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

/** A compliant container; `change` alters one thing. */
function deployment(change: (c: any, pod: any) => void = () => undefined, replicas = 3) {
    const container: any = {
        name: "app",
        image: "app:1",
        env: [{ name: "CORS_ORIGIN", value: "https://app.example.com" }, { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "128Mi" } },
        readinessProbe: { httpGet: { path: "/h", port: 80 } },
        livenessProbe: { httpGet: { path: "/h", port: 80 } },
        securityContext: { allowPrivilegeEscalation: false },
    };
    const pod: any = { securityContext: { runAsNonRoot: true }, containers: [container] };
    change(container, pod);
    return state(DEPLOYMENT, {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "app", namespace: "web" },
        spec: { replicas, selector: { matchLabels: { app: "a" } }, template: { metadata: { labels: { app: "a" } }, spec: pod } },
    });
}

const rds = (p: Record<string, unknown> = {}) => state("aws:rds/instance:Instance", {
    engine: "postgres", manageMasterUserPassword: true, storageEncrypted: true, multiAz: true, backupRetentionPeriod: 30,
    deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final", publiclyAccessible: false, ...p,
});
const cache = (p: Record<string, unknown> = {}) => state("aws:elasticache/replicationGroup:ReplicationGroup", {
    transitEncryptionEnabled: true, transitEncryptionMode: "required", userGroupIds: ["users"], atRestEncryptionEnabled: true,
    snapshotRetentionLimit: 7, numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true, ...p,
});
const docker = (p: Record<string, unknown> = {}) => state("docker:index/container:Container", {
    image: "app:1", envs: ["CORS_ORIGIN=https://app.example.com"], restart: "unless-stopped",
    healthcheck: { tests: ["CMD", "curl", "-f", "http://localhost/health"] }, ports: [{ internal: 12015, external: 12015 }], ...p,
});

function bucketSet(omit: string[] = []) {
    const bucket = state("aws:s3/bucket:Bucket", { bucket: "b1" }, { urn: "urn:pulumi:test::tiered-infra::aws:s3/bucket:Bucket::b1" });
    const attached = (type: string, props: Record<string, unknown>) => state(type, { bucket: "b1", ...props }, { dependencies: [bucket.urn] });
    const parts: Record<string, ResourceState> = {
        lifecycle: attached("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", { rules: [{ id: "x", status: "Enabled" }] }),
        sse: attached("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }),
        pab: attached("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
    };
    return [bucket, ...Object.entries(parts).filter(([k]) => !omit.includes(k)).map(([, v]) => v)];
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

const pdb = state("kubernetes:policy/v1:PodDisruptionBudget", { metadata: { name: "app", namespace: "web" }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "a" } } } });

export const POLICY_CASES: Record<string, PolicyCase> = {
    "kubernetes-workload-disallow-literal-secret-env": {
        fail: [deployment((c) => c.env.push({ name: "DB_PASSWORD", value: "hunter22" }))],
        pass: [deployment()],
        expect: "DB_PASSWORD is a secret-looking name with a literal value",
    },
    "kubernetes-configmap-disallow-secret-data": {
        fail: [state("kubernetes:core/v1:ConfigMap", { data: { LOG_LEVEL: "info", AWS_KEY: "AKIAABCDEFGHIJKLMNOP" } })],
        pass: [state("kubernetes:core/v1:ConfigMap", { data: { LOG_LEVEL: "info" } })],
        expect: "AWS_KEY holds a value that looks like a credential",
    },
    "aws-ecs-task-disallow-plaintext-secret-env": {
        fail: [state("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "api", environment: [{ name: "API_TOKEN", value: "abc123" }] }]) })],
        pass: [state("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "api", secrets: [{ name: "API_TOKEN", valueFrom: "arn:aws:secretsmanager:x" }] }]) })],
        expect: "container api: environment API_TOKEN",
    },
    "aws-lambda-disallow-plaintext-secret-env": {
        fail: [state("aws:lambda/function:Function", { environment: { variables: { STRIPE_SECRET: "s3cr3t-value" } } })],
        pass: [state("aws:lambda/function:Function", { environment: { variables: { STRIPE_SECRET_ARN: "" } } })],
        expect: "STRIPE_SECRET is a secret-looking name",
    },
    "docker-container-disallow-plaintext-secret-env": {
        fail: [docker({ envs: ["ADMIN_API_KEY=development-key"] })],
        pass: [docker({ envs: ["ADMIN_API_KEY_FILE=/run/secrets/admin_api_key"] })],
        expect: "ADMIN_API_KEY is a secret-looking name",
    },
    "aws-rds-instance-require-managed-master-password": {
        fail: [rds({ manageMasterUserPassword: undefined, password: "hunter2hunter2" })],
        pass: [rds()],
        expect: "a master password is passed in",
    },
    "aws-elasticache-require-auth-and-transit-encryption": {
        fail: [cache({ userGroupIds: [] })],
        pass: [cache()],
        expect: "no AUTH token and no RBAC user group",
    },
    "aws-secretsmanager-secret-require-kms-and-recovery-window": {
        fail: [state("aws:secretsmanager/secret:Secret", { kmsKeyId: "arn:aws:kms:k", recoveryWindowInDays: 7 })],
        pass: [state("aws:secretsmanager/secret:Secret", { kmsKeyId: "arn:aws:kms:k", recoveryWindowInDays: 30 })],
        expect: "recoveryWindowInDays is 7, below 30",
        config: { "aws-secretsmanager-secret-require-kms-and-recovery-window": { minRecoveryWindowDays: 30 } },
    },
    "aws-eks-cluster-require-secrets-encryption": {
        fail: [state("aws:eks/cluster:Cluster", { vpcConfig: { endpointPublicAccess: false } })],
        pass: [state("aws:eks/cluster:Cluster", { vpcConfig: { endpointPublicAccess: false }, encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:k" } } })],
        expect: "secrets are not envelope-encrypted",
    },
    "aws-ssm-parameter-require-securestring": {
        fail: [state("aws:ssm/parameter:Parameter", { name: "/app/db_password", type: "String", value: "x" })],
        pass: [state("aws:ssm/parameter:Parameter", { name: "/app/db_password", type: "SecureString", value: "[secret]" })],
        expect: "looks secret but is String",
    },
    "aws-s3-cors-restrict-origins": {
        fail: [state("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", { corsRules: [{ allowedOrigins: ["*"], allowedMethods: ["GET"] }] })],
        pass: [state("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", { corsRules: [{ allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET"] }] })],
        expect: "corsRules[0] allows any origin (*)",
    },
    "aws-cloudfront-response-headers-restrict-cors": {
        fail: [state("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", { corsConfig: { accessControlAllowOrigins: { items: ["*"] }, accessControlAllowCredentials: true } })],
        pass: [state("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", { corsConfig: { accessControlAllowOrigins: { items: ["https://app.example.com"] }, accessControlAllowCredentials: true } })],
        expect: "allows any origin (*) together with credentials",
    },
    "aws-apigatewayv2-api-restrict-cors": {
        fail: [state("aws:apigatewayv2/api:Api", { corsConfiguration: { allowOrigins: ["http://app.example.com"] } })],
        pass: [state("aws:apigatewayv2/api:Api", { corsConfiguration: { allowOrigins: ["https://app.example.com"] } })],
        expect: "allows plain-HTTP origin http://app.example.com",
    },
    "aws-lambda-function-url-restrict-cors": {
        fail: [state("aws:lambda/functionUrl:FunctionUrl", { cors: { allowOrigins: ["https://evil.example.net"] } })],
        pass: [state("aws:lambda/functionUrl:FunctionUrl", { cors: { allowOrigins: ["https://app.example.com"] } })],
        expect: "https://evil.example.net, which is not in the allowlist",
        config: { "aws-lambda-function-url-restrict-cors": { allowedOrigins: ["https://app.example.com"] } },
    },
    "kubernetes-ingress-restrict-cors": {
        fail: [state("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { annotations: { "nginx.ingress.kubernetes.io/enable-cors": "true" } } })],
        pass: [state("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { annotations: { "nginx.ingress.kubernetes.io/enable-cors": "true", "nginx.ingress.kubernetes.io/cors-allow-origin": "https://app.example.com" } } })],
        expect: "enable-cors is on without cors-allow-origin",
    },
    "app-env-restrict-cors-origin": {
        fail: [deployment((c) => (c.env[0].value = "https://app.example.com,*"))],
        pass: [deployment()],
        expect: "CORS_ORIGIN allows any origin (*)",
    },
    "aws-rds-instance-configure-backup-retention": {
        fail: [rds({ backupRetentionPeriod: 7 })],
        pass: [rds({ backupRetentionPeriod: 30 })],
        expect: "backupRetentionPeriod is 7 days, below 30",
        config: { "aws-rds-instance-configure-backup-retention": { minDays: 30 } },
    },
    "aws-rds-instance-require-final-snapshot-and-deletion-protection": {
        fail: [rds({ skipFinalSnapshot: true, finalSnapshotIdentifier: undefined })],
        pass: [rds()],
        expect: "no final snapshot is taken on deletion",
    },
    "aws-elasticache-configure-snapshot-retention": {
        fail: [cache({ snapshotRetentionLimit: 0 })],
        pass: [cache()],
        expect: "snapshotRetentionLimit is 0, below 1",
    },
    "aws-cloudwatch-log-group-configure-retention": {
        fail: [state("aws:cloudwatch/logGroup:LogGroup", { name: "/app" })],
        pass: [state("aws:cloudwatch/logGroup:LogGroup", { name: "/app", retentionInDays: 30 })],
        expect: "retentionInDays is not set",
    },
    "aws-s3-bucket-require-lifecycle": {
        fail: bucketSet(["lifecycle"]),
        pass: bucketSet(),
        expect: "bucket b1 has no lifecycle configuration",
    },
    "kubernetes-statefulset-retain-volumes": {
        fail: [state("kubernetes:apps/v1:StatefulSet", { spec: { volumeClaimTemplates: [{}], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Retain" } } })],
        pass: [state("kubernetes:apps/v1:StatefulSet", { spec: { volumeClaimTemplates: [{}], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" } } })],
        expect: "whenDeleted is Delete",
    },
    "kubernetes-storageclass-retain-volumes": {
        fail: [state("kubernetes:storage.k8s.io/v1:StorageClass", { provisioner: "ebs.csi.aws.com", parameters: { encrypted: "true" } })],
        pass: [state("kubernetes:storage.k8s.io/v1:StorageClass", { provisioner: "ebs.csi.aws.com", reclaimPolicy: "Retain", parameters: { encrypted: "true" } })],
        expect: "reclaimPolicy is Delete (default)",
    },
    "aws-kms-key-configure-deletion-window-and-rotation": {
        fail: [state("aws:kms/key:Key", { deletionWindowInDays: 30 })],
        pass: [state("aws:kms/key:Key", { deletionWindowInDays: 30, enableKeyRotation: true })],
        expect: "enableKeyRotation is off",
    },
    "data-require-encryption-at-rest": {
        fail: [rds({ storageEncrypted: false })],
        pass: [rds()],
        expect: "storageEncrypted is off",
    },
    "aws-s3-bucket-require-encryption-config": {
        fail: bucketSet(["sse"]),
        pass: bucketSet(),
        expect: "bucket b1 has no server-side encryption configuration",
    },
    "aws-security-group-disallow-public-data-ports": {
        fail: [state("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] })],
        pass: [state("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })],
        expect: "ingress from 0.0.0.0/0 reaches data/admin port(s) 5432",
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
        fail: [deployment(undefined, 1)],
        pass: [deployment(undefined, 2)],
        expect: "1 replica(s), below 2",
    },
    "kubernetes-workload-require-pdb": {
        fail: [deployment()],
        pass: [deployment(), pdb],
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
        expect: "/month exceeds the budget of $1000.00; largest items: ",
        config: { "stack-budget-enforce-monthly-limit": { maxMonthlyUsd: 1000 } },
        passConfig: { "stack-budget-enforce-monthly-limit": { maxMonthlyUsd: 2000 } },
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
