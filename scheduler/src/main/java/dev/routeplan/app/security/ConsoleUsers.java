package dev.routeplan.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people who may sign in to the console on the embedded default: one JSON file beside the
 * signing key ({@value #FILE_NAME}), readable by its owner only. A file, not a table, for the
 * reason the token spool is one: {@code routeplan user add} must work while the service holds the
 * embedded H2 database. Passwords are kept as bcrypt hashes ({@code {bcrypt}$2a$...}), never in
 * clear. Each change rewrites the file whole (a temporary file moved into place) under a lock, so a
 * reader never sees half a file and two commands at once never lose a user. The service reads it
 * again when its modified time changes, so a user added while it runs can sign in at once.
 */
public final class ConsoleUsers {

    public static final String FILE_NAME = "console-users.json";
    /** Letters, digits and {@code . _ @ -}: a name that prints plainly in a log line and on the audit log. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** The roles a person may hold; METRICS is the scraper's. */
    public static final Set<Role> PERSON_ROLES = EnumSet.of(Role.OPS, Role.PLANNER, Role.COMPLIANCE, Role.ADMIN);
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes of a password: a longer one would be silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** A console user; {@code passwordHash} is what the encoder wrote, never the password. */
    public record User(String name, Set<Role> roles, String passwordHash, Instant created) {
        public User {
            roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        }
    }

    /** A change the store refuses: a name taken or unknown, a role or password that will not do. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Told of a change under the store's lock before the change is saved, to record it for the audit
     * log ({@link TokenSpool#recorder}): when it throws, the change is not saved; when the save then
     * fails, it is asked to take its record back, so that the log never shows a change not made.
     */
    public interface Recorder {
        /** Not recorded: none, for changes made by a test or on the service's own behalf. */
        Recorder NONE = new Recorder() {
            @Override
            public void record(User changed) {
            }

            @Override
            public void takeBack() {
            }
        };

        void record(User changed);

        void takeBack();
    }

    private final Path file;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Snapshot cached;

    private record Snapshot(FileTime modified, long size, List<User> users) {
    }

    public ConsoleUsers(Path file, PasswordEncoder encoder, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.encoder = encoder;
        this.clock = clock;
    }

    /** The store beside the service's signing key, where the command and the service both find it without a setting. */
    public static ConsoleUsers besideSigningKey(SecurityProperties security) {
        if (!security.embedded()) {
            throw new IllegalStateException("console users come from " + security.issuer() + ", not from routeplan");
        }
        return new ConsoleUsers(security.signingKey().toAbsolutePath().normalize().getParent().resolve(FILE_NAME),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    /** Every user, by name; none when there is no file yet. Read again only when the file changed. */
    public List<User> list() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Snapshot seen = cached;
            if (seen != null && seen.modified().equals(modified) && seen.size() == size) {
                return seen.users();
            }
            List<User> users = read();
            cached = new Snapshot(modified, size, users);
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console users " + file, e);
        }
    }

    public Optional<User> find(String name) {
        return list().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /**
     * Adds a user with the password's bcrypt hash.
     *
     * @throws Refused when the name is taken or malformed, a role is not a person's, or the password is too short or long
     */
    public User add(String name, Set<Role> roles, CharSequence password) {
        return add(name, roles, password, Recorder.NONE);
    }

    /**
     * Adds a user as {@link #add(String, Set, CharSequence)} does, {@code recorder} told of it before it is saved.
     *
     * @throws Refused as {@link #add(String, Set, CharSequence)}
     */
    public User add(String name, Set<Role> roles, CharSequence password, Recorder recorder) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refused("user name '" + name + "' must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (roles.isEmpty()) {
            throw new Refused("a user needs at least one role");
        }
        for (Role role : roles) {
            if (!PERSON_ROLES.contains(role)) {
                throw new Refused("role " + role + " is not for a person; one of " + PERSON_ROLES);
            }
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new Refused("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new Refused("the password must have at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no more)");
        }
        return change(users -> {
            if (users.stream().anyMatch(user -> user.name().equals(name))) {
                throw new Refused("user " + name + " exists already; remove it first to change it");
            }
            User user = new User(name, roles, encoder.encode(password), clock.instant().truncatedTo(ChronoUnit.SECONDS));
            users.add(user);
            return user;
        }, recorder);
    }

    /** Removes a user; it can no longer sign in (a session it has open lasts until it signs out or times out). */
    public User remove(String name) {
        return remove(name, Recorder.NONE);
    }

    /** Removes a user as {@link #remove(String)} does, {@code recorder} told of it before it is saved. */
    public User remove(String name, Recorder recorder) {
        return change(users -> {
            User user = users.stream().filter(u -> u.name().equals(name)).findFirst()
                    .orElseThrow(() -> new Refused("no user " + name));
            users.remove(user);
            return user;
        }, recorder);
    }

    private interface Change {
        User apply(List<User> users);
    }

    private User change(Change change, Recorder recorder) {
        try {
            createFolder();
            Path lock = file.resolveSibling("." + FILE_NAME + ".lock");
            try (FileChannel channel = FileChannel.open(lock, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly("rw-------"));
                 FileLock ignored = channel.lock()) {
                List<User> users = new ArrayList<>(Files.exists(file) ? read() : List.of());
                User changed = change.apply(users);
                users.sort(Comparator.comparing(User::name));
                recorder.record(changed);
                try {
                    write(users);
                } catch (IOException | RuntimeException e) {
                    recorder.takeBack();
                    throw e;
                }
                cached = null;
                return changed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console users " + file, e);
        }
    }

    private List<User> read() throws IOException {
        JsonNode root = json.readTree(Files.readString(file));
        List<User> users = new ArrayList<>();
        for (JsonNode node : root.path("users")) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            node.path("roles").forEach(role -> roles.add(Role.valueOf(role.asString())));
            users.add(new User(node.path("name").asString(), roles, node.path("passwordHash").asString(),
                    Instant.parse(node.path("created").asString())));
        }
        return List.copyOf(users);
    }

    private void write(List<User> users) throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("users");
        for (User user : users) {
            ObjectNode node = array.addObject().put("name", user.name());
            ArrayNode roles = node.putArray("roles");
            user.roles().stream().sorted().forEach(role -> roles.add(role.name()));
            node.put("passwordHash", user.passwordHash()).put("created", user.created().toString());
        }
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp", ownerOnly("rw-------"));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void createFolder() throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly("rwx------"));
        }
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
