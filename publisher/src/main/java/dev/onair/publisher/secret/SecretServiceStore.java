package dev.onair.publisher.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Linux: the freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret's {@code secret-tool}, which reads
 * the password to store from standard input and prints a looked-up one on standard output. Items carry the
 * attributes {@code service} and {@code account}.
 */
final class SecretServiceStore implements SecretStore {
    private final String service;
    private final String account;
    private final SecretRunner runner;

    SecretServiceStore(String service, String account, SecretRunner runner) {
        this.service = service;
        this.account = account;
        this.runner = runner;
    }

    @Override
    public String load() throws SecretException {
        SecretRunner.Result r = run(List.of("secret-tool", "lookup", "service", service, "account", account), "");
        if (r.exitCode() != 0 && r.err().isEmpty()) {
            throw new SecretException("no password for " + account + " in the Secret Service (service " + service
                    + "): run onair publisher setup");
        }
        if (r.exitCode() != 0) {
            throw new SecretException("the Secret Service did not give the password for " + account + " (" + r.err()
                    + "); is the keyring unlocked?");
        }
        return r.out();
    }

    @Override
    public void save(String secret) throws SecretException {
        SecretRunner.Result r = run(
                List.of(
                        "secret-tool",
                        "store",
                        "--label=OnAir (" + account + ")",
                        "service",
                        service,
                        "account",
                        account),
                secret);
        if (r.exitCode() != 0) {
            throw new SecretException("the Secret Service did not take the password for " + account + ": "
                    + (r.err().isEmpty() ? "exit code " + r.exitCode() : r.err()));
        }
    }

    @Override
    public String reference() {
        return "secret-service:" + service + "/" + account;
    }

    private SecretRunner.Result run(List<String> command, String stdin) throws SecretException {
        try {
            return runner.run(command, stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SecretException(
                    "cannot run secret-tool (Debian/Ubuntu: apt install libsecret-tools): " + e.getMessage(), e);
        }
    }
}
