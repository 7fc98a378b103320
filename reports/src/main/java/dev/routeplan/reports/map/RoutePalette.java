package dev.routeplan.reports.map;

import java.awt.Color;
import java.util.List;

/**
 * Twelve route colours that stay apart on white and light grey, dark enough to carry white
 * sequence numbers (Tableau 10 plus two, without the greys). Routes beyond twelve reuse them in
 * order; the legend tells routes of the same colour apart.
 */
public final class RoutePalette {

    private static final List<Color> COLOURS = List.of(
            new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
            new Color(0xBCBD22), new Color(0x393B79), new Color(0xAD494A), new Color(0x637939));

    private RoutePalette() {
    }

    /** The colour of the route drawn {@code index}-th (from 0). */
    public static Color colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    public static int size() {
        return COLOURS.size();
    }
}
