package dev.onair.broker;

import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.users.UsersFile;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ConfigOption;
import dev.onair.runtime.config.ListenOptions;
import dev.onair.runtime.config.TopicsOptions;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.lifecycle.Lifecycle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./onair broker}: runs the MQTT broker until Ctrl-C or SIGTERM. See broker/README.md. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = "Run the OnAir MQTT broker: TLS on 8883, secure WebSocket on 8884, plain MQTT on 127.0.0.1:1883, "
                + "users and role ACLs from the users file, persistence in the data folder, mDNS advertisement.")
public final class BrokerCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(
            names = "--certs",
            paramLabel = "DIR",
            description = "Folder made by ./onair certs; the broker uses its server.p12 (default: ${DEFAULT-VALUE}).")
    Path certs = CertificateFiles.DEFAULT_DIR;

    @Option(
            names = "--keystore",
            paramLabel = "FILE",
            description = "PKCS12 keystore to use instead of DIR/server.p12.")
    Path keystore;

    @Option(
            names = "--keystore-password",
            paramLabel = "PW",
            description = "Keystore password (default: the one ./onair certs uses).")
    String keystorePassword = CertificateFiles.DEFAULT_KEYSTORE_PASSWORD;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "Users file made by ./onair users (default: ${DEFAULT-VALUE}).")
    Path users = UsersFile.DEFAULT;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Persistence folder for retained messages and sessions (default: ${DEFAULT-VALUE}).")
    Path data = BrokerConfig.DEFAULT_DATA;

    @Option(
            names = "--host",
            paramLabel = "ADDR",
            description = "Address the TLS and WebSocket listeners bind (default: ${DEFAULT-VALUE}, every interface).")
    String host = BrokerConfig.DEFAULT_HOST;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(
            names = "--plain-bind",
            paramLabel = "ADDR",
            description =
                    "Address plain MQTT binds (default: ${DEFAULT-VALUE}; anything else sends passwords in clear).")
    String plainBind = BrokerConfig.DEFAULT_PLAIN_BIND;

    @Option(names = "--no-mdns", description = "Do not advertise the broker over mDNS.")
    boolean noMdns;

    @Option(
            names = "--mdns-name",
            paramLabel = "NAME",
            description = "mDNS service name (default: OnAir broker on HOST).")
    String mdnsName;

    @Mixin
    TopicsOptions prefixes = new TopicsOptions(
            "PREFIX",
            "Topic prefix the ACLs protect (default: ${DEFAULT-VALUE}).",
            "Home Assistant discovery prefix (default: ${DEFAULT-VALUE}).");

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws InterruptedException {
        BrokerConfig cfg = toConfig();
        Lifecycle lifecycle = new Lifecycle().stopOnShutdown();
        lifecycle.start(new OnAirBroker(cfg));
        lifecycle.awaitStop();
        return 0;
    }

    /** Validates every option, collecting all errors, and builds the configuration. */
    public BrokerConfig toConfig() {
        ConfigErrors errors = new ConfigErrors();
        listen.check(errors);
        Topics topics = prefixes.topics(errors);
        if (mdnsName != null && mdnsName.isBlank()) {
            errors.add("--mdns-name: must not be empty");
        }
        errors.throwIfAny();
        BrokerConfig defaults = BrokerConfig.defaults();
        BrokerConfig cfg = errors.check(
                "configuration",
                () -> new BrokerConfig(
                        keystore != null ? keystore : certs.resolve(CertificateFiles.SERVER_P12),
                        keystorePassword,
                        users,
                        data,
                        host,
                        listen.tlsPort(),
                        listen.port(),
                        plainBind,
                        listen.wsPort(),
                        !noMdns,
                        mdnsName != null ? mdnsName : defaults.mdnsName(),
                        topics));
        errors.throwIfAny();
        return cfg;
    }
}
