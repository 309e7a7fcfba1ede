package dev.onair.publisher.secret;

import com.sun.jna.platform.win32.Crypt32Util;

/**
 * Windows' Data Protection API for the current user: what it protects only this Windows account on this PC can
 * unprotect. An interface so that everything around it can be tested where there is no Windows.
 */
public interface Dpapi {
    byte[] protect(byte[] data) throws SecretException;

    byte[] unprotect(byte[] data) throws SecretException;

    /**
     * The real one, through JNA's {@code Crypt32Util} (CryptProtectData with the user's key, no extra entropy, no
     * prompt), as TEAMS2HA does with .NET's ProtectedData. Only usable on Windows.
     */
    static Dpapi crypt32() {
        return new Dpapi() {
            @Override
            public byte[] protect(byte[] data) throws SecretException {
                try {
                    return Crypt32Util.cryptProtectData(data);
                } catch (RuntimeException | LinkageError e) {
                    throw new SecretException("Windows DPAPI cannot protect the password: " + e.getMessage(), e);
                }
            }

            @Override
            public byte[] unprotect(byte[] data) throws SecretException {
                try {
                    return Crypt32Util.cryptUnprotectData(data);
                } catch (RuntimeException | LinkageError e) {
                    throw new SecretException("Windows DPAPI: " + e.getMessage(), e);
                }
            }
        };
    }
}
