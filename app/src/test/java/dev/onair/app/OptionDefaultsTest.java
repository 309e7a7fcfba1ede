package dev.onair.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.runtime.config.Cli;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** Issue 12: each default is stated once, in the field's initializer, which the help shows as its default. */
class OptionDefaultsTest {
    private static final String NONE = "__no_default_value__";

    @Test
    void everyAnnotatedOption_keepsItsDefaultInTheFieldOnly() {
        List<String> restated = new ArrayList<>();
        List<String> shownOtherwise = new ArrayList<>();
        for (CommandLine command : commands(Cli.commandLine(new OnAirMain()), new ArrayList<>())) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!(option.userObject() instanceof Field field) || field.getAnnotation(Option.class) == null) {
                    continue;
                }
                String name = command.getCommandSpec().qualifiedName() + " " + option.longestName();
                if (!field.getAnnotation(Option.class).defaultValue().equals(NONE)) {
                    restated.add(name);
                }
                if (!option.defaultValueString().equals(String.valueOf(option.initialValue()))) {
                    shownOtherwise.add(name);
                }
            }
        }
        assertThat(restated)
                .as("options with defaultValue beside their initializer")
                .isEmpty();
        assertThat(shownOtherwise)
                .as("options whose ${DEFAULT-VALUE} is not their initial value")
                .isEmpty();
    }

    private static List<CommandLine> commands(CommandLine command, List<CommandLine> out) {
        out.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> commands(sub, out));
        return out;
    }
}
