package dev.onair.broker.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code mosquitto_sub} and {@code mosquitto_pub} (package {@code mosquitto-clients}) against an
 * {@link EmbeddedBroker} over TLS, for interoperability tests:
 *
 * <pre>{@code
 * try (MosquittoClients.Subscriber sub = MosquittoClients.subscribe(broker, "viewer", "onair/#")) {
 *     MosquittoClients.publish(broker, "alice", "onair/person/alice/presence", json, true);
 *     await().until(() -> sub.lines().contains("onair/person/alice/presence " + json));
 * }
 * }</pre>
 */
public final class MosquittoClients {
    private MosquittoClients() {}

    /** The TLS connection arguments for {@code user}: host, port, CA file, user name and password. */
    public static List<String> tlsArgs(EmbeddedBroker broker, String user) {
        return List.of(
                "-h", "localhost",
                "-p", Integer.toString(broker.tlsPort()),
                "--cafile", broker.caFile().toString(),
                "-u", user,
                "-P", broker.password(user));
    }

    /** The connection arguments for a client without credentials on a plain loopback listener. */
    public static List<String> plainArgs(int port) {
        return List.of("-h", "127.0.0.1", "-p", Integer.toString(port));
    }

    /** The connection arguments for a client without credentials on a TLS listener: host, port, CA file. */
    public static List<String> anonymousTlsArgs(int port, Path caFile) {
        return List.of("-h", "localhost", "-p", Integer.toString(port), "--cafile", caFile.toString());
    }

    /** A QoS 1 will on {@code topic}: {@code --will-topic}, {@code --will-payload} unless empty, the retain flag. */
    public static List<String> willArgs(String topic, String payload, boolean retain) {
        List<String> args = new ArrayList<>(List.of("--will-topic", topic, "--will-qos", "1"));
        if (!payload.isEmpty()) {
            args.addAll(List.of("--will-payload", payload));
        }
        if (retain) {
            args.add("--will-retain");
        }
        return args;
    }

    /** {@code tool} (mosquitto_pub or mosquitto_sub) with {@code connection} arguments, then {@code args}. */
    public static List<String> command(String tool, List<String> connection, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(connection);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Publishes one message at QoS 1 with {@code mosquitto_pub} and waits for it to exit.
     *
     * @return the exit code and output of mosquitto_pub (0 when the broker acknowledged the message)
     */
    public static Result publish(EmbeddedBroker broker, String user, String topic, String message, boolean retain) {
        List<String> cmd =
                new ArrayList<>(List.of("mosquitto_pub", "-V", "mqttv311", "-q", "1", "-t", topic, "-m", message));
        if (retain) {
            cmd.add("-r");
        }
        cmd.addAll(tlsArgs(broker, user));
        return run(cmd);
    }

    /** Runs any command (e.g. mosquitto_pub with other arguments) and waits up to 30 s for it to exit. */
    public static Result run(List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("onair-mosquitto-", ".out");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            p.getOutputStream().close();
            boolean exited = p.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            return exited ? new Result(p.exitValue(), out) : new Result(-1, out + "\n(timed out after 30 s)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " (apt-get install mosquitto-clients)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Starts {@code mosquitto_sub -v} on {@code filter} (QoS 1); every output line is "topic payload". */
    public static Subscriber subscribe(EmbeddedBroker broker, String user, String filter) {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_sub", "-V", "mqttv311", "-q", "1", "-v", "-t", filter));
        cmd.addAll(tlsArgs(broker, user));
        return Subscriber.start(cmd);
    }

    /** How a command ended. */
    public record Result(int exitCode, String output) {}

    /** A running {@code mosquitto_sub}; {@link #close()} ends it. */
    public static final class Subscriber implements AutoCloseable {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile boolean outputRead;

        private Subscriber(Process process) {
            this.process = process;
        }

        /** Starts any mosquitto_sub command line, collecting its output lines. */
        public static Subscriber start(List<String> command) {
            try {
                Process p =
                        new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getOutputStream().close();
                Subscriber s = new Subscriber(p);
                Thread reader = new Thread(s::readLines, "mosquitto_sub-output");
                reader.setDaemon(true);
                reader.start();
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run mosquitto_sub (apt-get install mosquitto-clients)", e);
            }
        }

        private void readLines() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output read failed: " + e + ")");
            } finally {
                outputRead = true;
            }
        }

        /** Every line printed so far (received messages, or error messages). */
        public List<String> lines() {
            return List.copyOf(lines);
        }

        /**
         * Whether the process still runs or its last output is still being read: once false, {@link #lines()} holds
         * everything it printed (the process can end before the reader thread has read its last lines, on a busy
         * machine long enough for a test to miss the "not authorised" it printed).
         */
        public boolean isAlive() {
            return process.isAlive() || !outputRead;
        }

        /** The exit code, once the process has ended. */
        public int exitValue() {
            return process.exitValue();
        }

        /** Ends the process with SIGKILL: its TCP connection drops without a DISCONNECT, as when a PC loses power. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
