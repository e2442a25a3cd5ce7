import { strict as assert } from "assert";
import fc from "fast-check";
import { intToIp, ipToInt, planSubnets } from "../../components/subnetLayout";

function range(cidr: string): [number, number] {
    const [ip, p] = cidr.split("/");
    const start = ipToInt(ip);
    return [start, start + 2 ** (32 - Number(p)) - 1];
}

describe("subnet layout", () => {
    it("splits a /16 over three AZs as documented", () => {
        assert.deepEqual(planSubnets("10.0.0.0/16", 3), {
            privateCidrs: ["10.0.0.0/18", "10.0.64.0/18", "10.0.128.0/18"],
            publicCidrs: ["10.0.192.0/22", "10.0.196.0/22", "10.0.200.0/22"],
            isolatedCidrs: ["10.0.208.0/22", "10.0.212.0/22", "10.0.216.0/22"],
        });
    });

    it("round-trips addresses", () => assert.equal(intToIp(ipToInt("172.31.255.7")), "172.31.255.7"));

    it("never overlaps and stays inside the VPC, for every allowed prefix and AZ count (property)", () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 16, max: 20 }), fc.integer({ min: 1, max: 3 }), (addr, prefix, azs) => {
                const vpc = `${intToIp(addr)}/${prefix}`;
                const plan = planSubnets(vpc, azs);
                const all = [...plan.privateCidrs, ...plan.publicCidrs, ...plan.isolatedCidrs].map(range);
                const size = 2 ** (32 - prefix);
                const lo = addr - (addr % size);
                for (const [a, b] of all) assert.ok(a >= lo && b <= lo + size - 1, `${vpc}: subnet outside`);
                const sorted = [...all].sort((x, y) => x[0] - y[0]);
                for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i][0] > sorted[i - 1][1], `${vpc}: overlap`);
                assert.equal(all.length, 3 * azs);
            }),
        );
    });

    it("rejects ranges it cannot split", () => {
        assert.throws(() => planSubnets("10.0.0.0/24", 2), /prefix must be \/16 to \/20/);
        assert.throws(() => planSubnets("10.0.0.0/16", 4), /azCount 4/);
    });
});
