/**
 * Recognising literal secrets (core/secrets.ts): the look-alike table of issue 12 (names and
 * values that only look secret must pass with 0 findings; real secrets, all fake, must fail), plus
 * cases written here beyond the table the name rule was designed against.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../core/plan/previewJson";
import { fileShapedPairs, isReferenceValue, literalSecretReason, secretNameKind, textSecretReason } from "../../core/secrets";

interface Row { name: string; value: string; why?: string }
const TABLE: { mustPass: Row[]; mustFail: Row[] } = require("./fixtures/secretLookalikes.json");

/** Look-alikes beyond the table: official image switches, run-together and dotted names, metadata of every kind. */
const OWN_PASS: Row[] = [
    { name: "MYSQL_RANDOM_ROOT_PASSWORD", value: "yes", why: "official mysql image switch" },
    { name: "MYSQL_ALLOW_EMPTY_PASSWORD", value: "yes", why: "official mysql image switch" },
    { name: "POSTGRES_PASSWORD_FILE", value: "/run/secrets/pg", why: "path to a mounted secret" },
    { name: "PGPASSFILE", value: "/home/app/.pgpass", why: "libpq password file path" },
    { name: "REDIS_PASSWORD", value: "${REDIS_PASSWORD}", why: "placeholder" },
    { name: "NEXTAUTH_URL", value: "https://app.example.com", why: "URL" },
    { name: "GITHUB_APP_ID", value: "123456", why: "identifier" },
    { name: "STRIPE_WEBHOOK_SECRET_NAME", value: "prod/stripe/webhook", why: "name of a stored secret" },
    { name: "JWT_EXPIRES_IN", value: "15m", why: "lifetime" },
    { name: "TOKEN_REFRESH_INTERVAL", value: "300", why: "interval" },
    { name: "PASSWORD_RESET_URL", value: "https://app.example.com/reset", why: "URL" },
    { name: "SECRETS_ENDPOINT", value: "https://secretsmanager.us-east-1.amazonaws.com", why: "endpoint" },
    { name: "OAUTH_CLIENT_SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:123456789012:secret:oauth-AbCdEf", why: "ARN" },
    { name: "API_TOKEN_LENGTH", value: "32", why: "length" },
    { name: "SSH_PUBLIC_KEY", value: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake ci@example", why: "public key" },
    { name: "SENTRY_DSN", value: "https://sentry.example.com/", why: "DSN without a key" },
    { name: "CACHE_KEY_PREFIX", value: "app:", why: "prefix" },
    { name: "PRIMARY_KEY_COLUMN", value: "id", why: "a database key, not a credential" },
    { name: "auth.existingSecret", value: "db-credentials", why: "Helm: points at an existing Secret" },
    { name: "adminPasswordKey", value: "postgres-password", why: "Helm: the key inside that Secret" },
    { name: "DB_PASSWORD", value: UNKNOWN_MARKER, why: "known only at apply: computed, never a literal" },
    { name: "APP_PROPERTIES", value: "password.min-length=12\nspring.datasource.password=${DB_PASSWORD}\ntoken-ttl: 3600\n", why: "file whose secret lines are placeholders or settings" },
    { name: "SETTINGS_JSON", value: "{\"auth\":{\"jwks_uri\":\"https://auth.example.com/.well-known/jwks.json\",\"token_ttl\":3600}}", why: "JSON of metadata" },
    { name: "SECRET_KEY_FALLBACKS", value: "[]", why: "empty JSON list" },
];
const OWN_FAIL: Row[] = [
    { name: "PGPASSWORD", value: "Fak3-pg-pass", why: "run-together name (libpq)" },
    { name: "MINIO_ROOT_PASSWORD", value: "fake-minio-0001" },
    { name: "dbPassword", value: "Fak3Passw0rd", why: "camelCase (Helm values)" },
    { name: "auth.rootPassword", value: "Fak3Passw0rd", why: "dotted Helm path" },
    { name: "apiKey", value: "FAKEapiKey0123456789", why: "camelCase" },
    { name: "X-Api-Key", value: "FAKE-key-0001", why: "header-style name" },
    { name: "ADMIN_PWD", value: "fake-admin-1" },
    { name: "WEBHOOK_SECRET", value: "FAKEwebhook0123" },
    { name: "DATABASE_URL", value: "postgres://u:pw@db/app", why: "a two-character password is still one" },
    { name: "AWS_CONFIG_JSON", value: "{\"aws\":{\"accessKeyId\":\"AKIAZ7FAKEQWERTY2345\",\"region\":\"us-east-1\"}}", why: "access key id inside JSON" },
    { name: "REDIS_CONF", value: "bind 0.0.0.0\nrequirepass Fak3Passw0rd\n", why: "redis.conf directive" },
    { name: "APP_INI", value: "[database]\nhost = db\npassword = Fak3Passw0rd\n", why: ".ini section" },
];

describe("literal secret recognition (core/secrets)", () => {
    it("the look-alike table has at least 40 names and values that must pass", () => {
        assert.ok(TABLE.mustPass.length + OWN_PASS.length >= 40, `${TABLE.mustPass.length + OWN_PASS.length}`);
    });

    it("passes every look-alike with 0 findings", () => {
        const flagged = [...TABLE.mustPass, ...OWN_PASS].map((r) => [r.name, literalSecretReason(r.name, r.value)]).filter(([, reason]) => reason);
        assert.deepEqual(flagged, []);
    });

    it("finds every real (fake) secret of the table and of its own cases", () => {
        const missed = [...TABLE.mustFail, ...OWN_FAIL].filter((r) => !literalSecretReason(r.name, r.value)).map((r) => r.name);
        assert.deepEqual(missed, []);
    });

    it("tells a secret's name from its metadata, and a URL name from a secret name", () => {
        assert.equal(secretNameKind("DB_PASSWORD"), "secret");
        assert.equal(secretNameKind("DB_PASSWORD_FILE"), undefined);
        assert.equal(secretNameKind("TOKEN_TTL_SECONDS"), undefined);
        assert.equal(secretNameKind("SLACK_WEBHOOK_URL"), "url");
        assert.equal(secretNameKind("PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE"), undefined);
        assert.equal(secretNameKind("STRIPE_PUBLISHABLE_KEY"), undefined);
        assert.equal(secretNameKind("signingKey"), "secret");
    });

    it("knows references from literals", () => {
        for (const v of ["", "[secret]", "${X}", "$(X)", "{{ .Values.x }}", "%X%", "$X", "<password>", "arn:aws:secretsmanager:us-east-1:1:secret:x", "true", "/run/secrets/x", "alias/app", "$(aws ssm get-parameter --name x)", UNKNOWN_MARKER]) {
            assert.ok(isReferenceValue(v), v);
        }
        for (const v of ["hunter2", "Fak3Passw0rd", "changeme"]) assert.ok(!isReferenceValue(v), v);
    });

    it("treats Pulumi's [secret] mask where a literal goes as a secret in plain text, whatever the name", () => {
        assert.equal(literalSecretReason("LOG_FORMAT", "[secret]"), "LOG_FORMAT is a Pulumi secret written as a literal value (stored and shown in plain text)");
        assert.match(textSecretReason("[secret]")!, /Pulumi secret written as a literal/);
        assert.equal(literalSecretReason("LOG_FORMAT", "json"), undefined);
    });

    it("reads file-shaped values as key/value pairs (JSON flattened, .properties, .env, .ini, YAML lines, redis.conf)", () => {
        assert.deepEqual(fileShapedPairs("{\"db\":{\"password\":\"x\"}}"), [{ name: "db.password", value: "x" }]);
        assert.deepEqual(fileShapedPairs("# c\nexport A=1\nb: 'two'\nrequirepass s3\n"), [{ name: "A", value: "1" }, { name: "b", value: "two" }, { name: "password", value: "s3" }]);
    });

    it("finds secrets in shell text and command lines, not in the ways of fetching one", () => {
        assert.match(textSecretReason("#!/bin/sh\necho \"DB_PASSWORD=Fak3Passw0rd\" >> /etc/app.env")!, /sets DB_PASSWORD to a literal secret/);
        assert.match(textSecretReason("app --api-key FAKEapiKey0123456789 --port 80")!, /passes --api-key a literal secret/);
        assert.match(textSecretReason("curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.FAKEsignatureFAKEsig\"")!, /credential \(jwt\)/);
        for (const ok of [
            "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)",
            "aws ssm get-parameter --with-decryption --name /prod/db/password",
            "aws ecr get-login-password | docker login --password-stdin --username AWS 123456789012.dkr.ecr.us-east-1.amazonaws.com",
            "exec app --db-password=$(DB_PASSWORD) --token-ttl=3600 --tls-key-file=/tls/tls.key",
            "/etc/eks/bootstrap.sh web --b64-cluster-ca LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t --kubelet-extra-args '--node-labels=pool=app'",
        ]) assert.equal(textSecretReason(ok), undefined, ok);
    });

    it("judges thousands of values a second (the pack checks every env value of every workload)", () => {
        const values = [...TABLE.mustPass, ...TABLE.mustFail];
        const t0 = process.hrtime.bigint();
        let n = 0;
        for (let k = 0; k < 20; k++) for (const r of values) {
            literalSecretReason(r.name, `${r.value}${k}`);
            n++;
        }
        const perSecond = n / (Number(process.hrtime.bigint() - t0) / 1e9);
        assert.ok(perSecond > 2_000, `${perSecond.toFixed(0)} values/s`);
    });
});
