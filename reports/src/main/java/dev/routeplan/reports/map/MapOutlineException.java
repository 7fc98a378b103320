package dev.routeplan.reports.map;

/** An outline file could not be read or is not the GeoJSON polygon a map needs; the message names the source. */
public class MapOutlineException extends RuntimeException {

    public MapOutlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
