import { strict as assert } from "assert";
import { ALB_TLS_POLICY, OriginLoadBalancer } from "../../components/originLoadBalancer";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("OriginLoadBalancer", () => {
    it("is internal and admits only CloudFront's origin-facing prefix list", async () => {
        const r = resourcesOf(await planShippedStack("large"));
        const alb = r.one("aws:lb/loadBalancer:LoadBalancer").inputs;
        assert.equal(alb.internal, true);
        assert.equal(alb.dropInvalidHeaderFields, true);
        assert.equal(alb.enableDeletionProtection, true);
        const sg = r.one("aws:ec2/securityGroup:SecurityGroup", "origin-sg").inputs;
        assert.equal(sg.ingress.length, 1);
        assert.match(sg.ingress[0].prefixListIds[0], /^pl-/);
        assert.equal(sg.ingress[0].cidrBlocks, undefined);
        assert.deepEqual(sg.egress[0].cidrBlocks, ["10.0.0.0/16"]);
        const tg = r.one("aws:lb/targetGroup:TargetGroup").inputs;
        assert.deepEqual([tg.port, tg.healthCheck.path], [30080, "/_stcore/health"]);
        assert.equal(r.one("aws:lb/listener:Listener").inputs.protocol, "HTTP");
        assert.match(r.one("aws:autoscaling/attachment:Attachment").inputs.autoscalingGroupName, /^eks-/);
    });

    it("listens on HTTPS with a TLS 1.2+ policy when given a certificate", async () => {
        const r = resourcesOf(await runProgram(async () => {
            new OriginLoadBalancer("o", { vpcId: "vpc-1", vpcCidr: "10.1.0.0/16", subnetIds: ["s1", "s2"], nodeSecurityGroupId: "sg-1", autoScalingGroupNames: ["asg"], nodePort: 30080, healthPath: "/h", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" });
            return {};
        }));
        const listener = r.one("aws:lb/listener:Listener").inputs;
        assert.deepEqual([listener.port, listener.protocol, listener.sslPolicy], [443, "HTTPS", ALB_TLS_POLICY]);
        assert.equal(r.one("aws:ec2/securityGroup:SecurityGroup").inputs.ingress[0].fromPort, 443);
    });
});
