package dev.onair.publisher.install;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts the publisher when this user logs in, as this user, without administrator rights: a Task Scheduler task on
 * Windows, a LaunchAgent on macOS, a systemd user unit on Linux. Installing again replaces the registration (and
 * restarts the publisher with the new one); the publisher's configuration file is never touched.
 */
interface LoginService {
    /** What it is, for messages: {@code Task Scheduler task \OnAir\Publisher}. */
    String describe();

    /** The file that defines the registration (task XML, plist, unit). */
    Path file();

    /** Writes the registration for {@code command}, registers it and starts it now. */
    void install(LaunchCommand command, Host host) throws IOException;

    /** Stops it and removes the registration; nothing to do when there is none. */
    void uninstall(Host host) throws IOException;

    /** What the OS says about it. */
    String status(Host host);
}
