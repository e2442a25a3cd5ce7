/** Exposure: nothing of the data tier reachable from the internet. */
import { ResourcePolicyDefinition, StackPolicyDefinition, StackSubject } from "../definitions";
import { bucketsMissing } from "./retention";
import { LOCAL_ROLE_LABEL } from "../../core/labels";
import { DOCKER_CONTAINER } from "./lib";

/** Ports of data stores and admin protocols (PostgreSQL, MySQL, Redis, MongoDB, Elasticsearch, InfluxDB, Dgraph, Chroma, SSH, RDP). */
export const DEFAULT_DATA_PORTS = [5432, 3306, 6379, 27017, 9200, 8086, 8080, 9080, 8000, 22, 3389];
const PUBLIC = ["0.0.0.0/0", "::/0"];

interface PortsConfig { dataPorts: number[] }
const portsConfig = { dataPorts: { type: "array" as const, items: { type: "integer" }, default: DEFAULT_DATA_PORTS, description: "Ports that must never be open to the internet." } };

function coversDataPort(protocol: unknown, from: number, to: number, ports: number[]): number[] {
    if (protocol === "-1" || protocol === "all") return ports;
    return ports.filter((p) => p >= from && p <= to);
}

export const publicDataPorts: ResourcePolicyDefinition<PortsConfig> = {
    kind: "resource",
    name: "aws-security-group-disallow-public-data-ports",
    description: "Security groups never open data-store or admin ports to 0.0.0.0/0 or ::/0.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "seed 002 'VPC: Private subnets for database and application tiers'; CIS AWS Foundations 5.2",
    remediation: "Allow the port only from the security group of the clients (or a private CIDR).",
    resourceTypes: ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
    config: portsConfig,
    check(r, c) {
        const rules: Array<{ protocol: unknown; from: number; to: number; cidrs: string[] }> =
            r.type === "aws:ec2/securityGroup:SecurityGroup"
                ? (r.props.ingress ?? []).map((i: any) => ({ protocol: i.protocol, from: i.fromPort, to: i.toPort, cidrs: [...(i.cidrBlocks ?? []), ...(i.ipv6CidrBlocks ?? [])] }))
                : r.type === "aws:ec2/securityGroupRule:SecurityGroupRule"
                    ? r.props.type === "ingress" ? [{ protocol: r.props.protocol, from: r.props.fromPort, to: r.props.toPort, cidrs: [...(r.props.cidrBlocks ?? []), ...(r.props.ipv6CidrBlocks ?? [])] }] : []
                    : [{ protocol: r.props.ipProtocol, from: r.props.fromPort ?? 0, to: r.props.toPort ?? 65535, cidrs: [r.props.cidrIpv4, r.props.cidrIpv6].filter(Boolean) }];
        return rules.flatMap((rule) => {
            const open = rule.cidrs.filter((cidr) => PUBLIC.includes(cidr));
            const ports = open.length ? coversDataPort(rule.protocol, rule.from, rule.to, c.dataPorts) : [];
            return ports.length ? [`ingress from ${open.join(", ")} reaches data/admin port(s) ${ports.join(", ")}`] : [];
        });
    },
};

export const dataTierPrivate: ResourcePolicyDefinition = {
    kind: "resource",
    name: "data-tier-disallow-public-access",
    description: "Databases are never publicly accessible; EKS API endpoints are never open to the whole internet.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "seed 001 'Database: Private service, no external access'; seed 002 'Private subnets'",
    remediation: "Set publiclyAccessible: false; restrict publicAccessCidrs to CI/VPN ranges or turn the public endpoint off.",
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:eks/cluster:Cluster"],
    check(r) {
        if (r.type === "aws:eks/cluster:Cluster") {
            const v = r.props.vpcConfig ?? {};
            if (v.endpointPublicAccess === false) return [];
            const cidrs: string[] = v.publicAccessCidrs ?? [];
            return cidrs.length === 0 || cidrs.some((cidr) => PUBLIC.includes(cidr)) ? ["the Kubernetes API endpoint is open to the whole internet"] : [];
        }
        return r.props.publiclyAccessible === true ? ["publiclyAccessible is true"] : [];
    },
};

export const bucketPublicAccess: StackPolicyDefinition = {
    kind: "stack",
    name: "aws-s3-bucket-require-public-access-block",
    description: "Every S3 bucket blocks all public access (objects reach users through CloudFront).",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "CIS AWS Foundations 2.1.4; seed 002 'S3 + CloudFront'",
    remediation: "Add an aws.s3.BucketPublicAccessBlock with all four settings true.",
    checkStack(resources) {
        const allBlocked = (blocks: StackSubject[]) => blocks.some((x) => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every((k) => x.props[k] === true));
        return bucketsMissing(resources, ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"], allBlocked)
            .map((b) => ({ urn: b.urn, message: `bucket ${b.name} does not block all public access` }));
    },
};

export const dockerPublishedDataPorts: ResourcePolicyDefinition<PortsConfig> = {
    kind: "resource",
    name: "docker-container-restrict-published-data-ports",
    description: "Local data stores publish no port beyond the loopback address (an unlabelled container: no data-store port).",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "seed 003 (only nginx is the entry point); seed 001 'Private service'",
    remediation: "Drop the published port (other containers reach it on the network) or set ip: 127.0.0.1.",
    resourceTypes: [DOCKER_CONTAINER],
    config: portsConfig,
    check(r, c) {
        const role = (Array.isArray(r.props.labels) ? r.props.labels : []).find((l: any) => l.label === LOCAL_ROLE_LABEL)?.value;
        // A store is private whatever its port; an entry point (app, proxy) may publish its own.
        const guarded = (port: number) => role === "data" || (role === undefined && c.dataPorts.includes(port));
        return (r.props.ports ?? [])
            .filter((p: any) => guarded(Number(p.internal)) && p.external !== undefined && (p.ip ?? "0.0.0.0") !== "127.0.0.1")
            .map((p: any) => `port ${p.internal} is published on ${p.ip ?? "0.0.0.0"}:${p.external}`);
    },
};

export const EXPOSURE_POLICIES = [publicDataPorts, dataTierPrivate, bucketPublicAccess, dockerPublishedDataPorts];
