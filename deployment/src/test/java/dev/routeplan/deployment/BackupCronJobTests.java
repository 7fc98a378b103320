package dev.routeplan.deployment;

import static dev.routeplan.deployment.BuiltOverlay.selects;
import static dev.routeplan.deployment.KubernetesManifestsTests.BACKUP_EGRESS_PORTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database's backups in each built overlay (issue 17; docs/reliability.md): a CronJob that runs
 * the operators' scripts/backup.sh from the service's image every night in India's time zone, one
 * run at a time, with pgBackRest's configuration from a ConfigMap this overlay builds, an encrypted
 * repository whose passphrase is in the operator's Secret, and a NetworkPolicy that lets it reach
 * only DNS, the database host's pgBackRest server and the object store. Non-root, read-only root and
 * the emptyDirs are checked for its pod by {@link KubernetesManifestsTests}, which walks every pod.
 */
class BackupCronJobTests {

    static Stream<String> overlays() throws Exception {
        return BuiltOverlay.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void backsUpEveryNightInIndiaTimeOneRunAtATime(String overlay) {
        CronJob backup = backup(BuiltOverlay.of(overlay));
        assertThat(backup.getSpec().getSchedule()).as("%s: schedule", overlay).isEqualTo("30 1 * * *");
        assertThat(backup.getSpec().getTimeZone()).as("%s: timeZone", overlay).isEqualTo("Asia/Kolkata");
        assertThat(backup.getSpec().getConcurrencyPolicy()).as("%s: concurrencyPolicy", overlay).isEqualTo("Forbid");
        assertThat(pod(backup).getRestartPolicy()).as("%s: restartPolicy", overlay).isEqualTo("Never");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void runsTheOperatorsBackupScriptFromTheImageTheServiceRollsOut(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        Container backup = container(backup(built));
        assertThat(backup.getImage()).as("%s: the backup's image", overlay)
                .isEqualTo(built.server().getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertThat(backup.getCommand()).as("%s: command", overlay).containsExactly("/opt/routeplan/scripts/backup.sh");
        assertThat(backup.getArgs()).as("%s: args", overlay).containsExactly("nightly");
        assertThat(Repository.read("Dockerfile")).as("the image carries the script and the library it sources")
                .contains("COPY --chown=root:root scripts/backup.sh /opt/routeplan/scripts/backup.sh")
                .contains("COPY --chown=root:root scripts/lib/pgbackrest.sh /opt/routeplan/scripts/lib/pgbackrest.sh")
                .containsPattern("apt-get install [^\\n]*\\bpgbackrest\\b");
        assertThat(Repository.read(".dockerignore")).contains("!scripts/backup.sh", "!scripts/lib/pgbackrest.sh");
        assertThat(Repository.read("scripts/backup.sh")).as("scripts/backup.sh knows the command the CronJob gives it")
                .contains("  nightly)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void readsItsConfigurationFromTheConfigMapAndItsSecretsFromTheOperatorsSecret(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        CronJob backup = backup(built);
        Container container = container(backup);
        String configFile = env(container, "PGBACKREST_CONFIG");
        VolumeMount mount = Objects.requireNonNull(container.getVolumeMounts()).stream()
                .filter(m -> configFile.equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": nothing is mounted on PGBACKREST_CONFIG " + configFile));
        Volume volume = pod(backup).getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getConfigMap()).as("%s: %s comes from a ConfigMap", overlay, configFile).isNotNull();
        ConfigMap map = built.all(ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().equals(volume.getConfigMap().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": the ConfigMap " + volume.getConfigMap().getName() + " is not built"));
        String conf = map.getData().get(mount.getSubPath());
        assertThat(conf).as("%s: pgbackrest.conf", overlay)
                .contains("repo1-cipher-type=aes-256-cbc", "repo1-retention-full=", "pg1-host-type=tls")
                .doesNotContain("cipher-pass", "s3-key");
        // the root filesystem is read-only: pgBackRest's lock and spool go to the /tmp emptyDir
        assertThat(conf).contains("lock-path=/tmp/", "spool-path=/tmp/");
        assertThat(container.getEnvFrom()).extracting(from -> from.getSecretRef().getName()).containsExactly("routeplan-secrets");
        assertThat(Repository.read("k8s/base/secret.example.env")).as("the Secret's template names the repository's secrets")
                .contains("PGBACKREST_REPO1_CIPHER_PASS=", "PGBACKREST_REPO1_S3_KEY=", "PGBACKREST_REPO1_S3_KEY_SECRET=");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void letsTheBackupOutOnlyToDnsTheDatabaseHostsPgbackrestAndTheObjectStore(String overlay) {
        BuiltOverlay built = BuiltOverlay.of(overlay);
        var podLabels = backup(built).getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> policies = built.all(NetworkPolicy.class).stream()
                .filter(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), podLabels)).toList();
        assertThat(policies).as("%s: NetworkPolicies selecting the backup pods", overlay).hasSize(1);
        NetworkPolicy policy = policies.get(0);
        assertThat(policy.getSpec().getIngress()).as("%s: nothing comes in", overlay).isNullOrEmpty();
        assertThat(policy.getSpec().getEgress()).flatExtracting(NetworkPolicyEgressRule::getPorts)
                .extracting(NetworkPolicyPort::getPort).extracting(IntOrString::getIntVal)
                .as("%s: egress ports", overlay).containsOnly(BACKUP_EGRESS_PORTS.toArray(Integer[]::new));
    }

    private static CronJob backup(BuiltOverlay built) {
        return built.all(CronJob.class).stream().filter(c -> "routeplan-backup".equals(c.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no CronJob routeplan-backup"));
    }

    private static PodSpec pod(CronJob cronJob) {
        return cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    }

    private static Container container(CronJob cronJob) {
        List<Container> containers = pod(cronJob).getContainers();
        assertThat(containers).as("CronJob %s: containers", cronJob.getMetadata().getName()).hasSize(1);
        return containers.get(0);
    }

    private static String env(Container container, String name) {
        return Objects.requireNonNull(container.getEnv()).stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("the backup container sets no " + name));
    }
}
