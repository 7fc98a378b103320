package dev.routeplan.batch.ingest;

/** Input that cannot be taken in, named so the sender can find it: file, row and field. */
public class InputFileException extends RuntimeException {

    public InputFileException(String fileName, int row, String field, String problem) {
        super(fileName + " row " + row + " field " + field + ": " + problem);
    }
}
