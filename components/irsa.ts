import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** An IAM role a Kubernetes service account assumes through the cluster's OIDC provider (IRSA). */
export interface ServiceAccountRoleArgs {
    /** ARN of the cluster's IAM OIDC provider. */
    oidcProviderArn: pulumi.Input<string>;
    /** Issuer URL of the cluster (`https://oidc.eks.<region>.amazonaws.com/id/<id>`). */
    oidcIssuerUrl: pulumi.Input<string>;
    namespace: string;
    serviceAccount: string;
    /** AWS managed policies to attach. Default: none. */
    managedPolicyArns?: string[];
    /** An inline policy document (JSON), scoped as tightly as the workload allows. Default: none. */
    inlinePolicy?: pulumi.Input<string>;
}

/**
 * Trust is limited to exactly one `system:serviceaccount:<ns>:<name>` and the STS audience, so no
 * other pod in the cluster can assume the role.
 */
export function serviceAccountRole(name: string, args: ServiceAccountRoleArgs, opts: pulumi.CustomResourceOptions): aws.iam.Role {
    const issuerHost = pulumi.output(args.oidcIssuerUrl).apply((u) => u.replace(/^https:\/\//, ""));
    const role = new aws.iam.Role(name, {
        assumeRolePolicy: pulumi.all([args.oidcProviderArn, issuerHost]).apply(([arn, host]) =>
            JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Principal: { Federated: arn },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: {
                            [`${host}:sub`]: `system:serviceaccount:${args.namespace}:${args.serviceAccount}`,
                            [`${host}:aud`]: "sts.amazonaws.com",
                        },
                    },
                }],
            })),
    }, opts);
    (args.managedPolicyArns ?? []).forEach((policyArn, i) =>
        new aws.iam.RolePolicyAttachment(`${name}-${i}`, { role: role.name, policyArn }, opts));
    if (args.inlinePolicy) new aws.iam.RolePolicy(name, { role: role.id, policy: args.inlinePolicy }, opts);
    return role;
}
