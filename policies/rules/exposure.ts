/** Exposure: nothing of the data tier reachable from the internet. */
import { Finding, ResourcePolicyDefinition, StackPolicyDefinition, StackSubject, undecided } from "../definitions";
import { LOCAL_ROLE_LABEL } from "../../core/labels";
import { at, DOCKER_CONTAINER, isUnknown, list, on, record } from "./lib";
import { bucketsWithout, CompanionVerdict } from "./links";

/**
 * Ports of data stores and admin protocols that must never face the internet. The pack's own
 * services (PostgreSQL, Redis, InfluxDB, Dgraph, Chroma) plus the common data and admin ports of
 * KICS's `tcpPortsMap` and Prowler's `ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_*`
 * checks: SSH, Telnet, FTP, SMB/CIFS, LDAP, NFS (EFS), RDP, VNC, WinRM, MySQL, MSSQL, Oracle,
 * PostgreSQL, Redis (+TLS, Sentinel), memcached, MongoDB, Cassandra, Elasticsearch/OpenSearch and
 * Kibana, CouchDB, Neo4j, ClickHouse, Solr, Kafka, ZooKeeper, RabbitMQ, etcd, the kubelet, the
 * Kubernetes API, Docker, Consul, Vault, InfluxDB, Dgraph, Chroma.
 */
export const DEFAULT_DATA_PORTS = [
    20, 21, 22, 23, 139, 389, 445, 636, 1433, 1434, 1521, 2049, 2181, 2375, 2376, 2379, 2380, 2483, 2484, 3306, 3389, 4333, 5432, 5601, 5671, 5672,
    5900, 5984, 5985, 5986, 6379, 6380, 6443, 7000, 7001, 7199, 7474, 7687, 8000, 8080, 8086, 8123, 8200, 8500, 8983, 9042, 9080, 9092, 9093, 9094,
    9160, 9200, 9300, 9440, 10250, 11211, 15672, 26379, 27017, 27018, 27019, 28015,
];
const PUBLIC = ["0.0.0.0/0", "::/0"];

interface PortsConfig { dataPorts: number[] }
const portsConfig = { dataPorts: { type: "array" as const, items: { type: "integer" }, default: DEFAULT_DATA_PORTS, description: "Ports that must never be open to the internet (data stores and admin protocols; see DEFAULT_DATA_PORTS for the sources)." } };

/** An ingress rule as the three security-group resource types give it, with its path for notes. */
interface Rule { protocol: unknown; from: unknown; to: unknown; cidrs: unknown[]; cidrsUnknown: boolean; path: string }

function ingressRules(type: string, p: Record<string, any>): Rule[] | "unknown" {
    if (type === "aws:ec2/securityGroup:SecurityGroup") {
        if (isUnknown(p.ingress)) return "unknown";
        return list(p.ingress).map((i: any, n) => {
            const v4 = at(i, "cidrBlocks");
            const v6 = at(i, "ipv6CidrBlocks");
            return { protocol: at(i, "protocol"), from: at(i, "fromPort"), to: at(i, "toPort"), cidrs: [...list(v4), ...list(v6)], cidrsUnknown: isUnknown(i) || isUnknown(v4) || isUnknown(v6), path: `ingress[${n}]` };
        });
    }
    if (type === "aws:ec2/securityGroupRule:SecurityGroupRule") {
        if (isUnknown(p.type)) return "unknown";
        if (p.type !== "ingress") return [];
        return [{ protocol: p.protocol, from: p.fromPort, to: p.toPort, cidrs: [...list(p.cidrBlocks), ...list(p.ipv6CidrBlocks)], cidrsUnknown: isUnknown(p.cidrBlocks) || isUnknown(p.ipv6CidrBlocks), path: "" }];
    }
    return [{ protocol: p.ipProtocol, from: p.fromPort ?? 0, to: p.toPort ?? 65535, cidrs: [p.cidrIpv4, p.cidrIpv6].filter((c) => c !== undefined && c !== null), cidrsUnknown: false, path: "" }];
}

/** The data ports a rule's protocol and port range reach; "unknown" when an unknown decides it. */
function portsReached(rule: Rule, ports: number[]): number[] | "unknown" {
    if (isUnknown(rule.protocol)) return "unknown";
    if (rule.protocol === "-1" || rule.protocol === "all" || rule.protocol === -1) return ports;
    if (String(rule.protocol).toLowerCase() === "icmp" || String(rule.protocol).toLowerCase() === "icmpv6") return [];
    if (isUnknown(rule.from) || isUnknown(rule.to)) return "unknown";
    const from = Number(rule.from);
    const to = Number(rule.to);
    return ports.filter((port) => port >= from && port <= to);
}

