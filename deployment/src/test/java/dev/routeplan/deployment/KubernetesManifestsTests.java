package dev.routeplan.deployment;

import static dev.routeplan.deployment.BuiltOverlay.selects;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a reviewer checks in the manifests an operator applies, on each overlay as
 * {@code kubectl kustomize} builds it (not on the base files, which no cluster ever sees alone):
 * the claims of k8s/README.md, the manifests' comments and issue 15, and the names that
 * scripts/deploy.sh relies on.
 */
class KubernetesManifestsTests {

    private static final Pattern SECRET_LOOKING = Pattern.compile("PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_?KEY|API_?KEY",
            Pattern.CASE_INSENSITIVE);
    /** Where the app may connect: DNS, PostgreSQL, Redis, RabbitMQ, SFTP, SMTP (submission and relay). */
    private static final Set<Integer> EGRESS_PORTS = Set.of(53, 5432, 6379, 5672, 22, 587, 25);
    /** Where the backup pods may connect: DNS, the database host's pgBackRest server, the object store. */
    static final Set<Integer> BACKUP_EGRESS_PORTS = Set.of(53, 8432, 443);
    /** Namespaces allowed to reach the app: the ingress controller, and Prometheus for the scrape. */
    private static final Set<String> INGRESS_NAMESPACES = Set.of("ingress-nginx", "monitoring");

