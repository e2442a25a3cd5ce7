/** CORS: browsers may call the platform only from explicit https origins (seeds 000 and 001). */
import { Finding, ResourcePolicyDefinition, Subject, undecided } from "../definitions";
import {
    at, CONFIG_MAP, containerEnv, containersOf, CORS_CONFIG, CorsConfig, corsSettingProblems, DOCKER_CONTAINER, dockerEnv, ECS_TASK, ecsContainers, ecsEnv, isUnknown,
    LAMBDA_FUNCTION, lambdaEnv, list, on, originProblems, record, Setting, UNKNOWN_MARKER, WORKLOAD_TYPES,
} from "./lib";
import { fileShapedPairs, isFileShaped, leafName } from "../../core/secrets";

const SOURCE = "seed 000 'Enable CORS restrictions', seed 001 'CORS Configuration: Strict origin validation'";
const common = {
    kind: "resource" as const,
    severity: "high" as const,
    enforcementLevel: "mandatory" as const,
    concern: "cors" as const,
    source: SOURCE,
    config: CORS_CONFIG,
};

/** Problems of a list of S3 CORS rules (separate configuration resource or inline `corsRules`). */
function corsRuleProblems(rules: unknown, where: string, c: CorsConfig): Finding[] {
    if (isUnknown(rules)) return [undecided(where)];
    return list(rules).flatMap((rule: any, i: number) => (isUnknown(rule) ? [undecided(`${where}[${i}]`)] : originProblems(`${where}[${i}]`, at(rule, "allowedOrigins"), c)));
}

export const s3Cors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-s3-cors-restrict-origins",
    description: "S3 CORS rules (a CORS configuration or a bucket's inline corsRules) allow only explicit https origins, never *.",
    remediation: "List the exact https:// origins in corsRules[].allowedOrigins.",
    resourceTypes: ["aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    check: (r, c) => (r.props.corsRules === undefined ? [] : corsRuleProblems(r.props.corsRules, "corsRules", c)),
};

export const cloudfrontCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-cloudfront-response-headers-restrict-cors",
    description: "CloudFront response-headers policies allow only explicit https origins, and never * with credentials.",
    remediation: "Set corsConfig.accessControlAllowOrigins.items to the exact https:// origins.",
    resourceTypes: ["aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy"],
    check: (r, c) => {
        const cors = r.props.corsConfig;
        if (cors === undefined) return [];
        if (isUnknown(cors)) return [undecided("corsConfig")];
        return originProblems("corsConfig", at(cors, "accessControlAllowOrigins.items"), c, at(cors, "accessControlAllowCredentials") === true);
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
        if (cors === undefined) return [];
        if (isUnknown(cors)) return [undecided("corsConfiguration")];
        return originProblems("corsConfiguration", at(cors, "allowOrigins"), c, at(cors, "allowCredentials") === true);
    },
};

/** `'https://x'` -> `https://x`: API Gateway static header values are single-quoted. */
const staticHeader = (v: string) => v.replace(/^'(.*)'$/, "$1");

export const apiGatewayV1Cors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-apigateway-restrict-cors-headers",
    description: "REST API integration and gateway responses send Access-Control-Allow-Origin only for explicit https origins.",
    remediation: "Set the static header to the exact origin (\"'https://app.example.com'\"), or map it from the backend (integration.response.header.Access-Control-Allow-Origin) which checks the origin.",
    resourceTypes: ["aws:apigateway/integrationResponse:IntegrationResponse", "aws:apigateway/response:Response"],
    check: (r, c) => {
        const params = r.props.responseParameters;
        if (isUnknown(params)) return [undecided("responseParameters")];
        const entries = Object.entries(record(params));
        const credentials = entries.some(([k, v]) => /access-control-allow-credentials$/i.test(k) && typeof v === "string" && staticHeader(v) === "true");
        return entries.flatMap(([k, v]): Finding[] => {
            if (!/access-control-allow-origin$/i.test(k)) return [];
            if (isUnknown(v)) return [undecided(`responseParameters.${k}`)];
            // Only a quoted value is static; anything else maps a value decided by the backend.
            if (typeof v !== "string" || !/^'.*'$/.test(v)) return [];
            return originProblems(`responseParameters ${k}`, [staticHeader(v)], c, credentials);
        });
    },
};

export const functionUrlCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "aws-lambda-function-url-restrict-cors",
    description: "Lambda function URLs allow only explicit https origins.",
    remediation: "Set cors.allowOrigins to the exact https:// origins.",
    resourceTypes: ["aws:lambda/functionUrl:FunctionUrl"],
    check: (r, c) => {
        const cors = r.props.cors;
        if (cors === undefined) return [];
        if (isUnknown(cors)) return [undecided("cors")];
        return originProblems("cors", at(cors, "allowOrigins"), c, at(cors, "allowCredentials") === true);
    },
};

