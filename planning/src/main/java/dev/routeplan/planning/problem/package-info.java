/** What one depot's day asks to plan and under which rules, from the rule pack ({@code DepotProblems}); {@code VehicleRules} applies those rules for the solver's model and the hand planner alike. */
package dev.routeplan.planning.problem;
