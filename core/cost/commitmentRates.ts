/**
 * Commitment rates: what an always-on resource costs an hour under a 1- or 3-year commitment, as an
 * effective hourly rate (an all-upfront payment spread over the term's 8,760 or 26,280 hours).
 *
 * - ElastiCache: reserved nodes, every catalog node type in every priced region (1-year no upfront,
 *   3-year no upfront and all upfront; 1-year all upfront only where a source quotes it).
 * - EC2 (EKS nodes, Compute Savings Plans) and RDS (reserved instances): no rate was found in any
 *   public machine-readable source reachable when this was written (research notes
 *   /work/scratch/prices{,2}/NOTES.md, 2026-11-30). Their lines are "not priced under savings-1y",
 *   never priced on-demand in disguise; add a rate here, with its source, to price them.
 */

export type CommitmentMode = "savings-1y" | "savings-3y";
export type Upfront = "none" | "all";

export interface CommitmentRate {
    "savings-1y": Partial<Record<Upfront, number>>;
    "savings-3y": Partial<Record<Upfront, number>>;
    /** The on-demand rate of the same source, to show the rates belong together. */
    onDemand: number;
    source: string;
    date: string;
    /** Where the 1-year all-upfront rate comes from, when another source gives it. */
    allUpfront1y?: { source: string; date: string };
}

const BOAVIZTA = {
    source: "Boavizta/boaviztapi boaviztapi/data/instances/aws/elasticache-instances.json @ d523d6270a070a1d00adc4b53dda3c915007488d: pricing[region][engine].reserved (yrTerm1Standard.noUpfront, yrTerm3Standard.noUpfront, yrTerm3Standard.allUpfront as an effective hourly rate); ec2instances.info scraper output of the AWS Price List",
    date: "2025-01",
};
/** eu-west-1 cache.r6g.large 1-year all upfront: $1,278 (Redis OSS) / $1,022.40 (Valkey) upfront / 8,760 h. */
const AUDIT_EUW1 = { source: "AWS Price List API, eu-west-1, queried 2026-05-01, quoted in a public 'Per-Service Adapter Audit Report' (AUDIT-08 ElastiCache); effective rate = upfront / 8,760 h", date: "2026-05" };

