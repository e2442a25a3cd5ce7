import { strict as assert } from "assert";
import { DEFAULT_BACKUP_RULES, VolumeBackupPlan } from "../../components/volumeBackupPlan";
import { TIER_NAMES, TIERS } from "../../infra/tiers";
import { planShippedStack, resourcesOf, runProgram } from "../harness";

describe("StatefulService (vector database)", () => {
    for (const tier of TIER_NAMES) {
        it(`${tier}: replicas and resources from the tier row, on the dedicated stateful nodes`, async () => {
            const sts = resourcesOf(await planShippedStack(tier)).one("kubernetes:apps/v1:StatefulSet").inputs;
            const row = TIERS[tier].vectorDb;
            assert.equal(sts.spec.replicas, row.replicas);
            const pod = sts.spec.template.spec;
            assert.deepEqual(pod.containers[0].resources.requests, { cpu: `${row.cpuMillicores}m`, memory: `${row.memoryMiB}Mi` });
            assert.deepEqual(pod.nodeSelector, { "tiered-infra/pool": "stateful" });
            assert.deepEqual(pod.tolerations, [{ key: "tiered-infra/pool", operator: "Equal", value: "stateful", effect: "NoSchedule" }]);
            assert.equal(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage, `${row.storageGiB}Gi`);
        });
    }

    it("retains its data: Retain reclaim policy, retained claims, encrypted gp3", async () => {
        const r = resourcesOf(await planShippedStack("medium"));
        const sts = r.one("kubernetes:apps/v1:StatefulSet").inputs;
        assert.deepEqual(sts.spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: "Retain", whenScaled: "Retain" });
        const sc = r.one("kubernetes:storage.k8s.io/v1:StorageClass").inputs;
        assert.deepEqual([sc.reclaimPolicy, sc.parameters.type, sc.parameters.encrypted], ["Retain", "gp3", "true"]);
        assert.equal(sts.spec.volumeClaimTemplates[0].spec.storageClassName, sc.metadata.name);
        assert.match(sc.parameters.tagSpecification_1, /^tiered-infra\/backup-plan=web-medium-chroma$/);
        assert.equal(r.one("kubernetes:policy/v1:PodDisruptionBudget", "chroma-pdb").inputs.spec.maxUnavailable, 1);
        assert.equal(r.one("kubernetes:core/v1:Service", "chroma-headless").inputs.spec.clusterIP, "None");
        assert.equal(sts.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey, "kubernetes.io/hostname");
    });

    it("backs its volumes up hourly (RPO 1 h), daily and weekly, selected by the volumes' tag", async () => {
        const r = resourcesOf(await planShippedStack("small"));
        const plan = r.one("aws:backup/plan:Plan", "chroma-plan").inputs;
        assert.deepEqual(plan.rules.map((x: any) => x.schedule), DEFAULT_BACKUP_RULES.map((x) => x.schedule));
        assert.equal(plan.rules[0].schedule, "cron(0 * * * ? *)");
        assert.deepEqual(plan.rules.map((x: any) => x.lifecycle.deleteAfter), [2, 35, 91]);
        const selection = r.one("aws:backup/selection:Selection", "chroma-volumes").inputs;
        assert.deepEqual(selection.selectionTags, [{ type: "STRINGEQUALS", key: "tiered-infra/backup-plan", value: "web-small-chroma" }]);
        assert.match(r.one("aws:backup/vault:Vault", "chroma-vault").inputs.kmsKeyArn, /^arn:aws:kms:/);
    });

    it("refuses a cold-storage rule AWS would reject", async () => {
        await assert.rejects(runProgram(async () => {
            new VolumeBackupPlan("b", { selectionTag: { key: "k", value: "v" }, rules: [{ name: "bad", schedule: "cron(0 3 * * ? *)", deleteAfterDays: 100, coldStorageAfterDays: 30 }] });
            return {};
        }), /backup rule bad: cold storage needs at least 90 days before deletion/);
    });
});
