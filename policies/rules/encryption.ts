/** Encryption at rest wherever the service offers it. */
import { ResourcePolicyDefinition, StackPolicyDefinition } from "../definitions";
import { bucketsMissing } from "./retention";

const on = (v: unknown) => v === true || v === "true";

export const encryptionAtRest: ResourcePolicyDefinition = {
    kind: "resource",
    name: "data-require-encryption-at-rest",
    description: "Databases, caches, volumes and volume templates are encrypted at rest.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "encryption",
    source: "seed 001 'Backup Encryption'; CIS AWS Foundations 2.2.1, 2.3.1",
    remediation: "Turn on the resource's encryption setting (storageEncrypted, atRestEncryptionEnabled, encrypted).",
    resourceTypes: [
        "aws:rds/instance:Instance",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:ebs/volume:Volume",
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:efs/fileSystem:FileSystem",
        "kubernetes:storage.k8s.io/v1:StorageClass",
    ],
    check(r) {
        const p = r.props;
        switch (r.type) {
            case "aws:rds/instance:Instance":
                return p.replicateSourceDb || on(p.storageEncrypted) ? [] : ["storageEncrypted is off"];
            case "aws:elasticache/replicationGroup:ReplicationGroup":
                return on(p.atRestEncryptionEnabled) ? [] : ["atRestEncryptionEnabled is off"];
            case "aws:ebs/volume:Volume":
            case "aws:efs/fileSystem:FileSystem":
                return on(p.encrypted) ? [] : ["encrypted is off"];
            case "aws:ec2/launchTemplate:LaunchTemplate":
                return (p.blockDeviceMappings ?? []).filter((m: any) => m.ebs && !on(m.ebs.encrypted)).map((m: any) => `volume ${m.deviceName} is not encrypted`);
            case "kubernetes:storage.k8s.io/v1:StorageClass":
                return p.provisioner === "ebs.csi.aws.com" && !on(p.parameters?.encrypted) ? ["EBS volumes of this class are not encrypted (parameters.encrypted)"] : [];
            default:
                return [];
        }
    },
};

export const bucketEncryption: StackPolicyDefinition = {
    kind: "stack",
    name: "aws-s3-bucket-require-encryption-config",
    description: "Every S3 bucket states its server-side encryption, so a change of account default cannot weaken it.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "encryption",
    source: "CIS AWS Foundations 2.1.1",
    remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration (AES256 or aws:kms).",
    checkStack(resources) {
        return bucketsMissing(resources, ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"])
            .map((b) => ({ urn: b.urn, message: `bucket ${b.name} has no server-side encryption configuration` }));
    },
};

export const ENCRYPTION_POLICIES = [encryptionAtRest, bucketEncryption];
