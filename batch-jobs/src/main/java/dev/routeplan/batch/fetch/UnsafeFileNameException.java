package dev.routeplan.batch.fetch;

/** A file name from outside (a remote listing, an upload) that may not be used as a local file name. */
public class UnsafeFileNameException extends RuntimeException {

    private final String name;

    public UnsafeFileNameException(String name, String problem) {
        super("unsafe file name " + SafeFileNames.quote(name) + ": " + problem);
        this.name = name;
    }

    /** The name as received; print it only through {@link SafeFileNames#quote}, it may hold control characters. */
    public String name() {
        return name;
    }
}
