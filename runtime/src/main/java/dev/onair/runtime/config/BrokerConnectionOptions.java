package dev.onair.runtime.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The option set that says how to reach a broker ({@code --broker}, {@code --ca}, {@code --ca-sha256},
 * {@code --user}, {@code --password}, {@code --password-file}), declared once for every broker a command talks to:
 * {@link BrokerOptions} is the set for the OnAir broker, the bridge's Home Assistant broker is the same set under the
 * prefix {@code ha-}. A subclass gives the prefix and the help text of each option; the values are read back as one
 * {@link BrokerConnection}, which checks them by one set of rules.
 */
public abstract class BrokerConnectionOptions extends DeclaredOptions {
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
    private final Map<Part, Value> values = new EnumMap<>(Part.class);

    /**
     * @param prefix what comes between {@code --} and each option name: empty, or {@code ha-}
     * @param help each option's description in {@code --help}
     */
    protected BrokerConnectionOptions(String prefix, Map<Part, String> help) {
        this.prefix = prefix;
        this.help = Map.copyOf(help);
        for (Part part : Part.values()) {
            values.put(part, new Value());
        }
    }

    /** The options as given, for the shared rules. */
    public BrokerConnection connection() {
        return new BrokerConnection(
                prefix,
                values.get(Part.BROKER).value(),
                values.get(Part.CA).<Path>value(),
                values.get(Part.CA_SHA256).value(),
                values.get(Part.USER).value(),
                values.get(Part.PASSWORD).value(),
                values.get(Part.PASSWORD_FILE).<Path>value());
    }

    @Override
    protected void declare(CommandSpec command) {
        for (Part part : Part.values()) {
            add(command, "--" + prefix + part.name, part.label, part.type, help.get(part), values.get(part));
        }
    }
}
