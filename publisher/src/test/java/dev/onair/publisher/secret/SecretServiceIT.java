package dev.onair.publisher.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.testsupport.OutsideTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux store for real: libsecret's {@code secret-tool} against GNOME Keyring on a private session bus
 * ({@code dbus-run-session}), with a throw-away keyring unlocked by a password on the daemon's stdin.
 */
class SecretServiceIT {
    @TempDir
    Path dir;

    private Process session;
    private SecretStores stores;

    @BeforeEach
    void startKeyring() throws Exception {
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
        assertThat(line).as("the session bus address").startsWith("BUS=");
        SecretRunner runner = SecretRunner.system(Map.of("DBUS_SESSION_BUS_ADDRESS", line.substring(4)));
        stores = new SecretStores(Map.of(), dir, runner, null);
    }

    @AfterEach
    void stopKeyring() throws Exception {
        if (session != null) {
            session.getOutputStream().close();
            if (!session.waitFor(20, TimeUnit.SECONDS)) {
                session.destroyForcibly();
            }
        }
    }

    @Test
    void storedPassword_isLookedUpAgain_andReplacedBySavingAgain() throws Exception {
        SecretStore store = stores.open("secret-service:onair/alice");

        store.save("first \"password\" with spaces");
        assertThat(store.load()).isEqualTo("first \"password\" with spaces");

        store.save("second");
        assertThat(stores.open("secret-service:onair/alice").load()).isEqualTo("second");
        assertThat(stores.open("secret-service:onair/bob").reference()).isEqualTo("secret-service:onair/bob");
    }

    @Test
    void missingItem_saysToRunSetup() throws Exception {
        assertThatThrownBy(() -> stores.open("secret-service:onair/nobody").load())
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("no password for nobody in the Secret Service")
                .hasMessageContaining("onair publisher setup");
    }

    @Test
    void noSessionBus_isAClearError() throws IOException {
        SecretStores noBus = new SecretStores(
                Map.of(),
                dir,
                SecretRunner.system(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus"))),
                null);

        assertThatThrownBy(() -> noBus.open("secret-service:onair/alice").save("pw"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("the Secret Service did not take the password for alice");
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
