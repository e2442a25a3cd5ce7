import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BUCKET_ROLES } from "../core/recovery";
import { privateBucket, S3_ACCESS_LOG_PREFIX, tlsOnlyStatement } from "./privateBucket";
import { COMPONENT_TYPES } from "./types";

/** TTLs from seed 002 "CDN Configuration": static assets 1 year, API responses 5 minutes. */
export const STATIC_TTL_SECONDS = 365 * 24 * 3600;
export const API_TTL_SECONDS = 5 * 60;
/** Seed 002: "Lifecycle Policies: Automatic archival after 90 days". */
export const ARCHIVE_AFTER_DAYS = 90;
/** CloudFront's strongest viewer policy for custom certificates (CloudFront developer guide, "Supported protocols and ciphers", read 2026-11-23). */
export const VIEWER_TLS_POLICY = "TLSv1.2_2021";
/** Seconds CloudFront waits for the app's response (CloudFront allows up to 60 for VPC origins by default). */
export const ORIGIN_READ_TIMEOUT_SECONDS = 60;
/** HSTS for two years with preload (seed 001: HSTS enabled). */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;

export interface CdnArgs {
    /** CloudFront price class (tier row). */
    priceClass: string;
    /** The internal load balancer in front of the app (a CloudFront VPC origin). */
    appOrigin: { loadBalancerArn: pulumi.Input<string>; dnsName: pulumi.Input<string>; protocolPolicy: "http-only" | "https-only" };
    /** Origins browsers may call from (CORS). Never `*`; validated in stack config. */
    corsOrigins: string[];
    /** WAF web ACL (scope CLOUDFRONT) to attach. */
    webAclArn: pulumi.Input<string>;
    /**
     * Custom domain: an ACM certificate (DNS-validated in the hosted zone) and alias records are
     * created, and viewers get TLS 1.2+. Without it CloudFront's default certificate is used, which
     * cannot enforce a minimum TLS version. Default: none.
     */
    domain?: { name: string; hostedZoneId: string };
    /** Provider in us-east-1, where CloudFront certificates must live. Required with `domain`. */
    usEast1?: aws.Provider;
    /** Path patterns of the static assets and of the API. Defaults `/static/*` and `/api/*`. */
    staticPathPattern?: string;
    apiPathPattern?: string;
    /**
     * The access-log bucket (`accessLogBucket`): CloudFront's standard logs and the static bucket's
     * server access logs go there. It lives outside the CDN so other buckets can log into it too.
     */
    logBucket: { id: pulumi.Input<string>; bucketDomainName: pulumi.Input<string> };
}

/**
 * The edge: a CloudFront distribution with three behaviours (static assets from a private S3
 * bucket through Origin Access Control, cached a year; the API through the internal load balancer,
 * cached five minutes per caller; everything else to the app uncached), compression, HTTPS only,
 * HSTS and strict CORS headers, access logs, and the WAF in front.
 */
export class Cdn extends pulumi.ComponentResource {
    public readonly url: pulumi.Output<string>;
    /** Host viewers use: the custom domain, or the distribution's own name. */
    public readonly host: pulumi.Output<string>;
    public readonly distributionId: pulumi.Output<string>;
    public readonly distributionArn: pulumi.Output<string>;
    public readonly staticBucketName: pulumi.Output<string>;
    /** The static assets' bucket and its versioning, for replication to a second region. */
    public readonly staticBucket: aws.s3.Bucket;
    public readonly staticBucketVersioning: aws.s3.BucketVersioning;

    constructor(name: string, args: CdnArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.cdn, name, {}, opts);
        const parent = { parent: this };
        if (args.corsOrigins.some((o) => o === "*" || !o.startsWith("https://"))) {
            throw new pulumi.RunError(`Cdn ${name}: CORS origins must be explicit https:// origins, got ${args.corsOrigins.join(", ")}`);
        }
        if (args.domain && !args.usEast1) throw new pulumi.RunError(`Cdn ${name}: a custom domain needs a us-east-1 provider for its certificate`);

        const { bucket: staticBucket, versioning: staticVersioning } = privateBucket(`${name}-static`, {
            role: BUCKET_ROLES.staticAssets,
            ownPolicy: true,
            lifecycleRules: [{
                id: "archive-and-clean-up",
                status: "Enabled",
                filter: {},
                transitions: [{ days: ARCHIVE_AFTER_DAYS, storageClass: "GLACIER_IR" }],
                noncurrentVersionExpiration: { noncurrentDays: 30 },
                abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
            }],
            accessLogs: { targetBucket: args.logBucket.id, prefix: `${S3_ACCESS_LOG_PREFIX}static/` },
        }, parent);

