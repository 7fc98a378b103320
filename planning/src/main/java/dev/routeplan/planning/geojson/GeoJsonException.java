package dev.routeplan.planning.geojson;

/** A GeoJSON text that cannot be read; the message says what is wrong, without the file's name. */
public class GeoJsonException extends IllegalArgumentException {

    public GeoJsonException(String problem, Throwable cause) {
        super(problem, cause);
    }
}
