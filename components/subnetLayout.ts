/**
 * Pure CIDR arithmetic for the VPC layout, kept apart from the component so it is tested directly.
 *
 * Layout of a VPC of prefix /p (p from 16 to 20), for up to 3 AZs:
 * - private (nodes and pods; the VPC CNI gives every pod a VPC address): one /(p+2) per AZ, the
 *   first three quarters of the range;
 * - public (load balancers, NAT gateways) and isolated (databases, caches): one /(p+6) each per AZ,
 *   carved from the last quarter, public first.
 * A /16 gives 16,382 addresses per private subnet and 1,022 per public/isolated subnet.
 */

export interface SubnetPlan {
    publicCidrs: string[];
    privateCidrs: string[];
    isolatedCidrs: string[];
}

export const MAX_AZS = 3;

export function ipToInt(ip: string): number {
    return ip.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function intToIp(n: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** Splits a VPC CIDR into public, private and isolated subnets for `azCount` zones. */
export function planSubnets(vpcCidr: string, azCount: number): SubnetPlan {
    const [ip, prefixText] = vpcCidr.split("/");
    const prefix = Number(prefixText);
    if (!(prefix >= 16 && prefix <= 20)) throw new Error(`VPC CIDR ${vpcCidr}: prefix must be /16 to /20`);
    if (!(Number.isInteger(azCount) && azCount >= 1 && azCount <= MAX_AZS)) throw new Error(`azCount ${azCount}: must be 1 to ${MAX_AZS}`);
    const size = 2 ** (32 - prefix);
    const base = ipToInt(ip) - (ipToInt(ip) % size); // normalise a host address to its network
    const quarter = size / 4;
    const small = size / 64;
    const at = (offset: number, p: number) => `${intToIp(base + offset)}/${p}`;
    const zones = [...Array(azCount).keys()];
    return {
        privateCidrs: zones.map((i) => at(i * quarter, prefix + 2)),
        publicCidrs: zones.map((i) => at(3 * quarter + i * small, prefix + 6)),
        isolatedCidrs: zones.map((i) => at(3 * quarter + (MAX_AZS + 1 + i) * small, prefix + 6)),
    };
}
