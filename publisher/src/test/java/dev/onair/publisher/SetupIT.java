package dev.onair.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.publisher.discovery.BrokerDiscovery.Advert;
import dev.onair.publisher.secret.SecretRunner;
import dev.onair.publisher.secret.SecretStores;
import dev.onair.publisher.setup.SetupCommand;
import dev.onair.publisher.setup.SetupEnvironment;
import dev.onair.testsupport.FreePorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onair publisher setup} against the real broker over TLS, answered through standard input as a person (or
 * a script) would: wrong answers first, then right ones; the files it writes; and a publisher started from them.
 */
class SetupIT {
    @RegisterExtension
    static final EmbeddedBroker broker =
            new EmbeddedBroker().withUsers(Role.PUBLISHER, "alice", "bob").withUsers(Role.VIEWER, "viewer");

    @TempDir
    Path dir;

    private Process process;
    private final StringWriter err = new StringWriter();
    private String out;
    private List<Advert> adverts = List.of();

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void wrongAnswers_areExplainedAndAskedAgain_thenTheConfigWorksForThePublisher() throws Exception {
        Path conf = dir.resolve("conf");
        int closed = FreePorts.one();
        String stdin = String.join(
                "\n",
                "mqtt://localhost:" + broker.plainPort(), // plain MQTT: refused
                "localhost:" + closed, // nothing listens there
                broker.tlsUrl(),
                "y", // the fingerprint is the same
                "Alice!", // not a person id
                "alice",
                "Alice Smith",
                "not-the-password",
                broker.password("alice"),
                "n", // not now: no login service from a test
                "");

        int code = setup(stdin, "--config-dir", conf.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out)
                .contains("No broker answered on mDNS.")
                .contains("is plain MQTT; the work PC talks to the broker over TLS")
                .contains("cannot fetch the CA certificate from mqtts://localhost:" + closed)
                .contains("SHA-256 fingerprint: " + colonHex(broker.caSha256()))
                .contains("person id 'Alice!' is invalid")
                .contains("the broker refused the password for user alice: check it")
                .contains("Logged in.")
                .contains("Later, run: onair publisher install --config " + conf.resolve("publisher.yaml"))
                .doesNotContain(broker.password("alice"));

        Path yaml = conf.resolve("publisher.yaml");
        assertThat(Files.readAllLines(yaml))
                .filteredOn(l -> !l.startsWith("#"))
                .containsExactly(
                        "broker: mqtts://localhost:" + broker.tlsPort(),
                        "ca-sha256: " + broker.caSha256(),
                        "person: alice",
                        "name: Alice Smith",
                        "user: alice",
                        "password-store: file:" + conf.resolve("password"));
        assertThat(Files.readString(yaml)).doesNotContain(broker.password("alice"));
        // No Secret Service here (secret-tool cannot start): the owner-only file is the fallback.
        assertThat(out).contains("Cannot keep the password in secret-service:onair/alice");
        Path password = conf.resolve("password");
        assertThat(Files.readString(password)).isEqualTo(broker.password("alice") + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("rw-------");

        startPublisher(yaml);
        Wire.awaitAvailability(broker, "alice", "online");
    }

    @Test
    void failedLogin_fromFlags_writesNothing() throws Exception {
        Path conf = dir.resolve("conf");

        int code = setup(
                "wrong-password\n",
                "--broker=" + broker.tlsUrl(),
                "--ca-sha256=" + broker.caSha256(),
                "--person=bob",
                "--password-stdin",
                "--yes",
                "--config-dir=" + conf);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("the broker refused the password for user bob")
                .contains("nothing was written");
        assertThat(conf).doesNotExist();
    }

    @Test
    void anotherCaThanTheOneGiven_isRefused_beforeAnyLogin() throws Exception {
        Path conf = dir.resolve("conf");

        int code = setup(
                broker.password("bob") + "\n",
                "--broker=" + broker.tlsUrl(),
                "--ca-sha256=" + "ab".repeat(32),
                "--person=bob",
                "--password-stdin",
                "--yes",
                "--config-dir=" + conf);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("has the CA fingerprint " + colonHex(broker.caSha256()))
                .contains("not the one given with --ca-sha256");
        assertThat(conf).doesNotExist();
    }

    @Test
    void yesWithoutTheFingerprint_isRefused() throws Exception {
        int code = setup(
                "x\n",
                "--broker=" + broker.tlsUrl(),
                "--person=bob",
                "--password-stdin",
                "--yes",
                "--config-dir=" + dir.resolve("conf"));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("with --yes, give the broker CA's fingerprint with --ca-sha256");
    }

    @Test
    void brokerFoundByMdns_flagsForTheRest_andTheSiblingInstallIsRunByName() throws Exception {
        adverts = List.of(
                new Advert("OnAir on the Pi", "localhost.", List.of("127.0.0.1"), broker.tlsPort(), broker.caSha256()));
        Path conf = dir.resolve("conf");
        RecordingInstall install = new RecordingInstall();

        int code = setup(
                install,
                broker.password("bob") + "\n",
                "--ca-sha256=" + broker.caSha256(),
                "--person=bob",
                "--name=Bob Jones",
                "--password-stdin",
                "--password-store=file:" + conf.resolve("secret"),
                "--yes",
                "--config-dir=" + conf);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out).contains("Password kept in file:" + conf.resolve("secret"));
        assertThat(Files.readString(conf.resolve("publisher.yaml")))
                .contains("broker: mqtts://localhost:" + broker.tlsPort() + "\n")
                .contains("password-store: file:" + conf.resolve("secret") + "\n");
        assertThat(install.config).isEqualTo(conf.resolve("publisher.yaml").toString());
    }

    /** Stands in for {@code onair publisher install}: what setup hands it. */
    @Command(name = "install")
    static final class RecordingInstall implements Callable<Integer> {
        @Option(names = "--config")
        String config;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private int setup(String stdin, String... args) {
        return setup(null, stdin, args);
    }

    private int setup(Object install, String stdin, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // secret-tool cannot start here, as on a PC without libsecret: setup falls back to the file.
        SecretRunner noSecretTool = (command, input) -> {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        };
        SetupEnvironment environment = new SetupEnvironment(
                "Linux",
                Map.of(),
                dir.resolve("home"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8),
                null,
                timeout -> adverts,
                new SecretStores(Map.of(), dir.resolve("home"), noSecretTool, null));
        CommandLine cli = new CommandLine(new PublisherMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == SetupCommand.class
                        ? cls.cast(new SetupCommand(environment))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        if (install != null) {
            // The real install would register a login service on this machine: a recording one takes its place.
            CommandLine publisher = cli.getSubcommands().get("publisher");
            publisher.getCommandSpec().removeSubcommand("install");
            publisher.addSubcommand("install", install);
        }
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("publisher", "setup"));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        out = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void startPublisher(Path config) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("teams-logs"));
        Path output = dir.resolve("publisher.out");
        process = PublisherJvm.start(
                output,
                List.of(
                        "publisher",
                        "--config",
                        config.toString(),
                        "--teams-logs",
                        logs.toString(),
                        "--teams-process-check",
                        "off"));
    }

    private static String colonHex(String hex) {
        return String.join(":", hex.toUpperCase().split("(?<=\\G..)"));
    }
}