export const COMMITMENT_RATES: Record<string, Record<string, CommitmentRate>> = {
    "us-east-1": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.141 }, "savings-3y": { none: 0.107, all: 0.092618 }, onDemand: 0.206, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.281 }, "savings-3y": { none: 0.213, all: 0.185198 }, onDemand: 0.411, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.149 }, "savings-3y": { none: 0.114, all: 0.09855 }, onDemand: 0.219, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.044 }, "savings-3y": { none: 0.034, all: 0.029338 }, onDemand: 0.065, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.022 }, "savings-3y": { none: 0.017, all: 0.014422 }, onDemand: 0.032, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.0816 }, "savings-3y": { none: 0.0616, all: 0.053516 }, onDemand: 0.1192, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.0856 }, "savings-3y": { none: 0.0656, all: 0.05688 }, onDemand: 0.1264, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1128 }, "savings-3y": { none: 0.0856, all: 0.074094 }, onDemand: 0.1648, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2248 }, "savings-3y": { none: 0.1704, all: 0.148158 }, onDemand: 0.3288, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1192 }, "savings-3y": { none: 0.0912, all: 0.07884 }, onDemand: 0.1752, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0368 }, "savings-3y": { none: 0.028, all: 0.024536 }, onDemand: 0.0544, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.0352 }, "savings-3y": { none: 0.0272, all: 0.02347 }, onDemand: 0.052, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0176 }, "savings-3y": { none: 0.0136, all: 0.011537 }, onDemand: 0.0256, ...BOAVIZTA },
    },
    "us-east-2": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.141 }, "savings-3y": { none: 0.107, all: 0.092618 }, onDemand: 0.206, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.281 }, "savings-3y": { none: 0.213, all: 0.185198 }, onDemand: 0.411, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.149 }, "savings-3y": { none: 0.114, all: 0.09855 }, onDemand: 0.219, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.044 }, "savings-3y": { none: 0.034, all: 0.029338 }, onDemand: 0.065, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.022 }, "savings-3y": { none: 0.017, all: 0.014422 }, onDemand: 0.032, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.0816 }, "savings-3y": { none: 0.0616, all: 0.053516 }, onDemand: 0.1192, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.0856 }, "savings-3y": { none: 0.0656, all: 0.05688 }, onDemand: 0.1264, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1128 }, "savings-3y": { none: 0.0856, all: 0.074094 }, onDemand: 0.1648, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2248 }, "savings-3y": { none: 0.1704, all: 0.148158 }, onDemand: 0.3288, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1192 }, "savings-3y": { none: 0.0912, all: 0.07884 }, onDemand: 0.1752, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0368 }, "savings-3y": { none: 0.028, all: 0.024536 }, onDemand: 0.0544, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.0352 }, "savings-3y": { none: 0.0272, all: 0.02347 }, onDemand: 0.052, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0176 }, "savings-3y": { none: 0.0136, all: 0.011537 }, onDemand: 0.0256, ...BOAVIZTA },
    },
    "us-west-2": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.141 }, "savings-3y": { none: 0.107, all: 0.092618 }, onDemand: 0.206, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.281 }, "savings-3y": { none: 0.213, all: 0.185198 }, onDemand: 0.411, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.149 }, "savings-3y": { none: 0.114, all: 0.09855 }, onDemand: 0.219, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.044 }, "savings-3y": { none: 0.034, all: 0.029338 }, onDemand: 0.065, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.022 }, "savings-3y": { none: 0.017, all: 0.014422 }, onDemand: 0.032, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.0816 }, "savings-3y": { none: 0.0616, all: 0.053516 }, onDemand: 0.1192, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.0856 }, "savings-3y": { none: 0.0656, all: 0.05688 }, onDemand: 0.1264, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1128 }, "savings-3y": { none: 0.0856, all: 0.074094 }, onDemand: 0.1648, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2248 }, "savings-3y": { none: 0.1704, all: 0.148158 }, onDemand: 0.3288, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1192 }, "savings-3y": { none: 0.0912, all: 0.07884 }, onDemand: 0.1752, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0368 }, "savings-3y": { none: 0.028, all: 0.024536 }, onDemand: 0.0544, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.0352 }, "savings-3y": { none: 0.0272, all: 0.02347 }, onDemand: 0.052, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0176 }, "savings-3y": { none: 0.0136, all: 0.011537 }, onDemand: 0.0256, ...BOAVIZTA },
    },
    "eu-west-1": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.157, all: 0.14589 }, "savings-3y": { none: 0.119, all: 0.103311 }, onDemand: 0.229, ...BOAVIZTA, allUpfront1y: AUDIT_EUW1 },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.313 }, "savings-3y": { none: 0.238, all: 0.206621 }, onDemand: 0.458, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.165 }, "savings-3y": { none: 0.126, all: 0.10935 }, onDemand: 0.243, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.046 }, "savings-3y": { none: 0.035, all: 0.03067 }, onDemand: 0.068, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.023 }, "savings-3y": { none: 0.018, all: 0.015335 }, onDemand: 0.034, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.0896 }, "savings-3y": { none: 0.068, all: 0.058995 }, onDemand: 0.1312, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.0944 }, "savings-3y": { none: 0.072, all: 0.06264 }, onDemand: 0.1392, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1256, all: 0.11671 }, "savings-3y": { none: 0.0952, all: 0.082648 }, onDemand: 0.1832, ...BOAVIZTA, allUpfront1y: AUDIT_EUW1 },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2504 }, "savings-3y": { none: 0.1904, all: 0.165297 }, onDemand: 0.3664, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.132 }, "savings-3y": { none: 0.1008, all: 0.08748 }, onDemand: 0.1944, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0392 }, "savings-3y": { none: 0.0296, all: 0.025997 }, onDemand: 0.0576, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.0368 }, "savings-3y": { none: 0.028, all: 0.024536 }, onDemand: 0.0544, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0184 }, "savings-3y": { none: 0.0144, all: 0.012268 }, onDemand: 0.0272, ...BOAVIZTA },
    },
    "eu-central-1": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.169 }, "savings-3y": { none: 0.129, all: 0.111454 }, onDemand: 0.247, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.338 }, "savings-3y": { none: 0.257, all: 0.222907 }, onDemand: 0.494, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.179 }, "savings-3y": { none: 0.137, all: 0.11835 }, onDemand: 0.263, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.049 }, "savings-3y": { none: 0.037, all: 0.032496 }, onDemand: 0.072, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.025 }, "savings-3y": { none: 0.019, all: 0.016248 }, onDemand: 0.036, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.0968 }, "savings-3y": { none: 0.0736, all: 0.063805 }, onDemand: 0.1416, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.1024 }, "savings-3y": { none: 0.0784, all: 0.06768 }, onDemand: 0.1504, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1352 }, "savings-3y": { none: 0.1032, all: 0.089163 }, onDemand: 0.1976, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2704 }, "savings-3y": { none: 0.2056, all: 0.178326 }, onDemand: 0.3952, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1432 }, "savings-3y": { none: 0.1096, all: 0.09468 }, onDemand: 0.2104, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0416 }, "savings-3y": { none: 0.0312, all: 0.027428 }, onDemand: 0.0608, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.0392 }, "savings-3y": { none: 0.0296, all: 0.025997 }, onDemand: 0.0576, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.02 }, "savings-3y": { none: 0.0152, all: 0.012998 }, onDemand: 0.0288, ...BOAVIZTA },
    },
    "ap-southeast-1": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.168 }, "savings-3y": { none: 0.128, all: 0.111035 }, onDemand: 0.247, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.336 }, "savings-3y": { none: 0.256, all: 0.22207 }, onDemand: 0.493, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.179 }, "savings-3y": { none: 0.137, all: 0.11835 }, onDemand: 0.263, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.065 }, "savings-3y": { none: 0.049, all: 0.042846 }, onDemand: 0.095, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.033 }, "savings-3y": { none: 0.025, all: 0.021651 }, onDemand: 0.048, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.1008 }, "savings-3y": { none: 0.0768, all: 0.066545 }, onDemand: 0.148, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.1072 }, "savings-3y": { none: 0.0816, all: 0.07092 }, onDemand: 0.1576, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1344 }, "savings-3y": { none: 0.1024, all: 0.088828 }, onDemand: 0.1976, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2688 }, "savings-3y": { none: 0.2048, all: 0.177656 }, onDemand: 0.3944, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1432 }, "savings-3y": { none: 0.1096, all: 0.09468 }, onDemand: 0.2104, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0544 }, "savings-3y": { none: 0.0416, all: 0.036225 }, onDemand: 0.08, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.052 }, "savings-3y": { none: 0.0392, all: 0.034277 }, onDemand: 0.076, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0264 }, "savings-3y": { none: 0.02, all: 0.017321 }, onDemand: 0.0384, ...BOAVIZTA },
    },
    "ap-southeast-2": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.168 }, "savings-3y": { none: 0.128, all: 0.111035 }, onDemand: 0.247, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.336 }, "savings-3y": { none: 0.256, all: 0.22207 }, onDemand: 0.493, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.179 }, "savings-3y": { none: 0.137, all: 0.11835 }, onDemand: 0.263, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.065 }, "savings-3y": { none: 0.049, all: 0.042846 }, onDemand: 0.095, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.033 }, "savings-3y": { none: 0.025, all: 0.021651 }, onDemand: 0.048, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.1008 }, "savings-3y": { none: 0.0768, all: 0.066545 }, onDemand: 0.148, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.1064 }, "savings-3y": { none: 0.0816, all: 0.07056 }, onDemand: 0.1568, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1344 }, "savings-3y": { none: 0.1024, all: 0.088828 }, onDemand: 0.1976, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2688 }, "savings-3y": { none: 0.2048, all: 0.177656 }, onDemand: 0.3944, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1432 }, "savings-3y": { none: 0.1096, all: 0.09468 }, onDemand: 0.2104, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0544 }, "savings-3y": { none: 0.0416, all: 0.036225 }, onDemand: 0.08, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.052 }, "savings-3y": { none: 0.0392, all: 0.034277 }, onDemand: 0.076, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0264 }, "savings-3y": { none: 0.02, all: 0.017321 }, onDemand: 0.0384, ...BOAVIZTA },
    },
    "ap-northeast-1": {
        "elasticache.redis.cache.r6g.large": { "savings-1y": { none: 0.168 }, "savings-3y": { none: 0.128, all: 0.111035 }, onDemand: 0.247, ...BOAVIZTA },
        "elasticache.redis.cache.r6g.xlarge": { "savings-1y": { none: 0.336 }, "savings-3y": { none: 0.256, all: 0.22207 }, onDemand: 0.493, ...BOAVIZTA },
        "elasticache.redis.cache.r7g.large": { "savings-1y": { none: 0.179 }, "savings-3y": { none: 0.137, all: 0.11835 }, onDemand: 0.263, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.medium": { "savings-1y": { none: 0.067 }, "savings-3y": { none: 0.051, all: 0.044216 }, onDemand: 0.098, ...BOAVIZTA },
        "elasticache.redis.cache.t4g.small": { "savings-1y": { none: 0.033 }, "savings-3y": { none: 0.025, all: 0.022108 }, onDemand: 0.049, ...BOAVIZTA },
        "elasticache.valkey.cache.m6g.large": { "savings-1y": { none: 0.1048 }, "savings-3y": { none: 0.0792, all: 0.06895 }, onDemand: 0.1528, ...BOAVIZTA },
        "elasticache.valkey.cache.m7g.large": { "savings-1y": { none: 0.1096 }, "savings-3y": { none: 0.084, all: 0.07272 }, onDemand: 0.1616, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.large": { "savings-1y": { none: 0.1344 }, "savings-3y": { none: 0.1024, all: 0.088828 }, onDemand: 0.1976, ...BOAVIZTA },
        "elasticache.valkey.cache.r6g.xlarge": { "savings-1y": { none: 0.2688 }, "savings-3y": { none: 0.2048, all: 0.177656 }, onDemand: 0.3944, ...BOAVIZTA },
        "elasticache.valkey.cache.r7g.large": { "savings-1y": { none: 0.1432 }, "savings-3y": { none: 0.1096, all: 0.09468 }, onDemand: 0.2104, ...BOAVIZTA },
        "elasticache.valkey.cache.t3.medium": { "savings-1y": { none: 0.0568 }, "savings-3y": { none: 0.0432, all: 0.037321 }, onDemand: 0.0824, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.medium": { "savings-1y": { none: 0.0536 }, "savings-3y": { none: 0.0408, all: 0.035373 }, onDemand: 0.0784, ...BOAVIZTA },
        "elasticache.valkey.cache.t4g.small": { "savings-1y": { none: 0.0264 }, "savings-3y": { none: 0.02, all: 0.017686 }, onDemand: 0.0392, ...BOAVIZTA },
    },
};

export function commitmentRateOf(region: string, key: string, mode: CommitmentMode, upfront: Upfront): number | undefined {
    return COMMITMENT_RATES[region]?.[key]?.[mode][upfront];
}
