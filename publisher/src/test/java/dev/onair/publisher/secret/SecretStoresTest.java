package dev.onair.publisher.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
    private static final String PASSWORD = "pa ss\"wo\\rd";

    @TempDir
    Path dir;

    private final RecordingRunner runner = new RecordingRunner();
    private final FakeDpapi dpapi = new FakeDpapi();

    private SecretStores stores() {
        return new SecretStores(Map.of("APPDATA", dir.resolve("AppData").toString()), dir, runner, dpapi);
    }

    @Test
    void keychain_save_givesTheCommandToSecurityOnStdin_neverOnItsCommandLine() throws Exception {
        SecretStore store = stores().open("keychain:OnAir/alice");

        store.save(PASSWORD);

        assertThat(runner.calls).hasSize(1);
        assertThat(runner.calls.get(0).command()).containsExactly("security", "-i");
        assertThat(runner.calls.get(0).stdin())
                .isEqualTo("add-generic-password -U -s \"OnAir\" -a \"alice\" -l \"OnAir (alice)\" "
                        + "-w \"pa ss\\\"wo\\\\rd\"\n");
        assertThat(store.reference()).isEqualTo("keychain:OnAir/alice");
    }

    @Test
    void keychain_load_asksForThePasswordOnly_andTakesTheNewlineOff() throws Exception {
        runner.answer(0, PASSWORD + "\n", "");

        String loaded = stores().open("keychain:OnAir/alice").load();

        assertThat(loaded).isEqualTo(PASSWORD);
        assertThat(runner.calls.get(0).command())
                .containsExactly("security", "find-generic-password", "-s", "OnAir", "-a", "alice", "-w");
    }

    @Test
    void keychain_missingItem_saysToRunSetup() {
        runner.answer(44, "", "security: SecKeychainSearchCopyNext: The specified item could not be found.");

        assertThatThrownBy(() -> stores().open("keychain:OnAir/alice").load())
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("no password for alice in the Keychain")
                .hasMessageContaining("onair publisher setup");
    }

    @Test
    void keychain_refusedInInteractiveMode_isAnError() {
        runner.answer(0, "", "security: SecKeychainItemCreateFromContent: User interaction is not allowed.");

        assertThatThrownBy(() -> stores().open("keychain:OnAir/alice").save("pw"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("User interaction is not allowed");
    }

    @Test
    void secretService_save_passesThePasswordOnStdin() throws Exception {
        stores().open("secret-service:onair/alice").save(PASSWORD);

        assertThat(runner.calls.get(0).command())
                .containsExactly(
                        "secret-tool", "store", "--label=OnAir (alice)", "service", "onair", "account", "alice");
        assertThat(runner.calls.get(0).stdin()).isEqualTo(PASSWORD);
    }

    @Test
    void dpapi_keepsOnlyCiphertext_inTheFileTheReferenceNames_withAppDataExpanded() throws Exception {
        SecretStore store = stores().open("dpapi:%APPDATA%/OnAir/password.bin");

        store.save(PASSWORD);

        Path file = dir.resolve("AppData/OnAir/password.bin");
        byte[] kept = Files.readAllBytes(file);
        assertThat(kept).isEqualTo(dpapi.protectOf(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        assertThat(store.load()).isEqualTo(PASSWORD);
        assertThat(dpapi.calls).containsExactly("protect", "unprotect");
    }

    @Test
    void dpapi_ofAnotherUser_saysWhatToDo() throws Exception {
        SecretStore store = stores().open("dpapi:%APPDATA%/OnAir/password.bin");
        store.save(PASSWORD);
        dpapi.failUnprotect = true;

        assertThatThrownBy(store::load)
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("Key not valid for use in specified state.")
                .hasMessageContaining("another Windows user")
                .hasMessageContaining("onair publisher setup");
    }

    @Test
    void file_isWrittenOwnerOnly_andReadBack() throws Exception {
        SecretStore store = stores().open("file:~/conf/password");

        store.save(PASSWORD);

        Path file = dir.resolve("conf/password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(store.load()).isEqualTo(PASSWORD);
    }

    @Test
    void file_readableByOthers_isRefused_withTheChmodToRun() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> stores().open("file:" + file).load())
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("can be read by others (mode rw-r--r--)")
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void badReferences_sayWhatAStoreLooksLike() {
        assertThatThrownBy(() -> stores().open("hunter2"))
                .hasMessageContaining("is not a password store: give dpapi:FILE");
        assertThatThrownBy(() -> stores().open("vault:x")).hasMessageContaining("'vault' in 'vault:x' is not");
        assertThatThrownBy(() -> stores().open("keychain:alice")).hasMessageContaining("needs SERVICE/ACCOUNT");
        assertThatThrownBy(() -> stores().open("dpapi:%NOPE%/x")).hasMessageContaining("%NOPE%");
    }

    @Test
    void candidates_perOs_bestFirst() throws Exception {
        Path conf = dir.resolve("conf");
        assertThat(references(stores().candidates("Windows 11", "alice", conf)))
                .containsExactly("dpapi:" + conf.resolve("password.bin"));
        assertThat(references(stores().candidates("Mac OS X", "alice", conf))).containsExactly("keychain:OnAir/alice");
        assertThat(references(stores().candidates("Linux", "alice", conf)))
                .containsExactly("secret-service:onair/alice", "file:" + conf.resolve("password"));
    }

    private static List<String> references(List<SecretStore> stores) {
        return stores.stream().map(SecretStore::reference).toList();
    }

    /** Stands in for Windows' DPAPI: a reversible transformation, recorded. */
    static final class FakeDpapi implements Dpapi {
        final java.util.List<String> calls = new java.util.ArrayList<>();
        boolean failUnprotect;

        byte[] protectOf(byte[] data) {
            byte[] out = new byte[data.length + 4];
            System.arraycopy("DPAP".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
            for (int i = 0; i < data.length; i++) {
                out[i + 4] = (byte) (data[i] ^ 0x5A);
            }
            return out;
        }

        @Override
        public byte[] protect(byte[] data) {
            calls.add("protect");
            return protectOf(data);
        }

        @Override
        public byte[] unprotect(byte[] data) throws SecretException {
            calls.add("unprotect");
            if (failUnprotect) {
                throw new SecretException("Windows DPAPI: Key not valid for use in specified state.");
            }
            byte[] body = Arrays.copyOfRange(data, 4, data.length);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= 0x5A;
            }
            return body;
        }
    }
}
