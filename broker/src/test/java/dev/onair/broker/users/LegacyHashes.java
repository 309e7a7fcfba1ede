package dev.onair.broker.users;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Users-file entries as OnAir wrote them before issue 18, which every OnAir broker must still accept. */
final class LegacyHashes {
    private LegacyHashes() {}

    /** {@code pbkdf2-sha256$<iterations>$<16-byte salt>$<32-byte hash>}, base64 without padding. */
    static String pbkdf2Sha256(String password, int iterations) {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
