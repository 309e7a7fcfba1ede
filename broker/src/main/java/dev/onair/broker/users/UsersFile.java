package dev.onair.broker.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.onair.broker.certs.CertificateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users file (YAML, owner-only permissions), written by {@code onair users} and read by the broker:
 *
 * <pre>
 * users:
 *   alice:
 *     role: publisher
 *     id: alice            # optional: the person or display id, when it differs from the user name
 *     password: $7$210000$...$...   # Mosquitto 2's PBKDF2-SHA512 form; older pbkdf2-sha256$... still read
 * </pre>
 */
public final class UsersFile {
    /** Where {@code onair users} and {@code onair broker} look by default. */
    public static final Path DEFAULT = Path.of("users.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private static final Set<String> FIELDS = Set.of("role", "id", "password");

    private UsersFile() {}

    /**
     * Reads the users in {@code file}; a missing file has no users.
     *
     * @throws IOException when the file cannot be read or is malformed, with a message naming the file and entry
     */
    public static Users load(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Users.empty();
        } catch (IOException e) {
            throw new IOException("users file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Users.empty();
        }
        JsonNode users = root.path("users");
        if (!root.isObject() || !(users.isObject() || users.isNull() || users.isMissingNode())) {
            throw new IOException("users file " + file + " must have a 'users:' map of user names");
        }
        List<User> list = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = users.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            list.add(parse(file, e.getKey(), e.getValue()));
        }
        return Users.of(list);
    }

    /** Writes {@code users} to {@code file} atomically, readable by its owner only. */
    public static void save(Path file, Users users) throws IOException {
        ObjectNode root = YAML.createObjectNode();
        ObjectNode map = root.putObject("users");
        for (User u : users.all()) {
            ObjectNode entry = map.putObject(u.name());
            entry.put("role", u.role().key());
            if (u.id() != null && !u.id().equals(u.name())) {
                entry.put("id", u.id());
            }
            entry.put("password", u.passwordHash());
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = CertificateFiles.openSecret(tmp)) {
            out.write(
                    ("# OnAir broker users: manage with ./onair users add|list|remove. Passwords are PBKDF2 hashes.\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            YAML.writeValue(out, root);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Adds (or replaces) one user in {@code file} and returns the new set. */
    public static Users add(Path file, User user) throws IOException {
        Users users = load(file).with(user);
        save(file, users);
        return users;
    }

    private static User parse(Path file, String name, JsonNode node) throws IOException {
        String where = "users file " + file + ", user '" + name + "': ";
        if (!node.isObject()) {
            throw new IOException(where + "expected role, id and password fields");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new IOException(where + "unknown field '" + field + "' (fields are role, id, password)");
            }
        }
        try {
            Role role = Role.parse(node.path("role").asText(null));
            String id = node.hasNonNull("id") ? node.get("id").asText() : null;
            return new User(name, role, id, node.path("password").asText(null));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + e.getMessage(), e);
        }
    }
}
