package dev.routeplan.planning.sample;

import dev.routeplan.planning.domain.GeoPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Delhi localities (approximate centres, 6-digit pincodes) that sample orders are placed
 * around. Read once from {@code delhi-localities.csv} next to this class: {@code name,pincode,lat,lon},
 * no quoting, in file order.
 */
public final class DelhiLocalities {

    static final String RESOURCE = "delhi-localities.csv";

    private static final List<Locality> ALL = load();

    private DelhiLocalities() {
    }

    /** All localities in file order. */
    public static List<Locality> all() {
        return ALL;
    }

    private static List<Locality> load() {
        try (InputStream in = DelhiLocalities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Locality> localities = new ArrayList<>();
            String line = reader.readLine(); // header
            int row = 1;
            while ((line = reader.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(RESOURCE + " row " + row + ": expected 4 fields, got " + f.length);
                }
                localities.add(new Locality(f[0].trim(), f[1].trim(),
                        new GeoPoint(Double.parseDouble(f[2].trim()), Double.parseDouble(f[3].trim()))));
            }
            return List.copyOf(localities);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
