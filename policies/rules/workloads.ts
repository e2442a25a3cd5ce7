/** Workloads: probes, resource bounds, least privilege. */
import { ResourcePolicyDefinition } from "../definitions";
import { containersOf, DOCKER_CONTAINER, podSpec, WORKLOAD_TYPES } from "./lib";

const BATCH = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"];

export const probesAndLimits: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-workload-require-probes-and-limits",
    description: "Long-running containers have readiness and liveness probes, CPU and memory requests, and a memory limit.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "workloads",
    source: "seed 002 'Health Checks: Liveness and readiness probes'; seed 001 'Per-service memory limits'",
    remediation: "Add readinessProbe and livenessProbe (on the health endpoint) and resources.requests {cpu, memory} with resources.limits.memory.",
    resourceTypes: WORKLOAD_TYPES,
    check(r) {
        return containersOf(r).containers.flatMap((c) => {
            const missing: string[] = [];
            if (!BATCH.includes(r.type)) {
                if (!c.readinessProbe) missing.push("readinessProbe");
                if (!c.livenessProbe) missing.push("livenessProbe");
            }
            if (!c.resources?.requests?.cpu) missing.push("CPU request");
            if (!c.resources?.requests?.memory) missing.push("memory request");
            if (!c.resources?.limits?.memory) missing.push("memory limit");
            return missing.length ? [`container ${c.name} lacks ${missing.join(", ")}`] : [];
        });
    },
};

export const restrictedSecurityContext: ResourcePolicyDefinition = {
    kind: "resource",
    name: "kubernetes-workload-require-restricted-security-context",
    description: "Containers run as non-root, cannot escalate privileges and are never privileged.",
    severity: "high",
    enforcementLevel: "mandatory",
    concern: "workloads",
    source: "Kubernetes Pod Security Standards, restricted profile",
    remediation: "Set securityContext.runAsNonRoot: true (pod or container), allowPrivilegeEscalation: false, and drop privileged.",
    resourceTypes: WORKLOAD_TYPES,
    check(r) {
        const podNonRoot = podSpec(r)?.securityContext?.runAsNonRoot === true;
        const { containers, initContainers } = containersOf(r);
        return [...containers, ...initContainers].flatMap((c) => {
            const problems: string[] = [];
            if (!podNonRoot && c.securityContext?.runAsNonRoot !== true) problems.push("may run as root");
            if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push("allows privilege escalation");
            if (c.securityContext?.privileged === true) problems.push("is privileged");
            return problems.length ? [`container ${c.name} ${problems.join(", ")}`] : [];
        });
    },
};

export const dockerHealth: ResourcePolicyDefinition = {
    kind: "resource",
    name: "docker-container-require-healthcheck-and-restart",
    description: "Local containers have a health check and restart on failure.",
    severity: "medium",
    enforcementLevel: "mandatory",
    concern: "workloads",
    source: "seed 000 'Restart=always - Auto-restart on failure', '/ping and /health'; seed 003 'Depends on: backend (health check)'",
    remediation: "Set healthcheck { tests, interval, retries } and restart: unless-stopped (or always / on-failure).",
    resourceTypes: [DOCKER_CONTAINER],
    check(r) {
        const problems: string[] = [];
        if (!r.props.healthcheck?.tests?.length) problems.push("no health check");
        if (!["always", "unless-stopped", "on-failure"].includes(r.props.restart)) problems.push(`restart policy is ${r.props.restart ?? "no"}`);
        return problems;
    },
};

export const WORKLOAD_POLICIES = [probesAndLimits, restrictedSecurityContext, dockerHealth];
