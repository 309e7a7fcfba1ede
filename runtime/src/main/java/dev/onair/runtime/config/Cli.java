package dev.onair.runtime.config;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs an OnAir command line: YAML file ({@code --config}, {@code ONAIR_CONFIG}, else a {@link UserConfig}'s own), then {@code ONAIR_*} environment variables, then flags; every configuration
 * error reported at once with exit code 1; a failure to start reported in one line with exit code 1.
 *
 * <p>This class logs nothing itself: {@code --verbose} must be seen before the logging system starts.
 */
public final class Cli {
    private Cli() {}

    /** Runs {@code command} and exits the JVM with its exit code (when it returns; servers keep running). */
    public static void main(Object command, String[] args) {
        int code = run(command, args, System.getenv());
        if (code != 0 || !Boolean.getBoolean("onair.keepRunning")) {
            System.exit(code);
        }
    }

    /** Runs {@code command} and returns its exit code. */
    public static int run(Object command, String[] args, Map<String, String> env) {
        configureLogging(args, env);
        CommandLine cli = commandLine(command);
        cli.setExecutionExceptionHandler(Cli::onFailure);
        PrintWriter err = cli.getErr();

        ConfigFile file;
        try {
            file = loadConfig(cli, args, env);
        } catch (ConfigException e) {
            printErrors(err, e.errors());
            return 1;
        }
        cli.setDefaultValueProvider(new OnAirDefaults(file, env));

        List<String> parseErrors = collectParseErrors(cli, args);
        if (!parseErrors.isEmpty()) {
            printErrors(err, parseErrors);
            err.println("Run with --help for the options.");
            err.flush();
            return 1;
        }
        return cli.execute(args);
    }

    /**
     * The picocli command line every OnAir command is parsed with (case-insensitive enum values). Values with a
     * grammar of their own (durations, ports, secret files) are options of type String, Path or int and are read in
     * the command's config mapper ({@link ConfigErrors#duration}, {@link Secrets}), so that a bad one is reported
     * together with every other problem instead of stopping the parse.
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int onFailure(Exception e, CommandLine cli, ParseResult result) {
        PrintWriter err = cli.getErr();
        if (e instanceof ConfigException config) {
            printErrors(err, config.errors());
        } else if (e instanceof StartupException startup) {
            err.println("onair " + cli.getCommandName() + ": cannot start: " + startup.getMessage());
        } else {
            err.println("onair " + cli.getCommandName() + ": failed: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static void printErrors(PrintWriter err, List<String> errors) {
        err.println(errors.size() == 1 ? "Configuration error:" : errors.size() + " configuration errors:");
        for (String e : errors) {
            err.println("  - " + e);
        }
        err.flush();
    }

    /** Parses once with error collection on, so every bad flag, variable and YAML value is reported together. */
    private static List<String> collectParseErrors(CommandLine cli, String[] args) {
        List<String> errors = new ArrayList<>();
        setCollectErrors(cli, true);
        try {
            ParseResult result = cli.parseArgs(args);
            for (ParseResult r = result; r != null; r = r.subcommand()) {
                for (Exception e : r.errors()) {
                    errors.add(e.getMessage());
                }
            }
        } catch (ParameterException e) {
            errors.add(e.getMessage());
        } finally {
            setCollectErrors(cli, false);
        }
        return errors;
    }

    private static void setCollectErrors(CommandLine cli, boolean collect) {
        cli.getCommandSpec().parser().collectErrors(collect);
        for (CommandLine sub : cli.getSubcommands().values()) {
            setCollectErrors(sub, collect);
        }
    }

    private static ConfigFile loadConfig(CommandLine cli, String[] args, Map<String, String> env) {
        String path = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        if (path == null) {
            path = env.get("ONAIR_CONFIG");
        }
        Object leaf = invoked(cli, args);
        boolean byDefault = false;
        if ((path == null || path.isBlank()) && leaf instanceof UserConfig own) {
            Path file = own.userConfigFile(env);
            if (file != null && Files.isRegularFile(file)) {
                path = file.toString();
                byDefault = true;
            }
        }
        if (path == null || path.isBlank()) {
            return ConfigFile.empty();
        }
        String configPath = path;
        Map<String, Set<String>> options = new LinkedHashMap<>();
        collectOptions(cli, options);
        ConfigFile file = ConfigFile.load(Path.of(path), List.copyOf(options.keySet()));
        List<String> errors = new ArrayList<>();
        Set<String> everyOption = new HashSet<>();
        options.values().forEach(everyOption::addAll);
        for (String key : file.topLevel().keySet()) {
            if (!everyOption.contains(key)) {
                errors.add("--config: unknown key '" + key + "' in " + path + " (keys are option names, see --help)");
            }
        }
        file.sections().forEach((section, values) -> {
            for (String key : values.keySet()) {
                if (!options.getOrDefault(section, Set.of()).contains(key)) {
                    errors.add("--config: unknown key '" + section + "." + key + "' in " + configPath + " (see onair "
                            + section + " --help)");
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        if (leaf instanceof UserConfig own) {
            own.configRead(Path.of(path), byDefault);
        }
        return file;
    }

    /** The command the arguments run (the last subcommand), or null when they do not parse far enough to say. */
    private static Object invoked(CommandLine cli, String[] args) {
        setCollectErrors(cli, true);
        try {
            ParseResult result = cli.parseArgs(args);
            while (result.subcommand() != null) {
                result = result.subcommand();
            }
            return result.commandSpec().userObject();
        } catch (RuntimeException e) {
            return null;
        } finally {
            setCollectErrors(cli, false);
        }
    }

    private static void collectOptions(CommandLine cli, Map<String, Set<String>> out) {
        CommandSpec spec = cli.getCommandSpec();
        Set<String> names = out.computeIfAbsent(spec.name(), k -> new HashSet<>());
        for (OptionSpec option : spec.options()) {
            names.add(OnAirDefaults.key(option));
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            collectOptions(sub, out);
        }
    }

    /** {@code --verbose}, {@code -v} or {@code ONAIR_VERBOSE=true} turn on debug logging for OnAir's own code. */
    private static void configureLogging(String[] args, Map<String, String> env) {
        boolean verbose = "true".equalsIgnoreCase(env.get("ONAIR_VERBOSE"));
        for (String a : args) {
            verbose |= a.equals("--verbose") || a.equals("-v");
        }
        if (verbose && System.getProperty("onair.log.level") == null) {
            System.setProperty("onair.log.level", "DEBUG");
        }
    }
}
