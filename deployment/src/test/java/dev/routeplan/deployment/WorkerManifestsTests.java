package dev.routeplan.deployment;

import static dev.routeplan.deployment.BuiltOverlay.selects;
import static dev.routeplan.deployment.KubernetesManifestsTests.describe;
import static dev.routeplan.deployment.KubernetesManifestsTests.httpPath;
import static dev.routeplan.deployment.KubernetesManifestsTests.opens;
import static dev.routeplan.deployment.KubernetesManifestsTests.portText;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The partition workers of issue 16 in each built overlay, as a reviewer checks them: the service's
 * image and rule pack in worker mode, probes on the worker port, a core per consumer, one autoscaler
 * on the partition queue (KEDA, or the CPU HPA of k8s/components/worker-hpa, never both), a PDB, and a
 * NetworkPolicy that lets nothing in and only the job repository, the broker, the cache and DNS out.
 * What holds for every pod (non-root, read-only root, pinned image, emptyDirs) is checked for the
 * workers too by {@link KubernetesManifestsTests}, which walks every pod template.
 */
class WorkerManifestsTests {

    /** What a worker talks to: DNS, PostgreSQL, RabbitMQ, Redis. */
    private static final Set<Integer> WORKER_EGRESS_PORTS = Set.of(53, 5432, 5672, 6379);
    private static final String HPA_FALLBACK = "worker-hpa";

