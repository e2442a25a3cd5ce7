/** Secret hygiene: secrets only by reference, generated and stored encrypted by the services that own them. */
import { Finding, ResourcePolicyDefinition, undecided } from "../definitions";
import { SECRET_FLOORS } from "../../core/policy/defaults";
import {
    at, commandSecretFindings, CONFIG_MAP, containerEnv, containersOf, decodeBase64Text, DOCKER_CONTAINER, dockerEnv, ECS_TASK, ecsContainers, ecsEnv, expect, isSecretLikeName, isUnknown,
    judge, LAMBDA_FUNCTION, lambdaEnv, list, literalSecretReason, record, Setting, settingSecretFindings, text, textSecretReason, unknownValueMatters, UNKNOWN_MARKER, WORKLOAD_TYPES,
} from "./lib";
import { isFileShaped, nameWords, namesMetadata } from "../../core/secrets";

const SEED_HYGIENE = "seed 000 'Never commit secrets', seed 001 'Environment Security'; Trivy AWS-0036; secretlint recommended rules";

export const workloadSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-workload-disallow-literal-secret-env",
    description: "Containers get secrets from Secret references (valueFrom.secretKeyRef), never as literal env values or command-line arguments.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Put the value in a Kubernetes Secret (or Secrets Manager via the External Secrets Operator) and reference it with env[].valueFrom.secretKeyRef; in command/args use $(VAR) expansion of such an env var.",
    resourceTypes: WORKLOAD_TYPES,
    check(r) {
        const { all, unknownPaths } = containersOf(r);
        return [
            ...all.flatMap((pc) => [
                ...settingSecretFindings(containerEnv(pc), () => `container ${pc.name}: env`),
                ...commandSecretFindings(pc.c.command, `${pc.path}.command`, `container ${pc.name}: command`),
                ...commandSecretFindings(pc.c.args, `${pc.path}.args`, `container ${pc.name}: args`),
            ]),
            ...unknownPaths.map(undecided),
        ];
    },
};

/** Keys and values of ConfigMap `data`, and `binaryData` decoded when it is text. */
function configMapSettings(props: Record<string, any>): Setting[] {
    const opaque = (path: string): Setting[] => [{ name: UNKNOWN_MARKER, value: UNKNOWN_MARKER, path }];
    const data = isUnknown(props.data) ? opaque("data") : Object.entries(record(props.data)).map(([name, value]): Setting => {
        // A whole file computed from an output may hold anything; a single value only under a name that matters.
        if (isUnknown(value) && isFileShaped("", name)) return { name: UNKNOWN_MARKER, value, path: `data.${name}` };
        return { name, value, path: `data.${name}` };
    });
    const binary = isUnknown(props.binaryData) ? opaque("binaryData") : Object.entries(record(props.binaryData)).flatMap(([name, value]): Setting[] => {
        if (isUnknown(value)) return [{ name, value, path: `binaryData.${name}` }];
        const decoded = typeof value === "string" ? decodeBase64Text(value) : undefined;
        return decoded === undefined ? [] : [{ name, value: decoded, path: `binaryData.${name}` }];
    });
    return [...data, ...binary];
}

export const configMapSecrets: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-configmap-disallow-secret-data",
    description: "ConfigMaps hold no credentials, neither as a value nor inside a file they carry (.properties, .env, .ini, YAML, JSON).",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Move the value to a Secret and mount or reference that instead; in config files, refer to it by ${ENV_VAR} or a mounted file path.",
    resourceTypes: [CONFIG_MAP],
    check: (r) => settingSecretFindings(configMapSettings(r.props), (s) => (s.path.startsWith("binaryData") ? "binaryData key" : "data key")),
};

