/**
 * Secret-hygiene policies (policies/rules/secrets.ts) called in process: each surface and each
 * secret-name/value rule beside its look-alike, thresholds at, below and above, whole finding lists.
 */
import { strict as assert } from "assert";
import { resourceSubject } from "./subjects";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, ResourcePolicyDefinition } from "../../../policies/definitions";
import {
    auroraManagedPassword, cacheAuth, configMapSecrets, dockerSecretEnv, ecsSecretEnv, eksSecretsEncryption, helmValues, lambdaSecretEnv, rdsManagedPassword, secretsManagerSecret,
    ssmSecureString, userDataSecrets, workloadSecretEnv,
} from "../../../policies/rules/secrets";

const U = UNKNOWN_MARKER;
const PW = "hunter2hunter2";
const GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const check = (p: ResourcePolicyDefinition, type: string, props: Record<string, any>, config: any = {}, name = "x"): Finding[] =>
    p.check(resourceSubject(type, props, name), config);
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("secret policies (checks)", () => {
    describe("literal secrets in workloads", () => {
        const D = "kubernetes:apps/v1:Deployment";
        const dep = (c: Record<string, unknown>, init: Record<string, unknown> = { name: "init" }) => ({ spec: { template: { spec: { containers: [{ name: "app", ...c }], initContainers: [init] } } } });

        it("Kubernetes: env values, command and args of containers and init containers", () => {
            assert.deepEqual(check(workloadSecretEnv, D, dep({ env: [{ name: "DB_PASSWORD", value: PW }], command: ["app", "--token", PW], args: ["--api-key=" + PW] }, { name: "init", env: [{ name: "X", value: GITHUB_TOKEN }] })), [
                "container app: env DB_PASSWORD is a secret-looking name with a literal value",
                "container app: command passes --token a literal secret",
                "container app: args passes --api-key a literal secret",
                "container init: env X holds a value that looks like a credential (GITHUB_TOKEN)",
            ]);
            assert.deepEqual(check(workloadSecretEnv, D, dep({ env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }, { name: "DB_PASSWORD_FILE", value: "/run/secrets/db" }], args: ["--password=$(DB_PASSWORD)"] })), []);
            assert.deepEqual(check(workloadSecretEnv, D, dep({ command: U, args: ["sh", "-c", U] })), [{ undecided: "spec.template.spec.containers[0].command" }, { undecided: "spec.template.spec.containers[0].args[2]" }]);
            assert.deepEqual(check(workloadSecretEnv, D, { spec: { template: { spec: U } } }), [{ undecided: "spec.template.spec" }]);
        });

        it("ECS: environment, command and entry point; an unknown definition is undecided", () => {
            const E = "aws:ecs/taskDefinition:TaskDefinition";
            const defs = (c: Record<string, unknown>) => JSON.stringify([{ name: "app", ...c }]);
            assert.deepEqual(check(ecsSecretEnv, E, { containerDefinitions: defs({ environment: [{ name: "API_KEY", value: PW }], command: ["--password", PW], entryPoint: ["sh", "-c", "export TOKEN=" + PW] }) }), [
                "container app: environment API_KEY is a secret-looking name with a literal value",
                "container app: command passes --password a literal secret",
                "container app: entryPoint sets TOKEN to a literal secret",
            ]);
            assert.deepEqual(check(ecsSecretEnv, E, { containerDefinitions: defs({ environment: [{ name: "API_KEY_ARN", value: "arn:aws:secretsmanager:us-east-1:1:secret:k" }], secrets: [{ name: "API_KEY", valueFrom: "arn:aws:ssm:x" }] }) }), []);
            assert.deepEqual(check(ecsSecretEnv, E, { containerDefinitions: U }), [{ undecided: "containerDefinitions" }]);
            assert.deepEqual(check(ecsSecretEnv, E, { containerDefinitions: [{ name: "app", command: U, entryPoint: U }] }), [{ undecided: "containerDefinitions[0].command" }, { undecided: "containerDefinitions[0].entryPoint" }]);
            assert.deepEqual(check(ecsSecretEnv, E, { containerDefinitions: [null] }), []);
        });

        it("Lambda and Docker: env values, and Docker's command and entrypoints", () => {
            assert.deepEqual(check(lambdaSecretEnv, "aws:lambda/function:Function", { environment: { variables: { STRIPE_SECRET: PW, STRIPE_PUBLISHABLE_KEY: "pk_live_x" } } }), ["environment STRIPE_SECRET is a secret-looking name with a literal value"]);
            assert.deepEqual(check(lambdaSecretEnv, "aws:lambda/function:Function", { environment: { variables: { SECRETS_MANAGER_TTL: "300" } } }), []);
            const C = "docker:index/container:Container";
            assert.deepEqual(check(dockerSecretEnv, C, { envs: ["POSTGRES_PASSWORD=" + PW, "POSTGRES_PASSWORD_FILE=/run/secrets/pg"], command: ["--password", PW], entrypoints: ["sh", "-c", "PGPASSWORD=" + PW + " psql"] }), [
                "env POSTGRES_PASSWORD is a secret-looking name with a literal value",
                "command passes --password a literal secret",
                "entrypoints sets PGPASSWORD to a literal secret",
            ]);
            assert.deepEqual(check(dockerSecretEnv, C, { envs: ["POSTGRES_PASSWORD_FILE=/run/secrets/pg"], command: ["postgres"] }), []);
            assert.deepEqual(check(dockerSecretEnv, C, { envs: U, command: U, entrypoints: U }), [{ undecided: "envs" }, { undecided: "command" }, { undecided: "entrypoints" }]);
        });
    });

    describe("ConfigMaps", () => {
        const C = "kubernetes:core/v1:ConfigMap";
        it("finds secrets in data values, files in data, and text binaryData", () => {
            assert.deepEqual(check(configMapSecrets, C, {
                data: { DB_PASSWORD: PW, "app.env": `LOG_LEVEL=info\nAPI_TOKEN=${PW}\n`, LOG_LEVEL: "info" },
                binaryData: { "app.env": b64(`SECRET_KEY=${PW}\n`), "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]).toString("base64") },
            }), [
                "data key DB_PASSWORD is a secret-looking name with a literal value",
                'data key app.env holds a file whose "API_TOKEN" is a literal secret',
                'binaryData key app.env holds a file whose "SECRET_KEY" is a literal secret',
            ]);
            assert.deepEqual(check(configMapSecrets, C, { data: { DB_PASSWORD_FILE: "/etc/db/password", "app.env": "API_TOKEN=${API_TOKEN}\n" }, binaryData: { "app.env": b64("LOG_LEVEL=info\n") } }), []);
        });

        it("is undecided on unknown data, unknown files and unknown values under a secret's name", () => {
            assert.deepEqual(check(configMapSecrets, C, { data: U, binaryData: U }), [{ undecided: "data" }, { undecided: "binaryData" }]);
            assert.deepEqual(check(configMapSecrets, C, { data: { "app.properties": U, DB_PASSWORD: U, LOG_LEVEL: U }, binaryData: { API_TOKEN: U, "logo.png": U, n: 5 } }), [
                { undecided: "data.app.properties" },
                { undecided: "data.DB_PASSWORD" },
                { undecided: "binaryData.API_TOKEN" },
            ]);
        });
    });

    describe("Helm values", () => {
        const R = "kubernetes:helm.sh/v3:Release";
        it("finds literal secrets at any depth, in lists, and numbers under a secret's name", () => {
            assert.deepEqual(check(helmValues, R, { values: { auth: { password: PW, username: "app" }, users: [{ name: "a", password: PW }], passwords: [PW, "${FROM_ENV}"], redis: { port: 6379, passwordLength: 32 }, apiToken: 12345678 } }), [
                "values.auth.password: password is a secret-looking name with a literal value",
                "values.users[0].password: password is a secret-looking name with a literal value",
                "values.passwords[0]: passwords is a secret-looking name with a literal value",
                "values.apiToken: apiToken is a secret-looking name with a literal value",
            ]);
        });

        it("skips subtrees that point at a secret held elsewhere", () => {
            assert.deepEqual(check(helmValues, R, { values: { auth: { existingSecret: "db", secretKeys: { adminPassword: "admin-password" } }, existing: { password: "db-password-key" }, env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }], secretName: { password: PW }, secretRef: { token: PW } } }), []);
            assert.deepEqual(check(helmValues, R, { values: { secret: { password: PW } } }), ["values.secret.password: password is a secret-looking name with a literal value"]);
            assert.deepEqual(check(helmValues, "kubernetes:helm.sh/v4:Chart", { values: { config: { key: "value" } }, repositoryOpts: { password: PW } }), []);
        });

        it("is undecided on an unknown subtree or a leaf under a name that matters, not under metadata", () => {
            assert.deepEqual(check(helmValues, R, { values: U }), [{ undecided: "values" }]);
            assert.deepEqual(check(helmValues, R, { values: { auth: { password: U, host: U, databaseUrl: U, config: U }, list: [U], ids: [U], nothing: null } }), [
                { undecided: "values.auth.password" },
                { undecided: "values.auth.databaseUrl" },
                { undecided: "values.auth.config" },
                { undecided: "values.list[0]" },
            ]);
            assert.deepEqual(check(helmValues, R, {}), []);
        });
    });

    describe("user data", () => {
        const script = `#!/bin/sh\nexport DB_PASSWORD=${PW}\n`;
        const clean = "#!/bin/sh\nexport LOG_LEVEL=info\n";
        it("reads plain and base64 user data of instances, launch templates and spot requests", () => {
            const I = "aws:ec2/instance:Instance";
            assert.deepEqual(check(userDataSecrets, I, { userData: script, userDataBase64: b64(script) }), ["userData sets DB_PASSWORD to a literal secret", "userDataBase64 sets DB_PASSWORD to a literal secret"]);
            assert.deepEqual(check(userDataSecrets, I, { userData: clean, userDataBase64: b64(clean) }), []);
            // userData of an instance is plain text: base64 there is not decoded.
            assert.deepEqual(check(userDataSecrets, I, { userData: b64(script) }), []);
            assert.deepEqual(check(userDataSecrets, "aws:ec2/launchTemplate:LaunchTemplate", { userData: b64(script) }), ["userData sets DB_PASSWORD to a literal secret"]);
            assert.deepEqual(check(userDataSecrets, "aws:ec2/launchTemplate:LaunchTemplate", { userData: script }), ["userData sets DB_PASSWORD to a literal secret"]);
            assert.deepEqual(check(userDataSecrets, "aws:ec2/spotInstanceRequest:SpotInstanceRequest", { userData: script, userDataBase64: b64(clean) }), ["userData sets DB_PASSWORD to a literal secret"]);
            assert.deepEqual(check(userDataSecrets, "aws:ec2/spotInstanceRequest:SpotInstanceRequest", { userDataBase64: b64(script) }), ["userDataBase64 sets DB_PASSWORD to a literal secret"]);
        });

        it("is undecided on unknown user data, and reads nothing else", () => {
            assert.deepEqual(check(userDataSecrets, "aws:ec2/instance:Instance", { userData: U, userDataBase64: 5 }), [{ undecided: "userData" }]);
            assert.deepEqual(check(userDataSecrets, "aws:ec2/instance:Instance", {}), []);
            assert.deepEqual(check(userDataSecrets, "aws:ec2/fleet:Fleet", { userData: script }), []);
        });
    });

    describe("database master passwords", () => {
        it("RDS instances: no password passed in, managed password on; replicas inherit", () => {
            const I = "aws:rds/instance:Instance";
            assert.deepEqual(check(rdsManagedPassword, I, { password: PW, passwordWo: PW }), [
                "a master password is passed in (password: it lands in state and config)",
                "a master password is passed in (passwordWo: write-only keeps it out of state, but it is still chosen outside RDS and never rotated)",
                "manageMasterUserPassword is not true",
            ]);
            assert.deepEqual(check(rdsManagedPassword, I, { manageMasterUserPassword: true }), []);
            assert.deepEqual(check(rdsManagedPassword, I, { manageMasterUserPassword: true, password: null }), []);
            assert.deepEqual(check(rdsManagedPassword, I, { manageMasterUserPassword: "true" }), ["manageMasterUserPassword is not true"]);
            assert.deepEqual(check(rdsManagedPassword, I, { manageMasterUserPassword: U }), [{ undecided: "manageMasterUserPassword" }]);
            assert.deepEqual(check(rdsManagedPassword, I, { replicateSourceDb: "web-pg" }), []);
        });

        it("Aurora clusters: secondaries of a global database and replicas inherit, unless they set a user", () => {
            const C = "aws:rds/cluster:Cluster";
            assert.deepEqual(check(auroraManagedPassword, C, { masterPassword: PW, masterPasswordWo: PW, manageMasterUserPassword: true }), [
                "a master password is passed in (masterPassword: it lands in state and config)",
                "a master password is passed in (masterPasswordWo: write-only keeps it out of state, but it is still chosen outside RDS and never rotated)",
            ]);
            assert.deepEqual(check(auroraManagedPassword, C, { manageMasterUserPassword: true }), []);
            assert.deepEqual(check(auroraManagedPassword, C, { replicationSourceIdentifier: "arn:src" }), []);
            assert.deepEqual(check(auroraManagedPassword, C, { globalClusterIdentifier: "global" }), []);
            assert.deepEqual(check(auroraManagedPassword, C, { globalClusterIdentifier: "global", masterUsername: "app" }), ["manageMasterUserPassword is not true"]);
            assert.deepEqual(check(auroraManagedPassword, C, {}), ["manageMasterUserPassword is not true"]);
        });
    });

    describe("cache authentication", () => {
        const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
        it("replication groups: TLS required, and a token or user group", () => {
            assert.deepEqual(check(cacheAuth, RG, { transitEncryptionEnabled: true, userGroupIds: ["ug"] }), []);
            assert.deepEqual(check(cacheAuth, RG, { transitEncryptionEnabled: true, authToken: "t" }), []);
            assert.deepEqual(check(cacheAuth, RG, { transitEncryptionEnabled: true, authTokenWo: "t" }), []);
            assert.deepEqual(check(cacheAuth, RG, { transitEncryptionEnabled: false, transitEncryptionMode: "preferred", userGroupIds: [] }), [
                "transitEncryptionEnabled is not true",
                "transitEncryptionMode is preferred; clients may still connect without TLS",
                "no AUTH token and no RBAC user group: anyone on the network can connect",
            ]);
            assert.deepEqual(check(cacheAuth, RG, { transitEncryptionEnabled: true, transitEncryptionMode: "required", userGroupIds: U }), [{ undecided: "userGroupIds" }]);
            assert.deepEqual(check(cacheAuth, RG, { transitEncryptionEnabled: U, authToken: "t" }), [{ undecided: "transitEncryptionEnabled" }]);
        });

        it("serverless caches: a user group unless memcached", () => {
            const S = "aws:elasticache/serverlessCache:ServerlessCache";
            assert.deepEqual(check(cacheAuth, S, { engine: "valkey" }), ["no RBAC user group (userGroupId): the default user connects without a password"]);
            assert.deepEqual(check(cacheAuth, S, { engine: "redis", userGroupId: "" }), ["no RBAC user group (userGroupId): the default user connects without a password"]);
            assert.deepEqual(check(cacheAuth, S, { engine: "valkey", userGroupId: "ug" }), []);
            assert.deepEqual(check(cacheAuth, S, { engine: "memcached" }), []);
            assert.deepEqual(check(cacheAuth, S, { engine: U }), [{ undecided: "engine" }]);
            assert.deepEqual(check(cacheAuth, S, { engine: U, userGroupId: "ug" }), []);
        });

        it("cache clusters: memcached with TLS; Redis only inside a replication group", () => {
            const C = "aws:elasticache/cluster:Cluster";
            assert.deepEqual(check(cacheAuth, C, { engine: "memcached" }), ["memcached without transitEncryptionEnabled: clients talk in plain text"]);
            assert.deepEqual(check(cacheAuth, C, { engine: "memcached", transitEncryptionEnabled: true }), []);
            assert.deepEqual(check(cacheAuth, C, { engine: "redis" }), ["a redis cluster outside a replication group cannot use TLS or AUTH"]);
            assert.deepEqual(check(cacheAuth, C, { engine: "redis", replicationGroupId: "rg" }), []);
            assert.deepEqual(check(cacheAuth, C, { engine: U }), [{ undecided: "engine" }]);
        });
    });

    describe("secret stores", () => {
        const S = "aws:secretsmanager/secret:Secret";
        it("Secrets Manager: a KMS key and a recovery window of at least the minimum (30 unless configured)", () => {
            const c = (minRecoveryWindowDays: number) => ({ minRecoveryWindowDays });
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "k", recoveryWindowInDays: 30 }, c(30)), []);
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "k", recoveryWindowInDays: 29 }, c(30)), ["recoveryWindowInDays is 29, below 30"]);
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "k" }, c(30)), []); // AWS default: 30 days
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "k", recoveryWindowInDays: 7 }, c(7)), []);
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "k", recoveryWindowInDays: 6 }, c(7)), ["recoveryWindowInDays is 6, below 7"]);
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "k", recoveryWindowInDays: 8 }, c(7)), []);
            assert.deepEqual(check(secretsManagerSecret, S, { recoveryWindowInDays: 0 }, c(7)), ["no kmsKeyId: the AWS-managed key cannot be scoped or audited per secret", "recoveryWindowInDays is 0, below 7"]);
            assert.deepEqual(check(secretsManagerSecret, S, { kmsKeyId: "", recoveryWindowInDays: U }, c(7)), ["no kmsKeyId: the AWS-managed key cannot be scoped or audited per secret", { undecided: "recoveryWindowInDays" }]);
        });

        it("EKS: secrets envelope-encrypted with a KMS key", () => {
            const E = "aws:eks/cluster:Cluster";
            const msg = ["secrets are not envelope-encrypted with a KMS key"];
            assert.deepEqual(check(eksSecretsEncryption, E, { encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:k" } } }), []);
            assert.deepEqual(check(eksSecretsEncryption, E, { encryptionConfig: { resources: ["configmaps"], provider: { keyArn: "arn:k" } } }), msg);
            assert.deepEqual(check(eksSecretsEncryption, E, { encryptionConfig: { resources: ["secrets"], provider: {} } }), msg);
            assert.deepEqual(check(eksSecretsEncryption, E, {}), msg);
            assert.deepEqual(check(eksSecretsEncryption, E, { encryptionConfig: U }), [{ undecided: "encryptionConfig" }]);
        });

        it("SSM: SecureString for a secret's name, a credential value or a write-only value", () => {
            const P = "aws:ssm/parameter:Parameter";
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/db-password", type: "String", value: PW }), ["parameter /app/db-password looks secret but is String"]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/db-password", value: PW }), ["parameter /app/db-password looks secret but is String"]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/db-password", type: "SecureString", value: PW }), []);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/github", type: "String", value: GITHUB_TOKEN }), ["parameter /app/github looks secret but is String"]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/seed", type: "StringList", valueWo: "x" }), ["parameter /app/seed looks secret but is StringList"]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/db-password-length", type: "String", value: "32" }), []);
            assert.deepEqual(check(ssmSecureString, P, { type: "String", value: "v" }, {}, "api-token"), ["parameter api-token looks secret but is String"]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/db-password", type: U }), [{ undecided: "type" }]);
        });

        it("SSM: is undecided when an unknown name or value may make it secret", () => {
            const P = "aws:ssm/parameter:Parameter";
            assert.deepEqual(check(ssmSecureString, P, { name: U, type: "String", value: "v" }), [{ undecided: "name" }]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/region", type: "String", value: U }), [{ undecided: "value" }]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/region", type: U, value: U }), [{ undecided: "type" }]);
            assert.deepEqual(check(ssmSecureString, P, { name: "/app/region", type: "String", value: "us-east-1" }), []);
        });
    });
});
