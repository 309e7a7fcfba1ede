package dev.onair.broker.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void hash_isMosquittosPbkdf2Sha512Form_withOnAirsCost_neverPlainSha() throws Exception {
        String stored = PasswordHash.hash("correct horse");

        // Mosquitto 2's password_file form: $7$<iterations>$<12-byte salt>$<64-byte PBKDF2-HMAC-SHA512>, base64.
        String[] parts = stored.split("\\$");
        assertThat(parts[0]).isEmpty();
        assertThat(parts[1]).isEqualTo("7");
        assertThat(Integer.parseInt(parts[2]))
                .isEqualTo(PasswordHash.ITERATIONS)
                .isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(12);
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(64);
        assertThat(PasswordHash.isMosquittoReadable(stored)).isTrue();
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest("correct horse".getBytes(StandardCharsets.UTF_8));
        assertThat(stored)
                .doesNotContain("correct horse")
                .doesNotContain(HexFormat.of().formatHex(sha512))
                .doesNotContain(Base64.getEncoder().encodeToString(sha512));
    }

    @Test
    void verify_acceptsHashesMosquittoPasswdWrote() {
        // mosquitto_passwd -c -b pwf alice 'correct horse battery' (Debian mosquitto 2.0.11), and a non-ASCII one.
        String alice = "$7$101$fw04jhO6RCCmE2hW$PKyxHoNNPbfBtfPevRY7j1a9ivrRO+yrVoro0J3iFwF4shfIAP8IoHsCfIKd2KXRkv"
                + "oikzI/+vZof8IURw4B+w==";
        String bob = "$7$101$kgcuBPWAMwrWWwso$zOnZMIkrOX2/xSXtow2ZyDV7DcNjtRLr0RzHFvTLqJrKngC5PHYNluDjBvwvxn3vNweIie"
                + "LYYMjRJGZWKb1MWg==";

        assertThat(PasswordHash.verify("correct horse battery", alice)).isTrue();
        assertThat(PasswordHash.verify("correct horse batterY", alice)).isFalse();
        assertThat(PasswordHash.verify("\u00fcn\u00efc\u00f8d\u00e9-pass", bob)).isTrue();
        assertThat(PasswordHash.isHash(alice)).isTrue();
        assertThat(PasswordHash.isMosquittoReadable(alice)).isTrue();
    }

    @Test
    void legacyPbkdf2Sha256Entries_stillVerify_butAreNotMosquittoReadable() {
        // Written by OnAir before issue 18: pbkdf2-sha256$<iterations>$<salt>$<hash>, unpadded base64.
        String legacy = LegacyHashes.pbkdf2Sha256("s3cret-pass", 1000);

        assertThat(legacy).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHash.isHash(legacy)).isTrue();
        assertThat(PasswordHash.verify("s3cret-pass", legacy)).isTrue();
        assertThat(PasswordHash.verify("s3cret-pasS", legacy)).isFalse();
        assertThat(PasswordHash.isMosquittoReadable(legacy)).isFalse();
    }

    @Test
    void mosquittoReadable_needsExactlyWhatMosquitto2Accepts() {
        // Mosquitto 2.0 drops an entry whose salt is not 12 bytes or whose hash is not 64 bytes.
        String good = PasswordHash.hash("password1", 1000);
        String[] p = good.split("\\$");
        assertThat(PasswordHash.isMosquittoReadable(
                        "$7$1000$" + Base64.getEncoder().encodeToString(new byte[16]) + "$" + p[4]))
                .isFalse();
        assertThat(PasswordHash.isMosquittoReadable(
                        "$7$1000$" + p[3] + "$" + Base64.getEncoder().encodeToString(new byte[32])))
                .isFalse();
        assertThat(PasswordHash.isMosquittoReadable("$7$0$" + p[3] + "$" + p[4]))
                .isFalse();
        assertThat(PasswordHash.isMosquittoReadable("$6$" + p[3] + "$" + p[4])).isFalse();
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
        assertThat(PasswordHash.verify("x", "$7$abc$!!$??")).isFalse();
        assertThat(PasswordHash.verify("x", "$7$0$AAAAAAAAAAAAAAAA$AAAA")).isFalse();
        assertThat(PasswordHash.verify("x", "$7$1$AAAAAAAAAAAAAAAA$")).isFalse();
        assertThat(PasswordHash.verify("x", "$6$AAAAAAAAAAAAAAAA$AAAA")).isFalse();
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

        assertThat(hash).startsWith("$7$" + PasswordHash.GENERATED_ITERATIONS + "$");
        assertThat(PasswordHash.verify(generated, hash)).isTrue();
        assertThat(PasswordHash.verify(generated + "x", hash)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordHash.hashGenerated("correct horse battery"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full cost");
    }
}