export const ecsSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-ecs-task-disallow-plaintext-secret-env",
    description: "ECS containers receive secrets through `secrets` (Secrets Manager / SSM), not `environment`, `command` or `entryPoint`.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "Trivy AWS-0036; " + SEED_HYGIENE,
    remediation: "Move the variable from containerDefinitions[].environment to containerDefinitions[].secrets with a valueFrom ARN.",
    resourceTypes: [ECS_TASK],
    check(r) {
        const { containers, unknown } = ecsContainers(r);
        if (unknown) return [undecided("containerDefinitions")];
        return containers.flatMap((c: any, i) => [
            ...settingSecretFindings(ecsEnv(c, i), () => `container ${c?.name}: environment`),
            ...commandSecretFindings(c?.command, `containerDefinitions[${i}].command`, `container ${c?.name}: command`),
            ...commandSecretFindings(c?.entryPoint, `containerDefinitions[${i}].entryPoint`, `container ${c?.name}: entryPoint`),
        ]);
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
    resourceTypes: [LAMBDA_FUNCTION],
    check: (r) => settingSecretFindings(lambdaEnv(r), () => "environment"),
};

export const dockerSecretEnv: ResourcePolicyDefinition = {
    kind: "resource",
    name: "docker-container-disallow-plaintext-secret-env",
    description: "Docker containers get secrets from files mounted read-only, not from literal environment values or command-line arguments.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: SEED_HYGIENE,
    remediation: "Mount the secret as a file (uploads or a volume) and point the app at it with a *_FILE variable.",
    resourceTypes: [DOCKER_CONTAINER],
    check: (r) => [
        ...settingSecretFindings(dockerEnv(r), () => "env"),
        ...commandSecretFindings(r.props.command, "command", "command"),
        ...commandSecretFindings(r.props.entrypoints, "entrypoints", "entrypoints"),
    ],
};

/** Keys under which a Helm value points at a secret held elsewhere (Bitnami `existingSecret`, `secretKeys`, `secretKeyRef`). */
function refersToSecret(key: string): boolean {
    const w = nameWords(key);
    return w.includes("existing") || (w.includes("secret") && (w.includes("keys") || w.includes("ref") || w.includes("name"))) || w.join("_") === "value_from";
}

/**
 * Literal secrets in a Helm values tree: each string (or number under a secret name) judged with
 * its key. An unknown subtree may hide anything; an unknown leaf matters only under a key that does.
 */
function valueSecrets(v: unknown, path: string, key: string, out: Finding[], leaf = false): void {
    if (v === null || v === undefined) return;
    if (isUnknown(v)) {
        // An unknown member may be a whole subtree: only a key naming metadata (an ARN, a host) is safe.
        if (!leaf || unknownValueMatters(key) || !namesMetadata(key)) out.push(undecided(path));
        return;
    }
    if (Array.isArray(v)) {
        v.forEach((x, i) => valueSecrets(x, `${path}[${i}]`, key, out, typeof x !== "object"));
        return;
    }
    if (typeof v === "object") {
        if (refersToSecret(key)) return;
        // An unknown member could be a scalar or a subtree: only its key tells whether it matters.
        for (const [k, x] of Object.entries(v)) valueSecrets(x, path ? `${path}.${k}` : k, k, out, true);
        return;
    }
    const p = literalSecretReason(key, typeof v === "number" && isSecretLikeName(key) ? String(v) : v);
    if (p) out.push(`${path}: ${p}`);
}

export const helmValues: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-helm-release-disallow-literal-secret-values",
    description: "Helm releases and charts take no credential as a literal value in their values; charts read secrets from existing Secrets.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "Checkov CKV_SECRET_* on values.yaml; KICS 'Passwords And Secrets'; " + SEED_HYGIENE,
    remediation: "Create the Secret separately (or with the External Secrets Operator) and point the chart at it (e.g. auth.existingSecret).",
    resourceTypes: ["kubernetes:helm.sh/v3:Release", "kubernetes:helm.sh/v4:Chart"],
    check(r) {
        const out: Finding[] = [];
        valueSecrets(r.props.values, "values", "values", out);
        // Not repositoryOpts: its password is the provider's credential to pull the chart and never
        // reaches the cluster, and the engine hands a policy a Pulumi secret unwrapped, so a
        // password from secret config would look exactly like one typed into the code.
        return out;
    },
};

