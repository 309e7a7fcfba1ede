package dev.onair.publisher.setup;

import dev.onair.publisher.discovery.BrokerDiscovery;
import dev.onair.publisher.discovery.BrokerDiscovery.Advert;
import dev.onair.publisher.secret.SecretStores;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What setup takes from the computer it runs on; tests give their own (a fake mDNS, stdin of their choosing).
 *
 * @param browser lists the OnAir brokers that answer on mDNS within a time
 */
public record SetupEnvironment(
        String osName,
        Map<String, String> env,
        Path home,
        InputStream in,
        PrintStream out,
        Console console,
        Function<Duration, List<Advert>> browser,
        SecretStores secretStores) {

    public static SetupEnvironment system() {
        return new SetupEnvironment(
                System.getProperty("os.name"),
                System.getenv(),
                Path.of(System.getProperty("user.home")),
                System.in,
                System.out,
                System.console(),
                BrokerDiscovery::browse,
                SecretStores.system());
    }
}
