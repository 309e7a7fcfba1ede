package dev.onair.app;

import dev.onair.bridge.BridgeConfig;
import dev.onair.bridge.BridgeNode;
import dev.onair.broker.BrokerConfig;
import dev.onair.broker.OnAirBroker;
import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.Users;
import dev.onair.display.DisplayConfig;
import dev.onair.display.DisplayNode;
import dev.onair.display.PanelSettings;
import dev.onair.display.WebSettings;
import dev.onair.display.panel.PanelKind;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ListenOptions;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.lifecycle.Lifecycle;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onair demo}: all of OnAir on this machine. Development certificates and demo users are made in the demo
 * folder on first use and reused after; the broker, a display with the virtual panel and its dashboard, the bridge and
 * a publisher for person {@code demo} that follows a Teams log folder inside the demo folder run in this process until
 * Ctrl-C.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run all of OnAir on this machine: broker (development certificates made on the fly), display with the "
                    + "virtual panel and dashboard, Home Assistant bridge, and a publisher for person 'demo' that "
                    + "follows a Teams log folder you can write to. Ctrl-C stops it; a second run reuses the folder."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Working folder: certificates, users, broker data, Teams logs (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of(".onair-demo");

    @Option(names = "--http-port", paramLabel = "N", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int httpPort = 5000;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(
            names = "--host",
            paramLabel = "ADDR",
            description = "Address the broker and the dashboard listen on (default: ${DEFAULT-VALUE}, this machine "
                    + "only; 0.0.0.0 lets your phone or Home Assistant in).")
    String host = "127.0.0.1";

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws InterruptedException {
        Lifecycle lifecycle = new Lifecycle().stopOnShutdown();
        Demo demo = prepare();
        demo.start(lifecycle);
        demo.printWelcome(System.out);
        lifecycle.awaitStop();
        return 0;
    }

    /** Validates the options and makes (or reuses) the demo folder; starts nothing. */
    Demo prepare() {
        ConfigErrors errors = new ConfigErrors();
        listen.check(errors);
        errors.require(
                httpPort >= 0 && httpPort <= 65535,
                "--http-port: " + httpPort + " is not a port (0-65535, 0 for any free one)");
        errors.throwIfAny();
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path certs = root.resolve("certs");
            if (!Files.isReadable(certs.resolve(CertificateFiles.SERVER_P12))) {
                CertificateFiles.create(certs, "localhost", List.of(), CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
            }
            DemoUsers users = DemoUsers.ensure(root);
            Path logs = root.resolve("teams-logs");
            Path log = TeamsDemoLog.ensure(logs, LocalDateTime.now());
            writeSetConfig(root, users);
            return new Demo(root, certs, users, logs, log);
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("cannot prepare the demo folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** What {@code ./onair set ... --config DIR/onair.yaml} needs to reach the demo broker as person demo. */
    private void writeSetConfig(Path root, DemoUsers users) throws IOException {
        String yaml = "# Written by ./onair demo: how ./onair set reaches the demo broker as person 'demo'.\n"
                + "#   ./onair set busy --for 1m --config " + root.resolve("onair.yaml") + "\n"
                + "set:\n"
                + "  broker: mqtts://localhost:" + listen.tlsPort() + "\n"
                + "  ca: " + root.resolve("certs").resolve(CertificateFiles.CA_CRT) + "\n"
                + "  user: " + DemoUsers.PUBLISHER + "\n"
                + "  password-file: " + users.passwordFile(DemoUsers.PUBLISHER) + "\n"
                + "  person: " + DemoUsers.PERSON + "\n";
        Files.writeString(root.resolve("onair.yaml"), yaml);
    }

    /** A prepared demo folder, and the nodes it runs. */
    final class Demo {
        final Path root;
        final Path certs;
        final DemoUsers users;
        final Path logs;
        final Path log;
        private DisplayNode display;

        Demo(Path root, Path certs, DemoUsers users, Path logs, Path log) {
            this.root = root;
            this.certs = certs;
            this.users = users;
            this.logs = logs;
            this.log = log;
        }

        void start(Lifecycle lifecycle) {
            BrokerConfig brokerConfig = BrokerConfig.defaults()
                    .withCertsDir(certs)
                    .withUsersFile(root.resolve("users.yaml"))
                    .withDataDir(root.resolve("data"))
                    .withHost(host)
                    .withPorts(listen.tlsPort(), listen.port(), listen.wsPort())
                    .withMdns(false);
            lifecycle.start(new OnAirBroker(brokerConfig, Users.empty(), listen.port() != 0));
            display = new DisplayNode(DisplayConfig.defaults(settings(DemoUsers.DISPLAY))
                    .withPanel(PanelSettings.of(PanelKind.VIRTUAL))
                    .withWeb(new WebSettings(host, httpPort, null)));
            lifecycle.start(display);
            lifecycle.start(new BridgeNode(BridgeConfig.of(settings(DemoUsers.BRIDGE))));
            lifecycle.start(new PublisherNode(
                    PublisherConfig.teamsLogs(DemoUsers.PERSON, settings(DemoUsers.PUBLISHER), logs)));
        }

        int httpPort() {
            return display.httpPort();
        }

        BrokerSettings settings(String user) {
            return new BrokerSettings(
                    BrokerAddress.parse("mqtts://localhost:" + listen.tlsPort()),
                    certs.resolve(CertificateFiles.CA_CRT),
                    null,
                    user,
                    users.password(user));
        }

        /** {@code -u NAME -P "$(awk ...)"}: the password stays in the file, out of the terminal's scrollback. */
        private String credentials(String user) {
            return " -u " + user + " -P \"$(awk '$1==\"" + user + "\"{print $3}' " + users.file() + ")\"";
        }

        void printWelcome(PrintStream out) {
            String ca = certs.resolve(CertificateFiles.CA_CRT).toString();
            String browserHost = host.equals("0.0.0.0") ? "localhost" : host;
            out.println();
            out.println("OnAir demo is running. Ctrl-C stops it.");
            out.println();
            out.println("  Dashboard:    http://" + browserHost + ":" + httpPort() + "/");
            out.println("  Teams logs:   " + logs + "  (person 'demo' follows them)");
            out.println("  Demo users:   " + users.file() + "  (name role password)");
            out.println();
            out.println("Change the light the way Teams would, by appending a line to its log:");
            out.println("  echo \"$(date +%Y-%m-%dT%H:%M:%S.000000%:z) 0x0000 <INFO> "
                    + "native_modules::UserDataCrossCloudModule: Received Action: UserPresenceAction: "
                    + "{cloud_context: https://teams.microsoft.com, availability: Busy}\" >> " + log);
            out.println();
            out.println("Or override it for a minute:");
            out.println("  ./onair set busy --for 1m --config " + root.resolve("onair.yaml"));
            out.println();
            out.println("Watch the MQTT traffic (mosquitto-clients):");
            if (listen.port() != 0) {
                out.println(
                        "  mosquitto_sub -h 127.0.0.1 -p " + listen.port() + " -t 'onair/#' -t 'homeassistant/#' -v");
                out.println("    (plain, this machine only: no user needed to read)");
            }
            out.println("  mosquitto_sub -h localhost -p " + listen.tlsPort() + " --cafile " + ca
                    + credentials(DemoUsers.VIEWER) + " -t 'onair/#' -v");
            out.println("    (TLS with the demo CA and the demo viewer; its password is read from the users list)");
            out.println();
            out.flush();
        }
    }
}
