/**
 * The CrossGuard pack. This module only assembles it: constructing a PolicyPack starts the policy
 * server, so nothing else may import this file.
 *
 *   pulumi preview --policy-pack policies --policy-pack-config policies/config/<tier>.json
 */
import { PolicyPack } from "@pulumi/policy";
import * as path from "path";
import { beginAnalysisOnConfigure, toPulumiPolicies } from "./pack";
import { ALL_POLICIES, POLICY_PACK_NAME } from "./registry";
import { deserialiseOncePerMessage } from "./deserialiseOnce";

deserialiseOncePerMessage(require("@pulumi/policy/deserialize"));

const policies = toPulumiPolicies(ALL_POLICIES);
// The gRPC module the SDK's server uses (a dependency of @pulumi/policy, not of the pack).
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [path.dirname(require.resolve("@pulumi/policy/server"))] }));
beginAnalysisOnConfigure(grpc.Server, policies);

new PolicyPack(POLICY_PACK_NAME, {
    description: "tiered-infra: secret hygiene, CORS, retention, encryption, exposure, resilience, workloads and budget",
    policies,
});
