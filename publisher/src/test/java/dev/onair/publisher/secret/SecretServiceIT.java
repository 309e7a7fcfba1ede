package dev.onair.publisher.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux store for real: libsecret's {@code secret-tool} against GNOME Keyring on a private session bus
 * ({@link PrivateKeyring}).
 */
class SecretServiceIT {
    @TempDir
    Path dir;

    private PrivateKeyring keyring;
    private SecretStores stores;

    @BeforeEach
    void startKeyring() throws Exception {
        keyring = new PrivateKeyring(dir);
        SecretRunner runner = SecretRunner.system(Map.of("DBUS_SESSION_BUS_ADDRESS", keyring.busAddress()));
        stores = new SecretStores(Map.of(), dir, runner, null);
    }

    @AfterEach
    void stopKeyring() throws Exception {
        if (keyring != null) {
            keyring.close();
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
}