const NGINX = "nginx.ingress.kubernetes.io/";
/** Snippet annotations (ingress-nginx): raw nginx configuration that can set any header. */
const SNIPPETS = ["configuration-snippet", "server-snippet", "location-snippet", "auth-snippet"];
/** `add_header Access-Control-Allow-Origin *`, `more_set_headers "Access-Control-Allow-Origin: $http_origin"` and the like. */
const SNIPPET_ORIGIN = /Access-Control-Allow-Origin["']?\s*[:\s]\s*["']?(\*|\$http_origin|null)/i;

export const ingressCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "kubernetes-ingress-restrict-cors",
    description: "ingress-nginx CORS names its origins explicitly (its default is *), and no snippet annotation sets a wildcard or reflected origin.",
    remediation: "With nginx.ingress.kubernetes.io/enable-cors: \"true\", set nginx.ingress.kubernetes.io/cors-allow-origin to https:// origins; drop Access-Control-Allow-Origin headers from snippets.",
    resourceTypes: ["kubernetes:networking.k8s.io/v1:Ingress"],
    check: (r, c) => {
        const annotations = at(r.props, "metadata.annotations");
        if (isUnknown(annotations)) return [undecided("metadata.annotations")];
        const a = record(annotations);
        const found: Finding[] = [];
        for (const s of SNIPPETS) {
            const v = a[NGINX + s];
            if (isUnknown(v)) found.push(undecided(`metadata.annotations.${NGINX}${s}`));
            else if (typeof v === "string") {
                const m = SNIPPET_ORIGIN.exec(v);
                if (m) found.push(`${s} sets Access-Control-Allow-Origin to ${m[1]}${m[1] === "$http_origin" ? " (reflects any origin)" : ""}`);
            }
        }
        const enabled = a[NGINX + "enable-cors"];
        if (isUnknown(enabled)) return [...found, undecided(`metadata.annotations.${NGINX}enable-cors`)];
        if (!on(enabled)) return found;
        const origins = a[NGINX + "cors-allow-origin"];
        if (origins === undefined || origins === "") return [...found, "enable-cors is on without cors-allow-origin, so ingress-nginx allows *"];
        // cors-allow-credentials defaults to true in ingress-nginx.
        const credentials = a[NGINX + "cors-allow-credentials"] === undefined || on(a[NGINX + "cors-allow-credentials"]);
        return [...found, ...originProblems("cors-allow-origin", origins, c, credentials)];
    },
};

/** ConfigMap settings: each data key, and each line of a file-shaped value. */
function configMapSettings(props: Record<string, any>): Setting[] {
    if (isUnknown(props.data)) return [{ name: UNKNOWN_MARKER, value: UNKNOWN_MARKER, path: "data" }];
    return Object.entries(record(props.data)).flatMap(([key, value]): Setting[] => {
        const path = `data.${key}`;
        // A whole file known only at apply may set anything.
        if (isUnknown(value) && isFileShaped("", key)) return [{ name: UNKNOWN_MARKER, value, path }];
        if (typeof value === "string" && !isUnknown(value) && isFileShaped(value, key)) {
            return fileShapedPairs(value).map((p) => ({ name: leafName(p.name), value: p.value, path: `${path}: ${p.name}` }));
        }
        return [{ name: key, value, path }];
    });
}

/** Every app setting of a resource that may carry CORS origins. */
function appSettings(r: Subject): { settings: Setting[]; unknownPaths: string[] } {
    if (r.type === DOCKER_CONTAINER) return { settings: dockerEnv(r), unknownPaths: [] };
    if (r.type === LAMBDA_FUNCTION) return { settings: lambdaEnv(r), unknownPaths: [] };
    if (r.type === CONFIG_MAP) return { settings: configMapSettings(r.props), unknownPaths: [] };
    if (r.type === ECS_TASK) {
        const { containers, unknown } = ecsContainers(r);
        return { settings: containers.flatMap((ct, i) => ecsEnv(ct, i)), unknownPaths: unknown ? ["containerDefinitions"] : [] };
    }
    const { all, unknownPaths } = containersOf(r);
    return { settings: all.flatMap(containerEnv), unknownPaths };
}

export const appEnvCors: ResourcePolicyDefinition<CorsConfig> = {
    ...common,
    name: "app-env-restrict-cors-origin",
    description: "App CORS settings (CORS_ORIGIN, CORS_ALLOWED_ORIGINS, BACKEND_CORS_ORIGINS, CORS_ALLOW_ALL_ORIGINS, ... in container env, ECS, Lambda, Docker and ConfigMaps) name explicit https origins and never allow all.",
    remediation: "Set the variable to https:// origins (comma- or semicolon-separated, or a JSON list), and leave allow-all switches (CORS_ALLOW_ALL_ORIGINS, CORS_ORIGIN_ALLOW_ALL) false.",
    resourceTypes: [...WORKLOAD_TYPES, DOCKER_CONTAINER, LAMBDA_FUNCTION, ECS_TASK, CONFIG_MAP],
    check: (r, c) => {
        const { settings, unknownPaths } = appSettings(r);
        return [...settings.flatMap((s) => corsSettingProblems(s, c)), ...unknownPaths.map((p) => undecided(p))];
    },
};

export const CORS_POLICIES = [s3Cors, cloudfrontCors, apiGatewayCors, apiGatewayV1Cors, functionUrlCors, ingressCors, appEnvCors];
