import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * Every CloudWatch log group the platform creates goes through here, so none is left to AWS's
 * never-expire default (seed 001: 30-day log retention).
 */
export interface RetainedLogGroupArgs {
    /** Log group name; AWS services that write on their own expect fixed names (e.g. `/aws/eks/<cluster>/cluster`). */
    name: pulumi.Input<string>;
    /** Retention in days; one of CloudWatch's allowed values (validated in stack config). */
    retentionDays: number;
    /** KMS key ARN to encrypt the log group with. Default: CloudWatch's own encryption. */
    kmsKeyArn?: pulumi.Input<string>;
}

export function retainedLogGroup(resourceName: string, args: RetainedLogGroupArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
        resourceName,
        { name: args.name, retentionInDays: args.retentionDays, kmsKeyId: args.kmsKeyArn },
        opts,
    );
}
