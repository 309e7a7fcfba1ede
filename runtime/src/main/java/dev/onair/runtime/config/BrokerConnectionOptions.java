package dev.onair.runtime.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option set that says how to reach a broker ({@code --broker}, {@code --ca}, {@code --ca-sha256},
 * {@code --user}, {@code --password}, {@code --password-file}), declared once for every broker a command talks to:
 * {@link BrokerOptions} is the set for the OnAir broker, the bridge's Home Assistant broker is the same set under the
 * prefix {@code ha-}. A subclass gives the prefix and the help text of each option; the options are added to the
 * command that mixes the subclass in ({@code @Mixin}) when picocli builds it, and read back as one
 * {@link BrokerConnection}, which checks them by one set of rules.
 */
@Command(modelTransformer = BrokerConnectionOptions.Declare.class)
public abstract class BrokerConnectionOptions {
    /** The options of the set: name after {@code --} and the prefix, value label and type. */
    public enum Part {
        BROKER("broker", "URL", String.class),
        CA("ca", "FILE", Path.class),
        CA_SHA256("ca-sha256", "HEX", String.class),
        USER("user", "NAME", String.class),
        PASSWORD("password", "PW", String.class),
        PASSWORD_FILE("password-file", "FILE", Path.class);

        private final String name;
        private final String label;
        private final Class<?> type;

        Part(String name, String label, Class<?> type) {
            this.name = name;
            this.label = label;
            this.type = type;
        }
    }

    private final String prefix;
    private final Map<Part, String> help;
    private final Map<Part, Object> values = new EnumMap<>(Part.class);

    /**
     * @param prefix what comes between {@code --} and each option name: empty, or {@code ha-}
     * @param help each option's description in {@code --help}
     */
    protected BrokerConnectionOptions(String prefix, Map<Part, String> help) {
        this.prefix = prefix;
        this.help = Map.copyOf(help);
    }

    /** The options as given, for the shared rules. */
    public BrokerConnection connection() {
        return new BrokerConnection(
                prefix,
                (String) values.get(Part.BROKER),
                (Path) values.get(Part.CA),
                (String) values.get(Part.CA_SHA256),
                (String) values.get(Part.USER),
                (String) values.get(Part.PASSWORD),
                (Path) values.get(Part.PASSWORD_FILE));
    }

    private void declare(CommandSpec command) {
        for (Part part : Part.values()) {
            String name = "--" + prefix + part.name;
            if (command.findOption(name) == null) {
                Slot slot = new Slot(part);
                command.addOption(OptionSpec.builder(name)
                        .paramLabel(part.label)
                        .type(part.type)
                        .description(help.get(part))
                        .getter(slot)
                        .setter(slot)
                        .build());
            }
        }
    }

    /** Where picocli reads and writes one option's value. */
    private final class Slot implements IGetter, ISetter {
        private final Part part;

        Slot(Part part) {
            this.part = part;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) values.get(part);
        }

        @Override
        public <T> T set(T value) {
            T old = get();
            values.put(part, value);
            return old;
        }
    }

    /**
     * Adds the options of every set the command mixes in. Picocli applies a mixin's transformer to the command that
     * mixes it in, once, after reading the annotations; a set is found among the command's mixins by its type.
     */
    public static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof BrokerConnectionOptions options) {
                    options.declare(command);
                }
            }
            return command;
        }
    }
}
