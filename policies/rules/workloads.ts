/** Workloads: probes, resource bounds, least privilege. */
import { Finding, ResourcePolicyDefinition, undecided } from "../definitions";
import { at, containersOf, DOCKER_CONTAINER, isUnknown, judge, list, podSpec, podSpecPath, WORKLOAD_TYPES } from "./lib";

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
        const { all, unknownPaths } = containersOf(r, ["containers"]);
        return [
            ...all.flatMap(({ c, name }): Finding[] => {
                // An unknown value is a value: a probe or request computed from an output is still set.
                const required: Array<[string, string]> = [["resources.requests.cpu", "CPU request"], ["resources.requests.memory", "memory request"], ["resources.limits.memory", "memory limit"]];
                if (!BATCH.includes(r.type)) required.unshift(["readinessProbe", "readinessProbe"], ["livenessProbe", "livenessProbe"]);
                const missing = required.filter(([p]) => !at(c, p)).map(([, what]) => what);
                return missing.length ? [`container ${name} lacks ${missing.join(", ")}`] : [];
            }),
            ...unknownPaths.map(undecided),
        ];
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
        const podNonRoot = at(podSpec(r), "securityContext.runAsNonRoot");
        const { all, unknownPaths } = containersOf(r);
        const podPath = `${podSpecPath(r.type)}.securityContext.runAsNonRoot`;
        return [
            ...all.flatMap(({ c, path, name }): Finding[] => {
                const found: Finding[] = [];
                const problems: string[] = [];
                const nonRoot = at(c, "securityContext.runAsNonRoot");
                if (podNonRoot !== true && nonRoot !== true) {
                    if (isUnknown(podNonRoot) || isUnknown(nonRoot)) found.push(undecided(isUnknown(nonRoot) ? `${path}.securityContext.runAsNonRoot` : podPath));
                    else problems.push("may run as root");
                }
                const escalation = at(c, "securityContext.allowPrivilegeEscalation");
                if (isUnknown(escalation)) found.push(undecided(`${path}.securityContext.allowPrivilegeEscalation`));
                else if (escalation !== false) problems.push("allows privilege escalation");
                const privileged = at(c, "securityContext.privileged");
                if (isUnknown(privileged)) found.push(undecided(`${path}.securityContext.privileged`));
                else if (privileged === true) problems.push("is privileged");
                return problems.length ? [`container ${name} ${problems.join(", ")}`, ...found] : found;
            }),
            ...unknownPaths.map(undecided),
        ];
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
        const tests = at(r.props, "healthcheck.tests");
        return [
            ...(isUnknown(tests) ? [undecided("healthcheck.tests")] : list(tests).length ? [] : ["no health check"]),
            ...judge(r.props.restart, "restart", (v) => ["always", "unless-stopped", "on-failure"].includes(v), (v) => `restart policy is ${v ?? "no"}`),
        ];
    },
};

export const WORKLOAD_POLICIES = [probesAndLimits, restrictedSecurityContext, dockerHealth];
