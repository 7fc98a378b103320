/** The rule pack: its model, the loader of the YAML and zone files, GRAP calendar, ECC schedule, and what the pack says about one vehicle. */
package dev.routeplan.planning.compliance.pack;