        const oac = new aws.cloudfront.OriginAccessControl(`${name}-oac`, {
            originAccessControlOriginType: "s3",
            signingBehavior: "always",
            signingProtocol: "sigv4",
            description: `CloudFront access to ${name} static assets`,
        }, parent);
        const vpcOrigin = new aws.cloudfront.VpcOrigin(`${name}-app-origin`, {
            vpcOriginEndpointConfig: {
                name: `${name}-app`,
                arn: args.appOrigin.loadBalancerArn,
                httpPort: 80,
                httpsPort: 443,
                originProtocolPolicy: args.appOrigin.protocolPolicy,
                originSslProtocols: { items: ["TLSv1.2"], quantity: 1 },
            },
        }, parent);

        const cachePolicy = (role: string, ttl: { min: number; default: number; max: number }, key: { headers?: string[]; queryStrings: boolean }) =>
            new aws.cloudfront.CachePolicy(`${name}-${role}`, {
                comment: `${name} ${role}`,
                minTtl: ttl.min,
                defaultTtl: ttl.default,
                maxTtl: ttl.max,
                parametersInCacheKeyAndForwardedToOrigin: {
                    enableAcceptEncodingGzip: true,
                    enableAcceptEncodingBrotli: true,
                    cookiesConfig: { cookieBehavior: "none" },
                    headersConfig: key.headers ? { headerBehavior: "whitelist", headers: { items: key.headers } } : { headerBehavior: "none" },
                    queryStringsConfig: { queryStringBehavior: key.queryStrings ? "all" : "none" },
                },
            }, parent);
        const staticCache = cachePolicy("static", { min: 0, default: STATIC_TTL_SECONDS, max: STATIC_TTL_SECONDS }, { queryStrings: false });
        // Authorization is part of the API's cache key, so one caller never receives another's response.
        const apiCache = cachePolicy("api", { min: 0, default: API_TTL_SECONDS, max: API_TTL_SECONDS }, { headers: ["Authorization"], queryStrings: true });
        // Pages: honour the app's Cache-Control, cache nothing it does not mark cacheable.
        const pageCache = cachePolicy("pages", { min: 0, default: 0, max: STATIC_TTL_SECONDS }, { queryStrings: true });

        const apiRequests = new aws.cloudfront.OriginRequestPolicy(`${name}-api`, {
            comment: `${name}: what the API needs, nothing more`,
            cookiesConfig: { cookieBehavior: "none" },
            headersConfig: { headerBehavior: "whitelist", headers: { items: ["Accept", "Accept-Language", "Content-Type", "Origin"] } },
            queryStringsConfig: { queryStringBehavior: "all" },
        }, parent);
        const pageRequests = new aws.cloudfront.OriginRequestPolicy(`${name}-pages`, {
            comment: `${name}: sessions and websockets of the app`,
            cookiesConfig: { cookieBehavior: "all" },
            headersConfig: { headerBehavior: "allViewer" },
            queryStringsConfig: { queryStringBehavior: "all" },
        }, parent);

