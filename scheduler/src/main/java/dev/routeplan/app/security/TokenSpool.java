package dev.routeplan.app.security;

import dev.routeplan.app.audit.AuditAction;
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
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The folder where the commands that act beside a running service leave a record of what they did,
 * for the service to put on the audit log ({@link TokenSpoolImport}): the command cannot write the
 * audit row itself, the running service holds the embedded database. Two kinds of record: a token
 * {@code routeplan token} printed ({@link Entry}: its jti, role, subject and times, never the token)
 * and a console user {@code routeplan user} added or removed ({@link UserChange}: name and roles,
 * never the password or its hash), each with the OS user who ran the command. One JSON file per
 * record, named by its unique id, written whole or not at all (a temporary file moved into place).
 * The folder is beside the signing key ({@value #FOLDER_NAME}, named when it held only tokens),
 * readable by its owner only, like the key.
 */
public final class TokenSpool {

    public static final String FOLDER_NAME = "token-spool";
    private static final String RECORD = ".json";
    private static final String SET_ASIDE = ".bad";
    /** A record is a few hundred bytes; anything much larger is not one, and is not read into memory. */
    private static final long MAX_RECORD_BYTES = 16 * 1024;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_NAME = 100;
    /** The field that tells the kinds apart; a record without it is a token's, as before there were others. */
    private static final String KIND = "kind";

    /** One record: what a command did, named by an id unique to it (the file's name, and what the audit row is kept once by). */
    public sealed interface Spooled permits Entry, UserChange {
        String id();

        /** How a message names it: "the token", "the change to console user asha". */
        String describe();
    }

    /**
     * A token printed by {@code routeplan token}.
     *
     * @param jti     the token's id, which names its record and its audit row
     * @param subject the token's subject ({@code local-ops})
     * @param osUser  who ran the command, as the operating system named them; null when it did not
     */
    public record Entry(String jti, Role role, String subject, String osUser, Instant issuedAt, Instant expiresAt)
            implements Spooled {

        @Override
        public String id() {
            return jti;
        }

        @Override
        public String describe() {
            return "the token";
        }

        /** The record of a token just minted for {@code osUser}. */
        public static Entry of(LocalTokens.Issued token, String osUser) {
            if (token.roles().size() != 1) {
                throw new IllegalArgumentException("a command-line token has one role, not " + token.roles());
            }
            return new Entry(token.jti(), token.roles().get(0), token.subject(), osUser, token.issuedAt(), token.expiresAt());
        }
    }

    /**
     * A console user added or removed by {@code routeplan user}.
     *
     * @param id     unique to this change (a console user may be added, removed and added again)
     * @param action {@link AuditAction#USER_ADD} or {@link AuditAction#USER_REMOVE}
     * @param name   the console user's name
     * @param roles  the roles the user was added with, or held when removed
     * @param osUser who ran the command; null when the operating system did not say
     * @param at     when the change was made
     */
    public record UserChange(String id, AuditAction action, String name, Set<Role> roles, String osUser, Instant at)
            implements Spooled {

        static final Set<AuditAction> ACTIONS = EnumSet.of(AuditAction.USER_ADD, AuditAction.USER_REMOVE);

        public UserChange {
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("a console user change is one of " + ACTIONS + ", not " + action);
            }
            roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        }

        /** The record of {@code user} just added or removed ({@code action}) by {@code osUser}, with an id of its own. */
        public static UserChange of(AuditAction action, ConsoleUsers.User user, String osUser, Instant at) {
            return new UserChange(UUID.randomUUID().toString(), action, user.name(), user.roles(), osUser, at);
        }

        @Override
        public String describe() {
            return "the change to console user " + name;
        }
    }

    /** The record could not be written: the command must not hand out the token, or make the change. */
    public static final class Unwritable extends RuntimeException {
        private final Path folder;

        Unwritable(Path folder, Spooled record, String why, Throwable cause) {
            super("cannot record " + record.describe() + " for the audit log in " + folder + ": " + why, cause);
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    /** A file in the spool that is not a record: set aside, never imported. */
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

    /** Writes one record, whole or not at all. */
    public void write(Spooled entry) {
        if (!ID.matcher(entry.id()).matches()) {
            throw new IllegalArgumentException("not an id to name a file by: " + entry.id());
        }
        byte[] bytes = json.writeValueAsBytes(json(entry));
        Path temporary = null;
        try {
            createFolder();
            temporary = Files.createTempFile(folder, "." + entry.id(), ".tmp", ownerOnly("rw-------"));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                // on disk before it has its name: the service must never import half a record
                channel.force(true);
            }
            Files.move(temporary, file(entry), StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new Unwritable(folder, entry, why(e), e);
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

    /**
     * Takes back a record whose action did not happen after all (the change it records could not be
     * saved), so that no audit row says it did; false when it could not be deleted.
     */
    public boolean withdraw(Spooled entry) {
        try {
            Files.deleteIfExists(file(entry));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What records the console user {@code routeplan user} adds or removes ({@code action}) before
     * the store saves it, and takes the record back when the save fails.
     */
    public ConsoleUsers.Recorder recorder(AuditAction action, String osUser, Clock clock) {
        return new ConsoleUsers.Recorder() {
            private UserChange written;

            @Override
            public void record(ConsoleUsers.User changed) {
                UserChange change = UserChange.of(action, changed, osUser, clock.instant());
                write(change);
                written = change;
            }

            @Override
            public void takeBack() {
                if (written != null) {
                    // the save failed on this disk a moment ago; a record that cannot go either is left for the import
                    withdraw(written);
                }
            }
        };
    }

    private Path file(Spooled entry) {
        return folder.resolve(entry.id() + RECORD);
    }

    private ObjectNode json(Spooled entry) {
        if (entry instanceof UserChange change) {
            ObjectNode record = json.createObjectNode()
                    .put(KIND, change.action().name())
                    .put("id", change.id())
                    .put("name", change.name());
            ArrayNode roles = record.putArray("roles");
            change.roles().stream().sorted().forEach(role -> roles.add(role.name()));
            return record.put("osUser", change.osUser()).put("at", change.at().toString());
        }
        Entry token = (Entry) entry;
        return json.createObjectNode()
                .put(KIND, AuditAction.TOKEN_ISSUE.name())
                .put("jti", token.jti())
                .put("role", token.role().name())
                .put("subject", token.subject())
                .put("osUser", token.osUser())
                .put("issuedAt", token.issuedAt().toString())
                .put("expiresAt", token.expiresAt().toString());
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
     * @throws Malformed when the file is not one record
     * @throws IOException when it cannot be read now (it may be tomorrow)
     */
    public Spooled read(Path file) throws IOException, Malformed {
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
        String kind = text(record, KIND, false, 32);
        if (kind == null || kind.equals(AuditAction.TOKEN_ISSUE.name())) {
            return token(record, file);
        }
        AuditAction action = UserChange.ACTIONS.stream().filter(a -> a.name().equals(kind)).findFirst()
                .orElseThrow(() -> new Malformed("kind " + kind + " is not one of TOKEN_ISSUE, " + UserChange.ACTIONS));
        return userChange(action, record, file);
    }

    private static Entry token(JsonNode record, Path file) throws Malformed {
        String jti = id(record, "jti", file);
        Role role = role(record.path("role"), "role");
        Instant issuedAt = instant(record, "issuedAt");
        Instant expiresAt = instant(record, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new Malformed("expiresAt is not after issuedAt");
        }
        return new Entry(jti, role, text(record, "subject", true, MAX_NAME), text(record, "osUser", false, MAX_NAME),
                issuedAt, expiresAt);
    }

    private static UserChange userChange(AuditAction action, JsonNode record, Path file) throws Malformed {
        String id = id(record, "id", file);
        String name = text(record, "name", true, MAX_NAME);
        if (!ConsoleUsers.NAME.matcher(name).matches()) {
            throw new Malformed("name " + name + " is not a console user's name");
        }
        JsonNode array = record.path("roles");
        if (!array.isArray() || array.isEmpty()) {
            throw new Malformed("roles is not a list of roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : array) {
            roles.add(role(role, "roles"));
        }
        return new UserChange(id, action, name, roles, text(record, "osUser", false, MAX_NAME), instant(record, "at"));
    }

    private static String id(JsonNode record, String field, Path file) throws Malformed {
        String id = text(record, field, true, 64);
        if (!ID.matcher(id).matches() || !file.getFileName().toString().equals(id + RECORD)) {
            throw new Malformed(field + " " + id + " does not name this file");
        }
        return id;
    }

    private static Role role(JsonNode value, String field) throws Malformed {
        String name = value.isString() ? value.asString() : "";
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Malformed(field + " " + name + " is not a role");
        }
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
