/**
 * Mock provider for the offline engine: answers resource registrations and invokes with outputs
 * shaped like the real providers' (ids, ARNs, endpoints, DNS names), so wiring between components
 * (subnet ids into clusters, endpoints into app env, ARNs into IAM policies) runs for real.
 *
 * Unknown invokes throw: a missing mock must be loud, not an `{}` that fails later somewhere else.
 */
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

export const MOCK_ACCOUNT_ID = "123456789012";

function hex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** `aws:ec2/subnet:Subnet` → `ec2`; `aws:index/...` → `index`. */
function awsService(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/** Id prefixes EC2 uses, so mock ids read like real ones in plan output and ARNs. */
const EC2_ID_PREFIX: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
};

export class PlatformMocks implements pulumi.runtime.Mocks {
    /** Region of each explicit AWS provider (by its reference `urn::id`), so ARNs name the right one. */
    private readonly providerRegions = new Map<string, string>();
    private region: string;

    constructor(private readonly defaultRegion: string, private readonly stack: string) {
        this.region = defaultRegion;
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } {
        const { type, name, inputs } = args;
        // pulumi-aws 7 takes `region` per resource (a DR-region bucket, vault or key): it wins over the provider's.
        this.region = typeof inputs.region === "string" ? inputs.region : this.regionOf(args.provider);
        const seed = `${this.stack}/${type}/${name}`;
        const state: Record<string, any> = { ...inputs };
        const physicalName = inputs.name ?? `${name}-${hex(seed, 7)}`;
        let id: string = EC2_ID_PREFIX[type] ? `${EC2_ID_PREFIX[type]}-${hex(seed, 17)}` : physicalName;

        if (type.startsWith("aws:") && !type.startsWith("aws:index/")) {
            const service = awsService(type);
            state.name ??= physicalName;
            state.arn ??= `arn:aws:${service}:${this.region}:${MOCK_ACCOUNT_ID}:${type.split(":")[2]?.toLowerCase() ?? "resource"}/${id}`;
        }
        state.id = id;

        switch (type) {
            case "pulumi:providers:aws":
                id = `${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
                state.id = id;
                this.providerRegions.set(id, inputs.region ?? this.defaultRegion);
                break;
            case "aws:s3/bucket:Bucket": {
                const bucket = inputs.bucket ?? `${name}-${hex(seed, 7)}`.toLowerCase();
                state.bucket = bucket;
                state.arn = `arn:aws:s3:::${bucket}`;
                state.bucketDomainName = `${bucket}.s3.amazonaws.com`;
                state.bucketRegionalDomainName = `${bucket}.s3.${this.region}.amazonaws.com`;
                id = bucket;
                state.id = id;
                break;
            }
            case "aws:cloudfront/distribution:Distribution":
                id = `E${hex(seed, 13).toUpperCase()}`;
                state.id = id;
                state.arn = `arn:aws:cloudfront::${MOCK_ACCOUNT_ID}:distribution/${id}`;
                state.domainName = `d${hex(seed, 13)}.cloudfront.net`;
                state.hostedZoneId = "Z2FDTNDATAQYW2";
                break;
            case "aws:cloudfront/vpcOrigin:VpcOrigin":
                id = `vo_${hex(seed, 22)}`;
                state.id = id;
                state.arn = `arn:aws:cloudfront::${MOCK_ACCOUNT_ID}:vpcorigin/${id}`;
                break;
            case "aws:wafv2/webAcl:WebAcl":
                id = `${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
                state.id = id;
                state.arn = `arn:aws:wafv2:${this.region}:${MOCK_ACCOUNT_ID}:${inputs.scope === "CLOUDFRONT" ? "global" : "regional"}/webacl/${physicalName}/${id}`;
                break;
            case "aws:acm/certificate:Certificate":
                state.arn = `arn:aws:acm:${this.region}:${MOCK_ACCOUNT_ID}:certificate/${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
                state.domainValidationOptions = [{ domainName: inputs.domainName, resourceRecordName: `_${hex(seed, 32)}.${inputs.domainName}.`, resourceRecordType: "CNAME", resourceRecordValue: `_${hex(seed + 1, 32)}.acm-validations.aws.` }];
                id = state.arn;
                state.id = id;
                break;
            case "aws:route53/record:Record":
                state.fqdn = String(inputs.name).replace(/\.$/, "");
                break;
            case "aws:ec2/vpc:Vpc":
                state.defaultSecurityGroupId = `sg-${hex(seed + "dsg", 17)}`;
                state.mainRouteTableId = `rtb-${hex(seed + "main", 17)}`;
                break;
            case "aws:ec2/eip:Eip":
                state.publicIp = `198.51.100.${parseInt(hex(seed, 2), 16) % 250 + 1}`;
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                state.arn = `arn:aws:logs:${this.region}:${MOCK_ACCOUNT_ID}:log-group:${state.name}`;
                id = state.name;
                state.id = id;
                break;
            case "aws:iam/role:Role":
            case "aws:iam/policy:Policy":
                state.arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:${type.endsWith("Role") ? "role" : "policy"}/${state.name}`;
                state.uniqueId = `AROA${hex(seed, 17).toUpperCase()}`;
                break;
            case "aws:eks/cluster:Cluster": {
                const oidcId = hex(seed + "oidc", 32).toUpperCase();
                state.arn = `arn:aws:eks:${this.region}:${MOCK_ACCOUNT_ID}:cluster/${state.name}`;
                state.endpoint = `https://${hex(seed, 32).toUpperCase()}.gr7.${this.region}.eks.amazonaws.com`;
                state.certificateAuthority = { data: Buffer.from(`mock CA of ${state.name}`).toString("base64") };
                state.identities = [{ oidcs: [{ issuer: `https://oidc.eks.${this.region}.amazonaws.com/id/${oidcId}` }] }];
                state.vpcConfig = { ...(inputs.vpcConfig ?? {}), clusterSecurityGroupId: `sg-${hex(seed + "csg", 17)}`, vpcId: `vpc-${hex(seed + "vpc", 17)}` };
                state.status = "ACTIVE";
                break;
            }
            case "aws:eks/nodeGroup:NodeGroup":
                state.nodeGroupName = inputs.nodeGroupName ?? physicalName;
                state.arn = `arn:aws:eks:${this.region}:${MOCK_ACCOUNT_ID}:nodegroup/${inputs.clusterName}/${state.nodeGroupName}/${hex(seed, 8)}`;
                state.resources = [{ autoscalingGroups: [{ name: `eks-${state.nodeGroupName}-${hex(seed + "asg", 8)}` }] }];
                state.status = "ACTIVE";
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                state.latestVersion = 1;
                state.defaultVersion = 1;
                break;
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
                state.arn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:oidc-provider/${String(inputs.url).replace(/^https:\/\//, "")}`;
                break;
            case "aws:lb/loadBalancer:LoadBalancer": {
                const kind = inputs.loadBalancerType === "network" ? "net" : "app";
                state.arn = `arn:aws:elasticloadbalancing:${this.region}:${MOCK_ACCOUNT_ID}:loadbalancer/${kind}/${physicalName.slice(0, 32)}/${hex(seed, 16)}`;
                state.dnsName = `${inputs.internal ? "internal-" : ""}${physicalName.slice(0, 32)}-${parseInt(hex(seed, 8), 16)}.${this.region}.elb.amazonaws.com`;
                state.zoneId = "Z35SXDOTRQ7X7K";
                state.arnSuffix = state.arn.split(":loadbalancer/")[1];
                id = state.arn;
                state.id = id;
                break;
            }
            case "aws:lb/targetGroup:TargetGroup":
            case "aws:lb/listener:Listener":
                state.arn = `arn:aws:elasticloadbalancing:${this.region}:${MOCK_ACCOUNT_ID}:${type.endsWith("TargetGroup") ? "targetgroup" : "listener/app"}/${physicalName.slice(0, 32)}/${hex(seed, 16)}`;
                if (type.endsWith("TargetGroup")) state.arnSuffix = state.arn.split(":").pop();
                id = state.arn;
                state.id = id;
                break;
            case "aws:rds/instance:Instance": {
                const identifier = inputs.identifier ?? physicalName;
                state.identifier = identifier;
                state.arn = `arn:aws:rds:${this.region}:${MOCK_ACCOUNT_ID}:db:${identifier}`;
                state.address = `${identifier}.${hex(seed, 12)}.${this.region}.rds.amazonaws.com`;
                state.port = 5432;
                state.endpoint = `${state.address}:5432`;
                state.masterUserSecrets = inputs.manageMasterUserPassword
                    ? [{ secretArn: `arn:aws:secretsmanager:${this.region}:${MOCK_ACCOUNT_ID}:secret:rds!db-${hex(seed, 8)}-${hex(seed + 1, 4)}-AbCdEf`, secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId }]
                    : [];
                id = identifier;
                state.id = id;
                break;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup": {
                const groupId = inputs.replicationGroupId ?? physicalName;
                state.arn = `arn:aws:elasticache:${this.region}:${MOCK_ACCOUNT_ID}:replicationgroup:${groupId}`;
                state.primaryEndpointAddress = `master.${groupId}.${hex(seed, 6)}.use1.cache.amazonaws.com`;
                state.readerEndpointAddress = `replica.${groupId}.${hex(seed, 6)}.use1.cache.amazonaws.com`;
                id = groupId;
                state.id = id;
                break;
            }
            case "aws:elasticache/user:User":
                state.arn = `arn:aws:elasticache:${this.region}:${MOCK_ACCOUNT_ID}:user:${inputs.userId}`;
                id = inputs.userId;
                state.id = id;
                break;
            case "aws:secretsmanager/secret:Secret":
                state.arn = `arn:aws:secretsmanager:${this.region}:${MOCK_ACCOUNT_ID}:secret:${state.name}-${hex(seed, 6)}`;
                id = state.arn;
                state.id = id;
                break;
            case "aws:backup/vault:Vault":
                state.arn = `arn:aws:backup:${this.region}:${MOCK_ACCOUNT_ID}:backup-vault:${state.name}`;
                id = state.name;
                state.id = id;
                break;
            // Observability (issue 15): alarm, topic, AMP, Grafana and health-check identities.
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                state.arn = `arn:aws:cloudwatch:${this.region}:${MOCK_ACCOUNT_ID}:alarm:${state.name}`;
                id = state.name;
                state.id = id;
                break;
            case "aws:cloudwatch/dashboard:Dashboard":
                state.dashboardArn = `arn:aws:cloudwatch::${MOCK_ACCOUNT_ID}:dashboard/${inputs.dashboardName}`;
                id = inputs.dashboardName;
                state.id = id;
                break;
            case "aws:sns/topic:Topic":
                state.arn = `arn:aws:sns:${this.region}:${MOCK_ACCOUNT_ID}:${state.name}`;
                id = state.arn;
                state.id = id;
                break;
            case "aws:amp/workspace:Workspace":
            case "aws:amp/scraper:Scraper": {
                const kind = type.endsWith("Workspace") ? "workspace" : "scraper";
                id = `${kind === "workspace" ? "ws" : "s"}-${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
                state.id = id;
                state.arn = `arn:aws:aps:${this.region}:${MOCK_ACCOUNT_ID}:${kind}/${id}`;
                if (kind === "workspace") state.prometheusEndpoint = `https://aps-workspaces.${this.region}.amazonaws.com/workspaces/${id}/`;
                else state.roleArn = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/aws-service-role/scraper.aps.amazonaws.com/AWSServiceRoleForAmazonPrometheusScraper_${hex(seed, 15)}`;
                break;
            }
            case "aws:grafana/workspace:Workspace":
                id = `g-${hex(seed, 10)}`;
                state.id = id;
                state.arn = `arn:aws:grafana:${this.region}:${MOCK_ACCOUNT_ID}:/workspaces/${id}`;
                state.endpoint = `${id}.grafana-workspace.${this.region}.amazonaws.com`;
                break;
            case "aws:route53/healthCheck:HealthCheck":
                id = `${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
                state.id = id;
                state.arn = `arn:aws:route53:::healthcheck/${id}`;
                break;
            case "aws:kms/key:Key":
                id = `${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
                state.id = id;
                state.keyId = id;
                state.arn = `arn:aws:kms:${this.region}:${MOCK_ACCOUNT_ID}:key/${id}`;
                break;
        }
        if (type.startsWith("kubernetes:") && !type.startsWith("kubernetes:helm.sh")) {
            // The API server names what the program leaves unnamed, and defaults the namespace.
            const metadata = { ...(inputs.metadata ?? {}) };
            metadata.name ??= physicalName;
            if (!type.startsWith("kubernetes:core/v1:Namespace") && !type.includes("StorageClass") && !type.includes("Cluster")) metadata.namespace ??= "default";
            metadata.uid = `${hex(seed, 8)}-${hex(seed + 1, 4)}-${hex(seed + 2, 4)}-${hex(seed + 3, 4)}-${hex(seed + 4, 12)}`;
            state.metadata = metadata;
            id = metadata.namespace ? `${metadata.namespace}/${metadata.name}` : metadata.name;
            state.id = id;
            if (type === "kubernetes:core/v1:Service") state.spec = { ...(inputs.spec ?? {}), clusterIP: `172.20.${parseInt(hex(seed, 2), 16)}.${parseInt(hex(seed + 1, 2), 16) % 250 + 1}` };
        }
        switch (type) {
            case "random:index/randomPassword:RandomPassword":
                // Deterministic stand-in; the SDK marks `result` secret, so it shows as [secret].
                state.result = `offline-${hex(seed, Number(inputs.length ?? 16) - 8)}`;
                id = "none";
                state.id = id;
                break;
            case "docker:index/remoteImage:RemoteImage":
                state.imageId = `sha256:${hex(seed, 64)}`;
                state.repoDigest = `${String(inputs.name).split(":")[0]}@sha256:${hex(seed + "d", 64)}`;
                id = `${state.imageId}${inputs.name}`;
                state.id = id;
                break;
            case "docker:index/network:Network":
            case "docker:index/volume:Volume":
            case "docker:index/container:Container":
                state.name = inputs.name ?? physicalName;
                id = hex(seed, 64);
                state.id = id;
                if (type.endsWith("Volume")) state.mountpoint = `/var/lib/docker/volumes/${state.name}/_data`;
                break;
        }
        if (type === "kubernetes:helm.sh/v3:Release") {
            state.name = inputs.name ?? physicalName;
            state.status = { name: state.name, namespace: inputs.namespace ?? "default", status: "deployed", version: inputs.version, chart: inputs.chart };
        }
        return { id, state };
    }

    private regionOf(providerRef: string | undefined): string {
        const providerId = providerRef?.split("::").pop();
        return (providerId && this.providerRegions.get(providerId)) || this.defaultRegion;
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, any> {
        this.region = this.regionOf(args.provider);
        const letters = ["a", "b", "c", "d", "e", "f"];
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones":
                return {
                    names: letters.map((l) => `${this.region}${l}`),
                    zoneIds: letters.map((_, i) => `use1-az${i + 1}`),
                    id: this.region,
                };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/offline-plan`, userId: "AIDAOFFLINEPLAN", id: MOCK_ACCOUNT_ID };
            case "aws:index/getRegion:getRegion":
                return { name: this.region, region: this.region, id: this.region, endpoint: `ec2.${this.region}.amazonaws.com` };
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList":
                return { id: `pl-${hex(String(args.inputs.name), 8)}`, name: args.inputs.name, addressFamily: "IPv4", entries: [], maxEntries: 55 };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
            default:
                throw new Error(`offline plan: no mock for invoke ${args.token}; add one to tools/offline/mocks.ts`);
        }
    }
}
