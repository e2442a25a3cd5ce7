/** Encryption at rest wherever the service offers it. */
import { Finding, ResourcePolicyDefinition, StackPolicyDefinition, undecided } from "../definitions";
import { at, expect, isUnknown, judge, list, on, record } from "./lib";
import { bucketsWithout } from "./links";

/** StorageClass provisioners that create EBS volumes: the CSI driver, and the in-tree plugin (deprecated, migrated to the CSI driver since Kubernetes 1.25). */
const EBS_PROVISIONERS = ["ebs.csi.aws.com", "kubernetes.io/aws-ebs"];

export const encryptionAtRest: ResourcePolicyDefinition = {
    kind: "resource",
    name: "data-require-encryption-at-rest",
    description: "Databases (RDS, Aurora), caches, volumes, file systems and volume templates are encrypted at rest.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "encryption",
    source: "seed 001 'Backup Encryption'; CIS AWS Foundations 2.2.1, 2.3.1; Checkov CKV_AWS_96; Trivy AVD-AWS-0079",
    remediation: "Turn on the resource's encryption setting (storageEncrypted, atRestEncryptionEnabled, encrypted, parameters.encrypted: \"true\").",
    resourceTypes: [
        "aws:rds/instance:Instance",
        "aws:rds/cluster:Cluster",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:ebs/volume:Volume",
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:efs/fileSystem:FileSystem",
        "kubernetes:storage.k8s.io/v1:StorageClass",
    ],
    check(r): Finding[] {
        const p = r.props;
        switch (r.type) {
            case "aws:rds/instance:Instance":
                return p.replicateSourceDb ? [] : expect(p, "storageEncrypted", on, "storageEncrypted is off");
            case "aws:rds/cluster:Cluster":
                // Serverless v1 clusters are always encrypted; replicas of an encrypted source inherit it.
                if (p.engineMode === "serverless" || p.replicationSourceIdentifier || p.globalClusterIdentifier) return [];
                if (isUnknown(p.engineMode) && !on(p.storageEncrypted)) return [undecided("engineMode")];
                return expect(p, "storageEncrypted", on, "storageEncrypted is off (Aurora's default for provisioned clusters)");
            case "aws:elasticache/replicationGroup:ReplicationGroup":
                return expect(p, "atRestEncryptionEnabled", on, "atRestEncryptionEnabled is off");
            case "aws:ebs/volume:Volume":
            case "aws:efs/fileSystem:FileSystem":
                return expect(p, "encrypted", on, "encrypted is off");
            case "aws:ec2/launchTemplate:LaunchTemplate": {
                const mappings = p.blockDeviceMappings;
                if (isUnknown(mappings)) return [];
                return list(mappings).flatMap((m: any, i) => {
                    const ebs = at(m, "ebs");
                    if (ebs === undefined || ebs === null) return [];
                    return judge(at(ebs, "encrypted"), `blockDeviceMappings[${i}].ebs.encrypted`, on, `volume ${at(m, "deviceName")} is not encrypted`);
                });
            }
            case "kubernetes:storage.k8s.io/v1:StorageClass": {
                const provisioner = p.provisioner;
                const params = p.parameters;
                if (isUnknown(provisioner)) return on(record(params).encrypted) ? [] : [undecided("provisioner")];
                if (!EBS_PROVISIONERS.includes(provisioner)) return [];
                return judge(isUnknown(params) ? params : record(params).encrypted, "parameters.encrypted", on, `EBS volumes of this class (${provisioner}) are not encrypted (parameters.encrypted)`);
            }
            default:
                return [];
        }
    },
};

const SSE = ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"];

export const bucketEncryption: StackPolicyDefinition = {
    kind: "stack",
    name: "aws-s3-bucket-require-encryption-config",
    description: "Every S3 bucket states its server-side encryption, so a change of account default cannot weaken it.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "encryption",
    source: "CIS AWS Foundations 2.1.1",
    remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration (AES256 or aws:kms).",
    checkStack: (resources) => bucketsWithout(resources, SSE, (b) => `bucket ${b.name} has no server-side encryption configuration`),
};

export const ENCRYPTION_POLICIES = [encryptionAtRest, bucketEncryption];
