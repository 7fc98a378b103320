/** The independent compliance verifier: re-times a planned route on its own and checks it against the plan and every pack rule, with verdicts. */
package dev.routeplan.planning.compliance.verify;
