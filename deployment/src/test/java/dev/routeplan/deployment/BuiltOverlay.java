package dev.routeplan.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay of {@code k8s/overlays/} as {@code kubectl kustomize} builds it (what
 * {@code kubectl apply -k} and scripts/deploy.sh send to the cluster), read into fabric8's typed
 * model. Kinds the model does not know (the Prometheus Operator's and the VPA's) come back as
 * {@link GenericKubernetesResource}. Each overlay is built once per test run.
 */
record BuiltOverlay(String name, List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, BuiltOverlay> BUILT = new ConcurrentHashMap<>();

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
        Path dir = Repository.file("k8s/overlays/" + overlay);
        String yaml = kustomize(dir);
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

    /** The one Deployment: the service. */
    Deployment server() {
        List<Deployment> deployments = all(Deployment.class);
        if (deployments.size() != 1) {
            throw new AssertionError(name + ": expected one Deployment, found " + deployments.size());
        }
        return deployments.get(0);
    }

    Map<String, String> serverPodLabels() {
        return server().getSpec().getTemplate().getMetadata().getLabels();
    }

    /** Every pod this overlay runs, by its owner: the Deployment's and each Job's template. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        Deployment server = server();
        templates.put("Deployment/" + server.getMetadata().getName(), server.getSpec().getTemplate());
        for (Job job : all(Job.class)) {
            templates.put("Job/" + job.getMetadata().getName(), job.getSpec().getTemplate());
        }
        return templates;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
