/** CORS: browsers may call the platform only from explicit https origins (seeds 000 and 001). */
import { ResourcePolicyDefinition } from "../definitions";
import { containersOf, CORS_CONFIG, CORS_ENV, CorsConfig, DOCKER_CONTAINER, dockerEnv, originProblems, WORKLOAD_TYPES } from "./lib";

const SOURCE = "seed 000 'Enable CORS restrictions', seed 001 'CORS Configuration: Strict origin validation'";
const common = {
    kind: "resource" as const,
    severity: "high" as const,
    enforcementLevel: "mandatory" as const,
    concern: "cors" as const,
    source: SOURCE,
    config: CORS_CONFIG,
};

export const s3Cors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-s3-cors-restrict-origins",
    description: "S3 CORS rules allow only explicit https origins, never *.",
    remediation: "List the exact https:// origins in corsRules[].allowedOrigins.",
    resourceTypes: ["aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2"],
    check: (r, c) => (r.props.corsRules ?? []).flatMap((rule: any, i: number) => originProblems(`corsRules[${i}]`, rule.allowedOrigins, c)),
};

export const cloudfrontCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-cloudfront-response-headers-restrict-cors",
    description: "CloudFront response-headers policies allow only explicit https origins, and never * with credentials.",
    remediation: "Set corsConfig.accessControlAllowOrigins.items to the exact https:// origins.",
    resourceTypes: ["aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy"],
    check: (r, c) => {
        const cors = r.props.corsConfig;
        return cors ? originProblems("corsConfig", cors.accessControlAllowOrigins?.items, c, cors.accessControlAllowCredentials === true) : [];
    },
};

export const apiGatewayCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-apigatewayv2-api-restrict-cors",
    description: "HTTP APIs allow only explicit https origins.",
    remediation: "Set corsConfiguration.allowOrigins to the exact https:// origins.",
    resourceTypes: ["aws:apigatewayv2/api:Api"],
    check: (r, c) => {
        const cors = r.props.corsConfiguration;
        return cors ? originProblems("corsConfiguration", cors.allowOrigins, c, cors.allowCredentials === true) : [];
    },
};

export const functionUrlCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-lambda-function-url-restrict-cors",
    description: "Lambda function URLs allow only explicit https origins.",
    remediation: "Set cors.allowOrigins to the exact https:// origins.",
    resourceTypes: ["aws:lambda/functionUrl:FunctionUrl"],
    check: (r, c) => (r.props.cors ? originProblems("cors", r.props.cors.allowOrigins, c, r.props.cors.allowCredentials === true) : []),
};

export const ingressCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "kubernetes-ingress-restrict-cors",
    description: "ingress-nginx CORS names its origins explicitly (its default is *).",
    remediation: "With nginx.ingress.kubernetes.io/enable-cors: \"true\", set nginx.ingress.kubernetes.io/cors-allow-origin to https:// origins.",
    resourceTypes: ["kubernetes:networking.k8s.io/v1:Ingress"],
    check: (r, c) => {
        const a = r.props.metadata?.annotations ?? {};
        if (String(a["nginx.ingress.kubernetes.io/enable-cors"]) !== "true") return [];
        const origins = a["nginx.ingress.kubernetes.io/cors-allow-origin"];
        if (!origins) return ["enable-cors is on without cors-allow-origin, so ingress-nginx allows *"];
        return originProblems("cors-allow-origin", origins, c, String(a["nginx.ingress.kubernetes.io/cors-allow-credentials"]) === "true");
    },
};

export const appEnvCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "app-env-restrict-cors-origin",
    description: "CORS_ORIGIN-style variables given to apps name explicit https origins.",
    remediation: "Set CORS_ORIGIN (or CORS_ORIGINS, ALLOWED_ORIGINS) to a comma-separated list of https:// origins.",
    resourceTypes: [...WORKLOAD_TYPES, DOCKER_CONTAINER, "aws:lambda/function:Function"],
    check: (r, c) => {
        const vars: Array<{ name: string; value?: string }> =
            r.type === DOCKER_CONTAINER ? dockerEnv(r)
                : r.type === "aws:lambda/function:Function" ? Object.entries(r.props.environment?.variables ?? {}).map(([name, value]) => ({ name, value: String(value) }))
                    : [...containersOf(r).containers, ...containersOf(r).initContainers].flatMap((ct) => ct.env ?? []);
        return vars.filter((v) => CORS_ENV.test(v.name) && typeof v.value === "string").flatMap((v) => originProblems(v.name, v.value, c));
    },
};

export const CORS_POLICIES = [s3Cors, cloudfrontCors, apiGatewayCors, functionUrlCors, ingressCors, appEnvCors];
