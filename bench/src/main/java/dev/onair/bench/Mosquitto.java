package dev.onair.bench;

import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto on a free loopback port with TLS (the broker home's test-made certificates), tuned for
 * throughput: {@code set_tcp_nodelay true}, a 1,000-message in-flight window, a deep queue, no persistence.
 * Anonymous: the comparison is of message handling, and both brokers check credentials only at connect.
 */
public final class Mosquitto implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path caFile;

    private Mosquitto(Process process, int port, Path caFile) {
        this.process = process;
        this.port = port;
        this.caFile = caFile;
    }

    public static Mosquitto start(BrokerHome home) throws IOException, InterruptedException {
        int port = FreePorts.one();
        Path certs = home.certsDir();
        String config = String.join(
                "\n",
                "per_listener_settings false",
                "allow_anonymous true",
                "persistence false",
                "user root",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "set_tcp_nodelay true",
                "max_inflight_messages 1000",
                "max_queued_messages 100000",
                "listener " + port + " 127.0.0.1",
                "cafile " + certs.resolve("ca.crt"),
                "certfile " + certs.resolve("server.crt"),
                "keyfile " + certs.resolve("server.key"),
                "tls_version tlsv1.2",
                "");
        Path file = Files.writeString(home.root().resolve("mosquitto.conf"), config);
        Path output = home.root().resolve("mosquitto.out");
        Process process = new ProcessBuilder("mosquitto", "-c", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!NodeProcess.accepting(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("mosquitto did not start: " + Files.readString(output));
            }
            Thread.sleep(10);
        }
        return new Mosquitto(process, port, certs.resolve("ca.crt"));
    }

    /** Anonymous settings over TLS. */
    public BrokerSettings settings() {
        return new BrokerSettings(new BrokerAddress("localhost", port, true), caFile, null, null, null);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
