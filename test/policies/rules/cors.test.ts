/**
 * CORS policies (policies/rules/cors.ts) called in process: each surface, each condition with a
 * near-miss compliant case beside it, and the whole list of findings.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, ResourcePolicyDefinition } from "../../../policies/definitions";
import { apiGatewayCors, apiGatewayV1Cors, appEnvCors, cloudfrontCors, functionUrlCors, ingressCors, s3Cors } from "../../../policies/rules/cors";
import { resourceSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const OPEN = { allowedOrigins: [] as string[], allowLocalhost: false };
const check = (p: ResourcePolicyDefinition, type: string, props: Record<string, any>, config = OPEN): Finding[] =>
    p.check(resourceSubject(type, props), config);

describe("CORS policies (checks)", () => {
    it("S3: judges every rule's origins, and what is unknown", () => {
        const T = "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2";
        assert.deepEqual(check(s3Cors, T, { corsRules: [{ allowedOrigins: ["https://app.example.com"] }, { allowedOrigins: ["https://*.example.com"] }] }), ["corsRules[1] allows any origin (https://*.example.com)"]);
        assert.deepEqual(check(s3Cors, T, { corsRules: [{ allowedOrigins: ["https://app.example.com"] }] }), []);
        assert.deepEqual(check(s3Cors, T, {}), []);
        assert.deepEqual(check(s3Cors, T, { corsRules: U }), [{ undecided: "corsRules" }]);
        assert.deepEqual(check(s3Cors, T, { corsRules: [U, { allowedOrigins: ["null"] }] }), [{ undecided: "corsRules[0]" }, 'corsRules[1] allows the "null" origin']);
        assert.deepEqual(check(s3Cors, "aws:s3/bucket:Bucket", { corsRules: [{ allowedOrigins: ["https://b.example.com"] }] }, { allowedOrigins: ["https://a.example.com"], allowLocalhost: false }), [
            "corsRules[0] allows https://b.example.com, which is not in the allowlist (https://a.example.com)",
        ]);
    });

    it("CloudFront: origins, with credentials when the policy allows them", () => {
        const T = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
        const cfg = (items: unknown, credentials?: unknown) => ({ corsConfig: { accessControlAllowOrigins: { items }, accessControlAllowCredentials: credentials } });
        assert.deepEqual(check(cloudfrontCors, T, cfg(["*"], true)), ["corsConfig allows any origin (*) together with credentials"]);
        assert.deepEqual(check(cloudfrontCors, T, cfg(["*"], false)), ["corsConfig allows any origin (*)"]);
        assert.deepEqual(check(cloudfrontCors, T, cfg(["*"], "true")), ["corsConfig allows any origin (*)"]);
        assert.deepEqual(check(cloudfrontCors, T, cfg(["https://app.example.com"], true)), []);
        assert.deepEqual(check(cloudfrontCors, T, {}), []);
        assert.deepEqual(check(cloudfrontCors, T, { corsConfig: U }), [{ undecided: "corsConfig" }]);
        assert.deepEqual(check(cloudfrontCors, T, cfg(U)), [{ undecided: "corsConfig" }]);
    });

    it("API Gateway v2 and Lambda function URLs: origins, with credentials when allowed", () => {
        const API = "aws:apigatewayv2/api:Api";
        assert.deepEqual(check(apiGatewayCors, API, { corsConfiguration: { allowOrigins: ["*"], allowCredentials: true } }), ["corsConfiguration allows any origin (*) together with credentials"]);
        assert.deepEqual(check(apiGatewayCors, API, { corsConfiguration: { allowOrigins: ["http://app.example.com"] } }), ["corsConfiguration allows plain-HTTP origin http://app.example.com"]);
        assert.deepEqual(check(apiGatewayCors, API, { corsConfiguration: { allowOrigins: ["*"], allowCredentials: false } }), ["corsConfiguration allows any origin (*)"]);
        assert.deepEqual(check(apiGatewayCors, API, { corsConfiguration: { allowOrigins: ["https://app.example.com"], allowCredentials: true } }), []);
        assert.deepEqual(check(apiGatewayCors, API, {}), []);
        assert.deepEqual(check(apiGatewayCors, API, { corsConfiguration: U }), [{ undecided: "corsConfiguration" }]);
        const URL = "aws:lambda/functionUrl:FunctionUrl";
        assert.deepEqual(check(functionUrlCors, URL, { cors: { allowOrigins: ["*"], allowCredentials: true } }), ["cors allows any origin (*) together with credentials"]);
        assert.deepEqual(check(functionUrlCors, URL, { cors: { allowOrigins: ["*"] } }), ["cors allows any origin (*)"]);
        assert.deepEqual(check(functionUrlCors, URL, { cors: { allowOrigins: ["https://app.example.com"] } }), []);
        assert.deepEqual(check(functionUrlCors, URL, {}), []);
        assert.deepEqual(check(functionUrlCors, URL, { cors: U }), [{ undecided: "cors" }]);
    });

    it("API Gateway v1: only static (quoted) Access-Control-Allow-Origin values, with credentials when the header is 'true'", () => {
        const T = "aws:apigateway/integrationResponse:IntegrationResponse";
        const ORIGIN = "method.response.header.Access-Control-Allow-Origin";
        const CREDS = "method.response.header.Access-Control-Allow-Credentials";
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "'*'" } }), [`responseParameters ${ORIGIN} allows any origin (*)`]);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "'*'", [CREDS]: "'true'" } }), [`responseParameters ${ORIGIN} allows any origin (*) together with credentials`]);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "'*'", [CREDS]: "'false'" } }), [`responseParameters ${ORIGIN} allows any origin (*)`]);
        // Credentials come from the Allow-Credentials header only, not from any header that says 'true'.
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "'*'", "method.response.header.X-Debug": "'true'", [`${CREDS}-Extra`]: "'true'" } }), [`responseParameters ${ORIGIN} allows any origin (*)`]);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN.toLowerCase()]: "'null'" } }), [`responseParameters ${ORIGIN.toLowerCase()} allows the "null" origin`]);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "'https://app.example.com'", [CREDS]: "'true'" } }), []);
        // Mapped from the backend, or not a quoted static value: the backend decides.
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "integration.response.header.Access-Control-Allow-Origin" } }), []);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: "'*" } }), []);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [`${ORIGIN}-Extra`]: "'*'" } }), []);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: U }), [{ undecided: "responseParameters" }]);
        assert.deepEqual(check(apiGatewayV1Cors, T, { responseParameters: { [ORIGIN]: U } }), [{ undecided: `responseParameters.${ORIGIN}` }]);
        assert.deepEqual(check(apiGatewayV1Cors, T, {}), []);
    });

    describe("ingress-nginx", () => {
        const T = "kubernetes:networking.k8s.io/v1:Ingress";
        const N = "nginx.ingress.kubernetes.io/";
        const ingress = (annotations: unknown) => check(ingressCors, T, { metadata: { name: "web", annotations } });

        it("finds wildcard, reflected and null origins set by any snippet annotation", () => {
            assert.deepEqual(ingress({
                [N + "configuration-snippet"]: "add_header Access-Control-Allow-Origin *;",
                [N + "server-snippet"]: 'more_set_headers "Access-Control-Allow-Origin: $http_origin";',
                [N + "location-snippet"]: "add_header 'Access-Control-Allow-Origin' 'null';",
                [N + "auth-snippet"]: "add_header Access-Control-Allow-Origin *;",
            }), [
                "configuration-snippet sets Access-Control-Allow-Origin to *",
                "server-snippet sets Access-Control-Allow-Origin to $http_origin (reflects any origin)",
                "location-snippet sets Access-Control-Allow-Origin to null",
                "auth-snippet sets Access-Control-Allow-Origin to *",
            ]);
            assert.deepEqual(ingress({ [N + "configuration-snippet"]: "add_header Access-Control-Allow-Origin https://app.example.com;", [N + "other-snippet"]: "add_header Access-Control-Allow-Origin *;" }), []);
            assert.deepEqual(ingress({ [N + "server-snippet"]: U }), [{ undecided: `metadata.annotations.${N}server-snippet` }]);
        });

        it("with enable-cors on, needs explicit origins; credentials are on unless switched off", () => {
            assert.deepEqual(ingress({ [N + "enable-cors"]: "true" }), ["enable-cors is on without cors-allow-origin, so ingress-nginx allows *"]);
            assert.deepEqual(ingress({ [N + "enable-cors"]: "true", [N + "cors-allow-origin"]: "" }), ["enable-cors is on without cors-allow-origin, so ingress-nginx allows *"]);
            assert.deepEqual(ingress({ [N + "enable-cors"]: "true", [N + "cors-allow-origin"]: "*" }), ["cors-allow-origin allows any origin (*) together with credentials"]);
            assert.deepEqual(ingress({ [N + "enable-cors"]: "true", [N + "cors-allow-origin"]: "*", [N + "cors-allow-credentials"]: "false" }), ["cors-allow-origin allows any origin (*)"]);
            assert.deepEqual(ingress({ [N + "enable-cors"]: "true", [N + "cors-allow-origin"]: "*", [N + "cors-allow-credentials"]: "true" }), ["cors-allow-origin allows any origin (*) together with credentials"]);
            assert.deepEqual(ingress({ [N + "enable-cors"]: "true", [N + "cors-allow-origin"]: "https://app.example.com, https://admin.example.com" }), []);
            assert.deepEqual(ingress({ [N + "enable-cors"]: "false", [N + "cors-allow-origin"]: "*" }), []);
            assert.deepEqual(ingress({ [N + "cors-allow-origin"]: "*" }), []);
        });

        it("keeps snippet findings beside an enable-cors verdict, and is undecided on unknowns", () => {
            const snippet = { [N + "configuration-snippet"]: "add_header Access-Control-Allow-Origin *;" };
            assert.deepEqual(ingress({ ...snippet, [N + "enable-cors"]: U }), ["configuration-snippet sets Access-Control-Allow-Origin to *", { undecided: `metadata.annotations.${N}enable-cors` }]);
            assert.deepEqual(ingress({ ...snippet, [N + "enable-cors"]: "true" }), ["configuration-snippet sets Access-Control-Allow-Origin to *", "enable-cors is on without cors-allow-origin, so ingress-nginx allows *"]);
            assert.deepEqual(ingress({ ...snippet, [N + "enable-cors"]: "true", [N + "cors-allow-origin"]: "*" }), ["configuration-snippet sets Access-Control-Allow-Origin to *", "cors-allow-origin allows any origin (*) together with credentials"]);
            assert.deepEqual(ingress(U), [{ undecided: "metadata.annotations" }]);
            assert.deepEqual(check(ingressCors, T, { metadata: U }), [{ undecided: "metadata.annotations" }]);
            assert.deepEqual(ingress(undefined), []);
        });
    });

    describe("app settings, on every surface", () => {
        it("Kubernetes containers, init containers included", () => {
            const dep = (env: unknown, initEnv: unknown = []) => ({ spec: { template: { spec: { containers: [{ name: "app", env }], initContainers: [{ name: "init", env: initEnv }] } } } });
            const D = "kubernetes:apps/v1:Deployment";
            assert.deepEqual(check(appEnvCors, D, dep([{ name: "CORS_ORIGIN", value: "*" }], [{ name: "ALLOWED_ORIGINS", value: "null" }])), ["CORS_ORIGIN allows any origin (*)", 'ALLOWED_ORIGINS allows the "null" origin']);
            assert.deepEqual(check(appEnvCors, D, dep([{ name: "CORS_ORIGIN", value: "https://app.example.com" }, { name: "LOG_LEVEL", value: "*" }])), []);
            assert.deepEqual(check(appEnvCors, D, { spec: { template: { spec: { containers: U } } } }), [{ undecided: "spec.template.spec.containers" }]);
            assert.deepEqual(check(appEnvCors, "kubernetes:core/v1:Pod", { spec: { containers: [{ name: "app", env: [{ name: "CORS_ALLOW_ALL_ORIGINS", value: "true" }] }] } }), ["CORS_ALLOW_ALL_ORIGINS is true: every origin may call the app"]);
        });

        it("Docker, Lambda and ECS", () => {
            assert.deepEqual(check(appEnvCors, "docker:index/container:Container", { envs: ["CORS_ORIGIN=*", "LOG_LEVEL=info"] }), ["CORS_ORIGIN allows any origin (*)"]);
            assert.deepEqual(check(appEnvCors, "docker:index/container:Container", { envs: ["CORS_ORIGIN=https://app.example.com"] }), []);
            assert.deepEqual(check(appEnvCors, "aws:lambda/function:Function", { environment: { variables: { CORS_ORIGIN: "http://app.example.com" } } }), ["CORS_ORIGIN allows plain-HTTP origin http://app.example.com"]);
            assert.deepEqual(check(appEnvCors, "aws:lambda/function:Function", { environment: { variables: { CORS_ORIGIN: "https://app.example.com" } } }), []);
            const E = "aws:ecs/taskDefinition:TaskDefinition";
            const defs = (value: string) => JSON.stringify([{ name: "app", environment: [{ name: "CORS_ORIGINS", value }] }]);
            assert.deepEqual(check(appEnvCors, E, { containerDefinitions: defs("https://app.example.com,*") }), ["CORS_ORIGINS allows any origin (*)"]);
            assert.deepEqual(check(appEnvCors, E, { containerDefinitions: defs("https://app.example.com") }), []);
            assert.deepEqual(check(appEnvCors, E, { containerDefinitions: U }), [{ undecided: "containerDefinitions" }]);
        });

        it("ConfigMaps: keys, and the lines of a file they carry", () => {
            const C = "kubernetes:core/v1:ConfigMap";
            assert.deepEqual(check(appEnvCors, C, { data: { CORS_ORIGIN: "*", "app.properties": "cors.allowed-origins=null\nserver.port=8080\n" } }), [
                "CORS_ORIGIN allows any origin (*)",
                'allowed-origins allows the "null" origin',
            ]);
            assert.deepEqual(check(appEnvCors, C, { data: { PORT: 8080, CORS_ORIGIN: "https://app.example.com", "app.properties": "cors.allowed-origins=https://app.example.com\n" } }), []);
            assert.deepEqual(check(appEnvCors, C, { data: U }), [{ undecided: "data" }]);
            assert.deepEqual(check(appEnvCors, C, { data: { "app.properties": U, CORS_ORIGIN: U, LOG_LEVEL: U } }), [{ undecided: "data.app.properties" }, { undecided: "data.CORS_ORIGIN" }]);
        });
    });
});