        const headers = new aws.cloudfront.ResponseHeadersPolicy(`${name}-headers`, {
            comment: `${name}: HSTS, security headers and CORS for the configured origins`,
            securityHeadersConfig: {
                strictTransportSecurity: { accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, includeSubdomains: true, preload: true, override: true },
                contentTypeOptions: { override: true },
                frameOptions: { frameOption: "DENY", override: true },
                referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
            },
            corsConfig: {
                accessControlAllowOrigins: { items: args.corsOrigins },
                accessControlAllowMethods: { items: ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] },
                accessControlAllowHeaders: { items: ["Authorization", "Content-Type"] },
                accessControlAllowCredentials: false,
                accessControlMaxAgeSec: 600,
                originOverride: true,
            },
        }, parent);

        const certificate = args.domain ? this.certificate(name, args.domain, args.usEast1!) : undefined;
        const staticOriginId = "static-assets";
        const appOriginId = "app";
        const allMethods = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
        const readMethods = ["GET", "HEAD", "OPTIONS"];

        const distribution = new aws.cloudfront.Distribution(`${name}-cdn`, {
            enabled: true,
            isIpv6Enabled: true,
            httpVersion: "http2and3",
            comment: `${name} platform edge`,
            priceClass: args.priceClass,
            aliases: args.domain ? [args.domain.name] : undefined,
            webAclId: args.webAclArn,
            origins: [
                { originId: staticOriginId, domainName: staticBucket.bucketRegionalDomainName, originAccessControlId: oac.id },
                { originId: appOriginId, domainName: args.appOrigin.dnsName, vpcOriginConfig: { vpcOriginId: vpcOrigin.id, originReadTimeout: ORIGIN_READ_TIMEOUT_SECONDS, originKeepaliveTimeout: 5 } },
            ],
            defaultCacheBehavior: {
                targetOriginId: appOriginId,
                viewerProtocolPolicy: "redirect-to-https",
                allowedMethods: allMethods,
                cachedMethods: ["GET", "HEAD"],
                compress: true,
                cachePolicyId: pageCache.id,
                originRequestPolicyId: pageRequests.id,
                responseHeadersPolicyId: headers.id,
            },
            orderedCacheBehaviors: [
                {
                    pathPattern: args.staticPathPattern ?? "/static/*",
                    targetOriginId: staticOriginId,
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: readMethods,
                    cachedMethods: ["GET", "HEAD"],
                    compress: true,
                    cachePolicyId: staticCache.id,
                    responseHeadersPolicyId: headers.id,
                },
                {
                    pathPattern: args.apiPathPattern ?? "/api/*",
                    targetOriginId: appOriginId,
                    viewerProtocolPolicy: "https-only",
                    allowedMethods: allMethods,
                    cachedMethods: ["GET", "HEAD"],
                    compress: true,
                    cachePolicyId: apiCache.id,
                    originRequestPolicyId: apiRequests.id,
                    responseHeadersPolicyId: headers.id,
                },
            ],
            restrictions: { geoRestriction: { restrictionType: "none" } },
            viewerCertificate: certificate
                ? { acmCertificateArn: certificate.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: VIEWER_TLS_POLICY }
                : { cloudfrontDefaultCertificate: true },
            loggingConfig: { bucket: args.logBucket.bucketDomainName, includeCookies: false, prefix: "cloudfront/" },
        }, parent);

        new aws.s3.BucketPolicy(`${name}-static`, {
            bucket: staticBucket.id,
            policy: pulumi.all([staticBucket.arn, distribution.arn]).apply(([bucketArn, distributionArn]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    tlsOnlyStatement(bucketArn),
                    {
                        Sid: "CloudFrontReadsThroughOAC",
                        Effect: "Allow",
                        Principal: { Service: "cloudfront.amazonaws.com" },
                        Action: "s3:GetObject",
                        Resource: `${bucketArn}/*`,
                        Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
                    },
                ],
            })),
        }, parent);

        if (args.domain) {
            for (const type of ["A", "AAAA"]) {
                new aws.route53.Record(`${name}-${type.toLowerCase()}`, {
                    zoneId: args.domain.hostedZoneId,
                    name: args.domain.name,
                    type,
                    aliases: [{ name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false }],
                }, parent);
            }
        }

        this.url = args.domain ? pulumi.output(`https://${args.domain.name}`) : pulumi.interpolate`https://${distribution.domainName}`;
        this.host = args.domain ? pulumi.output(args.domain.name) : distribution.domainName;
        this.distributionId = distribution.id;
        this.distributionArn = distribution.arn;
        this.staticBucketName = staticBucket.bucket;
        this.staticBucket = staticBucket;
        this.staticBucketVersioning = staticVersioning!;
        this.registerOutputs({ url: this.url, distributionId: this.distributionId, staticBucketName: this.staticBucketName });
    }

    /** An ACM certificate in us-east-1, validated through a DNS record in the hosted zone. */
    private certificate(name: string, domain: { name: string; hostedZoneId: string }, usEast1: aws.Provider): aws.acm.CertificateValidation {
        const cert = new aws.acm.Certificate(`${name}-cert`, { domainName: domain.name, validationMethod: "DNS", keyAlgorithm: "EC_prime256v1" }, { parent: this, provider: usEast1 });
        const option = cert.domainValidationOptions[0];
        const record = new aws.route53.Record(`${name}-cert-validation`, {
            zoneId: domain.hostedZoneId,
            name: option.resourceRecordName,
            type: option.resourceRecordType,
            records: [option.resourceRecordValue],
            ttl: 300,
            allowOverwrite: true,
        }, { parent: this });
        return new aws.acm.CertificateValidation(`${name}-cert`, { certificateArn: cert.arn, validationRecordFqdns: [record.fqdn] }, { parent: this, provider: usEast1 });
    }
}
