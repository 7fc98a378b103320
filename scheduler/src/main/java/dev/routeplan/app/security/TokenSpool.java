package dev.routeplan.app.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The folder where {@code routeplan token} leaves a record of each token it prints, for the
 * service to put on the audit log ({@link TokenSpoolImport}): the command cannot write the audit
 * row itself, the running service holds the embedded database. One JSON file per token, named by
 * its jti, written whole or not at all (a temporary file moved into place); it names the token,
 * its role, subject and times and the OS user who asked, never the token itself. The folder is
 * beside the signing key ({@value #FOLDER_NAME}), readable by its owner only, like the key.
 */
public final class TokenSpool {

    public static final String FOLDER_NAME = "token-spool";
    private static final String RECORD = ".json";
    private static final String SET_ASIDE = ".bad";
    /** A record is a few hundred bytes; anything much larger is not one, and is not read into memory. */
    private static final long MAX_RECORD_BYTES = 16 * 1024;
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_NAME = 100;

    /**
     * A token printed by {@code routeplan token}.
     *
     * @param jti     the token's id, which names its record and its audit row
     * @param subject the token's subject ({@code local-ops})
     * @param osUser  who ran the command, as the operating system named them; null when it did not
     */
    public record Entry(String jti, Role role, String subject, String osUser, Instant issuedAt, Instant expiresAt) {

        /** The record of a token just minted for {@code osUser}. */
        public static Entry of(LocalTokens.Issued token, String osUser) {
            if (token.roles().size() != 1) {
                throw new IllegalArgumentException("a command-line token has one role, not " + token.roles());
            }
            return new Entry(token.jti(), token.roles().get(0), token.subject(), osUser, token.issuedAt(), token.expiresAt());
        }
    }

    /** The record could not be written: the command must not print the token. */
    public static final class Unwritable extends RuntimeException {
        private final Path folder;

        Unwritable(Path folder, String why, Throwable cause) {
            super("cannot record the token for the audit log in " + folder + ": " + why, cause);
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    /** A file in the spool that is not a record of a token: set aside, never imported. */
    public static final class Malformed extends Exception {
        Malformed(String why) {
            super(why);
        }
    }

    private final Path folder;
    private final JsonMapper json = JsonMapper.builder().build();

    public TokenSpool(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The spool beside the service's signing key: the folder the command and the service both find without a setting. */
    public static TokenSpool besideSigningKey(SecurityProperties security) {
        return new TokenSpool(security.signingKey().toAbsolutePath().normalize().getParent().resolve(FOLDER_NAME));
    }

    public Path folder() {
        return folder;
    }

    /** Writes the record of one token, whole or not at all. */
    public void write(Entry entry) {
        if (!JTI.matcher(entry.jti()).matches()) {
            throw new IllegalArgumentException("not a jti to name a file by: " + entry.jti());
        }
        ObjectNode record = json.createObjectNode()
                .put("jti", entry.jti())
                .put("role", entry.role().name())
                .put("subject", entry.subject())
                .put("osUser", entry.osUser())
                .put("issuedAt", entry.issuedAt().toString())
                .put("expiresAt", entry.expiresAt().toString());
        byte[] bytes = json.writeValueAsBytes(record);
        Path temporary = null;
        try {
            createFolder();
            temporary = Files.createTempFile(folder, "." + entry.jti(), ".tmp", ownerOnly("rw-------"));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                // on disk before it has its name: the service must never import half a record
                channel.force(true);
            }
            Files.move(temporary, folder.resolve(entry.jti() + RECORD), StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new Unwritable(folder, why(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write failed already; a leftover temporary file is never read as a record
                }
            }
        }
    }

    /** The records waiting, oldest name first; none when there is no spool yet. */
    public List<Path> pending() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(RECORD) && !name.startsWith(".") && Files.isRegularFile(file);
            }).sorted().toList();
        }
    }

    /**
     * Reads a record.
     *
     * @throws Malformed when the file is not the record of one token
     * @throws IOException when it cannot be read now (it may be tomorrow)
     */
    public Entry read(Path file) throws IOException, Malformed {
        if (Files.size(file) > MAX_RECORD_BYTES) {
            throw new Malformed("larger than " + MAX_RECORD_BYTES + " bytes");
        }
        JsonNode record;
        try {
            record = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new Malformed("not JSON: " + e.getOriginalMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Malformed("not UTF-8 text");
        }
        if (record == null || !record.isObject()) {
            throw new Malformed("not a JSON object");
        }
        String jti = text(record, "jti", true, 64);
        String name = file.getFileName().toString();
        if (!JTI.matcher(jti).matches() || !name.equals(jti + RECORD)) {
            throw new Malformed("jti " + jti + " does not name this file");
        }
        Role role;
        try {
            role = Role.valueOf(text(record, "role", true, 32));
        } catch (IllegalArgumentException e) {
            throw new Malformed("role " + record.path("role").asString("") + " is not a role");
        }
        Instant issuedAt = instant(record, "issuedAt");
        Instant expiresAt = instant(record, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new Malformed("expiresAt is not after issuedAt");
        }
        return new Entry(jti, role, text(record, "subject", true, MAX_NAME), text(record, "osUser", false, MAX_NAME),
                issuedAt, expiresAt);
    }

    /** Removes a record once its audit row is committed. */
    public void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Renames a malformed record out of the way ({@code NAME.bad}), kept for a person to look at; returns its new path. */
    public Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + SET_ASIDE);
        if (Files.exists(aside)) {
            aside = file.resolveSibling(file.getFileName() + "." + Instant.now().toEpochMilli() + SET_ASIDE);
        }
        return Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
    }

    private void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies, as for the signing key
            Files.createDirectories(folder);
        }
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString(permissions);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(owner)};
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file that is not a folder is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String text(JsonNode record, String field, boolean required, int maxLength) throws Malformed {
        JsonNode value = record.path(field);
        if (value.isNull() || value.isMissingNode()) {
            if (required) {
                throw new Malformed(field + " is missing");
            }
            return null;
        }
        if (!value.isString() || (required && value.asString().isBlank()) || value.asString().length() > maxLength) {
            throw new Malformed(field + " is not a text of at most " + maxLength + " characters");
        }
        return value.asString();
    }

    private static Instant instant(JsonNode record, String field) throws Malformed {
        String value = text(record, field, true, 64);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Malformed(field + " " + value + " is not an instant like 2026-12-01T18:30:00Z");
        }
    }
}
