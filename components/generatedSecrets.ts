import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

/** Random secrets (40 characters, no symbols, so they survive every URL and shell) as Pulumi secrets. */
export function generateSecrets(prefix: string, names: string[], opts: pulumi.CustomResourceOptions = {}): Record<string, pulumi.Output<string>> {
    // The engine marks `result` secret (additionalSecretOutputs); saying so here keeps it secret
    // whatever runs the program, the offline mocks included.
    return Object.fromEntries(names.map((n) => [n, pulumi.secret(new random.RandomPassword(`${prefix}-${n.toLowerCase().replace(/_/g, "-")}`, { length: 40, special: false }, opts).result)]));
}
