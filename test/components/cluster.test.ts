import { strict as assert } from "assert";
import { Cluster, CONTROL_PLANE_LOG_TYPES } from "../../components/cluster";
import { sizeNodeGroup } from "../../components/nodeSizing";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("Cluster", () => {
    for (const tier of TIER_NAMES) {
        describe(`${tier} tier`, () => {
            it("pins the Kubernetes version, encrypts secrets with a rotating KMS key and logs every control-plane type", async () => {
                const r = resourcesOf(await planShippedStack(tier));
                const eks = r.one("aws:eks/cluster:Cluster").inputs;
                assert.equal(eks.version, "1.35");
                assert.deepEqual(eks.encryptionConfig.resources, ["secrets"]);
                assert.match(eks.encryptionConfig.provider.keyArn, /^arn:aws:kms:/);
                const key = r.ofType("aws:kms/key:Key").find((k) => k.name.endsWith("-secrets"))!;
                assert.equal(key.inputs.enableKeyRotation, true);
                assert.deepEqual(eks.enabledClusterLogTypes, CONTROL_PLANE_LOG_TYPES);
                const logs = r.ofType("aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === `/aws/eks/${eks.name}/cluster`);
                assert.ok(logs, "control-plane log group is created by us");
                assert.equal(logs.inputs.retentionInDays, 30);
            });

            it("keeps the private endpoint on and the public one restricted to the configured CIDRs", async () => {
                const vpc = resourcesOf(await planShippedStack(tier)).one("aws:eks/cluster:Cluster").inputs.vpcConfig;
                assert.equal(vpc.endpointPrivateAccess, true);
                assert.equal(vpc.endpointPublicAccess, true);
                assert.deepEqual(vpc.publicAccessCidrs, ["203.0.113.0/24"]);
            });

            it("sizes an app node group that covers the HPA maximum and a tainted stateful node group", async () => {
                const r = resourcesOf(await planShippedStack(tier));
                const groups = r.ofType("aws:eks/nodeGroup:NodeGroup");
                const app = groups.find((g) => g.inputs.labels["tiered-infra/pool"] === "app")!;
                const vector = groups.find((g) => g.inputs.labels["tiered-infra/pool"] === "stateful")!;
                const row = TIERS[tier];
                const expected = sizeNodeGroup({ pod: { cpuMillicores: row.app.cpuMillicores, memoryMiB: row.app.memoryMiB }, minPods: row.app.minReplicas, maxPods: row.app.maxReplicas, minNodes: row.network.azCount, architecture: "arm64" });
                assert.deepEqual(app.inputs.instanceTypes, [expected.instanceType]);
                assert.match(app.inputs.instanceTypes[0], /^[cmr]7g\./, "Graviton");
                assert.equal(app.inputs.amiType, "AL2023_ARM_64_STANDARD");
                const { minSize, maxSize } = app.inputs.scalingConfig;
                assert.ok(minSize >= row.network.azCount, "a node per AZ at least");
                assert.ok(maxSize * expected.podsPerNode >= row.app.maxReplicas, `max ${maxSize} nodes x ${expected.podsPerNode} pods < ${row.app.maxReplicas}`);
                assert.deepEqual(vector.inputs.taints, [{ key: "tiered-infra/pool", value: "stateful", effect: "NO_SCHEDULE" }]);
                assert.equal(vector.inputs.scalingConfig.minSize, row.vectorDb.replicas);
            });

            it("requires IMDSv2 with hop limit 1 and encrypted gp3 root volumes on every node", async () => {
                const templates = resourcesOf(await planShippedStack(tier)).ofType("aws:ec2/launchTemplate:LaunchTemplate");
                assert.equal(templates.length, 2);
                for (const lt of templates) {
                    assert.equal(lt.inputs.metadataOptions.httpTokens, "required");
                    assert.equal(lt.inputs.metadataOptions.httpPutResponseHopLimit, 1);
                    const ebs = lt.inputs.blockDeviceMappings[0].ebs;
                    assert.deepEqual([ebs.volumeType, ebs.encrypted], ["gp3", "true"]);
                }
            });
        });
    }

    it("has an OIDC provider for IRSA and roles trusted by exactly one service account", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        assert.deepEqual(r.one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").inputs.clientIdLists, ["sts.amazonaws.com"]);
        const trust = JSON.parse(r.one("aws:iam/role:Role", "-cluster-autoscaler").inputs.assumeRolePolicy);
        const cond = trust.Statement[0].Condition.StringEquals;
        assert.deepEqual(Object.values(cond).sort(), ["sts.amazonaws.com", "system:serviceaccount:kube-system:cluster-autoscaler"]);
    });

    it("builds the Kubernetes provider from a kubeconfig that is secret, and exports it as secret", async () => {
        const run = await planShippedStack("small");
        const provider = resourcesOf(run).one("pulumi:providers:kubernetes");
        assert.equal(provider.inputs.kubeconfig, "[secret]");
        assert.equal(run.outputs.kubeconfig, "[secret]");
        assert.match(String(run.outputs.clusterName), /^web-small$/);
    });

    it("turns the public endpoint off when no CIDR is allowed", async () => {
        const r = resourcesOf(await runProgram(async () => {
            const sizing = sizeNodeGroup({ pod: { cpuMillicores: 500, memoryMiB: 1024 }, minPods: 2, maxPods: 4, minNodes: 2, architecture: "arm64" });
            new Cluster("c", { kubernetesVersion: "1.35", region: "us-east-1", vpcId: "vpc-1", subnetIds: ["subnet-1", "subnet-2"], publicAccessCidrs: [], logRetentionDays: 90, nodeGroups: { app: { sizing, architecture: "arm64", labels: { "tiered-infra/pool": "app" } } } });
            return {};
        }));
        const vpc = r.one("aws:eks/cluster:Cluster").inputs.vpcConfig;
        assert.equal(vpc.endpointPublicAccess, false);
        assert.equal(vpc.publicAccessCidrs, undefined);
        assert.equal(r.one("aws:cloudwatch/logGroup:LogGroup").inputs.retentionInDays, 90);
    });
});
