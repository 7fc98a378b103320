package dev.routeplan.batch.store;

import java.nio.file.Path;

/** A file taken in from the inbox for a plan date, and where its staged copy lies. */
public record InputFile(long id, String fileName, InputFileKind kind, Path stagedPath, String status, String remoteName) {
}
