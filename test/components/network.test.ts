import { strict as assert } from "assert";
import { Network, NetworkArgs } from "../../components/network";
import { Resources, resourcesOf, runProgram } from "../harness";

async function planNetwork(args: NetworkArgs): Promise<Resources> {
    return resourcesOf(await runProgram(async () => {
        const net = new Network("net", args);
        return { vpcId: net.vpcId, azs: net.availabilityZones };
    }));
}

describe("Network", () => {
    it("spans two AZs with one shared NAT gateway when cost wins (small)", async () => {
        const r = await planNetwork({ azCount: 2, natGateways: "single" });
        assert.equal(r.ofType("aws:ec2/subnet:Subnet").length, 6);
        assert.equal(r.ofType("aws:ec2/natGateway:NatGateway").length, 1);
        const privateRoutes = r.ofType("aws:ec2/routeTable:RouteTable").filter((t) => t.name.includes("private"));
        assert.equal(privateRoutes.length, 2);
        assert.equal(new Set(privateRoutes.map((t) => t.inputs.routes[0].natGatewayId)).size, 1, "both AZs egress through the one NAT");
    });

    it("gives every AZ its own NAT gateway when the tier needs HA (medium, large)", async () => {
        const r = await planNetwork({ azCount: 3, natGateways: "perAz" });
        assert.equal(r.ofType("aws:ec2/natGateway:NatGateway").length, 3);
        const natIds = r.ofType("aws:ec2/routeTable:RouteTable").filter((t) => t.name.includes("private")).map((t) => t.inputs.routes[0].natGatewayId);
        assert.equal(new Set(natIds).size, 3);
        const zones = r.ofType("aws:ec2/subnet:Subnet").filter((s) => s.name.includes("private")).map((s) => s.inputs.availabilityZone);
        assert.deepEqual(zones.sort(), ["us-east-1a", "us-east-1b", "us-east-1c"]);
    });

    it("keeps isolated (data) subnets without any route out", async () => {
        const r = await planNetwork({ azCount: 2, natGateways: "single" });
        assert.equal(r.one("aws:ec2/routeTable:RouteTable", "isolated-rt").inputs.routes, undefined);
        const isolated = r.ofType("aws:ec2/subnet:Subnet").filter((s) => s.name.includes("isolated"));
        assert.deepEqual(isolated.map((s) => s.inputs.cidrBlock), ["10.0.208.0/22", "10.0.212.0/22"]);
        for (const s of r.ofType("aws:ec2/subnet:Subnet")) assert.equal(s.inputs.mapPublicIpOnLaunch, false);
    });

    it("logs all traffic to a log group with explicit retention", async () => {
        const r = await planNetwork({ azCount: 2, natGateways: "single", flowLogRetentionDays: 90 });
        assert.equal(r.one("aws:cloudwatch/logGroup:LogGroup").inputs.retentionInDays, 90);
        const flow = r.one("aws:ec2/flowLog:FlowLog");
        assert.equal(flow.inputs.trafficType, "ALL");
        assert.match(flow.inputs.logDestination, /^arn:aws:logs:us-east-1:\d{12}:log-group:/);
    });

    it("strips every rule from the default security group", async () => {
        const sg = (await planNetwork({ azCount: 2, natGateways: "single" })).one("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assert.deepEqual([sg.inputs.ingress, sg.inputs.egress], [[], []]);
    });

    it("tags subnets for load balancer discovery when given a cluster name", async () => {
        const r = await planNetwork({ azCount: 2, natGateways: "single", clusterName: "c1" });
        const pub = r.ofType("aws:ec2/subnet:Subnet").find((s) => s.name.includes("public"))!;
        assert.equal(pub.inputs.tags["kubernetes.io/role/elb"], "1");
        assert.equal(pub.inputs.tags["kubernetes.io/cluster/c1"], "shared");
    });
});
