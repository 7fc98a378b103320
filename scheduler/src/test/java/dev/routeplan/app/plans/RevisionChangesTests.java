package dev.routeplan.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.plans.RevisionChanges.Changes;
import dev.routeplan.app.plans.RevisionChanges.Move;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What changed between two revisions' routes, as a planner asks it: which routes, which orders went where. */
class RevisionChangesTests {

    @Test
    void namesRoutesAddedAndRemovedOrdersMovedAndOrdersOnAndOffTheRoutes() {
        Map<String, List<String>> before = Map.of("V1", List.of("O1", "O3"), "V3", List.of("O2"), "V5", List.of("O6", "O7"));
        Map<String, List<String>> after = Map.of("V1", List.of("O1", "O2"), "V4", List.of("O5"), "V5", List.of("O7", "O6"));

        Changes changes = RevisionChanges.compare(before, after);

        assertThat(changes.routesAdded()).containsExactly("V4");
        assertThat(changes.routesRemoved()).containsExactly("V3");
        assertThat(changes.ordersMoved()).containsExactly(new Move("O2", "V3", "V1"));
        assertThat(changes.ordersAdded()).containsExactly("O5");
        assertThat(changes.ordersDropped()).containsExactly("O3");
        assertThat(changes.routesResequenced()).as("same orders, another sequence").containsExactly("V5");
        assertThat(changes.sameRoutes()).isFalse();
    }

    @Test
    void findsNothingWhenTheRoutesAreTheSame() {
        Map<String, List<String>> routes = Map.of("V1", List.of("O1", "O2"));

        assertThat(RevisionChanges.compare(routes, Map.copyOf(routes)).sameRoutes()).isTrue();
    }
}
