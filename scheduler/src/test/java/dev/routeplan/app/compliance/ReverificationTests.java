package dev.routeplan.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routeplan.app.runs.PlanJobTest;
import dev.routeplan.app.runs.PlanRuns;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.verify.StoredPlanVerifier;
import dev.routeplan.batch.verify.StoredPlanVerifier.CheckedRoute;
import dev.routeplan.planning.compliance.pack.GrapCalendar;
import dev.routeplan.planning.compliance.pack.Rule;
import dev.routeplan.planning.compliance.pack.RulePack;
import dev.routeplan.planning.compliance.verify.RouteVerdict;
import dev.routeplan.planning.compliance.verify.RuleCheck;
import dev.routeplan.planning.compliance.verify.Verdict;
import dev.routeplan.planning.domain.Vehicle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlanJobTest
class ReverificationTests {

    @Autowired
    PlanRuns runs;
    @Autowired
    Reverification reverification;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StoredPlanVerifier storedPlans;
    @Autowired
    FleetStore fleet;
    @Autowired
    RulePack rulePack;
    @TempDir
    Path temp;

    private static final java.util.concurrent.atomic.AtomicInteger DATES = new java.util.concurrent.atomic.AtomicInteger();

    LocalDate date;

    @BeforeEach
    void planTheSampleDayWithoutGrap() throws Exception {
        date = LocalDate.of(2027, 1, 10).plusDays(DATES.getAndIncrement());
        Path input = Files.createDirectories(temp.resolve("in"));
        for (String name : List.of("orders.csv", "fleet.csv", "depots.csv")) {
            Files.copy(Path.of("../samples", name), input.resolve(name));
        }
        // at planning time (17:00 the day before) stage II is in force
        Files.writeString(input.resolve("grap.csv"), "effective_from,stage,source\n"
                + date.minusDays(3) + "T08:00+05:30,2,CAQM order invoking stage II (test)\n");
        runs.run(date, input, temp.resolve("out"), null, 1);
    }

    @Test
    void aWhatIfAtAHigherStageListsTheRoutesThatWouldBecomeIllegalAndChangesNothing() throws Exception {
        List<String> before = statuses();

        Reverification.Result result = reverification.reverify(date, 4, null, null, null, false, "test");

        assertThat(result.newlyIllegal()).isNotEmpty().allSatisfy(change ->
                assertThat(change.failures()).anySatisfy(f -> assertThat(f).startsWith("DL-GRAP")));
        assertThat(statuses()).isEqualTo(before);
        assertThat(audit("WHAT_IF")).isEqualTo(1);
    }

    @Test
    void aWhatIfAtStageFourCitesOnlyRulesWhoseTriggerHappened() throws Exception {
        Set<String> entryRules = rulePack.rules().stream().filter(r -> "entry".equals(r.mode())).map(Rule::id)
                .collect(Collectors.toSet());
        Map<String, Vehicle> vehicles = fleet.vehiclesById(date);

        Reverification.Result result = reverification.reverify(date, 4, null, null, null, false, "test");
        List<CheckedRoute> checked = fleet.depotIds(date).stream()
                .flatMap(depot -> storedPlans.verify(date, depot, rulePack, GrapCalendar.constant(4, "what-if")).stream())
                .toList();

        assertThat(checked).isNotEmpty().allSatisfy(route -> {
            String vehicle = route.verdict().vehicleId();
            for (RuleCheck check : route.verdict().checks()) {
                if (entryRules.contains(check.ruleId()) && check.verdict() != Verdict.NOT_APPLICABLE
                        && check.verdict() != Verdict.NOT_EVALUATED) {
                    // an entry rule that passes, fails or exempts names the entry that triggered it
                    assertThat((List<?>) check.evidence().get("entries")).as(vehicle + " " + check.ruleId()).isNotEmpty();
                }
            }
            // stage IV is the highest: no forecast can raise it
            assertThat(route.verdict().check("DL-GRAP-FORECAST-RISK").orElseThrow().verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            if (vehicles.get(vehicle).registeredInDelhi()) {
                assertThat(route.verdict().check("DL-GRAP4-NONBS6-OUTSIDE-ALL").orElseThrow().verdict())
                        .as(vehicle).isEqualTo(Verdict.NOT_APPLICABLE);
            }
        });
        Map<String, RouteVerdict> verdicts = checked.stream()
                .collect(Collectors.toMap(c -> c.verdict().vehicleId(), CheckedRoute::verdict));
        assertThat(result.routes()).allSatisfy(change -> change.failures().stream()
                .map(failure -> failure.substring(0, failure.indexOf(':')))
                .filter(entryRules::contains)
                .forEach(rule -> assertThat((List<?>) verdicts.get(change.vehicleId()).check(rule).orElseThrow()
                        .evidence().get("entries")).as(change.vehicleId() + " " + rule).isNotEmpty()));
    }

    @Test
    void aStageRaisedBeforeDispatchWithdrawsTheRoutesItMakesIllegal() throws Exception {
        // CAQM invokes stage IV effective 07:00 on the plan date, after the plan was made
        Path newer = Files.writeString(temp.resolve("grap.csv"), "effective_from,stage,source\n"
                + date.minusDays(3) + "T08:00+05:30,2,CAQM order invoking stage II (test)\n"
                + date + "T07:00+05:30,4,CAQM order invoking stage IV (test)\n");
        OffsetDateTime dispatch = OffsetDateTime.parse(date + "T08:00+05:30");

        Reverification.Result result = reverification.reverify(date, null, null, newer, dispatch, true, "dispatcher");

        assertThat(result.grapStage()).startsWith("4 at ");
        assertThat(result.withdrawn()).isEqualTo(result.newlyIllegal().size()).isPositive();
        result.newlyIllegal().forEach(change -> assertThat(status(change.vehicleId())).isEqualTo("BLOCKED"));
        assertThat(audit("DISPATCH")).isEqualTo(1);
    }

    @Test
    void aLoweredStageBlocksNothingNew() throws Exception {
        Reverification.Result result = reverification.reverify(date, 0, null, null, null, true, "dispatcher");

        assertThat(result.newlyIllegal()).isEmpty();
        assertThat(result.withdrawn()).isZero();
    }

    @Test
    void refusesADateWithoutAStoredPlanAndAuditsNothing() {
        LocalDate neverPlanned = date.plusYears(5);

        assertThatThrownBy(() -> reverification.reverify(neverPlanned, 4, null, null, null, true, "dispatcher"))
                .isInstanceOf(Reverification.NoStoredPlanException.class)
                .hasMessage("no stored plan for " + neverPlanned);
        assertThat(jdbc.sql("select count(*) from verification_audit where plan_date = ?").param(neverPlanned)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theNightlyVerificationLeftAnAuditRecordPerDepotWithTheCalendarAsSource() {
        List<String> sources = jdbc.sql("select grap_source from verification_audit where plan_date = ? and mode = 'NIGHTLY'")
                .param(date).query(String.class).list();

        assertThat(sources).hasSize(3).allSatisfy(source -> assertThat(source).contains("grap.csv", "CAQM order invoking stage II"));
    }

    private List<String> statuses() {
        return jdbc.sql("select status from routes where plan_date = ? order by vehicle_id").param(date).query(String.class).list();
    }

    private String status(String vehicleId) {
        return jdbc.sql("select status from routes where plan_date = ? and vehicle_id = ?").params(date, vehicleId)
                .query(String.class).single();
    }

    private long audit(String mode) {
        return jdbc.sql("select count(*) from verification_audit where plan_date = ? and mode = ?").params(date, mode)
                .query(Long.class).single();
    }
}