    static Stream<String> overlays() throws Exception {
        return BuiltOverlay.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void runsTheServicesImageInWorkerModeWithTheServicesSettingsAndRulePack(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Container worker = container(built.worker());
        Container server = container(built.server());

        assertThat(worker.getArgs()).as("%s: the worker's args", overlay).isNotEmpty().first().isEqualTo("worker");
        assertThat(worker.getImage()).as("%s: the worker runs the service's image", overlay).isEqualTo(server.getImage());
        assertThat(worker.getEnvFrom()).as("%s: the worker reads the service's ConfigMap and Secret", overlay)
                .isEqualTo(server.getEnvFrom());
        // a worker refuses a partition whose manager loaded a rule pack with another SHA-256
        assertThat(rulePackArgs(worker)).as("%s: the worker's --routeplan.rule-pack", overlay).isEqualTo(rulePackArgs(server));
        assertThat(configMapMounts(built.worker())).as("%s: the worker's ConfigMap mounts (the rule pack)", overlay)
                .isEqualTo(configMapMounts(built.server()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void sendsThePartitionsOfEveryServiceReplicaToTheWorkersOverRabbitMq(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        AppSettings manager = AppSettings.of(built, container(built.server()));
        AppSettings worker = AppSettings.of(built, container(built.worker()));

        assertThat(manager.get("routeplan.partitioning.mode")).as("%s: the service's routeplan.partitioning.mode", overlay)
                .isEqualToIgnoringCase("remote");
        assertThat(worker.get("routeplan.partitioning.requests")).as("%s: the queue the workers consume", overlay)
                .isEqualTo(manager.get("routeplan.partitioning.requests"));
        for (AppSettings side : List.of(manager, worker)) {
            assertThat(side.environment()).as("%s: spring.rabbitmq.host (else localhost, which is no broker in a pod)", overlay)
                    .containsKey("SPRING_RABBITMQ_HOST");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesTheWorkerPortsHealthPathsOnAPortTheContainerOpens(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Container worker = container(built.worker());
        int workerPort = AppSettings.of(built, worker).getInt("routeplan.partitioning.worker-port");

        assertThat(httpPath(worker.getLivenessProbe())).as("%s: the worker's livenessProbe", overlay).isEqualTo("/health/liveness");
        assertThat(httpPath(worker.getReadinessProbe())).as("%s: the worker's readinessProbe", overlay).isEqualTo("/health/readiness");
        assertThat(httpPath(worker.getStartupProbe())).as("%s: the worker's startupProbe", overlay).startsWith("/health/");
        for (Probe probe : List.of(worker.getLivenessProbe(), worker.getReadinessProbe(), worker.getStartupProbe())) {
            var port = probe.getHttpGet().getPort();
            assertThat(opens(worker, port)).as("%s: a worker probe's port %s is one the container opens", overlay, portText(port))
                    .isTrue();
            assertThat(containerPort(worker, port)).as("%s: a worker probe's port is routeplan.partitioning.worker-port", overlay)
                    .isEqualTo(workerPort);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void givesEachConsumerACoreWithinTheWorkersCpuLimit(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Container worker = container(built.worker());
        int consumers = AppSettings.of(built, worker).getInt("routeplan.partitioning.consumers");
        var resources = worker.getResources();
        assertThat(resources).as("%s: the worker's resources", overlay).isNotNull();
        Map<String, Quantity> requests = Objects.requireNonNullElse(resources.getRequests(), Map.of());
        Map<String, Quantity> limits = Objects.requireNonNullElse(resources.getLimits(), Map.of());
        assertThat(requests).as("%s: the worker's requests", overlay).containsKeys("cpu", "memory");
        assertThat(limits).as("%s: the worker's limits", overlay).containsKeys("cpu", "memory");

        // each consumer keeps a core busy for a depot's solver budget
        assertThat(amount(limits.get("cpu"))).as("%s: the worker's CPU limit against its %d consumers", overlay, consumers)
                .isGreaterThanOrEqualTo(consumers);
        assertThat(amount(requests.get("cpu"))).as("%s: the worker's CPU request (at least one whole solve)", overlay)
                .isGreaterThanOrEqualTo(1.0);
        for (String resource : List.of("cpu", "memory")) {
            assertThat(amount(requests.get(resource))).as("%s: the worker's %s request within its limit", overlay, resource)
                    .isLessThanOrEqualTo(amount(limits.get(resource)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void givesTheRunningPartitionsTheirShutdownWaitBeforeTheKill(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Deployment worker = built.worker();
        Duration shutdownWait = AppSettings.of(built, container(worker)).getDuration("routeplan.partitioning.shutdown-wait");
        Long grace = worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(grace).as("%s: the worker's terminationGracePeriodSeconds against shutdown-wait %s", overlay, shutdownWait)
                .isNotNull().isGreaterThan(shutdownWait.toSeconds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void scalesTheWorkersWithKedaOnThePartitionQueueAndNothingElse(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Deployment worker = built.worker();
        everyAutoscalerTargetsADeploymentOfTheBuild(built);
        assertThat(autoscalersOf(built, worker)).as("%s: autoscalers of %s (one, never a ScaledObject beside an HPA)", overlay,
                describe(worker)).hasSize(1).allMatch(autoscaler -> autoscaler.startsWith("ScaledObject/"));

        GenericKubernetesResource scaled = built.custom("ScaledObject").stream()
                .filter(s -> worker.getMetadata().getName().equals(s.get("spec", "scaleTargetRef", "name"))).findFirst().orElseThrow();
        String where = overlay + ": " + describe(scaled);
        Integer min = scaled.get("spec", "minReplicaCount");
        Integer max = scaled.get("spec", "maxReplicaCount");
        assertThat(min).as("%s: minReplicaCount", where).isNotNull().isGreaterThanOrEqualTo(1);
        assertThat(max).as("%s: maxReplicaCount", where).isNotNull().isGreaterThan(min);

        List<Map<String, Object>> triggers = scaled.get("spec", "triggers");
        assertThat(triggers).as("%s: triggers", where).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) triggers.get(0).get("metadata");
        assertThat(triggers.get(0).get("type")).as("%s: trigger type", where).isEqualTo("rabbitmq");
        assertThat(metadata.get("queueName")).as("%s: the queue it counts is the one the service sends to", where)
                .isEqualTo(AppSettings.of(built, container(built.server())).get("routeplan.partitioning.requests"));
        assertThat(metadata.get("mode")).as("%s: trigger mode", where).isEqualTo("QueueLength");
        // over AMQP the broker counts ready requests only, not the ones being solved (unacknowledged)
        assertThat(metadata.get("protocol")).as("%s: protocol (http counts the partitions being solved)", where).isEqualTo("http");
        assertThat(metadata).as("%s: credentials in the trigger's metadata", where).doesNotContainKeys("host", "password");

        @SuppressWarnings("unchecked")
        String authentication = ((Map<String, String>) triggers.get(0).get("authenticationRef")).get("name");
        GenericKubernetesResource auth = built.custom("TriggerAuthentication").stream()
                .filter(a -> a.getMetadata().getName().equals(authentication)).findFirst()
                .orElseThrow(() -> new AssertionError(where + ": its authenticationRef names a missing TriggerAuthentication "
                        + authentication));
        List<Map<String, String>> secretRefs = auth.get("spec", "secretTargetRef");
        assertThat(secretRefs).as("%s: %s reads the broker's URL from a Secret", overlay, describe(auth))
                .anySatisfy(ref -> assertThat(ref.get("parameter")).isEqualTo("host"));
        for (Map<String, String> ref : secretRefs) {
            assertThat(built.all(Secret.class)).extracting(s -> s.getMetadata().getName())
                    .as("%s: the Secret %s is the operator's, never built from git", overlay, ref.get("name"))
                    .doesNotContain(ref.get("name"));
            assertThat(Repository.read("k8s/README.md")).as("k8s/README.md tells the operator to make %s", ref.get("name"))
                    .contains(ref.get("name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void fallsBackToOneCpuHpaInsteadOfKedaNeverBesideIt(String overlay) {
        BuiltOverlay built = BuiltOverlay.withComponent(overlay, HPA_FALLBACK);
        Deployment worker = built.worker();
        everyAutoscalerTargetsADeploymentOfTheBuild(built);

        assertThat(built.custom("ScaledObject")).as("%s with %s: ScaledObjects left", overlay, HPA_FALLBACK).isEmpty();
        assertThat(built.custom("TriggerAuthentication")).as("%s with %s: TriggerAuthentications left", overlay, HPA_FALLBACK)
                .isEmpty();
        assertThat(autoscalersOf(built, worker)).as("%s with %s: autoscalers of %s", overlay, HPA_FALLBACK, describe(worker))
                .hasSize(1).allMatch(autoscaler -> autoscaler.startsWith("HorizontalPodAutoscaler/"));
        HorizontalPodAutoscaler hpa = built.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> worker.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName())).findFirst().orElseThrow();
        assertThat(hpa.getMetadata().getNamespace()).as("%s with %s: the HPA's namespace", overlay, HPA_FALLBACK)
                .isEqualTo(built.namespace());
        assertThat(hpa.getSpec().getMinReplicas()).as("%s with %s: minReplicas", overlay, HPA_FALLBACK).isGreaterThanOrEqualTo(1);
        assertThat(hpa.getSpec().getMetrics()).as("%s with %s: the HPA scales on CPU", overlay, HPA_FALLBACK)
                .anySatisfy(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
        // the service's HPA stays as it is
        assertThat(autoscalersOf(built, built.server())).as("%s with %s: autoscalers of the service", overlay, HPA_FALLBACK)
                .containsExactly("HorizontalPodAutoscaler/" + built.server().getMetadata().getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void letsADrainEvictOneWorkerAtATimeWithoutEverBlockingIt(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        List<PodDisruptionBudget> budgets = built.all(PodDisruptionBudget.class).stream()
                .filter(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), built.workerPodLabels())).toList();
        assertThat(budgets).as("%s: PodDisruptionBudgets selecting the worker pods %s", overlay, built.workerPodLabels()).hasSize(1);
        PodDisruptionBudget budget = budgets.get(0);
        // minAvailable would block every drain while the autoscaler holds its one worker
        assertThat(budget.getSpec().getMinAvailable()).as("%s: %s minAvailable", overlay, describe(budget)).isNull();
        assertThat(budget.getSpec().getMaxUnavailable()).as("%s: %s maxUnavailable", overlay, describe(budget)).isNotNull();
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as("%s: %s maxUnavailable", overlay, describe(budget))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void letsNothingInAndTheWorkersOutOnlyToDnsPostgresRabbitMqAndRedis(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Map<String, String> pods = built.workerPodLabels();
        List<NetworkPolicy> policies = built.all(NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector().getMatchLabels(), pods)).toList();
        assertThat(policies).as("%s: NetworkPolicies selecting the worker pods %s", overlay, pods).isNotEmpty();
        // policies add up: what any of them allows, the workers may do
        assertThat(policies).as("%s: each policy on the workers isolates both ways", overlay)
                .allSatisfy(policy -> assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress"));
        List<NetworkPolicyIngressRule> ingress = policies.stream()
                .flatMap(p -> Objects.requireNonNullElse(p.getSpec().getIngress(), List.<NetworkPolicyIngressRule>of()).stream())
                .toList();
        assertThat(ingress).as("%s: ingress rules on the workers (the kubelet's probes need none)", overlay).isEmpty();
        List<NetworkPolicyEgressRule> egress = policies.stream()
                .flatMap(p -> Objects.requireNonNullElse(p.getSpec().getEgress(), List.<NetworkPolicyEgressRule>of()).stream())
                .toList();
        assertThat(egress).as("%s: the workers' egress rules each name their ports", overlay)
                .allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
        Set<Integer> ports = egress.stream().flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort)
                .map(port -> port.getIntVal()).collect(Collectors.toSet());
        assertThat(ports).as("%s: the workers' egress ports", overlay).isEqualTo(WORKER_EGRESS_PORTS);

        assertThat(built.all(Service.class)).as("%s: a Service selecting the worker pods (nothing calls a worker)", overlay)
                .noneMatch(service -> selects(service.getSpec().getSelector(), pods));
    }

    private static void everyAutoscalerTargetsADeploymentOfTheBuild(BuiltOverlay built) {
        List<String> deployments = built.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).toList();
        for (GenericKubernetesResource scaled : built.custom("ScaledObject")) {
            String target = scaled.get("spec", "scaleTargetRef", "name");
            String kind = Objects.requireNonNullElse(scaled.get("spec", "scaleTargetRef", "kind"), "Deployment");
            assertThat(kind + "/" + target).as("%s: %s scales a Deployment of the build %s", built.name(), describe(scaled), deployments)
                    .isIn(deployments.stream().map(name -> "Deployment/" + name).toList());
        }
        for (HorizontalPodAutoscaler hpa : built.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getKind() + "/" + target.getName())
                    .as("%s: %s scales a Deployment of the build %s", built.name(), describe(hpa), deployments)
                    .isIn(deployments.stream().map(name -> "Deployment/" + name).toList());
        }
    }

    /** The ScaledObjects and HPAs whose target is {@code deployment}, as KIND/NAME. */
    private static List<String> autoscalersOf(BuiltOverlay built, Deployment deployment) {
        String name = deployment.getMetadata().getName();
        Stream<HasMetadata> scaled = built.custom("ScaledObject").stream()
                .filter(s -> name.equals(s.get("spec", "scaleTargetRef", "name")))
                .map(HasMetadata.class::cast);
        Stream<HasMetadata> hpas = built.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> name.equals(h.getSpec().getScaleTargetRef().getName()))
                .map(HasMetadata.class::cast);
        return Stream.concat(scaled, hpas).map(KubernetesManifestsTests::describe).toList();
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("%s: containers", describe(deployment)).hasSize(1);
        return containers.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void readsTheServicesPersonalDataKeysFromTheOperatorsSecretReadOnly(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        for (Deployment deployment : List.of(built.server(), built.worker())) {
            String where = overlay + ": " + describe(deployment);
            List<String> keyFolder = Objects.requireNonNullElse(container(deployment).getArgs(), List.<String>of()).stream()
                    .filter(arg -> arg.startsWith("--routeplan.privacy.key-folder=")).toList();
            assertThat(keyFolder).as("%s: --routeplan.privacy.key-folder (a pod must never make keys of its own)", where)
                    .hasSize(1);
            String folder = keyFolder.get(0).substring(keyFolder.get(0).indexOf('=') + 1);
            VolumeMount mount = container(deployment).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals(folder)).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": nothing mounted at the key folder " + folder));
            assertThat(mount.getReadOnly()).as("%s: the key folder's mount is read-only", where).isTrue();
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret()).as("%s: volume %s is a Secret", where, volume.getName()).isNotNull();
            assertThat(volume.getSecret().getSecretName()).as("%s: the keys' Secret", where).isEqualTo("routeplan-privacy-keys");
            assertThat(volume.getSecret().getDefaultMode() & 0007).as("%s: the keys are not world-readable", where).isZero();
        }
        assertThat(built.all(Secret.class)).extracting(s -> s.getMetadata().getName())
                .as("%s: the keys' Secret is the operator's, never built from git", overlay)
                .doesNotContain("routeplan-privacy-keys");
        assertThat(Repository.read("k8s/README.md")).contains("routeplan-privacy-keys", "routeplan keys create");
    }

    private static List<String> rulePackArgs(Container container) {
        return Objects.requireNonNullElse(container.getArgs(), List.<String>of()).stream()
                .filter(arg -> arg.startsWith("--routeplan.rule-pack")).toList();
    }

    /** Mount path to ConfigMap name, for the ConfigMap volumes the pod's first container mounts. */
    private static Map<String, String> configMapMounts(Deployment deployment) {
        var pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> mounts = new TreeMap<>();
        for (VolumeMount mount : Objects.requireNonNullElse(container(deployment).getVolumeMounts(), List.<VolumeMount>of())) {
            Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of()).stream()
                    .filter(volume -> volume.getName().equals(mount.getName()) && volume.getConfigMap() != null)
                    .forEach(volume -> mounts.put(mount.getMountPath(), volume.getConfigMap().getName()));
        }
        return mounts;
    }

    private static Integer containerPort(Container container, IntOrString port) {
        if (port.getStrVal() == null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    private static double amount(Quantity quantity) {
        return quantity.getNumericalAmount().doubleValue();
    }
}
