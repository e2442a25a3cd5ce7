/**
 * The shared walkers every rule uses (policies/rules/lib.ts), called directly: each surface and
 * each branch of reading unknowns, env lists, command lines, base64 user data and CORS origins.
 */
import { strict as assert } from "assert";
import { resourceSubject } from "./subjects";
import { gzipSync } from "zlib";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Subject } from "../../../policies/definitions";
import {
    at, commandSecretFindings, containerEnv, containersOf, corsSettingKind, corsSettingProblems, decodeBase64Text, dockerEnv, ecsContainers, ecsEnv, expect, judge, lambdaEnv, list,
    namesLogOrScratch, on, originList, originProblems, parseJsonArray, podSpec, podSpecPath, record, settingSecretFindings, text, unknownValueMatters,
} from "../../../policies/rules/lib";

const U = UNKNOWN_MARKER;
const GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
const subject = (type: string, props: Record<string, any>): Subject => resourceSubject(type, props);
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const OPEN = { allowedOrigins: [], allowLocalhost: false };

describe("rules/lib: reading inputs", () => {
    it("at() reads dotted and indexed paths, and yields the unknown marker under an unknown ancestor", () => {
        const o = { a: { b: [{ c: 1 }, { c: 2 }] }, u: U, s: "text", n: null };
        assert.equal(at(o, "a.b[1].c"), 2);
        assert.equal(at(o, "a.b[0].c"), 1);
        assert.deepEqual(at(o, "a.b"), [{ c: 1 }, { c: 2 }]);
        assert.equal(at(o, "u.x.y"), U);
        assert.equal(at(o, "u"), U);
        assert.equal(at(o, "s.length"), undefined);
        assert.equal(at(o, "n.x"), undefined);
        assert.equal(at(o, "a.missing.c"), undefined);
        assert.equal(at(o, ""), o);
        assert.equal(at({ l: Array.from({ length: 12 }, (_, i) => i * 10) }, "l[11]"), 110);
    });

    it("list(), record(), text() and on() read containers and scalars tolerantly", () => {
        assert.deepEqual(list([1, 2]), [1, 2]);
        assert.deepEqual(list(U), []);
        assert.deepEqual(list({ 0: "a" }), []);
        assert.deepEqual(record({ a: 1 }), { a: 1 });
        assert.deepEqual(record([1]), {});
        assert.deepEqual(record(null), {});
        assert.deepEqual(record("a"), {});
        assert.equal(text("a"), "a");
        assert.equal(text(U), undefined);
        assert.equal(text(5), undefined);
        assert.deepEqual([on(true), on("true"), on(false), on("false"), on("TRUE"), on(1), on(undefined)], [true, true, false, false, false, false, false]);
    });

    it("expect() and judge(): nothing when ok, undecided when the failing value holds an unknown, else the problem", () => {
        const ok = (v: any) => v === true;
        assert.deepEqual(expect({ a: true }, "a", ok, "a is off"), []);
        assert.deepEqual(expect({ a: false }, "a", ok, "a is off"), ["a is off"]);
        assert.deepEqual(expect({ a: 3 }, "a", ok, (v) => `a is ${v}`), ["a is 3"]);
        assert.deepEqual(expect({ a: U }, "a", ok, "a is off"), [{ undecided: "a" }]);
        assert.deepEqual(expect({ a: { b: [U] } }, "a", ok, "a is off"), [{ undecided: "a" }]);
        assert.deepEqual(expect(U, "a.b", ok, "a is off"), [{ undecided: "a.b" }]);
        assert.deepEqual(judge(true, "p", ok, "off"), []);
        assert.deepEqual(judge(false, "p", ok, "off"), ["off"]);
        assert.deepEqual(judge(7, "p", ok, (v) => `is ${v}`), ["is 7"]);
        assert.deepEqual(judge(U, "p", ok, "off"), [{ undecided: "p" }]);
    });

    it("finds the pod spec of each workload kind", () => {
        assert.equal(podSpecPath("kubernetes:core/v1:Pod"), "spec");
        assert.equal(podSpecPath("kubernetes:batch/v1:CronJob"), "spec.jobTemplate.spec.template.spec");
        assert.equal(podSpecPath(DEPLOYMENT), "spec.template.spec");
        assert.equal(podSpecPath("kubernetes:batch/v1:Job"), "spec.template.spec");
        assert.deepEqual(podSpec(subject("kubernetes:batch/v1:CronJob", { spec: { jobTemplate: { spec: { template: { spec: { x: 1 } } } } } })), { x: 1 });
        assert.deepEqual(podSpec(subject("kubernetes:core/v1:Pod", { spec: { y: 2 } })), { y: 2 });
    });
});

