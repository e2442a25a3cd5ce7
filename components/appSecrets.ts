import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TYPES } from "./types";

export interface AppSecretsArgs {
    /** Secret values by environment variable name; every value must already be a Pulumi secret. */
    values: Record<string, pulumi.Output<string>>;
    /** Days Secrets Manager keeps a deleted secret recoverable (7-30). Default 30. */
    recoveryWindowDays?: number;
}

/**
 * The application's own secrets (API keys, OAuth client secrets) in one Secrets Manager secret,
 * encrypted with a rotating KMS key and recoverable for 30 days after deletion. Values come only from
 * secret stack config and stay secret in state; pods read them through the External Secrets
 * Operator. Secrets Manager rotates natively only the credentials of AWS services it knows (RDS
 * rotates the database's); third-party keys like these rotate at their issuer, then in config.
 */
export class AppSecrets extends pulumi.ComponentResource {
    public readonly secretArn: pulumi.Output<string>;
    public readonly kmsKeyArn: pulumi.Output<string>;
    public readonly keys: string[];

    constructor(name: string, args: AppSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(COMPONENT_TYPES.appSecrets, name, {}, opts);
        const parent = { parent: this };
        this.keys = Object.keys(args.values).sort();
        const key = new aws.kms.Key(`${name}-app-secrets`, { description: `Application secrets of ${name}`, enableKeyRotation: true, deletionWindowInDays: 30 }, parent);
        const secret = new aws.secretsmanager.Secret(`${name}-app-secrets`, {
            name: `${name}/app`,
            description: "Application secrets; values are managed through secret stack config",
            kmsKeyId: key.arn,
            recoveryWindowInDays: args.recoveryWindowDays ?? 30,
        }, parent);
        new aws.secretsmanager.SecretVersion(`${name}-app-secrets`, {
            secretId: secret.id,
            secretString: pulumi.secret(pulumi.all(args.values).apply((v) => JSON.stringify(v))),
        }, parent);
        this.secretArn = secret.arn;
        this.kmsKeyArn = key.arn;
        this.registerOutputs({ secretArn: this.secretArn });
    }
}
