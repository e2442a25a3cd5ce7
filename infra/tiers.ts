/**
 * The tier sizing table: every difference between small, medium and large lives here, as data.
 * Components never branch on a tier's name; they read the row a stack resolved (after its
 * `tiered-infra:sizing` overrides) and size themselves from it.
 *
 * Source for every figure unless noted: seed 002 ("Scaling Scenarios & Resource Planning",
 * "Kubernetes Deployment", "Auto-Scaling Configuration", "Database Architecture", "Caching Layer",
 * "Disaster Recovery & Backup"), read 2026-11-23. Where we chose a current-generation class in
 * place of the seed's, the comment says why and where the price comparison comes from
 * (../shared/reference/pricing.md, dated per row).
 */

import { z } from "zod";

/** Valid CloudWatch Logs retention values (AWS PutRetentionPolicy API reference, read 2026-11-23). */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * Shape of one tier row, with bounds. The stack config validates a row after a stack's overrides
 * are merged into it against this schema; `TierSizing` is derived from it, so the shape is written once.
 */
export const TierSizingSchema = z
    .object({
        /** One line for people reading plan output. */
        description: z.string().min(1).max(200),
        /** Concurrent users the tier is sized for (seed 002 scaling scenarios); `max` absent = open-ended. */
        usersServed: z.object({ min: int(0, 10_000_000), max: int(1, 10_000_000).optional() }).strict(),
        network: z.object({
            /** Availability zones the VPC spans. */
            azCount: int(2, 3),
            /**
             * `perAz`: one NAT gateway per AZ, so losing an AZ never cuts egress for the others (HA).
             * `single`: one shared NAT gateway (~$33/month each plus data) where cost wins and a
             * zonal outage of egress is an accepted risk.
             */
            natGateways: z.enum(["single", "perAz"]),
        }).strict(),
        app: z
            .object({
                /** HPA lower bound (also the Deployment's initial replicas). */
                minReplicas: int(1, 200),
                /** HPA upper bound. */
                maxReplicas: int(1, 200),
                /** Per-pod CPU request in millicores. */
                cpuMillicores: int(100, 32_000),
                /** Per-pod memory request (and limit) in MiB. */
                memoryMiB: int(128, 131_072),
                /** HPA target average CPU utilisation, percent of request. */
                targetCpuPercent: int(10, 95),
                /** HPA target average memory utilisation, percent of request. */
                targetMemoryPercent: int(10, 95),
            })
            .strict(),
        /** PgBouncer in front of PostgreSQL. */
        pooler: z.object({
            replicas: int(1, 10),
            /** Client connections each PgBouncer accepts (seed 002: 100 up to 500). */
            maxClientConnections: int(10, 10_000),
            /** Server connections per database/user pair each PgBouncer opens. */
            defaultPoolSize: int(1, 1000),
        }).strict(),
        /** RDS PostgreSQL (seed 002: daily backups kept 30 days); see `DatabaseSizing` in components/database.ts. */
        database: z
            .object({
                instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: "must be an RDS class such as db.r6g.xlarge" }),
                multiAz: z.boolean(),
                readReplicas: int(0, 5),
                allocatedStorageGiB: int(20, 65_536),
                maxAllocatedStorageGiB: int(20, 65_536),
                backupRetentionDays: int(1, 35),
            })
            .strict(),
        cache: z
            .object({
                /** ElastiCache node type. */
                nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { message: "must be an ElastiCache node type such as cache.r7g.large" }),
                /** Nodes in the replication group (1 primary + replicas). */
                nodes: int(1, 6),
                /** Usable memory per node the seed asks for, in GiB (documentation of intent). */
                memoryGiB: z.number().positive().max(1000),
                snapshotRetentionDays: int(1, 35),
            })
            .strict(),
        vectorDb: z
            .object({
                /** `selfHosted`: ChromaDB StatefulSet on a dedicated node group. `managed`: an external service. */
                mode: z.enum(["selfHosted", "managed"]),
                replicas: int(1, 9),
                cpuMillicores: int(250, 64_000),
                memoryMiB: int(512, 262_144),
                /** Persistent volume per replica, GiB of gp3. */
                storageGiB: int(10, 16_384),
            })
            .strict(),
        edge: z.object({
            /** CloudFront price class. */
            priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]),
            /** AWS WAF Bot Control managed rule group (extra monthly fee). */
            botControl: z.boolean(),
            /** Requests one IP may send per 5 minutes before the WAF blocks it (offices and NATs share IPs: grows with the tier). */
            ipRequestsPer5Min: int(10, 2_000_000_000),
        }).strict(),
        /**
         * Recovery objectives and how far the copies go (seed 002 "Disaster Recovery & Backup").
         * `recovery-objectives-met` derives the recovery point each data store can achieve from the
         * planned resources and fails when it is worse than `rpoMinutes`.
         */
        recovery: z.object({
            /** Most data, in minutes of writes, the tier may lose (RPO). */
            rpoMinutes: int(1, 10_080),
            /** Longest time to recover (RTO), minutes: met by automatic failover within the region; see README "Disaster recovery". */
            rtoMinutes: int(1, 10_080),
            /** Copy data to `drRegion`: replica buckets, replicated RDS backups, copies of the volume backups. */
            crossRegion: z.boolean(),
            /** The second region (validated in stack config: a real AWS region, not the stack's own). Required with `crossRegion`. */
            drRegion: z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d$/, { message: "must be an AWS region name such as us-west-2" }).optional(),
            /** Days the DR region keeps its copies: RDS replicated backups (1-35, AWS's range) and the daily volume copies. */
            drRetentionDays: int(1, 35),
            /**
             * AWS Backup Vault Lock in governance mode on production vaults: backup and copy jobs must
             * keep points at least `minRetentionDays` and at most `maxRetentionDays` (jobs outside fail).
             */
            vaultLock: z.object({ minRetentionDays: int(1, 36_500), maxRetentionDays: int(1, 36_500) }).strict(),
        }).strict(),
        /**
         * What each tier watches and how (components/observability.ts). The alarms themselves are a
         * table of their own (components/alarmCatalog.ts); this block says which collectors run.
         */
        observability: z.object({
            /**
             * Container Insights with enhanced observability through the `amazon-cloudwatch-observability`
             * EKS add-on: node, pod and container metrics plus container logs (the stack's retention).
             */
            containerInsights: z.boolean(),
            /**
             * Amazon Managed Service for Prometheus fed by the agentless managed scraper, with the alert
             * rules of components/prometheusRules.ts and an Alertmanager routed to the alert topics.
             */
            prometheus: z.boolean(),
            /** Seconds between scrapes (AMP bills samples: 60 s halves the samples of 30 s). */
            scrapeIntervalSeconds: int(15, 300),
            /** Amazon Managed Grafana with the Prometheus and CloudWatch data sources, IAM Identity Center sign-in. */
            grafana: z.boolean(),
            /** Share of requests traced through an ADOT collector to X-Ray; 0 turns tracing off. */
            traceSamplingPercent: z.number().min(0).max(100),
            /** Seconds between Route 53 health checks of the public health path: 30 standard, 10 fast (+$1/month). */
            uptimeCheckIntervalSeconds: z.union([z.literal(10), z.literal(30)]),
        }).strict(),
        /** Expected monthly cost range in USD (seed 002 "Estimated Costs"); the budget gate enforces the maximum. */
        budget: z.object({ minMonthlyUsd: z.number().min(0), maxMonthlyUsd: z.number().positive() }).strict(),
    })
    .strict()
    .superRefine((s, ctx) => {
        if (s.app.minReplicas > s.app.maxReplicas) {
            ctx.addIssue({ code: "custom", path: ["app", "minReplicas"], message: `must not exceed app.maxReplicas (${s.app.maxReplicas})` });
        }
        if (s.database.maxAllocatedStorageGiB < s.database.allocatedStorageGiB) {
            ctx.addIssue({
                code: "custom",
                path: ["database", "maxAllocatedStorageGiB"],
                message: `must be at least database.allocatedStorageGiB (${s.database.allocatedStorageGiB})`,
            });
        }
        if (s.recovery.crossRegion && !s.recovery.drRegion) {
            ctx.addIssue({ code: "custom", path: ["recovery", "drRegion"], message: "is required when recovery.crossRegion is true; name the second region, e.g. us-west-2" });
        }
        if (s.recovery.vaultLock.maxRetentionDays < s.recovery.vaultLock.minRetentionDays) {
            ctx.addIssue({ code: "custom", path: ["recovery", "vaultLock", "maxRetentionDays"], message: `must be at least recovery.vaultLock.minRetentionDays (${s.recovery.vaultLock.minRetentionDays})` });
        }
        if (s.observability.grafana && !s.observability.prometheus && !s.observability.containerInsights) {
            ctx.addIssue({ code: "custom", path: ["observability", "grafana"], message: "needs observability.prometheus or observability.containerInsights: Grafana would have nothing to show" });
        }
        if (s.budget.maxMonthlyUsd < s.budget.minMonthlyUsd) {
            ctx.addIssue({ code: "custom", path: ["budget", "maxMonthlyUsd"], message: `must be at least budget.minMonthlyUsd (${s.budget.minMonthlyUsd})` });
        }
    });

