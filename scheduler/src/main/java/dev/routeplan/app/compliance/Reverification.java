package dev.routeplan.app.compliance;

import dev.routeplan.planning.domain.RouteStatus;
import dev.routeplan.batch.fleet.ConditionsFileReader;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.batch.store.AuditStore;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.PlanStore;
import dev.routeplan.batch.verify.StoredPlanVerifier;
import dev.routeplan.batch.verify.StoredPlanVerifier.CheckedRoute;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.pack.RulePackLoader;
import dev.routeplan.planning.compliance.verify.RuleCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Re-verifies a stored plan against another GRAP stage, another rule pack, or the stage in force
 * at dispatch time, without re-planning. As a what-if it changes nothing; at dispatch
 * ({@code withdraw}) it withdraws the routes that became illegal. A lowered stage never releases
 * a route that was blocked: only planning again does.
 */
@Service
public class Reverification {

    /** What one route's verdict would be now, against how it was stored. */
    public record RouteChange(String depotId, String vehicleId, RouteStatus storedStatus, boolean illegalNow,
                              List<String> failures) {
        public boolean newlyIllegal() {
            return illegalNow && storedStatus == RouteStatus.PASSED;
        }
    }

    /** The outcome of one re-verification. */
    public record Result(RulePack pack, String grapStage, String grapSource, List<RouteChange> routes, int withdrawn) {
        public List<RouteChange> newlyIllegal() {
            return routes.stream().filter(RouteChange::newlyIllegal).toList();
        }
    }

    /** The date was never planned (or only ingested): there is nothing to verify, which is not "all legal". */
    public static class NoStoredPlanException extends RuntimeException {
        public NoStoredPlanException(LocalDate date) {
            super("no stored plan for " + date);
        }
    }

    private final FleetStore fleet;
    private final PlanStore plans;
    private final ConditionsStore conditions;
    private final StoredPlanVerifier verifier;
    private final AuditStore audit;
    private final RulePack rulePack;

    public Reverification(FleetStore fleet, PlanStore plans, ConditionsStore conditions, StoredPlanVerifier verifier,
                          AuditStore audit, RulePack rulePack) {
        this.fleet = fleet;
        this.plans = plans;
        this.conditions = conditions;
        this.verifier = verifier;
        this.audit = audit;
        this.rulePack = rulePack;
    }

    /**
     * @param grapStage a stage to assume, or null
     * @param rules     another rule pack file, or null for the configured one
     * @param calendar  a newer GRAP calendar (a {@code grap.csv} with CAQM's latest orders), or null for the stored one
     * @param at        a moment (e.g. dispatch) whose stage in the calendar is used, or null
     * @param withdraw  mark routes that became illegal BLOCKED
     * @throws NoStoredPlanException when the date has no stored plan (nothing is audited then)
     */
    public Result reverify(LocalDate date, Integer grapStage, Path rules, Path calendar, OffsetDateTime at,
                           boolean withdraw, String startedBy) throws IOException {
        RulePack pack = rules == null ? rulePack : RulePackLoader.load(rules);
        GrapCalendar grap = grapCalendar(date, grapStage, calendar, at);
        List<RouteChange> changes = new ArrayList<>();
        int withdrawn = 0;
        for (String depotId : fleet.depotIds(date)) {
            for (CheckedRoute checked : verifier.verify(date, depotId, pack, grap)) {
                List<String> failures = checked.verdict().checks().stream().filter(RuleCheck::blocks)
                        .map(c -> c.ruleId() + ": " + c.message()).toList();
                RouteChange change = new RouteChange(depotId, checked.verdict().vehicleId(), checked.stored().status(),
                        checked.verdict().blocked(), failures);
                if (withdraw && change.newlyIllegal()) {
                    plans.setStatus(date, change.vehicleId(), RouteStatus.BLOCKED);
                    withdrawn++;
                }
                changes.add(change);
            }
        }
        if (changes.isEmpty() && noStoredPlan(date)) {
            throw new NoStoredPlanException(date);
        }
        String stage = grapStage != null ? String.valueOf(grapStage)
                : at != null ? grap.stageAt(at) + " at " + at : "calendar";
        long failed = changes.stream().filter(RouteChange::illegalNow).count();
        audit.record(new AuditStore.Verification(date, startedBy, withdraw ? "DISPATCH" : "WHAT_IF", pack, stage,
                grap.source(), changes.size(), (int) (changes.size() - failed), (int) failed, withdrawn));
        return new Result(pack, stage, grap.source(), changes, withdrawn);
    }

    /** A plan whose orders were all left unassigned has no routes, yet it is a plan. */
    private boolean noStoredPlan(LocalDate date) {
        return fleet.depotIds(date).stream().allMatch(depotId -> plans.unassigned(date, depotId).isEmpty());
    }

    private GrapCalendar grapCalendar(LocalDate date, Integer grapStage, Path file, OffsetDateTime at) throws IOException {
        if (grapStage != null) {
            return GrapCalendar.constant(grapStage, "what-if --grap-stage " + grapStage);
        }
        GrapCalendar calendar = file == null ? conditions.grapCalendar(date, null)
                : new GrapCalendar(new ConditionsFileReader(InputTables.withDefaultLimit()).grapCalendar(file, file.getFileName().toString()),
                        file.getFileName() + " given to verify");
        return at == null ? calendar
                : GrapCalendar.constant(calendar.stageAt(at), "stage in force at " + at + " (" + calendar.source() + ")");
    }
}
