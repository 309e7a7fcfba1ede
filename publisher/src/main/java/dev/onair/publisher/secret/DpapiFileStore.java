package dev.onair.publisher.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Windows: the password protected with DPAPI for the current user, the ciphertext in a file of the config folder. */
final class DpapiFileStore implements SecretStore {
    private final Path file;
    private final String reference;
    private final Dpapi dpapi;

    DpapiFileStore(Path file, String reference, Dpapi dpapi) {
        this.file = file;
        this.reference = reference;
        this.dpapi = dpapi;
    }

    @Override
    public String load() throws SecretException {
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SecretException("no password saved in " + file + ": run onair publisher setup");
        } catch (IOException e) {
            throw new SecretException("cannot read the protected password " + file + ": " + e.getMessage(), e);
        }
        try {
            return new String(dpapi.unprotect(sealed), StandardCharsets.UTF_8);
        } catch (SecretException e) {
            // DPAPI's user key is per Windows account and PC: a copied profile or another user cannot open it.
            throw new SecretException(
                    "cannot unprotect " + file + " (" + e.getMessage() + "); was it saved by "
                            + "another Windows user or on another PC? Run onair publisher setup again",
                    e);
        }
    }

    @Override
    public void save(String secret) throws SecretException {
        byte[] sealed = dpapi.protect(secret.getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SecretFiles.replace(file, sealed, false);
        } catch (IOException e) {
            throw new SecretException("cannot write the protected password " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String reference() {
        return reference;
    }

    Path file() {
        return file;
    }
}
