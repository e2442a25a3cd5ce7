/**
 * Exposure policies (policies/rules/exposure.ts) called in process: each security-group surface,
 * port-range boundaries, allow-all protocols, the EKS endpoint, buckets, Docker and load balancers.
 * The data ports are given in each config here, written out, not read from the module.
 */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, ResourcePolicyDefinition, StackSubject } from "../../../policies/definitions";
import { bucketPublicAccess, dataTierPrivate, dockerPublishedDataPorts, publicDataPorts, serviceLoadBalancer } from "../../../policies/rules/exposure";
import { resourceSubject, stackSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const PORTS = { dataPorts: [22, 5432, 6379] };
const check = (p: ResourcePolicyDefinition, type: string, props: Record<string, any>, config: any = PORTS): Finding[] =>
    p.check(resourceSubject(type, props), config);

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

describe("exposure policies (checks)", () => {
    describe("security groups", () => {
        const ingress = (i: Record<string, unknown>) => check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", cidrBlocks: ["0.0.0.0/0"], ...i }] });

        it("flags a public range that covers a data port, at both ends of the range", () => {
            assert.deepEqual(ingress({ fromPort: 5432, toPort: 5432 }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 5432"]);
            assert.deepEqual(ingress({ fromPort: 5431, toPort: 5432 }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 5432"]);
            assert.deepEqual(ingress({ fromPort: 5432, toPort: 5433 }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 5432"]);
            assert.deepEqual(ingress({ fromPort: 5433, toPort: 6378 }), []);
            assert.deepEqual(ingress({ fromPort: 5431, toPort: 5431 }), []);
            assert.deepEqual(ingress({ fromPort: 1, toPort: 65535 }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22, 5432, 6379"]);
            assert.deepEqual(ingress({ fromPort: "443", toPort: "443" }), []);
            assert.deepEqual(ingress({ fromPort: "22", toPort: "22" }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22"]);
        });

        it("flags allow-all protocols whatever the ports, and lets ICMP pass", () => {
            for (const protocol of ["-1", "all", -1]) assert.deepEqual(ingress({ protocol, fromPort: 0, toPort: 0 }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22, 5432, 6379"], String(protocol));
            for (const protocol of ["icmp", "ICMP", "icmpv6"]) assert.deepEqual(ingress({ protocol, fromPort: -1, toPort: -1 }), [], protocol);
            assert.deepEqual(ingress({ protocol: "icmp", fromPort: 0, toPort: 65535 }), []);
            assert.deepEqual(ingress({ protocol: "icmpv6", fromPort: 0, toPort: 65535 }), []);
            assert.deepEqual(ingress({ protocol: "ICMPv6", fromPort: 0, toPort: 65535 }), []);
        });

        it("reads IPv6 ranges, and passes private ranges", () => {
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }] }), ["ingress from ::/0 reaches data/admin port(s) 22"]);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] }), ["ingress from 0.0.0.0/0, ::/0 reaches data/admin port(s) 22"]);
            assert.deepEqual(ingress({ fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/1"] }), []);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [] }), []);
            assert.deepEqual(check(publicDataPorts, SG, {}), []);
        });

        it("takes the data ports from the config", () => {
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }] }, { dataPorts: [8080] }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 8080"]);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }, { dataPorts: [8080] }), []);
        });

        it("is undecided on unknown rules, ranges, protocols and ports, but never on a rule that cannot reach a data port", () => {
            assert.deepEqual(check(publicDataPorts, SG, { ingress: U }), [{ undecided: "ingress" }]);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: U }] }), [{ undecided: "ingress[0].cidrBlocks" }]);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"], ipv6CidrBlocks: U }] }), [{ undecided: "ingress[0].cidrBlocks" }]);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [U] }] }), [{ undecided: "ingress[0].cidrBlocks" }]);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: U }] }), []);
            assert.deepEqual(check(publicDataPorts, SG, { ingress: [U] }), [{ undecided: "ingress[0].protocol/ports" }]);
            assert.deepEqual(ingress({ protocol: U, fromPort: 443, toPort: 443 }), [{ undecided: "ingress[0].protocol/ports" }]);
            assert.deepEqual(ingress({ fromPort: U, toPort: 443 }), [{ undecided: "ingress[0].protocol/ports" }]);
            assert.deepEqual(ingress({ fromPort: 443, toPort: U }), [{ undecided: "ingress[0].protocol/ports" }]);
            assert.deepEqual(ingress({ protocol: "-1", fromPort: U, toPort: U }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22, 5432, 6379"]);
        });

        it("reads standalone rules: ingress only, fields at the top level", () => {
            assert.deepEqual(check(publicDataPorts, RULE, { type: "ingress", protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: ["0.0.0.0/0"] }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 6379"]);
            assert.deepEqual(check(publicDataPorts, RULE, { type: "ingress", protocol: "tcp", fromPort: 6379, toPort: 6379, ipv6CidrBlocks: ["::/0"] }), ["ingress from ::/0 reaches data/admin port(s) 6379"]);
            assert.deepEqual(check(publicDataPorts, RULE, { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }), []);
            assert.deepEqual(check(publicDataPorts, RULE, { type: U, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }), [{ undecided: "type" }]);
            assert.deepEqual(check(publicDataPorts, RULE, { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }), []);
            assert.deepEqual(check(publicDataPorts, RULE, { type: "ingress", protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: U }), [{ undecided: "cidrBlocks" }]);
            assert.deepEqual(check(publicDataPorts, RULE, { type: "ingress", protocol: "tcp", fromPort: 6379, toPort: 6379, ipv6CidrBlocks: U }), [{ undecided: "cidrBlocks" }]);
            assert.deepEqual(check(publicDataPorts, RULE, { type: "ingress", protocol: U, cidrBlocks: ["0.0.0.0/0"] }), [{ undecided: "protocol/ports" }]);
        });

        it("reads VPC ingress rules: one CIDR each, all ports when none are given", () => {
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22"]);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }), ["ingress from ::/0 reaches data/admin port(s) 22"]);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22, 5432, 6379"]);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", cidrIpv4: "0.0.0.0/0" }), ["ingress from 0.0.0.0/0 reaches data/admin port(s) 22, 5432, 6379"]);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", toPort: 21, cidrIpv4: "0.0.0.0/0" }), []);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", fromPort: 6380, cidrIpv4: "0.0.0.0/0" }), []);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/16", cidrIpv6: null }), []);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: U }), [{ undecided: "cidrBlocks" }]);
            assert.deepEqual(check(publicDataPorts, INGRESS, { ipProtocol: "tcp", fromPort: 22, toPort: 22, referencedSecurityGroupId: "sg-1" }), []);
        });
    });

    describe("data tier", () => {
        it("databases are never publicly accessible", () => {
            for (const T of ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"]) {
                assert.deepEqual(check(dataTierPrivate, T, { publiclyAccessible: true }), ["publiclyAccessible is true"]);
                assert.deepEqual(check(dataTierPrivate, T, { publiclyAccessible: false }), []);
                assert.deepEqual(check(dataTierPrivate, T, { publiclyAccessible: "true" }), []);
                assert.deepEqual(check(dataTierPrivate, T, {}), []);
                assert.deepEqual(check(dataTierPrivate, T, { publiclyAccessible: U }), [{ undecided: "publiclyAccessible" }]);
            }
        });

        it("the EKS API endpoint: private, or public only to listed ranges", () => {
            const E = "aws:eks/cluster:Cluster";
            const open = ["the Kubernetes API endpoint is open to the whole internet"];
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: false, publicAccessCidrs: ["0.0.0.0/0"] } }), []);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } }), []);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { publicAccessCidrs: ["203.0.113.0/24"] } }), []);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24", "0.0.0.0/0"] } }), open);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["::/0"] } }), open);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: true } }), open);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: {} }), open);
            assert.deepEqual(check(dataTierPrivate, E, {}), open);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: U }), [{ undecided: "vpcConfig" }]);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: U, publicAccessCidrs: ["0.0.0.0/0"] } }), [{ undecided: "vpcConfig.endpointPublicAccess" }]);
            assert.deepEqual(check(dataTierPrivate, E, { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: U } }), [{ undecided: "vpcConfig.publicAccessCidrs" }]);
        });
    });

    it("buckets: a public access block with all four settings on", () => {
        let n = 0;
        const res = (type: string, props: Record<string, any>, extra: Partial<StackSubject> = {}): StackSubject => stackSubject(type, extra.name ?? `r${++n}`, props, extra);
        const B = "aws:s3/bucketV2:BucketV2";
        const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
        const all = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
        const buckets = ["a", "b", "c", "d", "e"].map((name) => res(B, { bucket: `web-${name}` }, { name }));
        const [a, b, c, d, e] = buckets;
        const blocks = [
            res(PAB, { bucket: "web-a", ...all }),
            res(PAB, { bucket: "web-b", ...all, restrictPublicBuckets: false }),
            res(PAB, { bucket: "web-c", ...all, ignorePublicAcls: U }),
            res(PAB, { bucket: "web-d", ...all, blockPublicAcls: U, blockPublicPolicy: false }),
        ];
        assert.deepEqual(bucketPublicAccess.checkStack([...buckets, ...blocks], {}), [
            { urn: b.urn, message: "bucket b does not block all public access" },
            { urn: c.urn, undecided: `${blocks[2].name} (BucketPublicAccessBlock)` },
            { urn: d.urn, message: "bucket d does not block all public access" },
            { urn: e.urn, message: "bucket e does not block all public access" },
        ]);
        const unlinked = res(PAB, { bucket: U, ...all });
        assert.deepEqual(bucketPublicAccess.checkStack([a, e, blocks[0], unlinked], {}), [{ urn: e.urn, undecided: `${unlinked.name} (BucketPublicAccessBlock)` }]);
    });

    describe("Docker published ports", () => {
        const C = "docker:index/container:Container";
        const role = (value: unknown) => [{ label: "tiered-infra.role", value }];

        it("a data store publishes nothing beyond loopback, whatever its port", () => {
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000 }] }), ["port 8000 is published on 0.0.0.0:8000"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 18000, ip: "0.0.0.0" }] }), ["port 8000 is published on 0.0.0.0:18000"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000, ip: "127.0.0.1" }] }), []);
        });

        it("an entry without external is still published, on a random host port of every address (Docker provider docs)", () => {
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000 }] }), ["port 8000 is published on 0.0.0.0 on a random host port"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: null, ip: "" }] }), ["port 8000 is published on 0.0.0.0 on a random host port"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { ports: [{ internal: 5432 }, { internal: 80 }] }), ["port 5432 is published on 0.0.0.0 on a random host port"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, ip: "127.0.0.1" }] }), []);
            // The host port known only at apply does not matter: the address decides.
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: U }] }), ["port 8000 is published on 0.0.0.0 on a host port known at apply"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: U, ip: "127.0.0.1" }] }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("entry"), ports: [{ internal: 5432 }] }), []);
        });

        it("loopback is 127.0.0.0/8 and ::1 (IPv6); every other address is public", () => {
            for (const ip of ["127.0.0.1", "127.0.1.1", "127.100.200.250", "::1", "[::1]", "0:0:0:0:0:0:0:1"]) {
                assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000, ip }] }), [], ip);
            }
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000, ip: "::" }] }), ["port 8000 is published on [::]:8000"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000, ip: "[::]" }] }), ["port 8000 is published on [::]:8000"]);
            for (const ip of ["10.0.0.5", "::ffff:127.0.0.1", "1::1", "127.0.0.1.5", "x127.0.0.1", "0:0:0:0:0:0:0:1:1", "[::1", "::1[]", "[]::1", "127.1000.0.1"]) {
                assert.equal(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000, ip }] }).length, 1, ip);
            }
        });

        it("host networking publishes every port of a data store; of an unlabelled container, its data ports", () => {
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), networkMode: "host" }), ["networkMode host publishes every port of the container on the host's addresses"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { networkMode: "host", ports: [{ internal: 5432 }, { internal: 80 }, { internal: 5432, external: 1 }, null] }), ["networkMode host publishes port(s) 5432 on the host's addresses"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { networkMode: "host", ports: [{ internal: 80 }] }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { networkMode: "host" }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("entry"), networkMode: "host" }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("entry"), networkMode: "host", ports: U }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { networkMode: "host", ports: [{ internal: 6379 }, { internal: 5432 }] }), ["networkMode host publishes port(s) 6379, 5432 on the host's addresses"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), networkMode: "bridge", ports: [{ internal: 8000, external: 8000, ip: "127.0.0.1" }] }), []);
            // Decided at apply: the mode, or with host networking the role or the ports.
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), networkMode: U }), [{ undecided: "networkMode" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { networkMode: U }), [{ undecided: "networkMode" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role(U), networkMode: U }), [{ undecided: "networkMode" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("entry"), networkMode: U }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role(U), networkMode: "host" }), [{ undecided: "labels" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { networkMode: "host", ports: U }), [{ undecided: "ports" }]);
        });

        it("an entry point may publish any port; an unlabelled container no data port", () => {
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("entry"), ports: [{ internal: 5432, external: 5432 }] }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { ports: [{ internal: 5432, external: 5432 }, { internal: 80, external: 80 }] }), ["port 5432 is published on 0.0.0.0:5432"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: [{ label: "other", value: "data" }], ports: [{ internal: 80, external: 80 }] }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: [null, ...role("entry")], ports: [{ internal: 5432, external: 5432 }] }), []);
        });

        it("is undecided on unknown ports, entries and addresses where they could matter", () => {
            assert.deepEqual(check(dockerPublishedDataPorts, C, { ports: U }), [{ undecided: "ports" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { ports: [U, { internal: U, external: 1 }] }), [{ undecided: "ports[0]" }, { undecided: "ports[1]" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("entry"), ports: [U] }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role(U), ports: [U] }), [{ undecided: "ports[0]" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [U] }), [{ undecided: "ports[0]" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [{ internal: 8000, external: 8000, ip: U }] }), [{ undecided: "ports[0].ip" }]);
        });

        it("skips a null port entry (it publishes nothing) and still judges the others", () => {
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [null, { internal: 8000, external: 8000 }] }), ["port 8000 is published on 0.0.0.0:8000"]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [null, { internal: 8000, external: 8000, ip: "127.0.0.1" }] }), []);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { ports: [null, U] }), [{ undecided: "ports[1]" }]);
            assert.deepEqual(check(dockerPublishedDataPorts, C, { labels: role("data"), ports: [null, undefined] }), []);
        });
    });

    describe("Kubernetes load balancers", () => {
        const S = "kubernetes:core/v1:Service";
        const N = "service.beta.kubernetes.io/";
        const svc = (annotations: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) =>
            check(serviceLoadBalancer, S, { metadata: { name: "db", annotations }, spec: { type: "LoadBalancer", ports: [{ port: 5432, targetPort: 5432 }], ...spec } });
        const exposed = ["an internet-facing load balancer open to everyone exposes data/admin port(s) 5432"];

        it("flags an internet-facing load balancer on a data port, open to everyone", () => {
            assert.deepEqual(svc(), exposed);
            assert.deepEqual(svc({ [N + "aws-load-balancer-scheme"]: "internet-facing", [N + "aws-load-balancer-type"]: "external" }), exposed);
            assert.deepEqual(svc({}, { loadBalancerSourceRanges: ["10.0.0.0/8", "0.0.0.0/0"] }), ["an internet-facing load balancer open to 0.0.0.0/0 exposes data/admin port(s) 5432"]);
            assert.deepEqual(svc({ [N + "load-balancer-source-ranges"]: "10.0.0.0/8, ::/0" }), ["an internet-facing load balancer open to ::/0 exposes data/admin port(s) 5432"]);
            assert.deepEqual(svc({}, { ports: [{ port: 80, targetPort: 6379 }, { port: 6379, targetPort: 6379 }] }), ["an internet-facing load balancer open to everyone exposes data/admin port(s) 6379"]);
            assert.deepEqual(svc({}, { ports: [{ port: 80, targetPort: 8080 }] }), []);
            assert.deepEqual(svc({}, { ports: [{ port: 15432, targetPort: 5432 }] }), exposed);
            assert.deepEqual(svc({}, { ports: [{ port: 22, targetPort: 22 }, { port: 5432, targetPort: 5432 }], loadBalancerSourceRanges: ["0.0.0.0/0", "::/0"] }), [
                "an internet-facing load balancer open to 0.0.0.0/0, ::/0 exposes data/admin port(s) 22, 5432",
            ]);
        });

        it("passes internal load balancers, by each controller's marker", () => {
            assert.deepEqual(svc({ [N + "aws-load-balancer-scheme"]: "internal" }), []);
            assert.deepEqual(svc({ [N + "aws-load-balancer-internal"]: "true" }), []);
            assert.deepEqual(svc({ [N + "aws-load-balancer-internal"]: "0.0.0.0/0" }), []);
            assert.deepEqual(svc({ [N + "aws-load-balancer-internal"]: "false" }), exposed);
            assert.deepEqual(svc({ "networking.gke.io/load-balancer-type": "Internal" }), []);
            assert.deepEqual(svc({ "networking.gke.io/load-balancer-type": "External" }), exposed);
            assert.deepEqual(svc({ [N + "azure-load-balancer-internal"]: "true" }), []);
            assert.deepEqual(svc({ [N + "azure-load-balancer-internal"]: "false" }), exposed);
            assert.deepEqual(svc({}, { loadBalancerClass: "service.k8s.aws/nlb" }), []);
            assert.deepEqual(svc({}, { loadBalancerClass: "example.com/lb" }), exposed);
            assert.deepEqual(svc({ [N + "aws-load-balancer-type"]: "external" }), []);
            assert.deepEqual(svc({ [N + "aws-load-balancer-type"]: "nlb-ip" }), []);
            assert.deepEqual(svc({ [N + "aws-load-balancer-type"]: "nlb" }), exposed);
        });

        it("passes private source ranges and other Service types", () => {
            assert.deepEqual(svc({}, { loadBalancerSourceRanges: ["10.0.0.0/8"] }), []);
            assert.deepEqual(svc({ [N + "load-balancer-source-ranges"]: "10.0.0.0/8,192.168.0.0/16" }), []);
            assert.deepEqual(svc({}, { type: "ClusterIP" }), []);
            assert.deepEqual(svc({}, { type: "NodePort" }), []);
        });

        it("is undecided on unknown types, ports, annotations and ranges that decide it", () => {
            assert.deepEqual(svc({}, { type: U }), [{ undecided: "spec.type" }]);
            assert.deepEqual(svc({}, { ports: U }), [{ undecided: "spec.ports" }]);
            assert.deepEqual(svc({}, { type: U, ports: [{ port: 443, targetPort: U }] }), [{ undecided: "spec.ports" }]);
            assert.deepEqual(svc({}, { type: "ClusterIP", ports: [U] }), []);
            assert.deepEqual(svc({}, { ports: [{ port: U, targetPort: 8080 }] }), [{ undecided: "spec.ports" }]);
            assert.deepEqual(svc({}, { ports: [{ port: U, targetPort: 8080 }, { port: 443, targetPort: 443 }] }), [{ undecided: "spec.ports" }]);
            assert.deepEqual(check(serviceLoadBalancer, S, { metadata: { annotations: U }, spec: { type: "LoadBalancer", ports: [{ port: 5432 }] } }), [{ undecided: "metadata.annotations" }]);
            assert.deepEqual(svc({ [N + "aws-load-balancer-scheme"]: U }), [{ undecided: "metadata.annotations" }]);
            assert.deepEqual(svc({ [N + "aws-load-balancer-internal"]: U }), [{ undecided: "metadata.annotations" }]);
            assert.deepEqual(svc({}, { loadBalancerSourceRanges: U }), [{ undecided: "spec.loadBalancerSourceRanges" }]);
            assert.deepEqual(svc({ [N + "load-balancer-source-ranges"]: U }), [{ undecided: "spec.loadBalancerSourceRanges" }]);
            assert.deepEqual(svc({}, { loadBalancerSourceRanges: ["10.0.0.0/8", U] }), [{ undecided: "spec.loadBalancerSourceRanges" }]);
        });
    });
});
