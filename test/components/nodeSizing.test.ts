import { strict as assert } from "assert";
import fc from "fast-check";
import { INSTANCE_SHAPES } from "../../components/instanceTypes";
import { allocatable, familyFor, sizeNodeGroup } from "../../components/nodeSizing";

const shape = (type: string) => INSTANCE_SHAPES.find((s) => s.type === type)!;

describe("node sizing", () => {
    it("computes allocatable capacity with the EKS AMI reservations and our daemon sets", () => {
        // m7g.xlarge: 4 vCPU, 16 GiB, 58 max pods.
        // CPU: 4000 - (60 + 10 + 5 + 5) - 200 = 3720; memory: 16384 - (255 + 11*58 + 100) - 256 = 15135.
        assert.deepEqual(allocatable(shape("m7g.xlarge")), { cpuMillicores: 3720, memoryMiB: 15135 });
    });

    it("matches the family to the pod's memory per vCPU", () => {
        assert.equal(familyFor({ cpuMillicores: 2000, memoryMiB: 4096 }), "compute");
        assert.equal(familyFor({ cpuMillicores: 3500, memoryMiB: 14336 }), "general");
        assert.equal(familyFor({ cpuMillicores: 1000, memoryMiB: 8192 }), "memory");
    });

    it("prefers the size that needs the fewest vCPUs for the minimum, and Graviton for arm64", () => {
        const s = sizeNodeGroup({ pod: { cpuMillicores: 2000, memoryMiB: 4096 }, minPods: 3, maxPods: 5, minNodes: 2, architecture: "arm64" });
        assert.deepEqual(s, { instanceType: "c7g.xlarge", family: "compute", podsPerNode: 1, minSize: 3, desiredSize: 3, maxSize: 5 });
        assert.match(sizeNodeGroup({ pod: { cpuMillicores: 2000, memoryMiB: 4096 }, minPods: 3, maxPods: 5, minNodes: 2, architecture: "x86_64" }).instanceType, /^c7i\./);
    });

    it("keeps one pod per node when asked (replicated stores with anti-affinity)", () => {
        const s = sizeNodeGroup({ pod: { cpuMillicores: 500, memoryMiB: 2048 }, minPods: 3, maxPods: 3, minNodes: 3, maxPodsPerNode: 1, architecture: "arm64" });
        assert.equal(s.podsPerNode, 1);
        assert.equal(s.minSize, 3);
        assert.equal(s.instanceType, "m7g.large");
    });

    it("refuses a pod no instance can hold", () => {
        assert.throws(() => sizeNodeGroup({ pod: { cpuMillicores: 64_000, memoryMiB: 1024 }, minPods: 1, maxPods: 1, minNodes: 1, architecture: "arm64" }), /no arm64 compute instance holds a pod of 64000m CPU/);
    });

    it("always covers the maximum pod count's requests, with pods and shared pods that fit the node (property)", () => {
        fc.assert(fc.property(
            fc.integer({ min: 100, max: 14_000 }), fc.integer({ min: 128, max: 48_000 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 4 }),
            (cpu, mem, minPods, extra, minNodes, sharedCount) => {
                const demand = { pod: { cpuMillicores: cpu, memoryMiB: mem }, minPods, maxPods: minPods + extra, minNodes, architecture: "arm64" as const, sharedPods: [{ pod: { cpuMillicores: 250, memoryMiB: 256 }, count: sharedCount }] };
                let s;
                try {
                    s = sizeNodeGroup(demand);
                } catch (e) {
                    assert.match((e as Error).message, /no arm64 \w+ instance holds/);
                    return;
                }
                assert.ok(s.maxSize * s.podsPerNode >= demand.maxPods, "max covers max pods");
                assert.ok(s.minSize * s.podsPerNode >= demand.minPods && s.minSize >= minNodes, "min covers min pods and nodes");
                const free = allocatable(shape(s.instanceType));
                const sharedPerNode = Math.ceil(sharedCount / minNodes);
                assert.ok(s.podsPerNode * cpu + sharedPerNode * 250 <= free.cpuMillicores, "CPU fits");
                assert.ok(s.podsPerNode * mem + sharedPerNode * 256 <= free.memoryMiB, "memory fits");
            }), { numRuns: 300 });
    });
});
