package dev.onair.publisher.setup;

import dev.onair.protocol.Ids;
import dev.onair.protocol.presence.Presence;
import dev.onair.publisher.discovery.BrokerDiscovery.Advert;
import dev.onair.runtime.config.PerInvocation;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code onair publisher setup}: the first run on a work PC. Asks what it does not know from its flags (broker,
 * the CA's fingerprint, person id, display name, password), tests the login with a real MQTT CONNECT, and only then
 * writes the per-user configuration and keeps the password in the OS's secret store. A wrong answer gets what to
 * fix and the question again; given as a flag, it ends setup with exit code 1 (a script cannot answer).
 */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = "First run: find the broker, confirm its CA, test your login, write your configuration and "
                + "keep the password in this OS's secret store. Asks in the terminal what the flags do not say.")
public final class SetupCommand implements Callable<Integer>, PerInvocation {
    private static final Duration BROWSE = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Option(names = "--broker", paramLabel = "URL", description = "The broker (default: found by mDNS, or asked).")
    String broker;

    @Option(names = "--ca-sha256", paramLabel = "HEX", description = "The CA fingerprint to expect (else confirmed).")
    String caSha256;

    @Option(names = "--person", paramLabel = "ID", description = "Your person id, e.g. alice.")
    String person;

    @Option(names = "--name", paramLabel = "NAME", description = "Your display name, e.g. 'Alice Smith' (optional).")
    String name;