    static Stream<String> overlays() throws Exception {
        return BuiltOverlay.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void buildsEveryObjectTheClusterNeedsIntoTheOverlaysNamespace(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);

        List<String> kinds = built.objects().stream().map(HasMetadata::getKind).distinct().toList();
        assertThat(kinds).as("%s: kinds built", overlay).contains("Namespace", "ConfigMap", "Deployment", "Service",
                "Ingress", "HorizontalPodAutoscaler", "VerticalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
                "ServiceMonitor", "PrometheusRule", "Job", "CronJob", "PersistentVolumeClaim");
        assertThat(built.all(Namespace.class)).extracting(n -> n.getMetadata().getName())
                .as("%s: the namespace scripts/deploy.sh uses", overlay).containsExactly(built.namespace());
        assertThat(built.objects()).filteredOn(o -> !(o instanceof Namespace))
                .as("%s: objects outside %s", overlay, built.namespace())
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(describe(o)).isEqualTo(built.namespace()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void runsThreeReplicasWhoseSelectorMatchesTheirPods(String overlay) {
        Deployment server = BuiltOverlay.of(overlay).server();

        assertThat(server.getSpec().getReplicas()).as("%s: replicas", overlay).isEqualTo(3);
        assertThat(selects(server.getSpec().getSelector().getMatchLabels(), server.getSpec().getTemplate().getMetadata().getLabels()))
                .as("%s: the Deployment's selector %s matches its pod labels %s", overlay,
                        server.getSpec().getSelector().getMatchLabels(), server.getSpec().getTemplate().getMetadata().getLabels())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesTheActuatorHealthGroupsOnAPortTheContainerOpens(String overlay) {
        for (Container container : BuiltOverlay.of(overlay).server().getSpec().getTemplate().getSpec().getContainers()) {
            String where = overlay + ": container " + container.getName();
            assertThat(httpPath(container.getReadinessProbe())).as("%s: readinessProbe", where)
                    .isEqualTo("/actuator/health/readiness");
            assertThat(httpPath(container.getLivenessProbe())).as("%s: livenessProbe", where)
                    .isEqualTo("/actuator/health/liveness");
            assertThat(httpPath(container.getStartupProbe())).as("%s: startupProbe", where).startsWith("/actuator/health/");
            for (Probe probe : List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe())) {
                assertThat(opens(container, probe.getHttpGet().getPort()))
                        .as("%s: a probe's port %s is one the container opens", where, portText(probe.getHttpGet().getPort()))
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void requestsAQuarterCpuAndHalfAGibibyteAndIsLimitedToOneCpuAndOneGibibyte(String overlay) {
        for (Container container : BuiltOverlay.of(overlay).server().getSpec().getTemplate().getSpec().getContainers()) {
            String where = overlay + ": container " + container.getName();
            var resources = container.getResources();
            assertThat(resources).as("%s: resources", where).isNotNull();
            assertQuantity(resources.getRequests(), "cpu", "250m", where + " requests");
            assertQuantity(resources.getRequests(), "memory", "512Mi", where + " requests");
            assertQuantity(resources.getLimits(), "cpu", "1", where + " limits");
            assertQuantity(resources.getLimits(), "memory", "1Gi", where + " limits");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void runsEveryPodAsUser1001WithAReadOnlyRootAndNoPrivilegeEscalation(String overlay) {
        BuiltOverlay.of(overlay).podTemplates().forEach((owner, template) -> {
            PodSpec pod = template.getSpec();
            String where = overlay + ": " + owner;
            assertThat(pod.getSecurityContext()).as("%s: pod securityContext", where).isNotNull();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s: runAsNonRoot", where).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("%s: runAsUser", where).isEqualTo(1001L);
            for (Container container : containers(pod)) {
                String in = where + " container " + container.getName();
                var context = container.getSecurityContext();
                assertThat(context).as("%s: securityContext", in).isNotNull();
                assertThat(context.getReadOnlyRootFilesystem()).as("%s: readOnlyRootFilesystem", in).isTrue();
                assertThat(context.getAllowPrivilegeEscalation()).as("%s: allowPrivilegeEscalation", in).isFalse();
                if (context.getRunAsUser() != null) {
                    assertThat(context.getRunAsUser()).as("%s: the container's runAsUser", in).isEqualTo(1001L);
                }
                if (context.getRunAsNonRoot() != null) {
                    assertThat(context.getRunAsNonRoot()).as("%s: the container's runAsNonRoot", in).isTrue();
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void writesTemporaryFilesToAnEmptyDirBecauseTheRootIsReadOnly(String overlay) {
        // /tmp, and the java.io.tmpdir the image's JAVA_OPTS set on the command line (which wins over
        // JAVA_TOOL_OPTIONS): where JasperReports, POI and Tomcat write
        Matcher tmpdir = Pattern.compile("-Djava\\.io\\.tmpdir=([^\\s\"]+)").matcher(Repository.read("Dockerfile"));
        assertThat(tmpdir.find()).as("the Dockerfile's JAVA_OPTS set -Djava.io.tmpdir").isTrue();
        BuiltOverlay.of(overlay).podTemplates().forEach((owner, template) -> {
            for (Container container : template.getSpec().getContainers()) {
                String where = overlay + ": " + owner + " container " + container.getName();
                for (String path : List.of("/tmp", tmpdir.group(1))) {
                    VolumeMount tmp = mounts(container).stream().filter(m -> path.equals(m.getMountPath())).findFirst()
                            .orElseThrow(() -> new AssertionError(where + ": nothing is mounted on " + path));
                    Volume volume = volume(template.getSpec(), tmp.getName());
                    assertThat(volume.getEmptyDir()).as("%s: the volume %s on %s is an emptyDir", where, tmp.getName(), path)
                            .isNotNull();
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void spreadsTheReplicasOneToANode(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        var affinity = built.server().getSpec().getTemplate().getSpec().getAffinity();
        PodAntiAffinity anti = affinity == null ? null : affinity.getPodAntiAffinity();
        assertThat(anti).as("%s: podAntiAffinity", overlay).isNotNull();

        List<PodAffinityTerm> terms = new ArrayList<>(Objects.requireNonNullElse(
                anti.getRequiredDuringSchedulingIgnoredDuringExecution(), List.of()));
        Objects.requireNonNullElse(anti.getPreferredDuringSchedulingIgnoredDuringExecution(), List.<WeightedPodAffinityTerm>of())
                .forEach(weighted -> terms.add(weighted.getPodAffinityTerm()));
        assertThat(terms).as("%s: an anti-affinity term on kubernetes.io/hostname selecting the server pods %s", overlay,
                        built.serverPodLabels())
                .anySatisfy(term -> {
                    assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(selects(term.getLabelSelector().getMatchLabels(), built.serverPodLabels())).isTrue();
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void pinsEveryImageToATagThatIsNotLatest(String overlay) {
        BuiltOverlay.of(overlay).podTemplates().forEach((owner, template) -> {
            for (Container container : containers(template.getSpec())) {
                String image = container.getImage();
                assertThat(tagOf(image)).as("%s: %s container %s runs image '%s': it must name a tag (or digest), never latest",
                        overlay, owner, container.getName(), image).isNotEmpty().isNotEqualTo("latest");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void migratesTheSchemaInAJobWithTheImageItRollsOut(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        // scripts/deploy.sh waits for job/routeplan-migrate before it applies the Deployment
        Job migrate = built.all(Job.class).stream().filter(job -> "routeplan-migrate".equals(job.getMetadata().getName()))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no Job routeplan-migrate (scripts/deploy.sh waits for it)"));
        assertThat(Repository.read("scripts/deploy.sh")).as("scripts/deploy.sh waits for the Job by this name")
                .contains("job/routeplan-migrate");

        PodSpec pod = migrate.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).as("%s: the Job's restartPolicy", overlay).isEqualTo("Never");
        assertThat(pod.getContainers()).extracting(Container::getImage)
                .as("%s: the Job migrates with the image the Deployment rolls out", overlay)
                .containsOnly(built.server().getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void holdsTheDeploymentsBackFromDeployShsFirstPassUntilTheMigrationIsDone(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        // deploy.sh's first `kubectl apply --selector "$HELD_BACK"` must carry the Job and leave the
        // service's Deployment and Service and the workers' Deployment for after the migration: no pod
        // of the new image may run on the old schema
        String deploy = Repository.read("scripts/deploy.sh");
        Matcher heldBack = Pattern.compile("(?m)^HELD_BACK='([^']+)'").matcher(deploy);
        assertThat(heldBack.find()).as("scripts/deploy.sh sets HELD_BACK='SELECTOR'").isTrue();
        assertThat(deploy).as("scripts/deploy.sh applies its first pass with the HELD_BACK selector")
                .contains("kubectl apply -f \"$work/manifests.yaml\" --selector \"$HELD_BACK\"");
        // a label selector of KEY!=VALUE requirements, all of which an object must meet
        List<String[]> requirements = new ArrayList<>();
        for (String requirement : heldBack.group(1).split(",")) {
            String[] keyAndValue = requirement.split("!=", 2);
            assertThat(keyAndValue).as("HELD_BACK's requirement '%s' is KEY!=VALUE", requirement).hasSize(2);
            requirements.add(keyAndValue);
        }
        Predicate<HasMetadata> firstPass = object -> requirements.stream()
                .allMatch(r -> !r[1].equals(BuiltOverlay.labels(object).get(r[0])));

        for (HasMetadata held : List.<HasMetadata>of(built.server(), built.worker(), built.all(Service.class).get(0))) {
            assertThat(firstPass.test(held)).as("%s: %s (labels %s) waits for the migration (HELD_BACK '%s')", overlay,
                    describe(held), held.getMetadata().getLabels(), heldBack.group(1)).isFalse();
        }
        for (Job job : built.all(Job.class)) {
            assertThat(firstPass.test(job)).as("%s: %s (labels %s) goes in deploy.sh's first pass", overlay, describe(job),
                    job.getMetadata().getLabels()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keepsSecretValuesOutOfTheManifests(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        for (Secret secret : built.all(Secret.class)) {
            Objects.requireNonNullElse(secret.getStringData(), Map.<String, String>of()).forEach((key, value) ->
                    assertThat(isPlaceholder(value)).as("%s: %s stringData.%s carries a value", overlay, describe(secret), key).isTrue());
            Objects.requireNonNullElse(secret.getData(), Map.<String, String>of()).forEach((key, value) ->
                    assertThat(isPlaceholder(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)))
                            .as("%s: %s data.%s carries a value", overlay, describe(secret), key).isTrue());
        }
        for (ConfigMap map : built.all(ConfigMap.class)) {
            assertThat(Objects.requireNonNullElse(map.getData(), Map.<String, String>of()).keySet())
                    .as("%s: %s holds a secret-looking key: secrets belong in the operator's Secret", overlay, describe(map))
                    .noneMatch(key -> SECRET_LOOKING.matcher(key).find());
        }
        built.podTemplates().forEach((owner, template) -> {
            for (Container container : containers(template.getSpec())) {
                for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
                    if (SECRET_LOOKING.matcher(env.getName()).find()) {
                        assertThat(env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef())
                                .as("%s: %s sets %s: it must come from a secretKeyRef", overlay, owner, env.getName()).isNotNull();
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void refersOnlyToConfigMapsAndClaimsItBuildsAndToTheSecretTheOperatorMakes(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        List<String> configMaps = built.all(ConfigMap.class).stream().map(m -> m.getMetadata().getName()).toList();
        built.podTemplates().forEach((owner, template) -> {
            String where = overlay + ": " + owner;
            for (Volume volume : Objects.requireNonNullElse(template.getSpec().getVolumes(), List.<Volume>of())) {
                if (volume.getConfigMap() != null) {
                    assertThat(configMaps).as("%s: volume %s's ConfigMap", where, volume.getName())
                            .contains(volume.getConfigMap().getName());
                }
                if (volume.getPersistentVolumeClaim() != null) {
                    String claim = volume.getPersistentVolumeClaim().getClaimName();
                    PersistentVolumeClaim pvc = built.all(PersistentVolumeClaim.class).stream()
                            .filter(p -> claim.equals(p.getMetadata().getName())).findFirst()
                            .orElseThrow(() -> new AssertionError(where + ": volume " + volume.getName() + " claims a missing PVC " + claim));
                    // every replica serves the plans any one of them published (k8s/README.md)
                    assertThat(pvc.getSpec().getAccessModes()).as("%s: PVC %s access modes", where, claim).contains("ReadWriteMany");
                }
            }
            for (Container container : containers(template.getSpec())) {
                for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<EnvFromSource>of())) {
                    if (source.getConfigMapRef() != null) {
                        assertThat(configMaps).as("%s: envFrom ConfigMap", where).contains(source.getConfigMapRef().getName());
                    }
                    if (source.getSecretRef() != null) {
                        assertThat(source.getSecretRef().getName()).as("%s: envFrom Secret (k8s/README.md tells the operator to make it)", where)
                                .isEqualTo("routeplan-secrets");
                    }
                }
            }
        });
        assertThat(Repository.read("k8s/README.md")).contains("routeplan-secrets");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servesTheServerPodsThroughTheServiceTheIngressAndTheServiceMonitorUse(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Container app = built.server().getSpec().getTemplate().getSpec().getContainers().get(0);
        List<Service> services = built.all(Service.class);
        assertThat(services).as("%s: Services", overlay).hasSize(1);
        Service service = services.get(0);
        assertThat(selects(service.getSpec().getSelector(), built.serverPodLabels()))
                .as("%s: %s selector %s matches the server pods %s", overlay, describe(service), service.getSpec().getSelector(),
                        built.serverPodLabels())
                .isTrue();
        for (ServicePort port : service.getSpec().getPorts()) {
            assertThat(opens(app, port.getTargetPort())).as("%s: the Service's targetPort %s is one the container opens", overlay,
                    portText(port.getTargetPort())).isTrue();
        }
        List<String> servicePorts = service.getSpec().getPorts().stream().map(ServicePort::getName).toList();

        for (Ingress ingress : built.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                assertThat(path.getBackend().getService().getName()).as("%s: Ingress backend", overlay)
                        .isEqualTo(service.getMetadata().getName());
                assertThat(servicePorts).as("%s: Ingress backend port", overlay).contains(path.getBackend().getService().getPort().getName());
            }));
        }
        for (GenericKubernetesResource monitor : built.custom("ServiceMonitor")) {
            Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
            assertThat(selects(selector, service.getMetadata().getLabels()))
                    .as("%s: ServiceMonitor selector %s matches the Service's labels %s", overlay, selector, service.getMetadata().getLabels())
                    .isTrue();
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            assertThat(endpoints).extracting(e -> e.get("port")).as("%s: ServiceMonitor ports", overlay).isSubsetOf(
                    new ArrayList<Object>(servicePorts));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void terminatesTlsWithCertManagerAndRateLimitsEachClientAtTheIngress(String overlay) {
        for (Ingress ingress : BuiltOverlay.of(overlay).all(Ingress.class)) {
            Map<String, String> annotations = Objects.requireNonNullElse(ingress.getMetadata().getAnnotations(), Map.of());
            assertThat(annotations).as("%s: Ingress annotations", overlay).containsKey("cert-manager.io/cluster-issuer");
            assertThat(annotations.keySet()).as("%s: Ingress rate limits", overlay)
                    .anyMatch(key -> key.startsWith("nginx.ingress.kubernetes.io/limit-"));
            List<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream()).toList();
            assertThat(ingress.getSpec().getRules()).extracting(rule -> rule.getHost())
                    .as("%s: every host the Ingress serves has a certificate", overlay).isSubsetOf(tlsHosts);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void letsOnlyTheIngressControllerAndPrometheusInAndTheAppOutOnlyToItsServers(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        List<NetworkPolicy> policies = built.all(NetworkPolicy.class);
        for (NetworkPolicy policy : policies) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            assertThat(built.podTemplates().values()).as("%s: %s podSelector %s selects a pod", overlay, describe(policy), selector)
                    .anyMatch(template -> selects(selector, template.getMetadata().getLabels()));
            assertThat(policy.getSpec().getPolicyTypes()).as("%s: %s policyTypes", overlay, describe(policy))
                    .contains("Ingress", "Egress");
            for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(), List.<NetworkPolicyIngressRule>of())) {
                assertThat(rule.getFrom()).as("%s: %s has an ingress rule open to everyone", overlay, describe(policy)).isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as("%s: %s lets an address block in", overlay, describe(policy)).isNull();
                    assertThat(peer.getNamespaceSelector()).as("%s: %s peer", overlay, describe(policy)).isNotNull();
                    assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .as("%s: %s lets in a namespace other than the ingress controller's or Prometheus'", overlay, describe(policy))
                            .containsOnlyKeys("kubernetes.io/metadata.name")
                            .extractingByKey("kubernetes.io/metadata.name").isIn(INGRESS_NAMESPACES);
                }
            }
            boolean backup = "backup".equals(selector.get(BuiltOverlay.COMPONENT));
            for (NetworkPolicyEgressRule rule : Objects.requireNonNullElse(policy.getSpec().getEgress(), List.<NetworkPolicyEgressRule>of())) {
                assertThat(rule.getPorts()).as("%s: %s has an egress rule to every port", overlay, describe(policy)).isNotEmpty();
                assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getPort).extracting(IntOrString::getIntVal)
                        .as("%s: %s egress ports (%s only)", overlay, describe(policy),
                                backup ? "DNS, pgBackRest, HTTPS" : "DNS, PostgreSQL, Redis, RabbitMQ, SFTP, SMTP")
                        .isSubsetOf(backup ? BACKUP_EGRESS_PORTS : EGRESS_PORTS);
            }
        }
        assertThat(policies).as("%s: a NetworkPolicy on the server pods", overlay)
                .anyMatch(policy -> selects(policy.getSpec().getPodSelector().getMatchLabels(), built.serverPodLabels()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void scalesTheDeploymentOutButNeverBelowItsReplicasAndOnlyRecommendsSizes(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Deployment server = built.server();
        List<HorizontalPodAutoscaler> autoscalers = built.all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> server.getMetadata().getName().equals(hpa.getSpec().getScaleTargetRef().getName())).toList();
        assertThat(autoscalers).as("%s: HorizontalPodAutoscalers of the service", overlay).hasSize(1);
        var target = autoscalers.get(0).getSpec().getScaleTargetRef();
        assertThat(List.of(target.getApiVersion(), target.getKind(), target.getName())).as("%s: the HPA's scaleTargetRef", overlay)
                .containsExactly("apps/v1", "Deployment", server.getMetadata().getName());
        assertThat(autoscalers.get(0).getSpec().getMinReplicas()).as("%s: HPA minReplicas", overlay)
                .isGreaterThanOrEqualTo(server.getSpec().getReplicas());

        for (GenericKubernetesResource vpa : built.custom("VerticalPodAutoscaler")) {
            assertThat((String) vpa.get("spec", "targetRef", "name")).as("%s: the VPA's target", overlay)
                    .isEqualTo(server.getMetadata().getName());
            // automatic updates would fight the HPA, which scales on CPU
            assertThat((String) vpa.get("spec", "updatePolicy", "updateMode")).as("%s: VPA updateMode", overlay).isEqualTo("Off");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void keepsTwoServerPodsUpThroughADrainWithoutBlockingIt(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        List<PodDisruptionBudget> budgets = built.all(PodDisruptionBudget.class).stream()
                .filter(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), built.serverPodLabels())).toList();
        assertThat(budgets).as("%s: PodDisruptionBudgets selecting the server pods %s", overlay, built.serverPodLabels())
                .hasSize(1);
        PodDisruptionBudget budget = budgets.get(0);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).as("%s: the PDB's minAvailable", overlay)
                .isEqualTo(2).isLessThan(built.server().getSpec().getReplicas());
    }

    static String httpPath(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    static boolean opens(Container container, IntOrString port) {
        List<ContainerPort> ports = Objects.requireNonNullElse(container.getPorts(), List.of());
        return port != null && ports.stream().anyMatch(p -> port.getStrVal() != null
                ? port.getStrVal().equals(p.getName()) : Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    static String portText(IntOrString port) {
        return port == null ? "none" : port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }

    private static void assertQuantity(Map<String, Quantity> values, String resource, String expected, String where) {
        Quantity actual = values == null ? null : values.get(resource);
        assertThat(actual).as("%s.%s", where, resource).isNotNull();
        BigDecimal amount = actual.getNumericalAmount();
        assertThat(amount).as("%s.%s is %s, expected %s", where, resource, actual, expected)
                .isEqualByComparingTo(new Quantity(expected).getNumericalAmount());
    }

    static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(Objects.requireNonNullElse(pod.getInitContainers(), List.of()));
        return all;
    }

    private static List<VolumeMount> mounts(Container container) {
        return Objects.requireNonNullElse(container.getVolumeMounts(), List.of());
    }

    private static Volume volume(PodSpec pod, String name) {
        return Objects.requireNonNullElse(pod.getVolumes(), List.<Volume>of()).stream().filter(v -> name.equals(v.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /** The tag of an image reference, or its digest; empty when it has neither. */
    static String tagOf(String image) {
        if (image == null) {
            return "";
        }
        int digest = image.indexOf('@');
        if (digest >= 0) {
            return image.substring(digest + 1);
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? "" : last.substring(colon + 1);
    }

    private static boolean isPlaceholder(String value) {
        return value == null || value.isBlank() || value.contains("CHANGE_ME");
    }

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