describe("rules/lib: containers and settings", () => {
    it("lists containers and init containers with their paths, names or positions", () => {
        const r = subject(DEPLOYMENT, { spec: { template: { spec: { containers: [{ name: "app" }, { image: "x" }, "junk", null], initContainers: [{ name: "init" }] } } } });
        const { all, unknownPaths } = containersOf(r);
        assert.deepEqual(all.map((p) => [p.name, p.path]), [["app", "spec.template.spec.containers[0]"], ["#1", "spec.template.spec.containers[1]"], ["init", "spec.template.spec.initContainers[0]"]]);
        assert.deepEqual(unknownPaths, []);
        assert.deepEqual(containersOf(r, ["containers"]).all.map((p) => p.name), ["app", "#1"]);
    });

    it("reports an unknown pod spec, container list or container as a path, and skips it", () => {
        assert.deepEqual(containersOf(subject(DEPLOYMENT, { spec: { template: { spec: U } } })), { all: [], unknownPaths: ["spec.template.spec"] });
        assert.deepEqual(containersOf(subject("kubernetes:core/v1:Pod", { spec: U })), { all: [], unknownPaths: ["spec"] });
        const r = subject(DEPLOYMENT, { spec: { template: { spec: { containers: [U, { name: "app" }], initContainers: U } } } });
        const { all, unknownPaths } = containersOf(r);
        assert.deepEqual(all.map((p) => p.name), ["app"]);
        assert.deepEqual(unknownPaths, ["spec.template.spec.containers[0]", "spec.template.spec.initContainers"]);
    });

    it("reads Kubernetes env: literal values only, unknown names, entries and lists as opaque settings", () => {
        const pc = { c: { name: "app", env: [{ name: "A", value: "1" }, { name: "B", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }, { name: U, value: "v" }, U, null, { value: "no name" }] }, path: "p", name: "app" };
        assert.deepEqual(containerEnv(pc as any), [
            { name: "A", value: "1", path: "p.env[0].value" },
            { name: U, value: "v", path: "p.env[2].value" },
            { name: U, value: U, path: "p.env[3]" },
            { name: "", value: "no name", path: "p.env[5].value" },
        ]);
        assert.deepEqual(containerEnv({ c: { name: "app", env: U }, path: "p", name: "app" } as any), [{ name: U, value: U, path: "p.env" }]);
        assert.deepEqual(containerEnv({ c: { name: "app" }, path: "p", name: "app" } as any), []);
    });

    it("reads Docker NAME=value pairs, splitting at the first =", () => {
        const r = subject("docker:index/container:Container", { envs: ["A=1", "B=x=y", "FLAG", "=v", 7, U] });
        assert.deepEqual(dockerEnv(r), [
            { name: "A", value: "1", path: "envs[0]" },
            { name: "B", value: "x=y", path: "envs[1]" },
            { name: "FLAG", value: "", path: "envs[2]" },
            { name: "", value: "v", path: "envs[3]" },
            { name: U, value: U, path: "envs[5]" },
        ]);
        assert.deepEqual(dockerEnv(subject("docker:index/container:Container", { envs: U })), [{ name: U, value: U, path: "envs" }]);
        assert.deepEqual(dockerEnv(subject("docker:index/container:Container", {})), []);
    });

    it("reads Lambda variables, and an unknown map (or environment) as one opaque setting", () => {
        const L = "aws:lambda/function:Function";
        assert.deepEqual(lambdaEnv(subject(L, { environment: { variables: { A: "1", B: U } } })), [
            { name: "A", value: "1", path: "environment.variables.A" },
            { name: "B", value: U, path: "environment.variables.B" },
        ]);
        assert.deepEqual(lambdaEnv(subject(L, { environment: { variables: U } })), [{ name: U, value: U, path: "environment.variables" }]);
        assert.deepEqual(lambdaEnv(subject(L, { environment: U })), [{ name: U, value: U, path: "environment.variables" }]);
        assert.deepEqual(lambdaEnv(subject(L, {})), []);
    });

    it("reads ECS container definitions as a list or JSON, and their environment entries", () => {
        const E = "aws:ecs/taskDefinition:TaskDefinition";
        const defs = [{ name: "app", environment: [{ name: "A", value: "1" }] }];
        assert.deepEqual(ecsContainers(subject(E, { containerDefinitions: defs })), { containers: defs, unknown: false });
        assert.deepEqual(ecsContainers(subject(E, { containerDefinitions: JSON.stringify(defs) })), { containers: defs, unknown: false });
        assert.deepEqual(ecsContainers(subject(E, { containerDefinitions: U })), { containers: [], unknown: true });
        assert.deepEqual(ecsContainers(subject(E, { containerDefinitions: '{"name":"app"}' })), { containers: [], unknown: false });
        assert.deepEqual(ecsContainers(subject(E, { containerDefinitions: "[not json" })), { containers: [], unknown: false });
        assert.deepEqual(ecsContainers(subject(E, { containerDefinitions: 5 })), { containers: [], unknown: false });
        assert.deepEqual(ecsEnv(defs[0], 2), [{ name: "A", value: "1", path: "containerDefinitions[2].environment[0].value" }]);
        assert.deepEqual(ecsEnv({ environment: U }, 1), [{ name: U, value: U, path: "containerDefinitions[1].environment" }]);
        assert.deepEqual(ecsEnv(undefined, 0), []);
    });
});

