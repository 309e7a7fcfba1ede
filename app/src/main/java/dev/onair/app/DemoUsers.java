package dev.onair.app;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's MQTT users: one per role, with random passwords, hashed into {@code users.yaml} for the broker and
 * listed in clear in {@code demo-users.txt} ({@code name role password} per line, owner-only) so other clients can
 * connect. Made once; a later run reuses them while both files agree.
 */
final class DemoUsers {
    static final String PERSON = "demo";
    static final String PUBLISHER = "demo";
    static final String DISPLAY = "main";
    static final String BRIDGE = "bridge";
    static final String VIEWER = "viewer";
    static final String HOMEASSISTANT = "homeassistant";

    /** Name, role, id, in the order they are listed. */
    private static final List<String[]> WANTED = List.of(
            new String[] {PUBLISHER, "publisher", PERSON},
            new String[] {DISPLAY, "display", DISPLAY},
            new String[] {BRIDGE, "bridge", null},
            new String[] {VIEWER, "viewer", null},
            new String[] {HOMEASSISTANT, "homeassistant", null});

    private final Path file;
    private final Map<String, String> passwords;

    private DemoUsers(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /** Reuses the demo users in {@code root}, or makes them (again) when either file is missing or they disagree. */
    static DemoUsers ensure(Path root) throws IOException {
        Path list = root.resolve("demo-users.txt");
        Path usersFile = root.resolve("users.yaml");
        Map<String, String> existing = read(list);
        if (existing.keySet().containsAll(names()) && Files.exists(usersFile)) {
            Users users = UsersFile.load(usersFile);
            if (names().stream().allMatch(n -> users.get(n).isPresent())) {
                return new DemoUsers(list, existing);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        List<User> created = new ArrayList<>();
        StringBuilder text = new StringBuilder("# OnAir demo users: name role password. Made by ./onair demo.\n");
        for (String[] u : WANTED) {
            String password = PasswordHash.generatePassword();
            created.add(User.createGenerated(u[0], Role.parse(u[1]), u[2], password));
            passwords.put(u[0], password);
            text.append(u[0])
                    .append(' ')
                    .append(u[1])
                    .append(' ')
                    .append(password)
                    .append('\n');
        }
        UsersFile.save(usersFile, Users.of(created));
        writeOwnerOnly(list, text.toString());
        DemoUsers users = new DemoUsers(list, passwords);
        for (String name : names()) {
            writeOwnerOnly(users.passwordFile(name), passwords.get(name) + "\n");
        }
        return users;
    }

    private static List<String> names() {
        return WANTED.stream().map(u -> u[0]).toList();
    }

    private static Map<String, String> read(Path list) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(list)) {
            return out;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split("\\s+");
            if (!line.startsWith("#") && parts.length == 3) {
                out.put(parts[0], parts[2]);
            }
        }
        return out;
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // Windows: the user's profile folder is private already
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    Path file() {
        return file;
    }

    String password(String name) {
        return passwords.get(name);
    }

    /** A file holding only {@code name}'s password, for {@code --password-file}. */
    Path passwordFile(String name) {
        return file.getParent().resolve("passwords").resolve(name);
    }
}
