package dev.routeplan.batch.store;

/** What a published file is, stored by name in {@code artifacts.kind}. */
public enum ArtifactKind {
    /** A depot's route map. */
    ROUTE_MAP_PNG,
    /** A depot's plan workbook. */
    PLAN_XLSX,
    /** A depot's driver manifests. */
    MANIFEST_PDF,
    /** The workbook of all depots. */
    RUN_PLAN_XLSX,
    ROUTES_CSV,
    UNASSIGNED_CSV,
    /** The run's rejected rows, and each orders file's own rejects given back to its sender. */
    REJECTS_CSV,
    /** An orders file's rejects given back to its sender as a workbook. */
    REJECTS_XLSX,
    /** Every vehicle of the date that ran no published route, with the rule and the evidence. */
    VEHICLES_SET_ASIDE_CSV,
    COMPLIANCE_PDF,
    COMPLIANCE_XLSX,
    SUMMARY_JSON
}
