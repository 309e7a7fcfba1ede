package dev.onair.broker.users;

import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.StartupException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./onair users add|list|remove}: manages the broker's users file. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        subcommands = {
            UsersCommand.Add.class,
            UsersCommand.ListUsers.class,
            UsersCommand.Remove.class,
            UsersExport.class
        },
        description = "Manage broker users (add, list, remove, export). The broker picks up changes without a restart.")
public final class UsersCommand implements Runnable {
    @Override
    public void run() {
        System.err.println(
                "Usage: onair users add NAME --role ROLE | list | remove NAME | export --format mosquitto --out DIR "
                        + "[--file FILE]");
    }

    /** {@code users add NAME --role ROLE [--id ID] [--password PW] [--file FILE]}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user, or replace one of the same name. Without --password, asks for one on a "
                    + "terminal (empty: generate) or generates one, and prints a generated password once.")
    public static final class Add extends OnUsersFile implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name (for publisher/display: the id).")
        String name;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "publisher, display, bridge, homeassistant or viewer (required).")
        String role;

        @Option(names = "--id", paramLabel = "ID", description = "Person (publisher) or display id, if not NAME.")
        String id;

        @Option(names = "--password", paramLabel = "PW", description = "The password (at least 8 characters).")
        String password;

        // A script's way to give the password without putting it on a command line (docker compose run -T ...
        // < secrets/display/password), as docker login --password-stdin.
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            ConfigErrors errors = new ConfigErrors();
            Role r = role == null ? null : errors.check("--role", () -> Role.parse(role));
            errors.require(role != null, "--role: required (publisher, display, bridge, homeassistant or viewer)");
            errors.require(
                    password == null || !passwordStdin, "--password and --password-stdin: give only one of them");
            errors.require(password == null || password.length() >= 8, "--password: use at least 8 characters");
            errors.throwIfAny();
            if (passwordStdin) {
                password = firstLine(System.in);
                errors.require(password != null && !password.isEmpty(), "--password-stdin: standard input is empty");
                errors.require(
                        password == null || password.isEmpty() || password.length() >= 8,
                        "--password-stdin: use at least 8 characters");
                errors.throwIfAny();
            }
            boolean generated = false;
            String pw = password;
            if (pw == null) {
                pw = ask(System.console());
                if (pw == null) {
                    pw = PasswordHash.generatePassword();
                    generated = true;
                }
            }
            String chosen = pw;
            boolean fromGenerator = generated;
            User user = errors.check(
                    "NAME",
                    () -> fromGenerator ? User.createGenerated(name, r, id, chosen) : User.create(name, r, id, chosen));
            errors.throwIfAny();
            try {
                UsersFile.add(file, user);
            } catch (IOException e) {
                throw new StartupException(e.getMessage(), e);
            }
            System.out.println("Added " + user.name() + " (" + user.role().key()
                    + (user.id() != null ? ", id " + user.id() : "") + ") to " + file);
            if (generated) {
                System.out.println("Password (shown only now, store it): " + pw);
            }
            return 0;
        }

        private static String firstLine(InputStream in) {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.strip();
            } catch (IOException e) {
                throw new StartupException("--password-stdin: cannot read standard input: " + e.getMessage(), e);
            }
        }

        /** Asks twice on a terminal; null when there is none or the answer is empty (then one is generated). */
        private static String ask(Console console) {
            if (console == null) {
                return null;
            }
            char[] first = console.readPassword("Password for the new user (empty: generate one): ");
            if (first == null || first.length == 0) {
                return null;
            }
            char[] second = console.readPassword("Again: ");
            if (!Arrays.equals(first, second)) {
                throw new StartupException("the passwords differ; nothing was changed");
            }
            if (first.length < 8) {
                throw new StartupException("the password must have at least 8 characters; nothing was changed");
            }
            return new String(first);
        }
    }

    /** {@code users list [--file FILE]}: names, roles and ids; never hashes. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, their roles and ids.")
    public static final class ListUsers extends OnUsersFile implements Callable<Integer> {
        @Override
        public Integer call() {
            Users users;
            try {
                users = UsersFile.load(file);
            } catch (IOException e) {
                throw new StartupException(e.getMessage(), e);
            }
            if (users.size() == 0) {
                System.out.println("No users in " + file + ". Add one: ./onair users add NAME --role ROLE");
                return 0;
            }
            System.out.printf("%-24s %-14s %s%n", "NAME", "ROLE", "ID");
            for (User u : users.all()) {
                System.out.printf("%-24s %-14s %s%n", u.name(), u.role().key(), u.id() == null ? "-" : u.id());
            }
            return 0;
        }
    }

    /** {@code users remove NAME [--file FILE]}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    public static final class Remove extends OnUsersFile implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Override
        public Integer call() {
            try {
                Users users = UsersFile.load(file);
                if (users.get(name).isEmpty()) {
                    throw new StartupException("no user '" + name + "' in " + file);
                }
                UsersFile.save(file, users.without(name));
            } catch (IOException e) {
                throw new StartupException(e.getMessage(), e);
            }
            System.out.println("Removed " + name + " from " + file);
            return 0;
        }
    }
}