    @Option(names = "--user", paramLabel = "NAME", description = "MQTT user name (default: the person id).")
    String user;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
            names = "--password-store",
            paramLabel = "STORE",
            description = "Where to keep the password (default: this OS's: DPAPI, Keychain, Secret Service or a "
                    + "0600 file).")
    String passwordStore;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Where to write (default: this OS's place).")
    Path configDir;

    @Option(
            names = {"-y", "--yes"},
            description = "Answer yes: use the broker found, install start at login. The CA must then be given with "
                    + "--ca-sha256.")
    boolean yes;

    @Spec
    CommandSpec spec;

    private final SetupEnvironment environment;
    private Terminal terminal;
    /** Whether {@link #broker} came from the flag (a wrong one ends setup) rather than mDNS or an answer. */
    private boolean brokerGiven;

    private boolean browsed;

    public SetupCommand() {
        this(SetupEnvironment.system());
    }

    public SetupCommand(SetupEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        terminal = new Terminal(environment.in(), environment.out(), environment.console());
        try {
            return run();
        } catch (SetupFailed e) {
            environment.out().flush();
            spec.commandLine().getErr().println("onair publisher setup: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (Terminal.NoAnswer e) {
            spec.commandLine()
                    .getErr()
                    .println("onair publisher setup: no answer to '" + e.getMessage()
                            + "' (standard input ended); give the answers as flags, see --help");
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private int run() {
        brokerGiven = broker != null;
        BrokerAddress address;
        X509Certificate ca;
        while (true) {
            address = brokerAddress();
            Optional<X509Certificate> confirmed = confirmedCa(address);
            if (confirmed.isPresent()) {
                ca = confirmed.get();
                break;
            }
            broker = null; // ask for another broker
            brokerGiven = false;
        }
        String id = personId();
        String displayName = displayName();
        String mqttUser = user != null ? user : id;
        BrokerSettings settings;
        while (true) {
            String password = passwordStdin ? terminal.line("password") : askPassword(mqttUser);
            settings = new BrokerSettings(address, null, TlsTrust.sha256(ca), mqttUser, password);
            terminal.say("Logging in to " + address + " as " + mqttUser + " ...");
            Optional<LoginCheck.Failure> failure = LoginCheck.login(settings, TIMEOUT);
            if (failure.isEmpty()) {
                terminal.say("Logged in.");
                break;
            }
            if (!failure.get().badPassword() || passwordStdin) {
                throw new SetupFailed(failure.get().message() + "; nothing was written");
            }
            terminal.say(failure.get().message() + ".");
        }
        Path dir = configDir != null
                ? configDir
                : UserConfigDir.of(environment.osName(), environment.env(), environment.home());
        SetupWriter writer = new SetupWriter(environment, terminal, spec, yes);
        String store = writer.keepPassword(dir, mqttUser, settings.password(), passwordStore);
        Path file = dir.resolve(UserConfigDir.CONFIG_FILE);
        writer.writeConfig(file, address, ca, id, displayName, mqttUser, store);
        writer.offerInstall(file);
        return 0;
    }

    private BrokerAddress brokerAddress() {
        if (broker == null && !browsed) {
            browsed = true;
            broker = discovered();
        }
        while (true) {
            String url =
                    broker != null ? broker : terminal.ask("Broker address (the Pi's name, e.g. onair-pi.local)", null);
            try {
                BrokerAddress address = BrokerAddress.parse(url.strip());
                if (!address.tls()) {
                    throw new IllegalArgumentException("'" + url + "' is plain MQTT; the work PC talks to the broker "
                            + "over TLS: give mqtts://HOST[:PORT] or just the host");
                }
                return address;
            } catch (IllegalArgumentException e) {
                fixOrFail(brokerGiven ? broker : null, "--broker: " + e.getMessage());
            }
            broker = null;
        }
    }

    /** A broker found by mDNS that the person accepts, or null to ask for its address. */
    private String discovered() {
        terminal.say("Looking for the OnAir broker on this network (mDNS) ...");
        List<Advert> adverts = environment.browser().apply(BROWSE);
        for (Advert a : adverts) {
            String host = a.host() != null && !a.host().isBlank()
                    ? a.host().replaceFirst("\\.$", "")
                    : a.addresses().isEmpty() ? null : a.addresses().get(0);
            if (host == null) {
                continue;
            }
            String url = "mqtts://" + host + ":" + a.port();
            if (yes || terminal.confirm("Found the broker '" + a.name() + "' at " + url + ". Use it?", true)) {
                return url;
            }
        }
        if (adverts.isEmpty()) {
            terminal.say("No broker answered on mDNS.");
        }
        return null;
    }

    /** The broker's CA, when the person (or --ca-sha256) confirms its fingerprint; empty: ask for another broker. */
    private Optional<X509Certificate> confirmedCa(BrokerAddress address) {
        X509Certificate ca;
        try {
            ca = BrokerCa.fetch(address, TIMEOUT);
        } catch (IOException e) {
            fixOrFail(
                    brokerGiven ? broker : null,
                    "cannot fetch the CA certificate from " + address + ": " + e.getMessage()
                            + "; check the address, and that the broker runs");
            return Optional.empty();
        }
        String fingerprint = TlsTrust.sha256(ca);
        if (caSha256 != null) {
            if (!TlsTrust.isSha256(caSha256)) {
                throw new SetupFailed("--ca-sha256: '" + caSha256 + "' is not a SHA-256 fingerprint (64 hex digits)");
            }
            if (!TlsTrust.normaliseFingerprint(caSha256).equals(fingerprint)) {
                throw new SetupFailed("the broker at " + address + " has the CA fingerprint " + BrokerCa.colonHex(ca)
                        + ", not the one given with --ca-sha256: is it the right broker? Nothing was written");
            }
            terminal.say("The broker's CA has the fingerprint given with --ca-sha256.");
            return Optional.of(ca);
        }
        if (yes) {
            throw new SetupFailed("with --yes, give the broker CA's fingerprint with --ca-sha256 (onair certs prints "
                    + "it on the Pi): a script must not trust whatever answers");
        }
        terminal.say(
                "The broker's CA certificate: " + ca.getSubjectX500Principal().getName());
        terminal.say("  SHA-256 fingerprint: " + BrokerCa.colonHex(ca));
        terminal.say("Compare it with the fingerprint onair certs printed on the Pi.");
        if (terminal.confirm("Is it the same?", false)) {
            return Optional.of(ca);
        }
        terminal.say("Then this is not your broker: check its address.");
        return Optional.empty();
    }

    private String personId() {
        while (true) {
            String id = person != null ? person : terminal.ask("Your person id (lower case, e.g. alice)", null);
            try {
                return Ids.require(id, "person id");
            } catch (IllegalArgumentException e) {
                fixOrFail(person, "--person: " + e.getMessage());
            }
            person = null;
        }
    }

    private String displayName() {
        // Optional: a script (--yes, or the password on stdin, which the question would read) gives it or not.
        if (name == null && (yes || passwordStdin)) {
            return null;
        }
        while (true) {
            String n = name != null ? name : terminal.ask("Your display name (Enter to skip)", "");
            if (n.isBlank()) {
                return null;
            }
            try {
                // The contract's rule for the presence's name, so the publisher never refuses what setup wrote.
                return Presence.checkName(n.strip());
            } catch (IllegalArgumentException e) {
                fixOrFail(name, "--name: " + e.getMessage());
            }
            name = null;
        }
    }

    private String askPassword(String mqttUser) {
        while (true) {
            String pw = terminal.password("MQTT password for " + mqttUser + " (onair users add printed it on the Pi)");
            if (!pw.isEmpty()) {
                return pw;
            }
            terminal.say("The password is empty: paste the one onair users add printed.");
        }
    }

    /** A wrong answer: from a flag it ends setup, typed in it is explained and asked again. */
    private void fixOrFail(String fromFlag, String message) {
        if (fromFlag != null) {
            throw new SetupFailed(message + "; nothing was written");
        }
        terminal.say(message.replaceFirst("^--[a-z-]+: ", "") + ".");
    }
}
