package dev.onair.broker.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow, salted password hashes, written in Mosquitto 2's {@code password_file} form so the same entries work on
 * Mosquitto as they are (issue 18): {@code $7$<iterations>$<salt base64>$<hash base64>}, PBKDF2-HMAC-SHA512 with a
 * random 12-byte salt and a 64-byte result ({@code apps/mosquitto_passwd} and {@code src/password_mosq.c}; Mosquitto
 * 2.0 drops an entry whose salt is not 12 bytes or whose hash is not 64). The iteration count travels in the entry,
 * so OnAir's costs stay OnAir's on Mosquitto.
 *
 * <p>Entries OnAir wrote before, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, still verify; the next
 * {@code onair users add} of that user writes the new form (a hash cannot be converted without the password).
 */
public final class PasswordHash {
    /**
     * OWASP's 2023 figure for PBKDF2-HMAC-SHA512 (their equivalent of 600,000 for SHA-256: SHA-512 costs a GPU more
     * per iteration). The broker checks a password once per connection, so the cost is paid rarely; a user store
     * stolen from the Pi stays expensive to attack.
     */
    public static final int ITERATIONS = 210_000;

    /**
     * The cost for passwords OnAir generated itself ({@link #generatePassword()}, about 119 bits). Stretching protects
     * guessable passwords; nobody guesses 119 random bits, so these get a cost that lets twenty clients log in again
     * within a second after a broker restart, even on a Pi. Passwords a person chose keep {@link #ITERATIONS}.
     */
    public static final int GENERATED_ITERATIONS = 10_000;

    /** The shape of {@link #generatePassword()}'s output. */
    private static final String GENERATED = "[abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789]{20}";

    private static final String B64 = "[A-Za-z0-9+/]+={0,2}";
    /** Mosquitto's {@code pw_sha512_pbkdf2} type, the only one OnAir writes. */
    private static final Pattern MOSQUITTO = Pattern.compile("\\$7\\$(\\d{1,9})\\$(" + B64 + ")\\$(" + B64 + ")");
    /** What OnAir wrote before issue 18; read, never written. */
    private static final Pattern LEGACY = Pattern.compile("pbkdf2-sha256\\$(\\d{1,9})\\$(" + B64 + ")\\$(" + B64 + ")");

    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    /** Hashes {@code password} with a new random salt at {@link #ITERATIONS}. */
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
        byte[] hash = derive("PBKDF2WithHmacSHA512", password, salt, iterations, HASH_BYTES * 8);
        // Padded, as mosquitto_passwd writes it (OpenSSL's base64 BIO).
        Base64.Encoder b64 = Base64.getEncoder();
        return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * A full-cost hash that no password matches (random bytes where the derived key goes), made without deriving
     * anything: checking a password against it costs what checking against a person's hash costs.
     */
    public static String unmatchable() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        Base64.Encoder b64 = Base64.getEncoder();
        return "$7$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; false for anything that is not a hash of a known form. */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        Matcher m = MOSQUITTO.matcher(stored);
        String algorithm = "PBKDF2WithHmacSHA512";
        if (!m.matches()) {
            m = LEGACY.matcher(stored);
            algorithm = "PBKDF2WithHmacSHA256";
            if (!m.matches()) {
                return false;
            }
        }
        try {
            int iterations = Integer.parseInt(m.group(1));
            byte[] salt = Base64.getDecoder().decode(m.group(2));
            byte[] expected = Base64.getDecoder().decode(m.group(3));
            if (iterations < 1 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(algorithm, password, salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code stored} has the shape of a hash OnAir accepts, either form (used to validate the users file). */
    public static boolean isHash(String stored) {
        return stored != null
                && (MOSQUITTO.matcher(stored).matches()
                        || LEGACY.matcher(stored).matches());
    }

    /**
     * Whether Mosquitto 2 accepts {@code stored} in its {@code password_file} as it is: type 7, at least one
     * iteration, a 12-byte salt and a 64-byte hash. False for the old {@code pbkdf2-sha256} form.
     */
    public static boolean isMosquittoReadable(String stored) {
        if (stored == null) {
            return false;
        }
        Matcher m = MOSQUITTO.matcher(stored);
        try {
            return m.matches()
                    && Integer.parseInt(m.group(1)) >= 1
                    && Base64.getDecoder().decode(m.group(2)).length == SALT_BYTES
                    && Base64.getDecoder().decode(m.group(3)).length == HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
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

    /** PBKDF2 over the password's UTF-8 bytes (the JDK's encoding for PBEKeySpec, and Mosquitto's C string). */
    private static byte[] derive(String algorithm, String password, byte[] salt, int iterations, int bits) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is always available in Java 17", e);
        }
    }
}