const USER_DATA: Record<string, Array<{ field: string; base64: boolean }>> = {
    "aws:ec2/instance:Instance": [{ field: "userData", base64: false }, { field: "userDataBase64", base64: true }],
    "aws:ec2/launchTemplate:LaunchTemplate": [{ field: "userData", base64: true }],
    "aws:ec2/spotInstanceRequest:SpotInstanceRequest": [{ field: "userData", base64: false }, { field: "userDataBase64", base64: true }],
};

export const userDataSecrets: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-ec2-user-data-disallow-secrets",
    description: "EC2 and launch-template user data (plain, base64 or gzip) holds no credential: anyone who can describe the instance reads it.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "Checkov CKV_AWS_46; Trivy AVD-AWS-0029, AVD-AWS-0129; " + SEED_HYGIENE,
    remediation: "Fetch the secret at boot (aws secretsmanager get-secret-value / ssm get-parameter --with-decryption) with the instance role, instead of writing it into user data.",
    resourceTypes: Object.keys(USER_DATA),
    check(r) {
        return (USER_DATA[r.type] ?? []).flatMap(({ field, base64 }): Finding[] => {
            // A script computed from outputs (a cluster endpoint, say) may also carry a literal.
            if (isUnknown(r.props[field])) return [undecided(field)];
            const raw = text(r.props[field]);
            if (raw === undefined) return [];
            // Launch templates take base64; a plain script there is still read as it is.
            const script = base64 ? decodeBase64Text(raw) ?? raw : raw;
            const p = textSecretReason(script);
            return p ? [`${field} ${p}`] : [];
        });
    },
};

interface PasswordInputs {
    /** Inputs that carry a password chosen outside the service (classic and write-only). */
    passwords: string[];
    manage: string;
    /** The resource takes its credentials from elsewhere (a replica, a global secondary, a snapshot). */
    inherits: (p: Record<string, any>) => boolean;
}

function managedPassword(props: Record<string, any>, inputs: PasswordInputs): Finding[] {
    if (inputs.inherits(props)) return [];
    const found: Finding[] = [];
    for (const field of inputs.passwords) {
        if (props[field] === undefined || props[field] === null) continue;
        found.push(field.endsWith("Wo")
            ? `a master password is passed in (${field}: write-only keeps it out of state, but it is still chosen outside RDS and never rotated)`
            : `a master password is passed in (${field}: it lands in state and config)`);
    }
    found.push(...expect(props, inputs.manage, (v) => v === true, `${inputs.manage} is not true`));
    return found;
}

export const rdsManagedPassword: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-rds-instance-require-managed-master-password",
    description: "RDS generates and rotates the master password in Secrets Manager; no password (classic or write-only) is passed in.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS RDS best practices; terraform-aws-rds manage_master_user_password default",
    remediation: "Set manageMasterUserPassword: true and remove password / passwordWo.",
    resourceTypes: ["aws:rds/instance:Instance"],
    check: (r) => managedPassword(r.props, { passwords: ["password", "passwordWo"], manage: "manageMasterUserPassword", inherits: (p) => !!p.replicateSourceDb }),
};

export const auroraManagedPassword: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-rds-cluster-require-managed-master-password",
    description: "Aurora and Multi-AZ DB clusters let RDS generate and rotate the master password in Secrets Manager; no password is passed in.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS RDS best practices (manage master user passwords with Secrets Manager)",
    remediation: "Set manageMasterUserPassword: true and remove masterPassword / masterPasswordWo.",
    resourceTypes: ["aws:rds/cluster:Cluster"],
    // Secondary clusters of a global database and cross-region replicas take the primary's credentials.
    check: (r) => managedPassword(r.props, { passwords: ["masterPassword", "masterPasswordWo"], manage: "manageMasterUserPassword", inherits: (p) => (!!p.replicationSourceIdentifier || !!p.globalClusterIdentifier) && p.masterUsername === undefined }),
};

const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CACHE_CLUSTER = "aws:elasticache/cluster:Cluster";
const SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";

