package dev.onair.publisher.install;

import com.sun.security.auth.module.UnixSystem;

/** The numeric id of the user this JVM runs as, for launchd's {@code gui/UID} domain (no {@code id -u} to run). */
final class UnixUser {
    private UnixUser() {}

    static long uid() {
        return new UnixSystem().getUid();
    }
}
