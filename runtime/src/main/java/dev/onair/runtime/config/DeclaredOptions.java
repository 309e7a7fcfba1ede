package dev.onair.runtime.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A picocli mixin whose options are declared in code, for an option set that several commands use under other names
 * or with other help texts (the broker-connection set under {@code ha-}, a secret with its {@code -file} twin), which
 * annotations, fixed at compile time, cannot say once. A subclass keeps one {@link Value} per option and adds them in
 * {@link #declare}; the command mixes the subclass in with {@code @Mixin} as any other mixin, and picocli reads flags,
 * {@code ONAIR_*} variables and YAML keys into the values.
 */
@Command(modelTransformer = DeclaredOptions.Declare.class)
public abstract class DeclaredOptions {
    /** Adds this set's options to {@code command}, the command that mixes it in. */
    protected abstract void declare(CommandSpec command);

    /**
     * Adds option {@code name} (with its dashes), read into {@code value}, unless the command has it already. The
     * value's default is the option's default, {@code ${DEFAULT-VALUE}} in its description.
     */
    protected static void add(
            CommandSpec command, String name, String label, Class<?> type, String description, Value value) {
        if (command.findOption(name) == null) {
            command.addOption(OptionSpec.builder(name)
                    .paramLabel(label)
                    .type(type)
                    .description(description)
                    .defaultValue(value.value == null ? null : String.valueOf(value.value))
                    .initialValue(value.value)
                    .getter(value)
                    .setter(value)
                    .build());
        }
    }

    /** Where picocli reads and writes one option's value: its default until given. */
    protected static final class Value implements IGetter, ISetter {
        private Object value;

        /** No default: null until given. */
        public Value() {}

        /** The option's default, also when the command is used without being parsed. */
        public Value(Object defaultValue) {
            value = defaultValue;
        }

        /** The value as given, or null. */
        @SuppressWarnings("unchecked")
        public <T> T value() {
            return (T) value;
        }

        @Override
        public <T> T get() {
            return value();
        }

        @Override
        public <T> T set(T newValue) {
            T old = get();
            value = newValue;
            return old;
        }
    }

    /**
     * Adds the options of every declared set the command mixes in. Picocli applies a mixin's transformer to the
     * command that mixes it in, after reading the annotations; the sets are found among the command's mixins and theirs.
     */
    public static final class Declare implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            declareMixedIn(command, command);
            return command;
        }

        /** Mixins inside mixins too: the display's {@code WebOptions} carries its {@code --api-key} set. */
        private static void declareMixedIn(CommandSpec command, CommandSpec from) {
            for (CommandSpec mixin : from.mixins().values()) {
                if (mixin.userObject() instanceof DeclaredOptions options) {
                    options.declare(command);
                } else {
                    declareMixedIn(command, mixin);
                }
            }
        }
    }
}
