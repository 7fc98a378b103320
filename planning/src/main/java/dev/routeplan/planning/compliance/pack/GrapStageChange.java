package dev.routeplan.planning.compliance.pack;

import java.time.OffsetDateTime;

/** A CAQM order: from {@code effectiveFrom} the GRAP stage in force is {@code stage} (0 = none). */
public record GrapStageChange(OffsetDateTime effectiveFrom, int stage, String source) {

    public GrapStageChange {
        if (stage < 0 || stage > 4) {
            throw new IllegalArgumentException("GRAP stage must be 0 to 4, was " + stage);
        }
    }
}