describe("rules/lib: literal secrets in settings and command lines", () => {
    it("an unknown value matters under a secret's name or a URL/connection name, not elsewhere", () => {
        for (const n of ["DB_PASSWORD", "API_TOKEN", "DATABASE_URL", "REDIS_URI", "SENTRY_DSN", "DB_CONNECTION", "PG_CONN", "CONNSTR"]) assert.equal(unknownValueMatters(n), true, n);
        for (const n of ["LOG_LEVEL", "CURL_OPTS", "DB_HOST", "PASSWORD_LENGTH", "UPLOADS"]) assert.equal(unknownValueMatters(n), false, n);
    });

    it("judges each setting: literal secret, credential beside an unknown name, unknowns that may hide one", () => {
        const where = () => "env";
        const findings = settingSecretFindings(
            [
                { name: "DB_PASSWORD", value: "hunter2hunter2", path: "e[0].value" },
                { name: "DB_PASSWORD", value: "$(DB_PASSWORD)", path: "e[1].value" },
                { name: "LOG_LEVEL", value: "info", path: "e[2].value" },
                { name: U, value: U, path: "e[3]" },
                { name: U, value: GITHUB_TOKEN, path: "e[4].value" },
                { name: U, value: "plain", path: "e[5].value" },
                { name: U, value: "${FROM_ENV}", path: "e[6].value" },
                { name: U, value: 42, path: "e[7].value" },
                { name: "API_TOKEN", value: U, path: "e[8].value" },
                { name: "LOG_LEVEL", value: U, path: "e[9].value" },
            ],
            where,
        );
        assert.deepEqual(findings, [
            "env DB_PASSWORD is a secret-looking name with a literal value",
            { undecided: "e[3]" },
            "env e[4].value holds a value that looks like a credential (GITHUB_TOKEN)",
            { undecided: "e[5].name" },
            { undecided: "e[8].value" },
        ]);
    });

    it("finds a literal secret in a command line, and notes unknown arguments only after -c or a secret flag", () => {
        assert.deepEqual(commandSecretFindings(["app", "--password", "hunter2hunter2"], "c", "command"), ["command passes --password a literal secret"]);
        assert.deepEqual(commandSecretFindings(["sh", "-c", "PGPASSWORD=hunter2hunter2 psql"], "c", "command"), ["command sets PGPASSWORD to a literal secret"]);
        assert.deepEqual(commandSecretFindings(["app", "--password", "$(DB_PASSWORD)", 8080], "c", "args"), []);
        assert.deepEqual(commandSecretFindings(U, "c", "args"), [{ undecided: "c" }]);
        assert.deepEqual(commandSecretFindings(["sh", "-c", U], "c", "args"), [{ undecided: "c[2]" }]);
        assert.deepEqual(commandSecretFindings(["app", "--password", U, "--log-level", U, "-p", U], "c", "args"), [{ undecided: "c[2]" }]);
        assert.deepEqual(commandSecretFindings(["--token=$(TOKEN)", U], "c", "args"), []);
        assert.deepEqual(commandSecretFindings([U, "--port", "80"], "c", "args"), []);
        assert.deepEqual(commandSecretFindings(["app", "-password", U], "c", "args"), [{ undecided: "c[2]" }]);
        assert.deepEqual(commandSecretFindings(["echo", "a--token", U], "c", "args"), []);
        assert.deepEqual(commandSecretFindings("app --password hunter2hunter2", "c", "args"), []);
    });

    it("decodes base64 user data, gzipped or not, and refuses what is not base64 text", () => {
        const script = "#!/bin/sh\necho hello\n";
        assert.equal(decodeBase64Text(Buffer.from(script).toString("base64")), script);
        assert.equal(decodeBase64Text(Buffer.from("hello").toString("base64")), "hello"); // aGVsbG8=
        assert.equal(decodeBase64Text("aGVs\nbG8="), "hello");
        assert.equal(decodeBase64Text(gzipSync(Buffer.from(script)).toString("base64")), script);
        assert.equal(decodeBase64Text("aGVsbG8"), undefined); // length not a multiple of 4
        assert.equal(decodeBase64Text("#!/bin/sh"), undefined);
        assert.equal(decodeBase64Text("aGVsbG8=x"), undefined);
        assert.equal(decodeBase64Text("!!!!aGVsbG8="), undefined);
        assert.equal(decodeBase64Text("aGVsbG8=!!!!"), undefined);
        assert.equal(decodeBase64Text(Buffer.from([0x41, 0x8b, 0x41]).toString("base64")), "A\ufffdA"); // 0x8b alone is no gzip magic
        assert.equal(decodeBase64Text(Buffer.from([0x1f, 0x8b, 0x00, 0x01, 0x02, 0x03]).toString("base64")), undefined); // gzip magic, broken stream
        assert.equal(decodeBase64Text(Buffer.from([0x01, 0x02, 0x41, 0x42]).toString("base64")), undefined); // binary
        assert.equal(decodeBase64Text(Buffer.from("a\tb\r\n").toString("base64")), "a\tb\r\n"); // tabs and line ends are text
    });
});