export const publicDataPorts: ResourcePolicyDefinition<PortsConfig> = {
    kind: "resource",
    name: "aws-security-group-disallow-public-data-ports",
    description: "Security groups never open data-store or admin ports to 0.0.0.0/0 or ::/0.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "seed 002 'VPC: Private subnets for database and application tiers'; CIS AWS Foundations 5.2; KICS tcpPortsMap; Prowler ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_*",
    remediation: "Allow the port only from the security group of the clients (or a private CIDR).",
    resourceTypes: ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
    config: portsConfig,
    check(r, c) {
        const rules = ingressRules(r.type, r.props);
        if (rules === "unknown") return [undecided(r.type.endsWith("SecurityGroup") ? "ingress" : "type")];
        return rules.flatMap((rule): Finding[] => {
            const field = (name: string) => (rule.path ? `${rule.path}.${name}` : name);
            const open = rule.cidrs.filter((cidr) => typeof cidr === "string" && PUBLIC.includes(cidr)) as string[];
            const unknownCidr = rule.cidrsUnknown || rule.cidrs.some(isUnknown);
            if (open.length === 0 && !unknownCidr) return [];
            const ports = portsReached(rule, c.dataPorts);
            if (ports === "unknown") return [undecided(field("protocol/ports"))];
            if (ports.length === 0) return [];
            if (open.length) return [`ingress from ${open.join(", ")} reaches data/admin port(s) ${ports.join(", ")}`];
            return [undecided(field("cidrBlocks"))];
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
    check(r): Finding[] {
        if (r.type === "aws:eks/cluster:Cluster") {
            const v = r.props.vpcConfig;
            if (isUnknown(v)) return [undecided("vpcConfig")];
            const publicAccess = at(v, "endpointPublicAccess");
            if (publicAccess === false) return [];
            const cidrs = at(v, "publicAccessCidrs");
            if (isUnknown(publicAccess) || isUnknown(cidrs)) return [undecided(isUnknown(publicAccess) ? "vpcConfig.endpointPublicAccess" : "vpcConfig.publicAccessCidrs")];
            const known = list(cidrs);
            if (known.length === 0 || known.some((cidr) => PUBLIC.includes(cidr))) return ["the Kubernetes API endpoint is open to the whole internet"];
            return [];
        }
        const pa = r.props.publiclyAccessible;
        if (isUnknown(pa)) return [undecided("publiclyAccessible")];
        return pa === true ? ["publiclyAccessible is true"] : [];
    },
};

const PAB_SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

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
        const verdict = (x: StackSubject): CompanionVerdict => {
            const values = PAB_SETTINGS.map((k) => x.props[k]);
            if (values.every((v) => v === true)) return "ok";
            return values.some(isUnknown) && values.every((v) => v === true || isUnknown(v)) ? "undecided" : "no";
        };
        return bucketsWithout(resources, ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"], (b) => `bucket ${b.name} does not block all public access`, verdict);
    },
};

export const dockerPublishedDataPorts: ResourcePolicyDefinition<PortsConfig> = {
    kind: "resource",
    name: "docker-container-restrict-published-data-ports",
    description: "Local data stores publish no port beyond the loopback address, and use no host networking (an unlabelled container: no data-store port).",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "seed 003 (only nginx is the entry point); seed 001 'Private service'",
    remediation: "Drop the published port (other containers reach it on the network) or set ip: 127.0.0.1 (an entry without external is published too, on a random host port); put a data store on a Docker network, not networkMode host.",
    resourceTypes: [DOCKER_CONTAINER],
    config: portsConfig,
    check(r, c) {
        const role = list(r.props.labels).find((l: any) => l?.label === LOCAL_ROLE_LABEL)?.value;
        // A store is private whatever its port; an entry point (app, proxy) may publish its own.
        const guarded = (port: number) => role === "data" || (role === undefined && c.dataPorts.includes(port));
        const mayGuard = isUnknown(role) || role === "data" || role === undefined;
        // Host networking: the container listens on the host's own addresses, every port of it published.
        const mode = r.props.networkMode;
        if (isUnknown(mode)) return mayGuard ? [undecided("networkMode")] : [];
        if (mode === "host") {
            if (isUnknown(role)) return [undecided("labels")];
            if (role === "data") return ["networkMode host publishes every port of the container on the host's addresses"];
            if (role !== undefined) return [];
            if (isUnknown(r.props.ports)) return [undecided("ports")];
            const data = list(r.props.ports).map((p: any) => Number(p?.internal)).filter(guarded);
            return data.length ? [`networkMode host publishes port(s) ${[...new Set(data)].join(", ")} on the host's addresses`] : [];
        }
        if (isUnknown(r.props.ports)) return [undecided("ports")];
        return list(r.props.ports).flatMap((p: any, i): Finding[] => {
            // A null entry publishes nothing (it is no port mapping).
            if (p === null || p === undefined) return [];
            if (isUnknown(p) || isUnknown(p.internal)) return mayGuard ? [undecided(`ports[${i}]`)] : [];
            if (!guarded(Number(p.internal))) return [];
            if (isUnknown(p.ip)) return [undecided(`ports[${i}].ip`)];
            // Docker publishes every entry: without `external` on a random host port; without `ip` on every address.
            const ip = typeof p.ip === "string" && p.ip !== "" ? p.ip : "0.0.0.0";
            if (isLoopback(ip)) return [];
            const host = ip.includes(":") && !ip.startsWith("[") ? `[${ip}]` : ip;
            const where = p.external === undefined || p.external === null ? `${host} on a random host port` : isUnknown(p.external) ? `${host} on a host port known at apply` : `${host}:${p.external}`;
            return [`port ${p.internal} is published on ${where}`];
        });
    },
};

/** Loopback addresses: 127.0.0.0/8 and ::1, bracketed or written out (as Docker takes them in a port's `ip`). */
export function isLoopback(ip: string): boolean {
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) || ["::1", "0:0:0:0:0:0:0:1"].includes(ip.replace(/^\[(.*)\]$/, "$1"));
}

const AWS_LB = "service.beta.kubernetes.io/";

/** Whether a LoadBalancer Service is internal, by the markers of the clouds' controllers. */
function lbScheme(props: Record<string, any>): "internal" | "internet-facing" | "unknown" {
    const annotations = at(props, "metadata.annotations");
    if (isUnknown(annotations)) return "unknown";
    const a = record(annotations);
    const scheme = a[`${AWS_LB}aws-load-balancer-scheme`];
    if (isUnknown(scheme)) return "unknown";
    if (scheme === "internal") return "internal";
    if (scheme === "internet-facing") return "internet-facing";
    const legacy = a[`${AWS_LB}aws-load-balancer-internal`];
    if (isUnknown(legacy)) return "unknown";
    if (legacy !== undefined && String(legacy) !== "false") return "internal";
    if (String(a["networking.gke.io/load-balancer-type"]).toLowerCase() === "internal" || on(a[`${AWS_LB}azure-load-balancer-internal`])) return "internal";
    // The AWS Load Balancer Controller makes NLBs internal unless told otherwise (its annotations guide).
    const lbClass = at(props, "spec.loadBalancerClass");
    const lbType = a[`${AWS_LB}aws-load-balancer-type`];
    if (lbClass === "service.k8s.aws/nlb" || lbType === "external" || lbType === "nlb-ip") return "internal";
    return "internet-facing";
}

export const serviceLoadBalancer: ResourcePolicyDefinition<PortsConfig> = {
    kind: "resource",
    name: "kubernetes-service-disallow-public-data-ports",
    description: "Kubernetes Services of type LoadBalancer never put a data-store or admin port on an internet-facing load balancer open to everyone.",
    severity: "critical",
    enforcementLevel: "mandatory",
    concern: "exposure",
    source: "KICS 'Service With External Load Balancer'; seed 001 'Database: Private service, no external access'",
    remediation: "Use a ClusterIP Service (clients in the cluster), mark the load balancer internal (service.beta.kubernetes.io/aws-load-balancer-scheme: internal), or restrict spec.loadBalancerSourceRanges to private ranges.",
    resourceTypes: ["kubernetes:core/v1:Service"],
    config: portsConfig,
    check(r, c): Finding[] {
        const type = at(r.props, "spec.type");
        const ports = at(r.props, "spec.ports");
        const dataPorts = list(ports).flatMap((p: any) => [at(p, "port"), at(p, "targetPort")]).filter((n) => typeof n === "number" && c.dataPorts.includes(n));
        const unknownPorts = isUnknown(ports) || list(ports).some((p: any) => isUnknown(p) || isUnknown(at(p, "port")) || isUnknown(at(p, "targetPort")));
        if (dataPorts.length === 0) return unknownPorts && (type === "LoadBalancer" || isUnknown(type)) ? [undecided("spec.ports")] : [];
        if (isUnknown(type)) return [undecided("spec.type")];
        if (type !== "LoadBalancer") return [];
        const scheme = lbScheme(r.props);
        if (scheme === "unknown") return [undecided("metadata.annotations")];
        if (scheme === "internal") return [];
        const ranges = at(r.props, "spec.loadBalancerSourceRanges");
        const annotationRanges = record(at(r.props, "metadata.annotations"))[`${AWS_LB}load-balancer-source-ranges`];
        if (isUnknown(ranges) || isUnknown(annotationRanges)) return [undecided("spec.loadBalancerSourceRanges")];
        const all = [...list(ranges), ...(typeof annotationRanges === "string" ? annotationRanges.split(",").map((s) => s.trim()) : [])];
        if (all.some(isUnknown)) return [undecided("spec.loadBalancerSourceRanges")];
        if (all.length > 0 && !all.some((x) => PUBLIC.includes(x))) return [];
        return [`an internet-facing load balancer open to ${all.length ? all.filter((x) => PUBLIC.includes(x)).join(", ") : "everyone"} exposes data/admin port(s) ${[...new Set(dataPorts)].join(", ")}`];
    },
};

export const EXPOSURE_POLICIES = [publicDataPorts, dataTierPrivate, bucketPublicAccess, dockerPublishedDataPorts, serviceLoadBalancer];
