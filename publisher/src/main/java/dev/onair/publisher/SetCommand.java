package dev.onair.publisher;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.discovery.BrokerDiscovery;
import dev.onair.runtime.config.BrokerOptions;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ConfigOption;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.config.VerboseOption;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.HiveMqConnection;
import dev.onair.runtime.mqtt.MqttConnection;
import dev.onair.runtime.mqtt.TlsTrust;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./onair set STATUS|auto [--for DURATION] [--person ID]}: sends an override command to the person's
 * publisher over {@code onair/person/<id>/set} (CONTRACT.md section 4). The publisher applies it and publishes the
 * result; {@code auto} clears the override, and one with {@code --for} ends by itself.
 */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        description = "Override a person's presence: available, busy, do_not_disturb, be_right_back, away, offline, "
                + "or auto to go back to what Teams says.")
public final class SetCommand extends PerUserConfigCommand {
    private static final Logger log = LoggerFactory.getLogger(SetCommand.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    @Mixin
    ConfigOption config = new ConfigOption(PerUserConfig.HELP);

    @Parameters(index = "0", paramLabel = "STATUS", description = "A status, or auto to clear the override.")
    String status;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            description = "How long, e.g. 30m, 1h30m or PT30M (default: until cleared).")
    String forDuration;

    @Option(names = "--person", paramLabel = "ID", description = "Person id (or ONAIR_PERSON, or person: in the YAML).")
    String person;

    @Mixin
    BrokerOptions broker = new BrokerOptions();

    @Mixin
    PasswordStoreOption passwordStore = new PasswordStoreOption();

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        ConfigErrors errors = new ConfigErrors();
        OverrideCommand command = command(errors);
        if (person == null || person.isBlank()) {
            errors.add("--person: required, e.g. --person alice (or ONAIR_PERSON)");
        }
        logConfigRead(log);
        BrokerSettings settings = passwordStore.apply(errors, broker.settings(errors, null));
        Topics topics =
                errors.check("--topic-prefix", () -> new Topics(broker.topicPrefix(), Topics.DEFAULT_DISCOVERY_PREFIX));
        Topic topic = topics == null ? null : errors.check("--person", () -> topics.personSet(person));
        if (settings.address() == null && settings.caFile() == null && settings.caSha256() == null) {
            errors.add("--broker: required (or --ca / --ca-sha256 to find the broker by mDNS)");
        }
        errors.throwIfAny();
        settings = Passwords.askIfMissing(withBroker(settings));
        send(settings, topic, command);
        System.out.println("Sent " + new String(command.toJson(), StandardCharsets.UTF_8) + " to " + topic);
        return 0;
    }

    private OverrideCommand command(ConfigErrors errors) {
        OverrideCommand word;
        try {
            word = OverrideCommand.parse(status.trim().getBytes(StandardCharsets.UTF_8));
        } catch (PayloadException e) {
            errors.add("STATUS: '" + status + "' is not auto or one of available, busy, do_not_disturb, "
                    + "be_right_back, away, offline");
            return null;
        }
        if (forDuration == null) {
            return word;
        }
        if (word.isAuto()) {
            errors.add("--for: 'auto' clears the override and takes no duration");
            return null;
        }
        Duration d = errors.duration("--for", forDuration);
        return d == null ? null : errors.check("--for", () -> OverrideCommand.of(word.status(), d));
    }

    private static BrokerSettings withBroker(BrokerSettings settings) throws Exception {
        if (settings.address() != null) {
            return settings;
        }
        Set<String> fingerprints = new HashSet<>();
        if (settings.caSha256() != null) {
            fingerprints.add(settings.caSha256());
        }
        if (settings.caFile() != null) {
            for (X509Certificate cert : TlsTrust.readPem(settings.caFile())) {
                fingerprints.add(TlsTrust.sha256(cert));
            }
        }
        BrokerAddress found = new BrokerDiscovery(fingerprints)
                .find(Duration.ofSeconds(5))
                .orElseThrow(
                        () -> new StartupException("no OnAir broker with the trusted CA found by mDNS; give --broker"));
        return new BrokerSettings(found, settings.caFile(), settings.caSha256(), settings.user(), settings.password());
    }

    private static void send(BrokerSettings settings, Topic topic, OverrideCommand command) throws Exception {
        MqttConnection connection = new HiveMqConnection(
                settings, "onair-set-" + UUID.randomUUID().toString().substring(0, 8), null);
        CountDownLatch connected = new CountDownLatch(1);
        connection.onConnected(connected::countDown);
        try {
            connection.start();
            if (!connected.await(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new StartupException("cannot reach the broker at " + settings.address() + " within "
                        + CONNECT_TIMEOUT.toSeconds() + " s; check --broker, --ca, --user and the password");
            }
            connection.publish(topic, command.toJson()).get(10, TimeUnit.SECONDS);
        } finally {
            connection.stop();
        }
    }
}
