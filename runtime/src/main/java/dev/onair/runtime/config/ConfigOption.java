package dev.onair.runtime.config;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --config FILE}, for every command that reads a YAML file. Declared here only so that picocli accepts it and
 * {@code --help} lists it: {@link Cli#run} reads it before picocli parses, since the file gives the other options
 * their values.
 */
public final class ConfigOption extends DeclaredOptions {
    /** What most commands say of it. */
    public static final String HELP = "YAML configuration file (keys are option names).";

    private final String help;
    private final Value file = new Value();

    public ConfigOption() {
        this(HELP);
    }

    /** With the command's own description of the file. */
    public ConfigOption(String help) {
        this.help = help;
    }

    @Override
    protected void declare(CommandSpec command) {
        add(command, "--config", "FILE", Path.class, help, file);
    }
}
