package dev.routeplan.batch.job;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly job; the defaults run the demo from the repository root.
 *
 * @param rulePack       the rule pack YAML; falls back to the copy inside the jar when absent
 * @param partitionThreads threads for partitioned steps (optimise and verify run one depot each)
 * @param chunkSize      rows per ingest transaction
 * @param circuityFactor road distance over straight-line distance in Delhi
 */
@ConfigurationProperties("routeplan")
public record RouteplanProperties(
        @DefaultValue("config/rules/delhi.yaml") Path rulePack,
        @DefaultValue("2") int partitionThreads,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("1.35") double circuityFactor) {
}
