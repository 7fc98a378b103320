package dev.routeplan.batch.optimise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the optimise step's solver stops ({@code routeplan.solver.*}).
 *
 * @param localSearchSteps 0 (the default): each depot's search stops at the run's time budget
 *                         ({@code --solver-seconds}). A positive count stops it after that many
 *                         local-search steps instead: the same input and seed then give the same plan
 *                         on any machine and under any load, which a time budget cannot promise. For
 *                         comparing runs, e.g. a depot solved in this process against one solved by a
 *                         remote worker; every process of the run must have the same count.
 */
@ConfigurationProperties("routeplan.solver")
public record SolverProperties(@DefaultValue("0") int localSearchSteps) {
}
