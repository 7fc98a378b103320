package dev.routeplan.app.cli;

import dev.routeplan.app.runs.PlanDateRuns;
import dev.routeplan.app.runs.RunResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code routeplan} command has: its invocation (console, Spring settings), {@code --help}, and its own spec for usage errors. */
abstract class Subcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    HelpOption help;

    final Invocation invocation;

    Subcommand(Invocation invocation) {
        this.invocation = invocation;
    }

    /** Starts the application, runs, ingests or restarts a date, and reports how it ended as the exit status. */
    final int runAndReport(PlanDateUseCase useCase) throws Exception {
        HeapPeak.start();
        RunResult result = invocation.inApplication(app -> useCase.call(app.getBean(PlanDateRuns.class)));
        return new RunReport(invocation.out(), invocation.err()).report(result);
    }

    @FunctionalInterface
    interface PlanDateUseCase {
        RunResult call(PlanDateRuns runs) throws Exception;
    }
}
