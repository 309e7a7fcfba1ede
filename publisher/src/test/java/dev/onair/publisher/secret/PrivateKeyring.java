package dev.onair.publisher.secret;

import dev.onair.testsupport.OutsideTool;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Linux Secret Service for real, for tests: GNOME Keyring on a private session bus ({@code dbus-run-session}),
 * with a throw-away keyring unlocked by a password on the daemon's stdin. {@link #close} ends the bus.
 */
public final class PrivateKeyring implements AutoCloseable {
    private final Process session;
    private final String busAddress;

    /** Starts it, with its files under {@code dir}. */
    public PrivateKeyring(Path dir) throws IOException {
        for (String tool : List.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool")) {
            OutsideTool.require(
                    onPath(tool), tool + " is not installed (apt install dbus libsecret-tools gnome-keyring)");
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder pb = new ProcessBuilder(
                "dbus-run-session",
                "--",
                "sh",
                "-c",
                // The keyring's own password arrives on the daemon's stdin; `exec cat` keeps the bus up until the
                // test closes this process's stdin.
                "printf %s \"$KEYRING_PASSWORD\" | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                        + " && echo \"BUS=$DBUS_SESSION_BUS_ADDRESS\" && exec cat");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        pb.environment()
                .put(
                        "XDG_RUNTIME_DIR",
                        Files.createDirectories(dir.resolve("run")).toString());
        pb.environment().put("KEYRING_PASSWORD", "test-keyring");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        session = pb.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("BUS=")) {
            session.destroyForcibly();
            throw new IOException("the private session bus did not start (it said " + line + ")");
        }
        busAddress = line.substring(4);
    }

    /** {@code DBUS_SESSION_BUS_ADDRESS} for a process that is to use this keyring. */
    public String busAddress() {
        return busAddress;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        session.getOutputStream().close();
        if (!session.waitFor(20, TimeUnit.SECONDS)) {
            session.destroyForcibly();
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
