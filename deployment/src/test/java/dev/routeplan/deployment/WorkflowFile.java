package dev.routeplan.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A file under .github/ as GitHub reads it: the YAML tree (Jackson keeps {@code on:} a string key,
 * where a YAML 1.1 reader would turn it into {@code true}) and the text, for what the tree loses
 * (comments, the way a secret is written).
 */
record WorkflowFile(String path, JsonNode tree, String text) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static WorkflowFile read(String path) {
        String text = Repository.read(path);
        return new WorkflowFile(path, YAML.readTree(text), text);
    }

    /** Every workflow under .github/workflows. */
    static List<WorkflowFile> workflows() throws IOException {
        try (Stream<Path> files = Files.list(Repository.file(".github/workflows"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml")).sorted()
                    .map(n -> read(".github/workflows/" + n)).toList();
        }
    }

    JsonNode on() {
        return tree.path("on");
    }

    JsonNode job(String id) {
        JsonNode job = tree.path("jobs").path(id);
        if (job.isMissingNode()) {
            throw new AssertionError(path + ": no job " + id);
        }
        return job;
    }

    List<Map.Entry<String, JsonNode>> jobs() {
        return new ArrayList<>(tree.path("jobs").properties());
    }

    /** Every step of every job, with the job's id. */
    List<Map.Entry<String, JsonNode>> steps() {
        List<Map.Entry<String, JsonNode>> steps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> job : jobs()) {
            for (JsonNode step : job.getValue().path("steps")) {
                steps.add(Map.entry(job.getKey(), step));
            }
        }
        return steps;
    }

    /** The strings of a node that may be one string or a list of them. */
    static List<String> strings(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            return node.values().stream().map(JsonNode::asString).toList();
        }
        return List.of(node.asString());
    }

    @Override
    public String toString() {
        return path;
    }
}