export type TierSizing = z.infer<typeof TierSizingSchema>;

/**
 * Vault Lock bounds for every tier: the shortest-lived points (hourly volume backups, and their DR
 * copies, kept a day or two) must still be accepted, and so must a year of weekly points, for a
 * stack that keeps them longer than the default quarter.
 */
const VAULT_LOCK = { minRetentionDays: 1, maxRetentionDays: 365 };

/**
 * The table. Adding a tier is adding a row here (the schema above checks it; names, usage profiles,
 * cost ranges, budgets and policy config all derive from the row), then a stack file with
 * `tiered-infra:tier: <name>` and `npm run policy-config`.
 */
export const TIERS = {
    small: {
        description: "100-500 users: 2 AZs, one NAT gateway, single-writer database",
        usersServed: { min: 100, max: 500 },
        // Two AZs is the EKS minimum; one NAT gateway saves ~$33/month against per-AZ NAT.
        network: { azCount: 2, natGateways: "single" },
        // Seed: "3 application pods (2 vCPU, 4GB RAM each)"; HPA 3-5 from "Pods: 3-5 replicas".
        app: { minReplicas: 3, maxReplicas: 5, cpuMillicores: 2000, memoryMiB: 4096, targetCpuPercent: 70, targetMemoryPercent: 80 },
        // Seed: "PgBouncer with 100 max connections".
        pooler: { replicas: 2, maxClientConnections: 100, defaultPoolSize: 20 },
        // Seed: "db.t3.large (2 vCPU, 8GB RAM)". Multi-AZ because seed 002 puts every AWS tier under
        // its production architecture (RTO 15 min).
        database: { instanceClass: "db.t3.large", multiAz: true, readReplicas: 0, allocatedStorageGiB: 100, maxAllocatedStorageGiB: 500, backupRetentionDays: 30 },
        // Seed: "Redis: Single instance (2GB memory)". cache.t4g.small has 1.37 GiB, cache.t4g.medium
        // 3.09 GiB: the smallest node with 2 GB usable.
        cache: { nodeType: "cache.t4g.medium", nodes: 1, memoryGiB: 2, snapshotRetentionDays: 7 },
        // Seed: "ChromaDB: Single instance (4 vCPU, 16GB RAM)". The seed sizes the instance; the pod
        // requests what such a node (m7g.xlarge) has allocatable after kubelet and daemon sets
        // (Container Insights' agent and Fluent Bit included: 3,420m CPU), at most 4 GiB per vCPU so
        // components/nodeSizing.ts keeps it on the general-purpose family.
        vectorDb: { mode: "selfHosted", replicas: 1, cpuMillicores: 3400, memoryMiB: 13600, storageGiB: 100 },
        edge: { priceClass: "PriceClass_100", botControl: false, ipRequestsPer5Min: 1000 },
        // Seed 002's objectives (RPO 1 h, RTO 15 min) hold for every AWS tier, as its Multi-AZ database
        // does. Small meets them against what a region survives: an AZ lost (automatic failover), a
        // table dropped or a volume corrupted (PITR, hourly volume backups). It keeps no copy in a
        // second region by default, as issue 16 scopes cross-region copies to medium and large; a
        // stack that must outlive its region sets `sizing.recovery: { crossRegion: true, drRegion }`
        // (measured: +$22/month on small; seed001-aws does, per seed 001's cross-region backups).
        recovery: { rpoMinutes: 60, rtoMinutes: 15, crossRegion: false, drRetentionDays: 7, vaultLock: VAULT_LOCK },
        // Seed 002 asks for monitoring on every tier; small keeps to CloudWatch (Container Insights,
        // alarms, one dashboard, a Route 53 health check): AMP's collector alone is $29/month.
        observability: { containerInsights: true, prometheus: false, scrapeIntervalSeconds: 60, grafana: false, traceSamplingPercent: 0, uptimeCheckIntervalSeconds: 30 },
        budget: { minMonthlyUsd: 800, maxMonthlyUsd: 1200 },
    },
    medium: {
        description: "500-5,000 users: 3 AZs, NAT per AZ, Multi-AZ database with a read replica",
        usersServed: { min: 500, max: 5000 },
        network: { azCount: 3, natGateways: "perAz" },
        // Seed: "5-10 application pods with auto-scaling", "Resources: 4 vCPU, 8GB RAM per pod".
        app: { minReplicas: 5, maxReplicas: 10, cpuMillicores: 4000, memoryMiB: 8192, targetCpuPercent: 70, targetMemoryPercent: 80 },
        pooler: { replicas: 2, maxClientConnections: 250, defaultPoolSize: 40 },
        // Seed: "db.r5.xlarge with read replicas". db.r6g.xlarge has the same 4 vCPU / 32 GiB for
        // $0.450/h against $0.500/h Single-AZ (vantage-sh ec2instances.info rds, 2021-08).
        database: { instanceClass: "db.r6g.xlarge", multiAz: true, readReplicas: 1, allocatedStorageGiB: 500, maxAllocatedStorageGiB: 2000, backupRetentionDays: 30 },
        // Seed: "Redis: 3-node cluster" (memory from "Caching Layer": 16GB each is the production
        // target; medium starts at cache.r7g.large, 13.07 GiB per node).
        cache: { nodeType: "cache.r7g.large", nodes: 3, memoryGiB: 13, snapshotRetentionDays: 7 },
        // Seed: "ChromaDB: 3-node cluster" on "8 vCPU, 32GB RAM" instances. Sized to 4 vCPU to keep the
        // tier inside seed 002's $4,000 with its monitoring (issue 15) and its DR copies (issue 16):
        // the pod keeps the seed's 30 GiB of memory (ChromaDB holds its index in memory) on
        // r7g.xlarge (4 vCPU / 32 GiB, $0.2142/h) instead of m7g.2xlarge (8 vCPU / 32 GiB,
        // $0.3264/h): -$246/month for 3 nodes (karpenter pricing data, core/cost/catalog.ts).
        // Allocatable after kubelet and daemon sets: 3,420m CPU, 31,366 MiB. Volumes start at 350 GiB
        // (the seed names no size for medium): gp3 grows online (the StorageClass allows expansion),
        // while every provisioned GiB is paid in the volume, its snapshots, its copy in the DR region
        // and the copy's transfer (README "Disaster recovery").
        vectorDb: { mode: "selfHosted", replicas: 3, cpuMillicores: 3400, memoryMiB: 30720, storageGiB: 350 },
        edge: { priceClass: "PriceClass_100", botControl: false, ipRequestsPer5Min: 2000 },
        // Seed 002: RPO 1 h, RTO 15 min, "File Storage: Cross-region replication". us-west-2 is the
        // usual second region for us-east-1 stacks (another coast; its prices are in the catalog).
        // The DR region keeps a week (the primary keeps 30 days of RDS backups and 35 of daily
        // volume backups): it exists to survive the region, not to hold history.
        recovery: { rpoMinutes: 60, rtoMinutes: 15, crossRegion: true, drRegion: "us-west-2", drRetentionDays: 7, vaultLock: VAULT_LOCK },
        // Seed 002: "CDN and advanced monitoring", "Infrastructure: Prometheus + Grafana": AMP with
        // the managed scraper (60 s: the rules look at 5-15 minute windows) and Managed Grafana.
        observability: { containerInsights: true, prometheus: true, scrapeIntervalSeconds: 60, grafana: true, traceSamplingPercent: 0, uptimeCheckIntervalSeconds: 30 },
        budget: { minMonthlyUsd: 2500, maxMonthlyUsd: 4000 },
    },
    large: {
        description: "5,000+ users: 3 AZs, NAT per AZ, Multi-AZ database with two read replicas",
        usersServed: { min: 5000 },
        network: { azCount: 3, natGateways: "perAz" },
        // Seed: "10-50 application pods across multiple zones".
        app: { minReplicas: 10, maxReplicas: 50, cpuMillicores: 4000, memoryMiB: 8192, targetCpuPercent: 70, targetMemoryPercent: 80 },
        // Seed: "PgBouncer with 500 max connections".
        pooler: { replicas: 3, maxClientConnections: 500, defaultPoolSize: 60 },
        // Seed: "Multi-AZ with multiple read replicas".
        database: { instanceClass: "db.r6g.2xlarge", multiAz: true, readReplicas: 2, allocatedStorageGiB: 1000, maxAllocatedStorageGiB: 4000, backupRetentionDays: 30 },
        // Seed: "3-node cluster with 16GB memory each": cache.r6g.xlarge (26.32 GiB) is the smallest
        // memory-optimised node with 16 GB usable whose price is sourced (tools/cost/catalog.ts);
        // r7g.xlarge has no sourced price yet.
        cache: { nodeType: "cache.r6g.xlarge", nodes: 3, memoryGiB: 16, snapshotRetentionDays: 14 },
        // Seed: "Managed vector database (Pinecone/Weaviate Cloud)" is the large tier's option; we
        // default to the self-hosted 3-node cluster and let a stack switch `mode` to `managed`.
        // Pod: what an m7g.2xlarge has allocatable after kubelet and daemon sets (7,410m CPU), at most
        // 4 GiB per vCPU so it stays on the general-purpose family.
        vectorDb: { mode: "selfHosted", replicas: 3, cpuMillicores: 7400, memoryMiB: 29600, storageGiB: 1000 },
        edge: { priceClass: "PriceClass_All", botControl: true, ipRequestsPer5Min: 4000 },
        // As medium, with the DR region keeping the same 30 days of RDS history as the primary.
        recovery: { rpoMinutes: 60, rtoMinutes: 15, crossRegion: true, drRegion: "us-west-2", drRetentionDays: 30, vaultLock: VAULT_LOCK },
        // Seed 002 "Enhanced Monitoring: Application Performance Monitoring": medium's stack plus
        // traces through an ADOT collector to X-Ray, 5% of requests sampled (X-Ray bills per trace).
        observability: { containerInsights: true, prometheus: true, scrapeIntervalSeconds: 60, grafana: true, traceSamplingPercent: 5, uptimeCheckIntervalSeconds: 30 },
        budget: { minMonthlyUsd: 8000, maxMonthlyUsd: 15000 },
    },
} satisfies Record<string, TierSizing>;

export type TierName = keyof typeof TIERS;
/** Tier names in the table's order, smallest first. */
export const TIER_NAMES = Object.keys(TIERS) as [TierName, ...TierName[]];

