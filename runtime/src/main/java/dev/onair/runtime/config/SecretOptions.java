package dev.onair.runtime.config;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A secret's two options, {@code --NAME VALUE} and {@code --NAME-file FILE} (its first line), declared once for every
 * secret a command takes ({@code --api-key}, {@code --ntfy-token}) and read by {@link Secrets}, the one rule for them.
 * Mix it in with its name and help texts: {@code @Mixin SecretOptions apiKey = new SecretOptions("api-key", ...)}.
 */
public final class SecretOptions extends DeclaredOptions {
    private final String name;
    private final String label;
    private final String help;
    private final String fileHelp;
    private final Value inline = new Value();
    private final Value file = new Value();

    /**
     * @param name the option's name without dashes, e.g. {@code api-key}; the file option is that plus {@code -file}
     * @param label the value's label in {@code --help}, e.g. {@code KEY}
     * @param help the description of {@code --NAME}
     * @param fileHelp the description of {@code --NAME-file}
     */
    public SecretOptions(String name, String label, String help, String fileHelp) {
        this.name = name;
        this.label = label;
        this.help = help;
        this.fileHelp = fileHelp;
    }

    /** Whether either option is given. */
    public boolean anyGiven() {
        return inline.value() != null || file.value() != null;
    }

    /** The secret, or null when neither option is given; problems go to {@code errors}. */
    public String resolve(ConfigErrors errors) {
        return Secrets.resolve(errors, "--" + name, inline.value(), file.<Path>value());
    }

    @Override
    protected void declare(CommandSpec command) {
        add(command, "--" + name, label, String.class, help, inline);
        add(command, "--" + name + "-file", "FILE", Path.class, fileHelp, file);
    }
}
