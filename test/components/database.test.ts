import { strict as assert } from "assert";
import { Database, POSTGRES_MAJOR_VERSION } from "../../components/database";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

const baseArgs = { vpcId: "vpc-1", subnetIds: ["s1", "s2"], clientSecurityGroupIds: ["sg-nodes"], instanceClass: "db.t3.large", multiAz: false, readReplicas: 0, allocatedStorageGiB: 20, maxAllocatedStorageGiB: 100, backupRetentionDays: 7, logRetentionDays: 30 };

describe("Database", () => {
    for (const tier of TIER_NAMES) {
        it(`${tier}: class, Multi-AZ, replicas and 30-day backups from the tier row`, async () => {
            const r = resourcesOf(await planShippedStack(tier));
            const row = TIERS[tier].database;
            const instances = r.ofType("aws:rds/instance:Instance");
            const primary = instances.find((i) => !i.inputs.replicateSourceDb)!;
            const replicas = instances.filter((i) => i.inputs.replicateSourceDb);
            assert.equal(primary.inputs.instanceClass, row.instanceClass);
            assert.equal(primary.inputs.multiAz, row.multiAz);
            assert.equal(replicas.length, row.readReplicas);
            for (const rep of replicas) assert.equal(rep.inputs.replicateSourceDb, primary.inputs.identifier);
            assert.equal(primary.inputs.backupRetentionPeriod, 30);
            assert.deepEqual([primary.inputs.allocatedStorage, primary.inputs.maxAllocatedStorage, primary.inputs.storageType], [row.allocatedStorageGiB, row.maxAllocatedStorageGiB, "gp3"]);
        });
    }

    it("encrypts storage and Performance Insights, lets RDS manage the password, stays private in isolated subnets", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const primary = r.ofType("aws:rds/instance:Instance").find((i) => !i.inputs.replicateSourceDb)!.inputs;
        assert.equal(primary.storageEncrypted, true);
        assert.match(primary.kmsKeyId, /^arn:aws:kms:/);
        assert.equal(primary.performanceInsightsEnabled, true);
        assert.equal(primary.manageMasterUserPassword, true);
        assert.equal(primary.password, undefined);
        assert.equal(primary.publiclyAccessible, false);
        assert.equal(primary.engineVersion, POSTGRES_MAJOR_VERSION);
        const subnetGroup = r.one("aws:rds/subnetGroup:SubnetGroup").inputs;
        const isolated = r.ofType("aws:ec2/subnet:Subnet").filter((s) => s.name.includes("isolated"));
        assert.equal(subnetGroup.subnetIds.length, isolated.length);
    });

    it("keeps deletion protection, a final snapshot and Pulumi protect on the primary", async () => {
        const run = await planShippedStack("small");
        const step = run.preview.steps.find((s) => s.newState?.type === "aws:rds/instance:Instance" && !s.newState.inputs.replicateSourceDb)!;
        assert.equal(step.newState!.protect, true);
        const inputs: any = step.newState!.inputs;
        assert.deepEqual([inputs.deletionProtection, inputs.skipFinalSnapshot, inputs.deleteAutomatedBackups], [true, false, false]);
        assert.match(inputs.finalSnapshotIdentifier, /-final$/);
    });

    it("forces TLS 1.2+ through the parameter group", async () => {
        const params = resourcesOf(await planShippedStack("small")).one("aws:rds/parameterGroup:ParameterGroup").inputs.parameters;
        const byName = Object.fromEntries(params.map((p: any) => [p.name, p.value]));
        assert.equal(byName["rds.force_ssl"], "1");
        assert.equal(byName.ssl_min_protocol_version, "TLSv1.2");
    });

    it("admits PostgreSQL traffic only from the client security groups", async () => {
        const sg = resourcesOf(await planShippedStack("small")).one("aws:ec2/securityGroup:SecurityGroup", "-db").inputs;
        assert.equal(sg.ingress.length, 1);
        assert.deepEqual([sg.ingress[0].fromPort, sg.ingress[0].cidrBlocks], [5432, undefined]);
        assert.equal(sg.ingress[0].securityGroups.length, 1);
        assert.match(sg.ingress[0].securityGroups[0], /^sg-/);
    });

    it("creates every exported log group itself, with retention", async () => {
        const r = resourcesOf(await planShippedStack("large"));
        const ids = r.ofType("aws:rds/instance:Instance").map((i) => i.inputs.identifier);
        const groups = new Map(r.ofType("aws:cloudwatch/logGroup:LogGroup").map((g) => [g.inputs.name, g.inputs.retentionInDays]));
        for (const id of ids) for (const type of ["postgresql", "upgrade"]) assert.equal(groups.get(`/aws/rds/instance/${id}/${type}`), 30, `${id} ${type}`);
    });

    it("relaxes protection only as told (development stacks)", async () => {
        const r = resourcesOf(await runProgram(async () => {
            new Database("dev", { ...baseArgs, protection: { deletionProtection: false, finalSnapshot: false, protect: false } });
            return {};
        }));
        const db = r.one("aws:rds/instance:Instance").inputs;
        assert.deepEqual([db.deletionProtection, db.skipFinalSnapshot, db.finalSnapshotIdentifier], [false, true, undefined]);
    });
});
