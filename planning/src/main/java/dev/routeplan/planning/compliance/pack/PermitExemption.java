package dev.routeplan.planning.compliance.pack;

import dev.routeplan.planning.domain.Fuel;
import dev.routeplan.planning.domain.Vehicle;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code exempt_if} condition of a document rule; all its parts must hold. The fuel part
 * counts only while the pack says the state exemption is in force (states may withdraw it).
 *
 * @param gvwKgAtMost null when the condition has no weight part
 * @param fuels       empty when the condition has no fuel part
 */
public record PermitExemption(Integer gvwKgAtMost, Set<Fuel> fuels, boolean stateExemptionInForce) {

    public PermitExemption {
        fuels = SortedSets.copyOf(fuels);
    }

    /** The proof in words if the vehicle meets this condition. */
    Optional<String> proofFor(Vehicle v) {
        if (gvwKgAtMost != null && v.gvwKg() > gvwKgAtMost) {
            return Optional.empty();
        }
        if (!fuels.isEmpty() && (!stateExemptionInForce || !fuels.contains(v.fuel()))) {
            return Optional.empty();
        }
        StringBuilder proof = new StringBuilder();
        if (gvwKgAtMost != null) {
            proof.append("gvw ").append(v.gvwKg()).append(" kg <= ").append(gvwKgAtMost).append(" kg");
        }
        if (!fuels.isEmpty()) {
            proof.append(proof.isEmpty() ? "" : " and ").append("fuel ").append(v.fuel())
                    .append(" with state exemption in force");
        }
        return Optional.of(proof.toString());
    }
}