export const cacheAuth: ResourcePolicyDefinition = {
    kind: "resource",
    name: "aws-elasticache-require-auth-and-transit-encryption",
    description: "Cache clients authenticate (AUTH token, write-only token or RBAC user group) over TLS; memcached clusters encrypt in transit.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "secrets",
    source: "AWS ElastiCache security best practices; Checkov CKV_AWS_30, CKV_AWS_31; seed 002 'Redis Cluster'",
    remediation: "Replication groups: transitEncryptionEnabled: true (mode required) and userGroupIds or authToken(Wo). Serverless Redis/Valkey: userGroupId. Memcached: transitEncryptionEnabled: true. Redis outside a replication group cannot use TLS: use a ReplicationGroup.",
    resourceTypes: [REPLICATION_GROUP, CACHE_CLUSTER, SERVERLESS_CACHE],
    check(r) {
        const p = r.props;
        const engine = at(p, "engine");
        if (r.type === SERVERLESS_CACHE) {
            // TLS is always on for serverless caches; memcached has no users to authenticate.
            if (isUnknown(engine)) return p.userGroupId === undefined ? [undecided("engine")] : [];
            return engine === "memcached" ? [] : expect(p, "userGroupId", (v) => typeof v === "string" && v !== "", "no RBAC user group (userGroupId): the default user connects without a password");
        }
        if (r.type === CACHE_CLUSTER) {
            if (p.replicationGroupId !== undefined) return []; // a member: its group's settings apply
            if (isUnknown(engine)) return [undecided("engine")];
            if (engine === "memcached") return expect(p, "transitEncryptionEnabled", (v) => v === true, "memcached without transitEncryptionEnabled: clients talk in plain text");
            return [`a ${String(engine)} cluster outside a replication group cannot use TLS or AUTH`];
        }
        const found: Finding[] = [...expect(p, "transitEncryptionEnabled", (v) => v === true, "transitEncryptionEnabled is not true")];
        if (p.transitEncryptionMode === "preferred") found.push("transitEncryptionMode is preferred; clients may still connect without TLS");
        const groups = p.userGroupIds;
        const hasAuth = p.authToken !== undefined || p.authTokenWo !== undefined || list(groups).length > 0;
        if (!hasAuth) found.push(isUnknown(groups) ? undecided("userGroupIds") : "no AUTH token and no RBAC user group: anyone on the network can connect");
        return found;
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
    config: { minRecoveryWindowDays: { type: "integer", minimum: 7, maximum: 30, default: SECRET_FLOORS.recoveryWindowDays, description: "Least recovery window, days (AWS allows 7-30; 0 deletes at once). Default: the longest AWS allows, as production stacks use." } },
    check(r, c) {
        return [
            ...expect(r.props, "kmsKeyId", (v) => !!v, "no kmsKeyId: the AWS-managed key cannot be scoped or audited per secret"),
            ...expect(r.props, "recoveryWindowInDays", (v) => (v ?? 30) >= c.minRecoveryWindowDays, (v) => `recoveryWindowInDays is ${v}, below ${c.minRecoveryWindowDays}`),
        ];
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
    check: (r) => expect(r.props, "encryptionConfig", (e) => !!at(e, "provider.keyArn") && list(at(e, "resources")).includes("secrets"), "secrets are not envelope-encrypted with a KMS key"),
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
        const p = r.props;
        if (p.type === "SecureString") return [];
        const name = text(p.name) ?? r.name;
        const looksSecret = isSecretLikeName(name) || literalSecretReason(name, p.value) !== undefined || p.valueWo !== undefined;
        if (!looksSecret) return isUnknown(p.name) || isUnknown(p.value) ? (isUnknown(p.type) ? [undecided("type")] : p.type === "SecureString" ? [] : [undecided(isUnknown(p.name) ? "name" : "value")]) : [];
        return judge(p.type, "type", (v) => v === "SecureString", (v) => `parameter ${name} looks secret but is ${v ?? "String"}`);
    },
};

export const SECRET_POLICIES = [workloadSecretEnv, configMapSecrets, ecsSecretEnv, lambdaSecretEnv, dockerSecretEnv, helmValues, userDataSecrets, rdsManagedPassword, auroraManagedPassword, cacheAuth, secretsManagerSecret, eksSecretsEncryption, ssmSecureString];
