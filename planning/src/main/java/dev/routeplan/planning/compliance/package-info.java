/** Delhi's delivery rules: {@code pack} says what the rules are, {@code verify} checks a planned route against them. */
package dev.routeplan.planning.compliance;
