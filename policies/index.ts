/**
 * The CrossGuard pack. This module only assembles it: constructing a PolicyPack starts the policy
 * server, so nothing else may import this file.
 *
 *   pulumi preview --policy-pack policies --policy-pack-config policies/config/<tier>.json
 */
import { PolicyPack } from "@pulumi/policy";
import { toPulumiPolicies } from "./pack";
import { ALL_POLICIES, POLICY_PACK_NAME } from "./registry";
import { deserialiseOncePerMessage } from "./deserialiseOnce";

deserialiseOncePerMessage(require("@pulumi/policy/deserialize"));

new PolicyPack(POLICY_PACK_NAME, {
    description: "tiered-infra: secret hygiene, CORS, retention, encryption, exposure, resilience, workloads and budget",
    policies: toPulumiPolicies(ALL_POLICIES),
});
