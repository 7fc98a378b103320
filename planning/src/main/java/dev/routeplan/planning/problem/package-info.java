/** What one depot's day asks to plan and under which rules (orders, fleet, no-entry hours, zones, driver limits), read by solver, hand planner and verifier alike. */
package dev.routeplan.planning.problem;
