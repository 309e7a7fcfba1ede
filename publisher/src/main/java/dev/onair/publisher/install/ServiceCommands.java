package dev.onair.publisher.install;

import dev.onair.publisher.setup.UserConfigDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** What install, uninstall and status share: the default configuration, and one line for what went wrong. */
final class ServiceCommands {
    @FunctionalInterface
    interface Body {
        int run() throws IOException;
    }

    private ServiceCommands() {}

    static Path defaultConfig() {
        return UserConfigDir.configFile(
                System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Runs {@code body}; a refusal or a failed OS command is one line on standard error and exit code 1. */
    static int run(CommandSpec spec, String name, Body body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            int code = body.run();
            out.flush();
            return code;
        } catch (IllegalArgumentException | IOException e) {
            out.flush();
            err.println("onair publisher " + name + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
