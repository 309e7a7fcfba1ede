package dev.onair.publisher.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the login service starts: {@code JAVA FLAGS -jar JAR publisher --config CONFIG}, in {@code workingDir}. The
 * paths are text in the target OS's own form ({@code C:\Users\...} for a Windows task), not this JVM's {@code Path}s.
 *
 * @param java the Java launcher: {@code javaw.exe} on Windows (no console window), {@code java} elsewhere
 * @param jvmFlags {@link JvmFlags#publisher()}
 * @param jar the all-in-one jar, {@code lib/onair.jar} of the release
 * @param config the publisher's configuration file (written by {@code onair publisher setup})
 * @param workingDir the folder it runs in: the configuration's, so relative paths in it resolve as setup wrote them
 */
public record LaunchCommand(String java, List<String> jvmFlags, String jar, String config, String workingDir) {
    public LaunchCommand {
        Objects.requireNonNull(java, "java");
        jvmFlags = List.copyOf(jvmFlags);
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(workingDir, "workingDir");
        for (String flag : jvmFlags) {
            if (!flag.startsWith("-")) {
                throw new IllegalArgumentException("JVM flag '" + flag + "' does not start with -");
            }
        }
    }

    /** Everything after the launcher: the flags, then the jar and the publisher command. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(jvmFlags);
        args.addAll(List.of("-jar", jar, "publisher", "--config", config));
        return args;
    }

    /** The launcher and its arguments. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(arguments());
        return argv;
    }
}
