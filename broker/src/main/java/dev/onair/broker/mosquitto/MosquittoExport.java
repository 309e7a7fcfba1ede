package dev.onair.broker.mosquitto;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes OnAir's users as Mosquitto 2 files (issue 18): {@code password_file} (owner-only, the users' hashes as they
 * are), {@code acl_file} ({@link MosquittoAcl}) and {@code mosquitto.conf} ({@link MosquittoConf}).
 *
 * <p>A user whose hash is still the old {@code pbkdf2-sha256} form cannot go into the password file (Mosquitto cannot
 * read it, and a hash cannot be converted without the password); it is left out and reported, so the caller can say
 * what to run. Its ACL block is written all the same: once the user is added again and exported, nothing else changes.
 */
public final class MosquittoExport {
    public static final String PASSWORD_FILE = "password_file";
    public static final String ACL_FILE = "acl_file";
    public static final String CONF_FILE = "mosquitto.conf";

    /** @param notExported users left out of the password file because their hash is in the old form */
    public record Result(List<User> exported, List<User> notExported) {}

    private final MosquittoAcl acl;
    private final MosquittoConf conf;

    public MosquittoExport(MosquittoAcl acl, MosquittoConf conf) {
        this.acl = acl;
        this.conf = conf;
    }

    /** Writes the three files into {@code out} (created if needed), replacing earlier exports. */
    public Result write(Users users, Path out) throws IOException {
        Files.createDirectories(out);
        List<User> exported = new ArrayList<>();
        List<User> notExported = new ArrayList<>();
        StringBuilder passwords = new StringBuilder();
        for (User user : users.all()) {
            if (PasswordHash.isMosquittoReadable(user.passwordHash())) {
                // User names cannot hold ':' (User.NAME_PATTERN), Mosquitto's separator.
                passwords
                        .append(user.name())
                        .append(':')
                        .append(user.passwordHash())
                        .append('\n');
                exported.add(user);
            } else {
                notExported.add(user);
            }
        }
        try (OutputStream file = CertificateFiles.openSecret(out.resolve(PASSWORD_FILE))) {
            file.write(passwords.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(out.resolve(ACL_FILE), acl.file(users), StandardCharsets.UTF_8);
        Files.writeString(out.resolve(CONF_FILE), conf.text(), StandardCharsets.UTF_8);
        return new Result(List.copyOf(exported), List.copyOf(notExported));
    }
}
