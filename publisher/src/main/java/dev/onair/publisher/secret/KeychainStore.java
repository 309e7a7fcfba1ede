package dev.onair.publisher.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * macOS: a generic password in the user's login Keychain, through Apple's {@code security} tool.
 *
 * <p>{@code security add-generic-password} takes the password as {@code -w PASSWORD} on its command line, which
 * every user sees in the process list (jaraco/keyring#145). A bare {@code -w} at the end makes it prompt twice through
 * readpassphrase(3), which reads from {@code /dev/tty} whenever there is one: run from {@code onair publisher setup}
 * in a terminal, it would ask the person instead of reading what this class pipes in. So the command goes to
 * {@code security -i}, which reads its commands from standard input (as jaraco/keyring did): the process list shows
 * only {@code security -i}. Reading it back, {@code find-generic-password -w} prints only the password.
 */
final class KeychainStore implements SecretStore {
    /** {@code security}'s exit code for "The specified item could not be found in the keychain." */
    private static final int NOT_FOUND = 44;

    private final String service;
    private final String account;
    private final SecretRunner runner;

    KeychainStore(String service, String account, SecretRunner runner) {
        this.service = service;
        this.account = account;
        this.runner = runner;
    }

    @Override
    public String load() throws SecretException {
        SecretRunner.Result r =
                run(List.of("security", "find-generic-password", "-s", service, "-a", account, "-w"), new byte[0]);
        if (r.exitCode() == NOT_FOUND) {
            throw new SecretException("no password for " + account + " in the Keychain (service " + service
                    + "): run onair publisher setup");
        }
        if (r.exitCode() != 0) {
            throw new SecretException("the Keychain did not give the password for " + account + ": " + r.err());
        }
        return r.out().endsWith("\n") ? r.out().substring(0, r.out().length() - 1) : r.out();
    }

    @Override
    public void save(String secret) throws SecretException {
        if (secret.contains("\n") || secret.contains("\r")) {
            throw new SecretException("a password cannot contain a line break");
        }
        String line = "add-generic-password -U -s " + quote(service) + " -a " + quote(account) + " -l "
                + quote("OnAir (" + account + ")") + " -w " + quote(secret) + "\n";
        SecretRunner.Result r = run(List.of("security", "-i"), line.getBytes(StandardCharsets.UTF_8));
        // In interactive mode a failed command does not change the exit code; it prints its error instead.
        if (r.exitCode() != 0 || !r.err().isEmpty()) {
            throw new SecretException("the Keychain did not take the password for " + account + ": " + r.err());
        }
    }

    @Override
    public String reference() {
        return "keychain:" + service + "/" + account;
    }

    /** {@code security -i} splits its lines like a shell: double quotes, with backslash before {@code "} and {@code \}. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private SecretRunner.Result run(List<String> command, byte[] stdin) throws SecretException {
        try {
            return runner.run(command, stdin);
        } catch (IOException e) {
            throw new SecretException("cannot run macOS's security tool: " + e.getMessage(), e);
        }
    }
}
