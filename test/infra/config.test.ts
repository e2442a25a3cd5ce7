import { strict as assert } from "assert";
import fc from "fast-check";
import { OFFLINE_PLACEHOLDER_SECRET } from "../../core/plan/previewJson";
import { AWS_REGIONS, ConfigError, loadStackConfig, parseStackConfig, partitionOf } from "../../infra/config";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { listStacks, readStackConfig } from "../../tools/offline/project";
import { project } from "../harness";

/** A minimal valid production stack: a region, a tier, and someone to alert. */
const base = { "aws:region": "us-east-1", "tiered-infra:tier": "small", "tiered-infra:alerting": JSON.stringify({ emails: ["ops@example.com"] }) };
const json = (v: unknown) => JSON.stringify(v);

function errorOf(raw: Record<string, string>, secretKeys: string[] = []): ConfigError {
    try {
        parseStackConfig(raw, new Set(secretKeys));
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected ConfigError, got ${(e as Error).stack}`);
        return e;
    }
    assert.fail("config was accepted");
}

describe("stack config", () => {
    it("validates every shipped stack file", () => {
        const stacks = listStacks(project);
        assert.ok(stacks.length >= 3, `found stacks: ${stacks}`);
        for (const stack of stacks) {
            const file = readStackConfig(project, stack);
            const cfg = parseStackConfig(file.config, file.secretKeys);
            if (TIER_NAMES.includes(stack as never)) assert.equal(cfg.tier, stack);
        }
    });

    it("blames the key a stack set when it breaks a pair with the tier's value of the other", () => {
        assert.deepEqual(errorOf({ ...base, "tiered-infra:sizing": json({ app: { maxReplicas: 2 } }) }).problems, [
            "tiered-infra:sizing.app.maxReplicas: 2 is below the small tier's app.minReplicas (3); change it, or set app.minReplicas too",
        ]);
        assert.deepEqual(errorOf({ ...base, "tiered-infra:sizing": json({ database: { allocatedStorageGiB: 900 } }) }).problems, [
            "tiered-infra:sizing.database.allocatedStorageGiB: 900 is above the small tier's database.maxAllocatedStorageGiB (500); change it, or set database.maxAllocatedStorageGiB too",
        ]);
        // Both set: the checked key is named, as before.
        assert.match(errorOf({ ...base, "tiered-infra:sizing": json({ app: { minReplicas: 4, maxReplicas: 3 } }) }).problems[0], /^tiered-infra:sizing\.app\.minReplicas: 4 is not allowed; must not exceed app\.maxReplicas \(3\)$/);
    });

    it("resolves a tier's row and applies a stack's field override without touching the rest", () => {
        const cfg = parseStackConfig({ ...base, "tiered-infra:tier": "medium", "tiered-infra:sizing": json({ app: { maxReplicas: 12 } }) });
        assert.equal(cfg.sizing.app.maxReplicas, 12);
        assert.equal(cfg.sizing.app.minReplicas, TIERS.medium.app.minReplicas);
        assert.deepEqual(cfg.sizing.database, TIERS.medium.database);
        assert.equal(TIERS.medium.app.maxReplicas, 10, "the table itself is not mutated");
    });

    it("applies secure defaults when optional keys are absent", () => {
        const cfg = parseStackConfig(base);
        assert.equal(cfg.environment, "production");
        assert.equal(cfg.logRetentionDays, 30);
        assert.equal(cfg.network.cidr, "10.0.0.0/16");
        assert.deepEqual(cfg.appSecrets, {});
    });

    // Each case: a bad config, and the fragments its message must contain (key, value, allowed).
    const badConfigs: Array<[string, Record<string, string>, string[]]> = [
        ["unknown tier", { ...base, "tiered-infra:tier": "huge" }, ["tiered-infra:tier", '"huge"', "small, medium, large"]],
        ["missing tier", { "aws:region": "us-east-1" }, ["tiered-infra:tier", "is required"]],
        ["missing region", { "tiered-infra:tier": "small" }, ["aws:region", "is required"]],
        ["bad region", { ...base, "aws:region": "mars-1" }, ["aws:region", '"mars-1"', "us-east-1"]],
        ["typo in a key", { ...base, "tiered-infra:teir": "small" }, ["tiered-infra:teir", "not a known key", "tier,"]],
        ["replicas out of bounds", { ...base, "tiered-infra:sizing": json({ app: { maxReplicas: 500 } }) }, ["tiered-infra:sizing.app.maxReplicas", "500", "at most 200"]],
        ["unknown sizing field", { ...base, "tiered-infra:sizing": json({ database: { clas: "db.t3.large" } }) }, ["tiered-infra:sizing.database.clas", "instanceClass"]],
        ["min above max", { ...base, "tiered-infra:sizing": json({ app: { minReplicas: 9 } }) }, ["tiered-infra:sizing.app.minReplicas", "9", "app.maxReplicas (5)"]],
        ["AZ count", { ...base, "tiered-infra:sizing": json({ network: { azCount: 1 } }) }, ["tiered-infra:sizing.network.azCount", "1", "at least 2"]],
        ["NAT mode", { ...base, "tiered-infra:sizing": json({ network: { natGateways: "none" } }) }, ["natGateways", '"none"', "single, perAz"]],
        ["VPC too large", { ...base, "tiered-infra:network": json({ cidr: "10.0.0.0/8" }) }, ["tiered-infra:network.cidr", "10.0.0.0/8", "/16 to /20"]],
        ["retention not a CloudWatch value", { ...base, "tiered-infra:logRetentionDays": "31" }, ["tiered-infra:logRetentionDays", "31", "30, 60"]],
        ["wildcard CORS", { ...base, "tiered-infra:corsOrigins": json(["*"]) }, ["tiered-infra:corsOrigins.0", '"*"', "https://"]],
        ["http CORS origin", { ...base, "tiered-infra:corsOrigins": json(["http://app.example.com"]) }, ["corsOrigins.0", "http://app.example.com", "https://"]],
        ["latest image tag", { ...base, "tiered-infra:app": json({ tag: "latest" }) }, ["tiered-infra:app.tag", '"latest"', "pinned version"]],
        ["port type", { ...base, "tiered-infra:app": json({ port: "http" }) }, ["tiered-infra:app.port", '"http"', "number"]],
        ["environment", { ...base, "tiered-infra:environment": "prod" }, ["tiered-infra:environment", '"prod"', "production, development"]],
        ["relaxed protection in production", { ...base, "tiered-infra:dataProtection": json({ deletionProtection: false }) }, ["tiered-infra:dataProtection.deletionProtection", "false", "only when tiered-infra:environment is development"]],
        ["managed vector DB without its settings", { ...base, "tiered-infra:sizing": json({ vectorDb: { mode: "managed" } }) }, ["tiered-infra:managedVectorDb: is required", "tiered-infra:appSecrets.VECTOR_DB_URL: is required"]],
        ["API open to the internet", { ...base, "tiered-infra:cluster": json({ publicAccessCidrs: ["0.0.0.0/0"] }) }, ["tiered-infra:cluster.publicAccessCidrs.0", "0.0.0.0/0", "CI/VPN ranges"]],
        ["unknown Kubernetes version", { ...base, "tiered-infra:cluster": json({ kubernetesVersion: "1.20" }) }, ["tiered-infra:cluster.kubernetesVersion", '"1.20"', "1.33, 1.34, 1.35"]],
        ["a waiver among the stack's tags (they land on provider default tags, which policies never see)", { ...base, "tiered-infra:tags": json({ "tiered-infra:waive:aws-rds-instance-require-multi-az": "2027-01-01: single AZ for now" }) },
            ["tiered-infra:tags.tiered-infra:waive:aws-rds-instance-require-multi-az", "policies never see", "put it on the resource itself", "\"waivers\": [{ \"resource\""]],
        ["database class", { ...base, "tiered-infra:sizing": json({ database: { instanceClass: "r6g.xlarge" } }) }, ["database.instanceClass", "r6g.xlarge", "db.r6g.xlarge"]],
        ["a DR region equal to the stack's", { ...base, "tiered-infra:tier": "medium", "aws:region": "us-west-2" }, ["tiered-infra:sizing.recovery.drRegion", '"us-west-2"', "must differ from aws:region (us-west-2)"]],
        ["an unknown DR region", { ...base, "tiered-infra:sizing": json({ recovery: { crossRegion: true, drRegion: "us-west-9" } }) }, ["tiered-infra:sizing.recovery.drRegion", '"us-west-9"', "is not an AWS region", "us-west-2"]],
        ["a DR region in another partition", { ...base, "tiered-infra:sizing": json({ recovery: { crossRegion: true, drRegion: "cn-north-1" } }) }, ["tiered-infra:sizing.recovery.drRegion", '"cn-north-1"', "same AWS partition as aws:region (us-east-1, aws)"]],
        ["cross-region copies without a DR region", { ...base, "tiered-infra:sizing": json({ recovery: { crossRegion: true } }) }, ["tiered-infra:sizing.recovery.drRegion", "is required when recovery.crossRegion is true"]],
        ["a vault lock whose maximum is below its minimum", { ...base, "tiered-infra:sizing": json({ recovery: { vaultLock: { minRetentionDays: 30, maxRetentionDays: 7 } } }) }, ["tiered-infra:sizing.recovery.vaultLock.maxRetentionDays", "7", "at least recovery.vaultLock.minRetentionDays (30)"]],
        ["an alert address that is not one", { ...base, "tiered-infra:alerting": json({ emails: ["ops at example"] }) }, ["tiered-infra:alerting.emails.0", '"ops at example"', "email address"]],
        ["an unknown alarm id", { ...base, "tiered-infra:observability": json({ alarms: { "rds-cpux": { threshold: 80 } } }) }, ["tiered-infra:observability.alarms.rds-cpux: is not a known key", "allowed keys: rds-cpu, rds-freeable-memory"]],
        ["a typo in an alarm override", { ...base, "tiered-infra:observability": json({ alarms: { "rds-cpu": { thresold: 80 } } }) }, ["tiered-infra:observability.alarms.rds-cpu.thresold: is not a known key", "threshold, share"]],
        ["a share on an absolute alarm", { ...base, "tiered-infra:observability": json({ alarms: { "rds-cpu": { share: 0.5 } } }) }, ["tiered-infra:observability.alarms.rds-cpu.share", "threshold is absolute"]],
        ["more datapoints than evaluation periods", { ...base, "tiered-infra:observability": json({ alarms: { "rds-cpu": { datapointsToAlarm: 9 } } }) }, ["tiered-infra:observability.alarms.rds-cpu.datapointsToAlarm", "evaluationPeriods (5)"]],
        ["an alarm period CloudWatch does not take", { ...base, "tiered-infra:observability": json({ alarms: { "rds-cpu": { periodSeconds: 45 } } }) }, ["tiered-infra:observability.alarms.rds-cpu.periodSeconds", "45", "multiple of 60"]],
        ["local monitoring on an AWS stack", { ...base, "tiered-infra:observability": json({ local: true }) }, ["tiered-infra:observability.local", "local stacks only"]],
        ["a database class whose alarms cannot be sized", { ...base, "tiered-infra:sizing": json({ database: { instanceClass: "db.x2g.large" } }) }, ["tiered-infra:sizing.database.instanceClass", "db.x2g.large", "no memory figure", "db.t3.large"]],
    ];
    for (const [title, raw, fragments] of badConfigs) {
        it(`rejects ${title} with a message naming the key, the value and what is allowed`, () => {
            const message = errorOf(raw).message;
            for (const f of fragments) assert.ok(message.includes(f), `message lacks ${JSON.stringify(f)}:\n${message}`);
        });
    }

    it("lets a stack move its DR region, and knows AWS's regions as the provider does", () => {
        const cfg = parseStackConfig({ ...base, "tiered-infra:tier": "medium", "aws:region": "us-west-2", "tiered-infra:sizing": json({ recovery: { drRegion: "us-east-2" } }) });
        assert.deepEqual([cfg.sizing.recovery.crossRegion, cfg.sizing.recovery.drRegion], [true, "us-east-2"]);
        assert.deepEqual([...AWS_REGIONS].sort(), Object.values(require("@pulumi/aws").Region as Record<string, string>).sort());
    });

    it("lets a development stack relax data protection, explicitly", () => {
        const cfg = parseStackConfig({ ...base, "tiered-infra:environment": "development", "tiered-infra:dataProtection": json({ finalSnapshot: false }) });
        assert.deepEqual(cfg.dataProtection, { deletionProtection: true, finalSnapshot: false, protect: true });
    });

    it("rejects application secrets stored in plain text, accepts them as secrets", () => {
        const raw = { ...base, "tiered-infra:appSecrets": json({ API_KEY: "abc123" }) };
        assert.match(errorOf(raw).message, /tiered-infra:appSecrets: is stored in plain text; set each value with `pulumi config set --secret/);
        assert.deepEqual(parseStackConfig(raw, new Set(["tiered-infra:appSecrets"])).appSecrets, { API_KEY: "abc123" });
    });

    describe("alerting", () => {
        const noSubscriber = { "aws:region": "us-east-1", "tiered-infra:tier": "small" };
        const pagerDuty = (url: string) => ({ ...noSubscriber, "tiered-infra:alerting": json({ pagerDutyUrl: url }) });

        it("rejects a production stack nobody is alerted for, and says how to add someone", () => {
            const message = errorOf(noSubscriber).message;
            assert.match(message, /tiered-infra:alerting: a production stack needs at least one alert subscriber/);
            assert.match(message, /alerting\.emails .*pulumi config set --secret --path 'alerting\.pagerDutyUrl' URL/);
        });

        it("only warns for a development stack, and asks nothing of a local one", () => {
            const dev = parseStackConfig({ ...noSubscriber, "tiered-infra:environment": "development" });
            assert.match(dev.warnings.join("\n"), /no alert subscriber: alarms of this development stack notify nobody/);
            const local = parseStackConfig({ "tiered-infra:platform": "local", "tiered-infra:tier": "small", "tiered-infra:environment": "development" });
            assert.deepEqual(local.warnings, []);
        });

        it("rejects a PagerDuty URL in plain text, accepts it as a secret, and checks it is https", () => {
            const url = "https://events.pagerduty.com/integration/abc123/enqueue";
            assert.match(errorOf(pagerDuty(url)).message, /tiered-infra:alerting\.pagerDutyUrl: is stored in plain text; set it with `pulumi config set --secret --path 'alerting\.pagerDutyUrl' URL`/);
            assert.equal(parseStackConfig(pagerDuty(url), new Set(["tiered-infra:alerting"])).alerting.pagerDutyUrl, url);
            assert.match(errorOf(pagerDuty("http://events.pagerduty.com/x"), ["tiered-infra:alerting"]).message, /alerting\.pagerDutyUrl: is not an https:\/\/ URL/);
            // The offline plan cannot decrypt it: its placeholder is not judged.
            assert.doesNotThrow(() => parseStackConfig(pagerDuty(OFFLINE_PLACEHOLDER_SECRET), new Set(["tiered-infra:alerting"])));
            // A real preview's JSON hides the whole key: nothing to judge there either.
            assert.doesNotThrow(() => parseStackConfig({ ...noSubscriber, "tiered-infra:alerting": "[secret]" }, new Set(), { redactedSecrets: true }));
        });

        it("takes a stack's alarm overrides", () => {
            const cfg = parseStackConfig({ ...base, "tiered-infra:observability": json({ alarms: { "rds-free-storage": { share: 0.2 }, "cache-evictions": { enabled: false } } }) });
            assert.deepEqual(cfg.observability.alarms, { "rds-free-storage": { share: 0.2 }, "cache-evictions": { enabled: false } });
        });
    });

    it("reports every problem at once", () => {
        const message = errorOf({ ...base, "tiered-infra:tier": "tiny", "tiered-infra:logRetentionDays": "2" }).message;
        assert.match(message, /tiered-infra:tier/);
        assert.match(message, /tiered-infra:logRetentionDays/);
    });

    it("never throws anything but a ConfigError for random values of known keys (property)", () => {
        const keys = ["tier", "environment", "sizing", "network", "logRetentionDays", "tags", "app", "corsOrigins", "appSecrets", "alerting", "observability", "bogus"].map((k) => `tiered-infra:${k}`);
        const value = fc.oneof(
            fc.string(),
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.record({ app: fc.record({ maxReplicas: fc.integer(), cpuMillicores: fc.double() }, { requiredKeys: [] }) }).map(json),
            fc.constantFrom("small", "medium", "large", "production", "30", "[]", "{}", "null", "\"\""),
        );
        fc.assert(
            fc.property(fc.dictionary(fc.constantFrom(...keys, "aws:region"), value), fc.boolean(), (raw, secret) => {
                try {
                    const cfg = parseStackConfig({ ...base, ...raw }, new Set(secret ? ["tiered-infra:appSecrets"] : []));
                    assert.ok(TIER_NAMES.includes(cfg.tier));
                } catch (e) {
                    if (!(e instanceof ConfigError)) throw e;
                    for (const line of e.problems) assert.match(line, /^(tiered-infra|aws):[A-Za-z]/, `problem without a key: ${line}`);
                }
            }),
            { numRuns: 500 },
        );
    });
});