describe("rules/lib: CORS origins", () => {
    it("reads an origin list given as an array, a JSON array, or separated text", () => {
        assert.deepEqual(originList(["a", "b"]), ["a", "b"]);
        assert.deepEqual(originList('["https://a", "https://b"]'), ["https://a", "https://b"]);
        assert.deepEqual(originList(" https://a, https://b;https://c  https://d "), ["https://a", "https://b", "https://c", "https://d"]);
        assert.deepEqual(originList("[https://a"), ["[https://a"]);
        assert.deepEqual(originList(U), []);
        assert.deepEqual(originList(true), []);
    });

    it("flags wildcards (also partial), null, plain HTTP and origins outside the allowlist", () => {
        assert.deepEqual(originProblems("w", ["https://app.example.com", "*", "https://*.example.com", "null", "http://app.example.com", ""], OPEN), [
            "w allows any origin (*)",
            "w allows any origin (https://*.example.com)",
            'w allows the "null" origin',
            "w allows plain-HTTP origin http://app.example.com",
        ]);
        assert.deepEqual(originProblems("w", ["*"], OPEN, true), ["w allows any origin (*) together with credentials"]);
        assert.deepEqual(originProblems("w", "https://a.example.com,https://b.example.com", { allowedOrigins: ["https://a.example.com"], allowLocalhost: false }), [
            "w allows https://b.example.com, which is not in the allowlist (https://a.example.com)",
        ]);
        assert.deepEqual(originProblems("w", ["https://a.example.com"], { allowedOrigins: ["https://a.example.com", "https://c.example.com"], allowLocalhost: false }), []);
        assert.deepEqual(originProblems("w", "https://a.example.com, https://d.example.com,", { allowedOrigins: ["https://a.example.com", "https://c.example.com"], allowLocalhost: false }), [
            "w allows https://d.example.com, which is not in the allowlist (https://a.example.com, https://c.example.com)",
        ]);
        assert.deepEqual(originProblems("w", [" null ", " https://a.example.com "], { allowedOrigins: ["https://a.example.com"], allowLocalhost: false }), ['w allows the "null" origin']);
    });

    it("allows http://localhost and 127.0.0.1 (with a port) only when configured, and nothing that merely starts like them", () => {
        const local = { allowedOrigins: [], allowLocalhost: true };
        assert.deepEqual(originProblems("w", ["http://localhost", "http://localhost:3000", "http://127.0.0.1:8080"], local), []);
        assert.deepEqual(originProblems("w", ["http://localhost:3000"], OPEN), ["w allows plain-HTTP origin http://localhost:3000"]);
        assert.deepEqual(originProblems("w", ["http://localhost.evil.example", "http://x.localhost", "http://localhost:3000/path"], local), [
            "w allows plain-HTTP origin http://localhost.evil.example",
            "w allows plain-HTTP origin http://x.localhost",
            "w allows plain-HTTP origin http://localhost:3000/path",
        ]);
    });

    it("is undecided on an unknown list or element, and judges the known ones", () => {
        assert.deepEqual(originProblems("w", U, OPEN), [{ undecided: "w" }]);
        assert.deepEqual(originProblems("w", ["https://a", U, "*"], OPEN), [{ undecided: "w[1]" }, "w allows any origin (*)"]);
    });

    it("tells CORS origin settings, patterns and allow-all switches from look-alikes by name", () => {
        const kinds: Array<[string, string | undefined]> = [
            ["CORS_ORIGIN", "origins"],
            ["CORS_ORIGINS", "origins"],
            ["CORS_ALLOWED_ORIGINS", "origins"],
            ["ALLOWED_ORIGINS", "origins"],
            ["ALLOW_ORIGIN", "origins"],
            ["ACCESS_CONTROL_ALLOW_ORIGIN", "origins"],
            ["BACKEND_CORS_ORIGINS", "origins"],
            ["HASURA_GRAPHQL_CORS_DOMAIN", "origins"],
            ["CORS_DOMAINS", "origins"],
            ["CORS_ORIGIN_WHITELIST", "origins"],
            ["CORS_ALLOWLIST", "origins"],
            ["CORS_WHITELIST", "origins"],
            ["corsAllowedOrigins", "origins"],
            ["CORS_ALLOWED_ORIGIN_REGEXES", "regexes"],
            ["CORS_ORIGIN_REGEX", "regexes"],
            ["CORS_ORIGIN_PATTERNS", "regexes"],
            ["CORS_ORIGIN_PATTERN", "regexes"],
            ["CORS_ALLOW_ALL_ORIGINS", "allow-all"],
            ["CORS_ORIGIN_ALLOW_ALL", "allow-all"],
            ["CORS_ALLOW_ALL", "allow-all"],
            ["ACCESS_CONTROL_ALLOW_ALL_ORIGINS", "allow-all"],
            ["CORS_MAX_AGE", undefined],
            ["CORS_ALLOW_CREDENTIALS", undefined],
            ["CORS_ALLOW_METHODS", undefined],
            ["CORS_ALL_METHODS", undefined],
            ["ALLOWED_HOSTS", undefined],
            ["ORIGIN", undefined],
            ["ORIGIN_URL", undefined],
            ["ALL_ORIGINS", undefined],
            ["ACCESS_ORIGIN", undefined],
            ["DOMAIN_ALLOWLIST", undefined],
        ];
        assert.deepEqual(kinds.map(([n]) => [n, corsSettingKind(n)]), kinds);
    });

    it("judges each kind of CORS setting by its value", () => {
        const s = (name: string, value: unknown) => corsSettingProblems({ name, value, path: `env.${name}` }, OPEN);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", "true"), ["CORS_ALLOW_ALL_ORIGINS is true: every origin may call the app"]);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", " Yes "), ["CORS_ALLOW_ALL_ORIGINS is Yes: every origin may call the app"]);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", true), ["CORS_ALLOW_ALL_ORIGINS is true: every origin may call the app"]);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", "1"), ["CORS_ALLOW_ALL_ORIGINS is 1: every origin may call the app"]);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", "on"), ["CORS_ALLOW_ALL_ORIGINS is on: every origin may call the app"]);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", "false"), []);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", "truer"), []);
        assert.deepEqual(s("CORS_ALLOW_ALL_ORIGINS", "untrue"), []);
        assert.deepEqual(s("CORS_ALLOWED_ORIGIN_REGEXES", "^https://.*$"), ["CORS_ALLOWED_ORIGIN_REGEXES pattern ^https://.*$ matches any origin"]);
        assert.deepEqual(s("CORS_ALLOWED_ORIGIN_REGEXES", "^https://app\\.example\\.com$,(unclosed"), []);
        assert.deepEqual(s("CORS_ORIGIN", "true"), ["CORS_ORIGIN is true: the app reflects any origin"]);
        assert.deepEqual(s("CORS_ORIGIN", "TRUE"), ["CORS_ORIGIN is TRUE: the app reflects any origin"]);
        for (const off of ["false", "0", "no", "off", "OFF"]) assert.deepEqual(s("CORS_ORIGIN", off), [], off);
        assert.deepEqual(s("CORS_ORIGIN", "https://app.example.com,*"), ["CORS_ORIGIN allows any origin (*)"]);
        assert.deepEqual(s("CORS_ORIGIN", "https://app.example.com"), []);
        assert.deepEqual(s("CORS_ORIGIN", "https://app.example.com:8081"), []); // ends in 1, is no switch
        assert.deepEqual(s("CORS_ORIGIN", "http://app.example.com:8080"), ["CORS_ORIGIN allows plain-HTTP origin http://app.example.com:8080"]); // ends in 0, is no switch
        assert.deepEqual(s("CORS_ORIGIN", 5), []);
        assert.deepEqual(s("CORS_ORIGIN", U), [{ undecided: "env.CORS_ORIGIN" }]);
        assert.deepEqual(s("CORS_MAX_AGE", "*"), []);
        assert.deepEqual(s("LOG_LEVEL", U), []);
    });

    it("judges against the allowlist whatever is not a switch; a number is no origin list", () => {
        const listed = { allowedOrigins: ["https://app.example.com"], allowLocalhost: false };
        const s = (value: unknown) => corsSettingProblems({ name: "CORS_ORIGIN", value, path: "env.CORS_ORIGIN" }, listed);
        assert.deepEqual(s("false"), []);
        assert.deepEqual(s("nonsense.example"), ["CORS_ORIGIN allows nonsense.example, which is not in the allowlist (https://app.example.com)"]);
        assert.deepEqual(s(443), []);
    });

    it("is undecided on a setting with an unknown name only when its value could be a CORS problem", () => {
        const s = (value: unknown) => corsSettingProblems({ name: U, value, path: "env[0].value" }, OPEN);
        assert.deepEqual(s(U), [{ undecided: "env[0].value" }]);
        for (const risky of ["true", "ON", "1", "*", "https://a,*", "null", "http://app.example.com", '["*"]', "a; http://b", " true "]) assert.deepEqual(s(risky), [{ undecided: "env[0].name" }], risky);
        for (const safe of ["https://app.example.com", "info", "false", "xnull", "https://a,https://b", "untrue", "onboarding", 7]) assert.deepEqual(s(safe), [], String(safe));
    });
});

describe("rules/lib: names and JSON", () => {
    it("tells log and scratch locations by their words, not by substrings", () => {
        for (const v of ["logs/", "access-logs", "app-log", "tmp", "temp/uploads", "cache", "scratch-space"]) assert.equal(namesLogOrScratch(v), true, v);
        for (const v of ["blog", "catalog", "uploads", "temporal", "", 5, undefined]) assert.equal(namesLogOrScratch(v), false, String(v));
    });

    it("parses a JSON array from a list or a string, and nothing else", () => {
        assert.deepEqual(parseJsonArray([1]), [1]);
        assert.deepEqual(parseJsonArray("[1,2]"), [1, 2]);
        assert.deepEqual(parseJsonArray('{"a":1}'), []);
        assert.deepEqual(parseJsonArray("[1,"), []);
        assert.deepEqual(parseJsonArray(5), []);
    });
});
