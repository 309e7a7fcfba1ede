package dev.onair.bridge;

import static org.awaitility.Awaitility.await;

import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's {@code mosquitto}, started on a free loopback port with persistence in a temp folder, standing in for
 * Home Assistant's Mosquitto add-on. Restarts keep retained messages, as the add-on does.
 */
final class Mosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    Mosquitto(Path dir) throws IOException {
        this.dir = dir;
        this.port = FreePorts.one();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(
                dir.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\n"
                        + "allow_anonymous true\n"
                        + "persistence true\n"
                        + "persistence_location " + dir.resolve("data") + "/\n"
                        + "autosave_interval 1\n"
                        // Run as root, mosquitto would switch to its own user, which cannot write the temp folder.
                        + "user " + System.getProperty("user.name") + "\n"
                        + "log_dest stderr\n");
    }

    Mosquitto start() throws IOException {
        process = new ProcessBuilder(
                        "mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(10)).until(this::accepting);
        return this;
    }

    /** Stops cleanly (SIGTERM), so mosquitto writes its persistence file. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    BrokerSettings settings() {
        return new BrokerSettings(new BrokerAddress("127.0.0.1", port, false), null, null, null, null);
    }

    private boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
