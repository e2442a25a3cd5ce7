/** Secret hygiene: secrets only by reference, generated and stored encrypted by the services that own them. */
import { ResourcePolicyDefinition } from "../definitions";
import { containersOf, DOCKER_CONTAINER, dockerEnv, isSecretLikeName, literalSecretProblem, parseJsonArray, WORKLOAD_TYPES } from "./lib";

const SEED_HYGIENE = "seed 000 'Never commit secrets', seed 001 'Environment Security'; Trivy AWS-0036";

export const workloadSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-workload-disallow-literal-secret-env",
    description: "Containers get secrets from Secret references (valueFrom.secretKeyRef), never as literal env values.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Put the value in a Kubernetes Secret (or Secrets Manager via the External Secrets Operator) and reference it with env[].valueFrom.secretKeyRef.",
    resourceTypes: WORKLOAD_TYPES,
    check(r) {
        const { containers, initContainers } = containersOf(r);
        return [...containers, ...initContainers].flatMap((c) =>
            (c.env ?? []).flatMap((e) => {
                const p = literalSecretProblem(e.name, e.value);
                return p ? [`container ${c.name}: env ${p}`] : [];
            }));
    },
};

export const configMapSecrets: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-configmap-disallow-secret-data",
    description: "ConfigMaps hold no credentials: they are stored and shown in plain text.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Move the value to a Secret and mount or reference that instead.",
    resourceTypes: ["kubernetes:core/v1:ConfigMap"],
    check(r) {
        return Object.entries(r.props.data ?? {}).flatMap(([k, v]) => {
            const p = literalSecretProblem(k, v);
            return p ? [`data key ${p}`] : [];
        });
    },
};

export const ecsSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-ecs-task-disallow-plaintext-secret-env",
    description: "ECS containers receive secrets through `secrets` (Secrets Manager / SSM), not `environment`.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "Trivy AWS-0036; " + SEED_HYGIENE,
    remediation: "Move the variable from containerDefinitions[].environment to containerDefinitions[].secrets with a valueFrom ARN.",
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    check(r) {
        return parseJsonArray(r.props.containerDefinitions).flatMap((c: any) =>
            (c.environment ?? []).flatMap((e: any) => {
                const p = literalSecretProblem(String(e.name), e.value);
                return p ? [`container ${c.name}: environment ${p}`] : [];
            }));
    },
};

export const lambdaSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-lambda-disallow-plaintext-secret-env",
    description: "Lambda functions read secrets at run time (Secrets Manager / SSM), not from environment variables.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Store the value in Secrets Manager and pass its ARN; read it in the function (or use the Parameters and Secrets extension).",
    resourceTypes: ["aws:lambda/function:Function"],
    check(r) {
        return Object.entries(r.props.environment?.variables ?? {}).flatMap(([k, v]) => {
            const p = literalSecretProblem(k, v);
            return p ? [`environment ${p}`] : [];
        });
    },
};

export const dockerSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "docker-container-disallow-plaintext-secret-env",
    description: "Docker containers get secrets from files mounted read-only, not from literal environment values.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Mount the secret as a file (uploads or a volume) and point the app at it with a *_FILE variable.",
    resourceTypes: [DOCKER_CONTAINER],
    check(r) {
        return dockerEnv(r).flatMap((e) => {
            const p = literalSecretProblem(e.name, e.value);
            return p ? [`env ${p}`] : [];
        });
    },
};

export const rdsManagedPassword: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-rds-instance-require-managed-master-password",
    description: "RDS generates and rotates the master password in Secrets Manager; no password is passed in.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS RDS best practices; terraform-aws-rds manage_master_user_password default",
    remediation: "Set manageMasterUserPassword: true and remove password.",
    resourceTypes: ["aws:rds/instance:Instance"],
    check(r) {
        if (r.props.replicateSourceDb) return [];
        const problems: string[] = [];
        if (r.props.password !== undefined) problems.push("a master password is passed in (it lands in state and config)");
        if (r.props.manageMasterUserPassword !== true) problems.push("manageMasterUserPassword is not true");
        return problems;
    },
};

export const cacheAuth: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-elasticache-require-auth-and-transit-encryption",
    description: "Cache clients authenticate (AUTH token or RBAC user group) over TLS.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS ElastiCache security best practices; seed 002 'Redis Cluster'",
    remediation: "Set transitEncryptionEnabled: true (mode required) and userGroupIds (IAM or password users) or authToken.",
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    check(r) {
        const problems: string[] = [];
        if (r.props.transitEncryptionEnabled !== true) problems.push("transitEncryptionEnabled is not true");
        if (r.props.transitEncryptionMode === "preferred") problems.push("transitEncryptionMode is preferred; clients may still connect without TLS");
        if (!r.props.authToken && !(r.props.userGroupIds ?? []).length) problems.push("no AUTH token and no RBAC user group: anyone on the network can connect");
        return problems;
    },
};

export const secretsManagerSecret: ResourcePolicyDefinition<{ minRecoveryWindowDays: number }> = {
    kind: "resource",
    name: "aws-secretsmanager-secret-require-kms-and-recovery-window",
    description: "Secrets Manager secrets are encrypted with a customer-managed KMS key and recoverable after deletion.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS Secrets Manager best practices",
    remediation: "Set kmsKeyId to a key of yours and recoveryWindowInDays to at least the configured minimum.",
    resourceTypes: ["aws:secretsmanager/secret:Secret"],
    config: { minRecoveryWindowDays: { type: "integer", minimum: 7, maximum: 30, default: 7, description: "Least recovery window, days (AWS allows 7-30; 0 deletes at once)." } },
    check(r, c) {
        const problems: string[] = [];
        if (!r.props.kmsKeyId) problems.push("no kmsKeyId: the AWS-managed key cannot be scoped or audited per secret");
        const window = r.props.recoveryWindowInDays ?? 30;
        if (window < c.minRecoveryWindowDays) problems.push(`recoveryWindowInDays is ${window}, below ${c.minRecoveryWindowDays}`);
        return problems;
    },
};

export const eksSecretsEncryption: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-eks-cluster-require-secrets-encryption",
    description: "Kubernetes secrets in EKS are envelope-encrypted with a KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "CIS Amazon EKS Benchmark 5.3.1",
    remediation: "Set encryptionConfig: { resources: [\"secrets\"], provider: { keyArn } }.",
    resourceTypes: ["aws:eks/cluster:Cluster"],
    check(r) {
        const e = r.props.encryptionConfig;
        return e?.provider?.keyArn && (e.resources ?? []).includes("secrets") ? [] : ["secrets are not envelope-encrypted with a KMS key"];
    },
};

export const ssmSecureString: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-ssm-parameter-require-securestring",
    description: "SSM parameters that hold secrets are SecureString.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS Systems Manager Parameter Store best practices",
    remediation: "Set type: SecureString (with a KMS keyId of yours).",
    resourceTypes: ["aws:ssm/parameter:Parameter"],
    check(r) {
        if (r.props.type === "SecureString") return [];
        const name = String(r.props.name ?? r.name);
        const looksSecret = isSecretLikeName(name) || (typeof r.props.value === "string" && literalSecretProblem(name, r.props.value) !== undefined);
        return looksSecret ? [`parameter ${name} looks secret but is ${r.props.type ?? "String"}`] : [];
    },
};

export const SECRET_POLICIES = [workloadSecretEnv, configMapSecrets, ecsSecretEnv, lambdaSecretEnv, dockerSecretEnv, rdsManagedPassword, cacheAuth, secretsManagerSecret, eksSecretsEncryption, ssmSecureString];