describe("stack config: each rule at its boundary, with the whole list of problems", () => {
    const secret = new Set(["tiered-infra:alerting", "tiered-infra:appSecrets"]);
    const problems = (raw: Record<string, string>) => errorOf(raw, [...secret]).problems;
    const ok = (raw: Record<string, string>) => parseStackConfig(raw, secret);
    const alarms = (a: Record<string, unknown>) => ({ ...base, "tiered-infra:observability": json({ alarms: a }) });
    const ORIGIN = "must be an https:// origin such as https://app.example.com (no path, no wildcard; http://localhost only on local stacks)";

    it("takes a VPC prefix from /16 to /20 and nothing outside", () => {
        assert.equal(ok({ ...base, "tiered-infra:network": json({ cidr: "10.0.0.0/16" }) }).network.cidr, "10.0.0.0/16");
        assert.equal(ok({ ...base, "tiered-infra:network": json({ cidr: "10.0.0.0/20" }) }).network.cidr, "10.0.0.0/20");
        for (const prefix of [15, 21]) {
            assert.deepEqual(problems({ ...base, "tiered-infra:network": json({ cidr: `10.0.0.0/${prefix}` }) }), [`tiered-infra:network.cidr: "10.0.0.0/${prefix}" is not allowed; must be a CIDR block with a prefix from /16 to /20`]);
        }
    });

    it("takes alarm periods of 10, 30 and multiples of 60 up to a day", () => {
        ok(alarms({ "rds-cpu": { periodSeconds: 10 }, "rds-freeable-memory": { periodSeconds: 30 }, "rds-connections": { periodSeconds: 86400 }, "rds-free-storage": { periodSeconds: 60 } }));
        const bad = (id: string, p: number) => `tiered-infra:observability.alarms.${id}.periodSeconds: ${p} is not allowed; must be 10, 30 or a multiple of 60 up to 86400 (CloudWatch alarm periods)`;
        assert.deepEqual(problems(alarms({ "rds-cpu": { periodSeconds: 20 }, "rds-freeable-memory": { periodSeconds: 90 }, "rds-connections": { periodSeconds: 86460 }, "rds-free-storage": { periodSeconds: 0 } })), [
            bad("rds-cpu", 20), bad("rds-freeable-memory", 90), bad("rds-connections", 86460), bad("rds-free-storage", 0),
        ]);
    });

    it("lets datapointsToAlarm reach evaluationPeriods (the row's or the override's) but not exceed it", () => {
        ok(alarms({ "rds-cpu": { datapointsToAlarm: 5 } }));
        ok(alarms({ "rds-cpu": { datapointsToAlarm: 2, evaluationPeriods: 2 } }));
        assert.deepEqual(problems(alarms({ "rds-cpu": { datapointsToAlarm: 6 } })), ["tiered-infra:observability.alarms.rds-cpu.datapointsToAlarm: 6 is not allowed; must not exceed evaluationPeriods (5)"]);
        assert.deepEqual(problems(alarms({ "rds-cpu": { datapointsToAlarm: 3, evaluationPeriods: 2 } })), ["tiered-infra:observability.alarms.rds-cpu.datapointsToAlarm: 3 is not allowed; must not exceed evaluationPeriods (2)"]);
    });

    it("takes a share or a threshold on a share row, not both", () => {
        ok(alarms({ "rds-freeable-memory": { share: 0.5 } }));
        ok(alarms({ "rds-freeable-memory": { threshold: 1e9 } }));
        assert.deepEqual(problems(alarms({ "rds-freeable-memory": { threshold: 1e9, share: 0.5 } })), ["tiered-infra:observability.alarms.rds-freeable-memory.share: 0.5 is not allowed; give either threshold or share, not both"]);
    });

    it("takes https origins with an optional port; localhost only on local stacks", () => {
        assert.deepEqual(ok({ ...base, "tiered-infra:corsOrigins": json(["https://app.example.com:8443", "https://a-b.example.co.uk"]) }).corsOrigins, ["https://app.example.com:8443", "https://a-b.example.co.uk"]);
        const bad = ["https://app.example.com/path", "https://app", "https://-x.example.com", "https://app.example.com:123456", "xhttps://app.example.com", "https://*.example.com"];
        assert.deepEqual(problems({ ...base, "tiered-infra:corsOrigins": json(bad) }), bad.map((o, i) => `tiered-infra:corsOrigins.${i}: ${JSON.stringify(o)} is not allowed; ${ORIGIN}`));
        assert.deepEqual(problems({ ...base, "tiered-infra:corsOrigins": json(["https://app.example.com", "http://localhost:3000"]) }), [
            'tiered-infra:corsOrigins.1: "http://localhost:3000" is not allowed; is a plain-HTTP localhost origin, allowed only on local stacks; use an https:// origin',
        ]);
        assert.deepEqual(ok({ "tiered-infra:platform": "local", "tiered-infra:tier": "small", "tiered-infra:corsOrigins": json(["http://localhost:3000", "http://127.0.0.1"]) }).corsOrigins, ["http://localhost:3000", "http://127.0.0.1"]);
    });

    it("keeps local-only settings off AWS stacks, and data protection on in production", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:system": json({ frontend: { image: "ghcr.io/x/f", tag: "1.0.0", port: 12016, healthPath: "/" } }) }), [
            'tiered-infra:system.frontend: {"image":"ghcr.io/x/f","tag":"1.0.0","port":12016,"healthPath":"/"} is not allowed; is for local stacks only; on AWS the static frontend is served from the CDN\'s bucket',
        ]);
        assert.deepEqual(problems({ "tiered-infra:platform": "local", "tiered-infra:tier": "small", "tiered-infra:system": json({ frontend: { image: "ghcr.io/x/f", tag: "latest", port: 12016, healthPath: "/" } }) }), [
            "tiered-infra:system.frontend.tag: \"latest\" is not allowed; must be a pinned version, not 'latest'",
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:dataProtection": json({ deletionProtection: false, finalSnapshot: true }) }), ["tiered-infra:dataProtection.deletionProtection: false is not allowed; may be false only when tiered-infra:environment is development"]);
    });

    it("rejects a waiver among the stack's default tags, saying where it belongs", () => {
        const key = "tiered-infra:waive:aws-rds-instance-require-multi-az";
        assert.deepEqual(problems({ ...base, "tiered-infra:tags": json({ [key]: "2026-01-01: x", Team: "web" }) }), [
            `tiered-infra:tags.${key}: "2026-01-01: x" is not allowed; is a waiver, but tiered-infra:tags become the AWS provider's default tags, which policies never see, so it would waive nothing; put it on the resource itself (tag ${key} in that resource's tags), or in the policy config: "aws-rds-instance-require-multi-az": { "waivers": [{ "resource": "<URN or name>", "reason": "...", "expires": "YYYY-MM-DD" }] }`,
        ]);
        assert.deepEqual(ok({ ...base, "tiered-infra:tags": json({ "tiered-infra:team": "web" }) }).tags, { "tiered-infra:team": "web" });
    });

    it("rejects an env variable that is also a secret, repeated services and addresses", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:app": json({ env: { API_KEY: "x", LOG_LEVEL: "info" } }), "tiered-infra:appSecrets": json({ API_KEY: "s" }) }), [
            "tiered-infra:app.env.API_KEY: is also defined in appSecrets; a variable comes either from config or from a secret, not both",
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:system": json({ statefulServices: ["chroma", "chroma"] }), "tiered-infra:alerting": json({ emails: ["a@example.com", "a@example.com"] }) }), [
            'tiered-infra:system.statefulServices: ["chroma","chroma"] is not allowed; must not repeat a service',
            'tiered-infra:alerting.emails: ["a@example.com","a@example.com"] is not allowed; must not repeat an address',
        ]);
    });

    it("says what is too small, too large, of the wrong type or an invalid key, per kind of value", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:corsOrigins": json([]), "tiered-infra:appSecrets": json({ X: "" }), "tiered-infra:app": json({ port: 0 }) }), [
            "tiered-infra:app.port: 0 is too small; must be at least 1",
            "tiered-infra:corsOrigins: [] is too small; needs at least 1 item(s)",
            'tiered-infra:appSecrets.X: "" is too small; needs at least 1 character(s)',
        ]);
        const emails = Array.from({ length: 11 }, (_, i) => `o${i}@example.com`);
        assert.deepEqual(problems({ ...base, "tiered-infra:alerting": json({ emails }), "tiered-infra:tags": json({ Team: "x".repeat(257) }), "tiered-infra:app": json({ port: 65536 }) }), [
            `tiered-infra:tags.Team: "${"x".repeat(116)}... is too large; allows at most 256 character(s)`,
            "tiered-infra:app.port: 65536 is too large; must be at most 65535",
            `tiered-infra:alerting.emails: ${JSON.stringify(emails).slice(0, 117)}... is too large; allows at most 10 item(s)`,
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:app": json({ port: "80", name: 5 }), "tiered-infra:localPorts": json({ proxy: 1.5 }), "tiered-infra:logRetentionDays": "thirty" }), [
            "tiered-infra:localPorts.proxy: 1.5 is not allowed; expected an integer",
            'tiered-infra:logRetentionDays: "thirty" is not allowed; expected a number',
            "tiered-infra:app.name: 5 is not allowed; expected a string",
            'tiered-infra:app.port: "80" is not allowed; expected a number',
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:appSecrets": json({ lower: "x" }) }), ["tiered-infra:appSecrets.lower: has an invalid key; must be an UPPER_SNAKE_CASE environment variable name"]);
        assert.deepEqual(problems({ ...base, "tiered-infra:environment": "staging" }), ['tiered-infra:environment: "staging" is not allowed; expected one of: production, development']);
    });

    it("shows values up to 120 characters whole and cuts longer ones", () => {
        const msg = "is not allowed; must be a container image reference without a tag, such as ghcr.io/acme/web";
        assert.deepEqual(problems({ ...base, "tiered-infra:app": json({ image: "A".repeat(118) }) }), [`tiered-infra:app.image: "${"A".repeat(118)}" ${msg}`]);
        assert.deepEqual(problems({ ...base, "tiered-infra:app": json({ image: "A".repeat(119) }) }), [`tiered-infra:app.image: "${"A".repeat(116)}... ${msg}`]);
    });

    it("names the allowed keys of the object a typo sits in", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:app": json({ colour: "red" }) }), ["tiered-infra:app.colour: is not a known key; allowed keys: name, image, tag, port, healthPath, architecture, env"]);
        assert.deepEqual(problems({ ...base, "tiered-infra:alerting": json({ emails: ["ops@example.com"], pager: "x" }) }), ["tiered-infra:alerting.pager: is not a known key; allowed keys: emails, pagerDutyUrl"]);
    });

    it("needs a region name, and a DR region of the same partition that is not the stack's own", () => {
        assert.deepEqual(problems({ "tiered-infra:tier": "small", "tiered-infra:alerting": json({ emails: ["ops@example.com"] }) }), ["aws:region: is required; set it with `pulumi config set aws:region us-east-1`"]);
        assert.deepEqual(problems({ ...base, "aws:region": "us-east" }), ['aws:region: "us-east" is not an AWS region name; expected a name such as us-east-1']);
        assert.deepEqual(problems({ ...base, "tiered-infra:sizing": json({ recovery: { drRegion: "us-east-1" } }) }), [
            'tiered-infra:sizing.recovery.drRegion: "us-east-1" is not allowed; must differ from aws:region (us-east-1): copies in the stack\'s own region do not survive its loss',
        ]);
        assert.deepEqual(problems({ ...base, "aws:region": "us-gov-west-1", "tiered-infra:sizing": json({ recovery: { drRegion: "us-gov-north-9" } }) }), [
            'tiered-infra:sizing.recovery.drRegion: "us-gov-north-9" is not an AWS region; expected one of: us-gov-east-1, us-gov-west-1',
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:sizing": json({ recovery: { drRegion: "cn-north-1" } }) }), [
            'tiered-infra:sizing.recovery.drRegion: "cn-north-1" is not allowed; must be in the same AWS partition as aws:region (us-east-1, aws): AWS copies data only within a partition',
        ]);
        assert.equal(ok({ ...base, "aws:region": "us-gov-west-1", "tiered-infra:sizing": json({ recovery: { drRegion: "us-gov-east-1" } }) }).sizing.recovery.drRegion, "us-gov-east-1");
    });

    it("knows each region's partition", () => {
        const regions: Array<[string, string]> = [
            ["us-east-1", "aws"], ["cn-north-1", "aws-cn"], ["us-gov-west-1", "aws-us-gov"], ["eusc-de-east-1", "aws-eusc"],
            ["us-iso-east-1", "aws-iso"], ["us-isob-east-1", "aws-isob"], ["eu-isoe-west-1", "aws-isoe"], ["us-isof-south-1", "aws-isof"],
            ["xcn-north-1", "aws"], ["eu-west-1", "aws"],
        ];
        assert.deepEqual(regions.map(([r]) => [r, partitionOf(r)]), regions);
    });

    it("asks a managed vector database for its provider and connection secret", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:sizing": json({ vectorDb: { mode: "managed" } }) }), [
            "tiered-infra:managedVectorDb: is required when sizing.vectorDb.mode is managed; give { provider, monthlyFeeUsd }",
            "tiered-infra:appSecrets.VECTOR_DB_URL: is required when sizing.vectorDb.mode is managed; set it with `pulumi config set --secret --path 'appSecrets.VECTOR_DB_URL' URL`",
        ]);
        ok({ ...base, "tiered-infra:sizing": json({ vectorDb: { mode: "managed" } }), "tiered-infra:managedVectorDb": json({ provider: "pinecone", monthlyFeeUsd: 70 }), "tiered-infra:appSecrets": json({ VECTOR_DB_URL: "https://x.pinecone.io" }) });
    });

    it("is a Pulumi RunError listing every problem on a line of its own", () => {
        const e = errorOf({ ...base, "tiered-infra:tier": "tiny", "tiered-infra:logRetentionDays": "2" });
        assert.equal(e.name, "ConfigError");
        assert.ok(require("@pulumi/pulumi/errors").RunError.isInstance(e), "pulumi preview prints a RunError without a stack trace");
        assert.equal(e.message, [
            "invalid stack configuration:",
            "  - tiered-infra:tier: \"tiny\" is not allowed; expected one of: small, medium, large",
            "  - tiered-infra:logRetentionDays: 2 is not allowed; must be a CloudWatch Logs retention value: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
        ].join("\n"));
    });

    it("reads the engine's config and tells secret keys as the engine marks them", () => {
        const runtime = require("@pulumi/pulumi/runtime/config");
        const store = require("@pulumi/pulumi/runtime/state").getStore().config;
        const saved = [runtime.configEnvKey, runtime.configSecretKeysEnvKey].map((k: string) => [k, store[k]]);
        const raw = { ...base, "tiered-infra:appSecrets": json({ API_KEY: "abc123" }) };
        try {
            runtime.setAllConfig(raw, ["tiered-infra:appSecrets"]);
            assert.deepEqual(loadStackConfig().appSecrets, { API_KEY: "abc123" });
            runtime.setAllConfig(raw, []);
            assert.throws(() => loadStackConfig(), (e: ConfigError) => e.problems.join() === "tiered-infra:appSecrets: is stored in plain text; set each value with `pulumi config set --secret --path 'appSecrets.NAME' VALUE`");
        } finally {
            for (const [k, v] of saved) {
                if (v === undefined) delete store[k];
                else store[k] = v;
            }
        }
    });

    it("takes tier and environment as the text written, whatever it looks like", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:tier": "2", "tiered-infra:environment": "null" }), [
            'tiered-infra:tier: "2" is not allowed; expected one of: small, medium, large',
            'tiered-infra:environment: "null" is not allowed; expected one of: production, development',
        ]);
    });

    it("names the expected kind with its article, and a missing field as required", () => {
        assert.deepEqual(problems({ ...base, "tiered-infra:sizing": json({ app: "big", cache: null }), "tiered-infra:corsOrigins": "https://app.example.com" }), [
            'tiered-infra:corsOrigins: "https://app.example.com" is not allowed; expected an array',
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:sizing": json({ app: "big", cache: null }) }), [
            'tiered-infra:sizing.app: "big" is not allowed; expected an object',
            "tiered-infra:sizing.cache: null is not allowed; expected an object",
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:managedVectorDb": json({ provider: "pinecone" }) }), ["tiered-infra:managedVectorDb.monthlyFeeUsd: is required (number)"]);
    });

    it("names unknown keys at the top of the sizing overrides, each on its own line", () => {
        const allowed = "allowed keys: description, usersServed, network, app, pooler, database, cache, vectorDb, edge, recovery, observability, budget";
        assert.deepEqual(problems({ ...base, "tiered-infra:sizing": json({ bogus: 1, other: 2 }) }), [`tiered-infra:sizing.bogus: is not a known key; ${allowed}\n  - tiered-infra:sizing.other: is not a known key; ${allowed}`]);
    });

    it("needs a region before judging the tier's DR region, and judges no DR region on a local stack", () => {
        assert.deepEqual(problems({ "tiered-infra:tier": "medium", "tiered-infra:alerting": json({ emails: ["ops@example.com"] }) }), ["aws:region: is required; set it with `pulumi config set aws:region us-east-1`"]);
        const local = { "tiered-infra:platform": "local", "tiered-infra:tier": "medium" };
        assert.equal(ok({ ...local, "tiered-infra:sizing": json({ recovery: { drRegion: "cn-north-1" } }) }).sizing.recovery.drRegion, "cn-north-1");
    });

    it("sizes database alarms only where there is a database: AWS stacks with one", () => {
        const classes = "db.t3.medium, db.t3.large, db.t3.xlarge, db.t4g.large, db.m6g.large, db.m6g.xlarge, db.m6g.2xlarge, db.r6g.large, db.r6g.xlarge, db.r6g.2xlarge, db.r6g.4xlarge, db.r5.xlarge";
        const sizing = { "tiered-infra:sizing": json({ database: { instanceClass: "db.x2g.large" } }) };
        assert.deepEqual(problems({ ...base, ...sizing }), [
            `tiered-infra:sizing.database.instanceClass: "db.x2g.large" has no memory figure in components/alarmCatalog.ts, so its memory and connection alarms cannot be sized; known classes: ${classes}`,
        ]);
        ok({ ...base, ...sizing, "tiered-infra:system": json({ database: false }) });
        ok({ "tiered-infra:platform": "local", "tiered-infra:tier": "small", ...sizing });
    });

    it("runs local monitoring on local stacks", () => {
        assert.equal(ok({ "tiered-infra:platform": "local", "tiered-infra:tier": "small", "tiered-infra:observability": json({ local: true }) }).observability.local, true);
    });

    it("does not ask for the vector database's connection secret when a preview hides appSecrets", () => {
        const raw = { ...base, "tiered-infra:sizing": json({ vectorDb: { mode: "managed" } }), "tiered-infra:managedVectorDb": json({ provider: "pinecone", monthlyFeeUsd: 70 }), "tiered-infra:appSecrets": "[secret]" };
        assert.equal(parseStackConfig(raw, new Set(), { redactedSecrets: true }).managedVectorDb?.provider, "pinecone");
    });

    it("takes origins whose labels are one character long", () => {
        assert.deepEqual(ok({ ...base, "tiered-infra:corsOrigins": json(["https://a.b.example.com"]) }).corsOrigins, ["https://a.b.example.com"]);
    });

    it("takes an https PagerDuty URL without spaces", () => {
        ok({ ...base, "tiered-infra:alerting": json({ pagerDutyUrl: "https://events.pagerduty.com/integration/abc/enqueue" }) });
        assert.deepEqual(problems({ ...base, "tiered-infra:alerting": json({ pagerDutyUrl: "https://events.pagerduty.com/x y" }) }), [
            "tiered-infra:alerting.pagerDutyUrl: is not an https:// URL; use the CloudWatch integration URL PagerDuty gives (https://events.pagerduty.com/...)",
        ]);
        assert.deepEqual(problems({ ...base, "tiered-infra:alerting": json({ pagerDutyUrl: "xhttps://events.pagerduty.com/x" }) }), [
            "tiered-infra:alerting.pagerDutyUrl: is not an https:// URL; use the CloudWatch integration URL PagerDuty gives (https://events.pagerduty.com/...)",
        ]);
    });
});
