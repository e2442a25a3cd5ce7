/** Encryption policies (policies/rules/encryption.ts) in process: each resource type's setting, its exemptions and unknowns. */
import { strict as assert } from "assert";
import { UNKNOWN_MARKER } from "../../../core/plan/previewJson";
import { Finding, StackSubject } from "../../../policies/definitions";
import { bucketEncryption, encryptionAtRest } from "../../../policies/rules/encryption";
import { resourceSubject, stackSubject } from "./subjects";

const U = UNKNOWN_MARKER;
const check = (type: string, props: Record<string, any>): Finding[] => encryptionAtRest.check(resourceSubject(type, props), {});

describe("encryption policies (checks)", () => {
    it("RDS instances: storageEncrypted on (true or \"true\"); replicas follow their source", () => {
        const I = "aws:rds/instance:Instance";
        assert.deepEqual(check(I, { storageEncrypted: true }), []);
        assert.deepEqual(check(I, { storageEncrypted: "true" }), []);
        assert.deepEqual(check(I, {}), ["storageEncrypted is off"]);
        assert.deepEqual(check(I, { storageEncrypted: false }), ["storageEncrypted is off"]);
        assert.deepEqual(check(I, { replicateSourceDb: "web-pg" }), []);
        assert.deepEqual(check(I, { storageEncrypted: U }), [{ undecided: "storageEncrypted" }]);
    });

    it("Aurora clusters: provisioned ones encrypted; serverless v1, replicas and global secondaries exempt", () => {
        const C = "aws:rds/cluster:Cluster";
        const off = ["storageEncrypted is off (Aurora's default for provisioned clusters)"];
        assert.deepEqual(check(C, { storageEncrypted: true }), []);
        assert.deepEqual(check(C, {}), off);
        assert.deepEqual(check(C, { engineMode: "provisioned" }), off);
        assert.deepEqual(check(C, { engineMode: "serverless" }), []);
        assert.deepEqual(check(C, { replicationSourceIdentifier: "arn:src" }), []);
        assert.deepEqual(check(C, { globalClusterIdentifier: "g" }), []);
        assert.deepEqual(check(C, { engineMode: U }), [{ undecided: "engineMode" }]);
        assert.deepEqual(check(C, { engineMode: U, storageEncrypted: true }), []);
    });

    it("caches, volumes and file systems: their own switch", () => {
        assert.deepEqual(check("aws:elasticache/replicationGroup:ReplicationGroup", {}), ["atRestEncryptionEnabled is off"]);
        assert.deepEqual(check("aws:elasticache/replicationGroup:ReplicationGroup", { atRestEncryptionEnabled: true }), []);
        for (const T of ["aws:ebs/volume:Volume", "aws:efs/fileSystem:FileSystem"]) {
            assert.deepEqual(check(T, {}), ["encrypted is off"], T);
            assert.deepEqual(check(T, { encrypted: true }), [], T);
        }
        assert.deepEqual(check("aws:ec2/instance:Instance", {}), []);
    });

    it("launch templates: every EBS mapping encrypted", () => {
        const L = "aws:ec2/launchTemplate:LaunchTemplate";
        assert.deepEqual(check(L, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }, { deviceName: "/dev/xvdb", ebs: { encrypted: "false" } }, { deviceName: "/dev/sdc", virtualName: "ephemeral0" }, { deviceName: "/dev/sdd", ebs: null }] }), [
            "volume /dev/xvdb is not encrypted",
        ]);
        assert.deepEqual(check(L, { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: U } }] }), [{ undecided: "blockDeviceMappings[0].ebs.encrypted" }]);
        assert.deepEqual(check(L, { blockDeviceMappings: U }), []);
        assert.deepEqual(check(L, {}), []);
    });

    it("storage classes: EBS provisioners (CSI and in-tree) need parameters.encrypted", () => {
        const S = "kubernetes:storage.k8s.io/v1:StorageClass";
        for (const provisioner of ["ebs.csi.aws.com", "kubernetes.io/aws-ebs"]) {
            assert.deepEqual(check(S, { provisioner, parameters: { encrypted: "true" } }), [], provisioner);
            assert.deepEqual(check(S, { provisioner, parameters: { type: "gp3" } }), [`EBS volumes of this class (${provisioner}) are not encrypted (parameters.encrypted)`], provisioner);
        }
        assert.deepEqual(check(S, { provisioner: "efs.csi.aws.com", parameters: {} }), []);
        assert.deepEqual(check(S, { provisioner: "ebs.csi.aws.com", parameters: U }), [{ undecided: "parameters.encrypted" }]);
        assert.deepEqual(check(S, { provisioner: U, parameters: { encrypted: "true" } }), []);
        assert.deepEqual(check(S, { provisioner: U, parameters: {} }), [{ undecided: "provisioner" }]);
    });

    it("buckets: a server-side encryption configuration each", () => {
        let n = 0;
        const res = (type: string, props: Record<string, any>, name = `r${++n}`): StackSubject => stackSubject(type, name, props);
        const a = res("aws:s3/bucketV2:BucketV2", { bucket: "web-a" }, "a");
        const b = res("aws:s3/bucket:Bucket", { bucket: "web-b" }, "b");
        const sse = res("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", { bucket: "web-a" });
        assert.deepEqual(bucketEncryption.checkStack([a, b, sse], {}), [{ urn: b.urn, message: "bucket b has no server-side encryption configuration" }]);
        const sseV1 = res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", { bucket: "web-b" });
        assert.deepEqual(bucketEncryption.checkStack([a, b, sse, sseV1], {}), []);
    });
});
