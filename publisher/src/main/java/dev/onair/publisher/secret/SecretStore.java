package dev.onair.publisher.secret;

/**
 * Where the publisher's MQTT password is kept: the operating system's own store for the current user (DPAPI, the
 * macOS Keychain, the Secret Service) or a file only the user can read. The configuration holds the store's
 * {@link #reference()}, never the password (issue 14).
 */
public interface SecretStore {
    /** The password kept here. */
    String load() throws SecretException;

    /** Keeps {@code secret} here, replacing what was kept before. */
    void save(String secret) throws SecretException;

    /** What the configuration says to find this store again: {@code keychain:OnAir/alice}, ... */
    String reference();
}
