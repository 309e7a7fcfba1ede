package dev.onair.runtime.config;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when it is not on the command line: the {@code ONAIR_*} environment variable
 * ({@code --tls-port} reads {@code ONAIR_TLS_PORT}), then the YAML file, then the default in the code.
 */
public final class OnAirDefaults implements IDefaultValueProvider {
    private final ConfigFile file;
    private final Map<String, String> env;

    public OnAirDefaults(ConfigFile file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String name = key(option);
        if (name.equals("config")) {
            return null;
        }
        if (option.command() != null
                && option.command().userObject() instanceof PerInvocation command
                && !command.sharedKeys().contains(name)) {
            return null;
        }
        String fromEnv = env.get(envName(name));
        if (fromEnv != null) {
            return fromEnv;
        }
        CommandSpec command = option.command();
        String fromFile = file.get(command == null ? "" : command.name(), name);
        return fromFile != null ? fromFile : null;
    }

    /** The option's long name without dashes: the key in YAML. */
    public static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** {@code tls-port} becomes {@code ONAIR_TLS_PORT}. */
    public static String envName(String key) {
        return "ONAIR_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
