/**
 * The synchronous harness over secretlint's recommended rules (core/secretFormats.ts): the rule
 * contract still holds on the pinned version, every format we rely on is found, and what the
 * preset deliberately allows stays allowed. All values are fake.
 */
import { strict as assert } from "assert";
import { credentialFormat, EXTRA_FORMATS, presetRuleIds } from "../../core/secretFormats";

describe("credential formats (secretlint recommended rules + extra formats)", () => {
    it("runs every rule of the pinned preset through the rule-creator contract", () => {
        const ids = presetRuleIds();
        assert.ok(ids.length >= 24, ids.join(", "));
        for (const id of ["@secretlint/secretlint-rule-aws", "@secretlint/secretlint-rule-github", "@secretlint/secretlint-rule-privatekey", "@secretlint/secretlint-rule-database-connection-string"]) assert.ok(ids.includes(id), id);
        assert.equal(require("@secretlint/secretlint-rule-preset-recommend/package.json").version, "12.0.0");
    });

    const found: Array<[string, string, boolean?]> = [
        ["AWS access key id", "AKIAZ7FAKEQWERTY2345"],
        ["GitHub token", "ghp_FAKEfake0123456789FAKEfake0123456789"],
        ["Slack bot token", "xoxb-1234567890-1234567890123-FAKEfakeFAKEfakeFAKEfake"],
        ["PEM private key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQFAKEKEYFAKEKEY\nFAKEKEYFAKEKEYFAKEKEYFAKEKEYFAKEKEYFAKEKEYFAKEKEYFAKEKEYFAKEKEYF\n-----END PRIVATE KEY-----"],
        ["PostgreSQL URL with a password", "postgres://app:Fak3Passw0rd@db.internal.example.com:5432/app"],
        ["npm token", "npm_FAKEfake0123456789FAKEfake0123456789"],
        ["Stripe key (extra)", "sk_live_FAKEfake0123FAKEfake0123"],
        ["JWT (extra)", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.FAKEsignatureFAKEsig"],
        ["redis URL with a password (extra)", "rediss://default:Fak3Passw0rd@cache.internal.example.com:6379/0"],
        ["JDBC ?password= (extra)", "jdbc:postgresql://db:5432/app?user=app&password=Fak3Passw0rd"],
        ["Azure AccountKey (extra)", "DefaultEndpointsProtocol=https;AccountName=fake;AccountKey=FAKEfake0123FAKEfake0123FAKEfake0123FAKEfake0123FAKEfake01=="],
    ];
    for (const [what, value] of found) it(`finds ${what}`, () => assert.ok(credentialFormat(value), value));

    it("allows what is not a credential: AWS's documented example key, account ids, placeholders, public keys, digests", () => {
        for (const v of [
            "AKIAIOSFODNN7EXAMPLE",
            "123456789012",
            "postgres://app:${DB_PASSWORD}@db:5432/app",
            "postgres://user:password@localhost:5432/app",
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFAKEfakeFAKEfake\n-----END PUBLIC KEY-----",
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "pk_live_FAKEfake0123FAKEfake0123",
            "https://app.example.com:8443/path",
        ]) assert.equal(credentialFormat(v), undefined, v);
    });

    it("cites a source for every extra format", () => {
        for (const f of EXTRA_FORMATS) assert.ok(f.source.length > 10, f.format);
    });
});
