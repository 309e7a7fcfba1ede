package dev.onair.publisher.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The last resort where no keyring answers (a Linux PC without a Secret Service): a file only its owner may read,
 * as ssh insists for a private key. A file that others may read is refused at start, not used, so a copy with the
 * wrong mode is noticed instead of silently leaking.
 */
final class UserFileStore implements SecretStore {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final String reference;

    UserFileStore(Path file, String reference) {
        this.file = file;
        this.reference = reference;
    }

    @Override
    public String load() throws SecretException {
        try {
            if (SecretFiles.posix()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.stream().anyMatch(OTHERS::contains)) {
                    throw new SecretException("the password file " + file + " can be read by others (mode "
                            + PosixFilePermissions.toString(mode) + "): run chmod 600 " + file
                            + " and change the password if others may have read it");
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).strip();
        } catch (NoSuchFileException e) {
            throw new SecretException("no password file " + file + ": run onair publisher setup");
        } catch (IOException e) {
            throw new SecretException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String secret) throws SecretException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir) && SecretFiles.posix()) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
            SecretFiles.replace(file, (secret + "\n").getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new SecretException("cannot write the password file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String reference() {
        return reference;
    }
}
