package dev.routeplan.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay of {@code k8s/overlays/} as {@code kubectl kustomize} builds it (what
 * {@code kubectl apply -k} and scripts/deploy.sh send to the cluster), read into fabric8's typed
 * model. Kinds the model does not know (the Prometheus Operator's, the VPA's, KEDA's) come back as
 * {@link GenericKubernetesResource}. Each overlay is built once per test run.
 */
record BuiltOverlay(String name, List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, BuiltOverlay> BUILT = new ConcurrentHashMap<>();
    static final String COMPONENT = "app.kubernetes.io/component";

    /** The overlays' names: every folder under k8s/overlays with a kustomization.yaml. */
    static Stream<String> names() throws IOException {
        try (Stream<Path> dirs = Files.list(Repository.file("k8s/overlays"))) {
            List<String> names = dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no overlay under k8s/overlays");
            }
            return names.stream();
        }
    }

    static BuiltOverlay of(String overlay) {
        return BUILT.computeIfAbsent(overlay, BuiltOverlay::build);
    }

    private static BuiltOverlay build(String overlay) {
        return read(overlay, kustomize(Repository.file("k8s/overlays/" + overlay)));
    }

    /**
     * The overlay as an operator builds it after adding {@code components: [../../components/COMPONENT]}
     * to its kustomization.yaml (k8s/README.md): on a scratch copy of k8s/ and config/rules/, the
     * repository's files untouched.
     */
    static BuiltOverlay withComponent(String overlay, String component) {
        return BUILT.computeIfAbsent(overlay + "+" + component, key -> {
            Path copy = null;
            try {
                copy = Files.createTempDirectory("routeplan-k8s-");
                copyTree(Repository.file("k8s"), copy.resolve("k8s"));
                copyTree(Repository.file("config/rules"), copy.resolve("config/rules"));
                Path kustomization = copy.resolve("k8s/overlays/" + overlay + "/kustomization.yaml");
                Files.writeString(kustomization, Files.readString(kustomization)
                        + "\ncomponents:\n  - ../../components/" + component + "\n");
                return read(overlay, kustomize(kustomization.getParent()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteTree(copy);
            }
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scratch copy " + root, e);
        }
    }

    private static BuiltOverlay read(String overlay, String yaml) {
        Object read = SERIALIZATION.unmarshal(yaml);
        List<HasMetadata> objects;
        if (read instanceof List<?> list) {
            objects = list.stream().map(HasMetadata.class::cast).toList();
        } else if (read instanceof KubernetesList list) {
            objects = list.getItems();
        } else {
            objects = List.of((HasMetadata) read);
        }
        return new BuiltOverlay(overlay, objects);
    }

    private static String kustomize(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not on the PATH: the overlays are built with `kubectl kustomize`"
                    + " (kubectl 1.32 with kustomize v5 comes with the machine, see STACK.md)", e);
        }
        try {
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String out = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + errors.join());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building " + dir, e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The namespace scripts/deploy.sh works in for this overlay. */
    String namespace() {
        return "routeplan-" + name;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    /** The service's Deployment: the one labelled {@code app.kubernetes.io/component: server}. */
    Deployment server() {
        return deployment("server");
    }

    /** The partition workers' Deployment: the one labelled {@code app.kubernetes.io/component: worker}. */
    Deployment worker() {
        return deployment("worker");
    }

    private Deployment deployment(String component) {
        List<Deployment> deployments = all(Deployment.class).stream()
                .filter(d -> component.equals(labels(d).get(COMPONENT))).toList();
        if (deployments.size() != 1) {
            throw new AssertionError(name + ": expected one Deployment labelled " + COMPONENT + ": " + component + ", found "
                    + deployments.size());
        }
        return deployments.get(0);
    }

    Map<String, String> serverPodLabels() {
        return server().getSpec().getTemplate().getMetadata().getLabels();
    }

    Map<String, String> workerPodLabels() {
        return worker().getSpec().getTemplate().getMetadata().getLabels();
    }

    /** Every pod this overlay runs, by its owner: each Deployment's, each Job's and each CronJob's template. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        for (Deployment deployment : all(Deployment.class)) {
            templates.put("Deployment/" + deployment.getMetadata().getName(), deployment.getSpec().getTemplate());
        }
        for (Job job : all(Job.class)) {
            templates.put("Job/" + job.getMetadata().getName(), job.getSpec().getTemplate());
        }
        for (CronJob cronJob : all(CronJob.class)) {
            templates.put("CronJob/" + cronJob.getMetadata().getName(), cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        return templates;
    }

    static Map<String, String> labels(HasMetadata object) {
        return Objects.requireNonNullElse(object.getMetadata().getLabels(), Map.of());
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
