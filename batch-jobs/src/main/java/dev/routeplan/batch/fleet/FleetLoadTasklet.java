package dev.routeplan.batch.fleet;

import dev.routeplan.batch.ingest.ServiceArea;
import dev.routeplan.batch.ingest.format.InputTables;
import dev.routeplan.batch.job.PlanRunParameters;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.FleetStore.FleetVehicle;
import dev.routeplan.batch.store.InputFile;
import dev.routeplan.batch.store.InputFileKind;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.planning.compliance.pack.Ineligibility;
import dev.routeplan.planning.compliance.pack.VehicleEligibility;
import dev.routeplan.planning.domain.Depot;
import dev.routeplan.planning.domain.Vehicle;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Loads the depots and vehicles for the date, with the day's no-entry permits and GRAP calendar,
 * and sets aside, with the rule and reason, every
 * vehicle that may not run that day (age limit, expired PUC or permit). Replaces the date's
 * fleet whole, so a re-run loads the same fleet once.
 */
public class FleetLoadTasklet implements Tasklet {

    private final InputFileStore files;
    private final FleetStore fleet;
    private final VehicleEligibility eligibility;
    private final FleetFileReader reader;
    private final ConditionsFileReader conditionsReader;
    private final ConditionsStore conditions;

    public FleetLoadTasklet(InputFileStore files, FleetStore fleet, VehicleEligibility eligibility,
                            ConditionsStore conditions, InputTables tables, ServiceArea serviceArea) {
        this.conditions = conditions;
        this.reader = new FleetFileReader(tables, serviceArea);
        this.conditionsReader = new ConditionsFileReader(tables);
        this.files = files;
        this.fleet = fleet;
        this.eligibility = eligibility;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        PlanRunParameters run = PlanRunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        InputFile depotsFile = required(run, InputFileKind.DEPOTS, "depots.csv");
        InputFile fleetFile = required(run, InputFileKind.FLEET, "fleet.csv");
        List<Depot> depots = reader.depots(depotsFile.stagedPath(), depotsFile.fileName());
        Set<String> depotIds = depots.stream().map(Depot::id).collect(Collectors.toSet());
        List<Vehicle> vehicles = reader.vehicles(fleetFile.stagedPath(), fleetFile.fileName(), depotIds);
        List<FleetVehicle> checked = vehicles.stream().map(v -> new FleetVehicle(v, setAsideReason(v, run))).toList();
        fleet.replace(run.planDate(), depots, checked);
        var permits = files.latest(run.planDate(), InputFileKind.PERMITS)
                .map(f -> conditionsReader.permits(f.stagedPath(), f.fileName())).orElse(List.of());
        var grap = files.latest(run.planDate(), InputFileKind.GRAP)
                .map(f -> conditionsReader.grapCalendar(f.stagedPath(), f.fileName())).orElse(List.of());
        conditions.replace(run.planDate(), permits, grap);
        long setAside = checked.stream().filter(v -> !v.eligible()).count();
        contribution.incrementWriteCount(checked.size());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("summary",
                depots.size() + " depots, " + checked.size() + " vehicles, " + setAside + " set aside, "
                        + permits.size() + " no-entry permits, " + grap.size() + " GRAP stage changes");
        return RepeatStatus.FINISHED;
    }

    private String setAsideReason(Vehicle vehicle, PlanRunParameters run) {
        List<Ineligibility> problems = eligibility.check(vehicle, run.planDate());
        return problems.isEmpty() ? null
                : problems.stream().map(p -> p.ruleId() + ": " + p.reason()).collect(Collectors.joining("; "));
    }

    private InputFile required(PlanRunParameters run, InputFileKind kind, String name) {
        return files.latest(run.planDate(), kind).orElseThrow(() -> new IllegalStateException(
                "no " + name + " for " + run.planDate() + " in " + run.inputDir()));
    }
}
