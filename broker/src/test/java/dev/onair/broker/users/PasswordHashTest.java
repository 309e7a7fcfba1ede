package dev.onair.broker.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void hash_isSlowSaltedPbkdf2_neverPlainSha256() throws Exception {
        String stored = PasswordHash.hash("correct horse");

        String[] parts = stored.split("\\$");
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest("correct horse".getBytes(StandardCharsets.UTF_8));
        assertThat(stored)
                .doesNotContain("correct horse")
                .doesNotContain(HexFormat.of().formatHex(sha256))
                .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(sha256));
    }

    @Test
    void hash_ofSamePasswordTwice_differsBySalt() {
        assertThat(PasswordHash.hash("same password", 1000)).isNotEqualTo(PasswordHash.hash("same password", 1000));
    }

    @Test
    void verify_acceptsRightPassword_rejectsWrongOne() {
        String stored = PasswordHash.hash("s3cret-pass", 1000);

        assertThat(PasswordHash.verify("s3cret-pass", stored)).isTrue();
        assertThat(PasswordHash.verify("s3cret-pasS", stored)).isFalse();
        assertThat(PasswordHash.verify("", stored)).isFalse();
        assertThat(PasswordHash.verify(null, stored)).isFalse();
    }

    @Test
    void verify_withMalformedStoredValue_isFalseNotException() {
        assertThat(PasswordHash.verify("x", "plain-text-password")).isFalse();
        assertThat(PasswordHash.verify("x", "pbkdf2-sha256$abc$!!$??")).isFalse();
        assertThat(PasswordHash.verify("x", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
        assertThat(PasswordHash.verify("x", null)).isFalse();
    }

    @Test
    void generatePassword_isLongAndRandom() {
        String a = PasswordHash.generatePassword();

        assertThat(a).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(PasswordHash.generatePassword()).isNotEqualTo(a);
    }

    @Test
    void generatedPasswords_getTheLowerCost_chosenOnesAreRefused() {
        String generated = PasswordHash.generatePassword();

        String hash = PasswordHash.hashGenerated(generated);

        assertThat(hash).startsWith("pbkdf2-sha256$" + PasswordHash.GENERATED_ITERATIONS + "$");
        assertThat(PasswordHash.verify(generated, hash)).isTrue();
        assertThat(PasswordHash.verify(generated + "x", hash)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordHash.hashGenerated("correct horse battery"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full cost");
    }
}
