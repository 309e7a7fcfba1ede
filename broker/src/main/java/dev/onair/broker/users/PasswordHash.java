package dev.onair.broker.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow, salted password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>} so the cost can grow without breaking old entries.
 */
public final class PasswordHash {
    /**
     * OWASP's 2023 figure for PBKDF2-HMAC-SHA256. The broker checks a password once per connection, so the cost is
     * paid rarely; a user store stolen from the Pi stays expensive to attack.
     */
    public static final int ITERATIONS = 600_000;

    /**
     * The cost for passwords OnAir generated itself ({@link #generatePassword()}, about 119 bits). Stretching protects
     * guessable passwords; nobody guesses 119 random bits, so these get a cost that lets twenty clients log in again
     * within a second after a broker restart, even on a Pi. Passwords a person chose keep {@link #ITERATIONS}.
     */
    public static final int GENERATED_ITERATIONS = 10_000;

    /** The shape of {@link #generatePassword()}'s output. */
    private static final String GENERATED = "[abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789]{20}";

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /** Hashes {@code password} with a new random salt. */
    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /**
     * Hashes a password {@link #generatePassword()} made, at {@link #GENERATED_ITERATIONS}.
     *
     * @throws IllegalArgumentException when {@code password} does not look generated (then use {@link #hash(String)})
     */
    public static String hashGenerated(String password) {
        if (password == null || !password.matches(GENERATED)) {
            throw new IllegalArgumentException("not a generated password; a chosen password needs the full cost");
        }
        return hash(password, GENERATED_ITERATIONS);
    }

    /** Hashes with a given cost; only tests and migrations need anything but {@link #ITERATIONS}. */
    public static String hash(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * A full-cost hash that no password matches (random bytes where the derived key goes), made without deriving
     * anything: checking a password against it costs what checking against a person's hash costs.
     */
    public static String unmatchable() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BITS / 8];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; false for anything that is not a hash this class wrote. */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(password, salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code stored} has the shape of a hash this class writes (used to validate the users file). */
    public static boolean isHash(String stored) {
        return stored != null && stored.matches(SCHEME + "\\$\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    }

    /** A random password for {@code users add} without {@code --password}: 20 characters, about 119 bits. */
    public static String generatePassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is always available in Java 17", e);
        }
    }
}
