/**
 * Type tokens of this package's components, kept in one place so a rename cannot drift between a
 * component and the tests, policies or cost rules that look for it.
 * Format `<package>:<module>:<Class>`, as in `eks:index:Cluster` or `awsx:ec2:Vpc`.
 */
export const COMPONENT_TYPES = {
    network: "tiered-infra:network:Network",
    cluster: "tiered-infra:kubernetes:Cluster",
    nodeGroup: "tiered-infra:kubernetes:NodeGroup",
    appTier: "tiered-infra:kubernetes:AppTier",
    originLoadBalancer: "tiered-infra:network:OriginLoadBalancer",
    database: "tiered-infra:data:Database",
    cache: "tiered-infra:data:Cache",
    statefulService: "tiered-infra:data:StatefulService",
    volumeBackupPlan: "tiered-infra:data:VolumeBackupPlan",
    connectionPooler: "tiered-infra:kubernetes:ConnectionPooler",
    externalSecrets: "tiered-infra:kubernetes:ExternalSecrets",
    appSecrets: "tiered-infra:security:AppSecrets",
    edgeWaf: "tiered-infra:edge:EdgeWaf",
    cdn: "tiered-infra:edge:Cdn",
    fileStore: "tiered-infra:data:FileStore",
    bucketReplica: "tiered-infra:recovery:BucketReplica",
    databaseBackups: "tiered-infra:recovery:DatabaseBackups",
    restoreDrills: "tiered-infra:recovery:RestoreDrills",
    alertTopics: "tiered-infra:observability:AlertTopics",
    observability: "tiered-infra:observability:Observability",
    managedPrometheus: "tiered-infra:observability:ManagedPrometheus",
    traceCollector: "tiered-infra:observability:TraceCollector",
} as const;
