package dev.onair.bench;

import dev.onair.testsupport.RepositoryRoot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One OnAir node in its own JVM: from the module's shaded jar when it has been built (what users run), else from
 * this JVM's class path with the module's main class (what the tests do, so they never depend on another module's
 * package phase). Output goes to a file next to the node's other files.
 */
public final class NodeProcess implements AutoCloseable {
    /** The JVM flags OnAir ships for the Pi: Dockerfile, systemd unit and launcher (ShippedFlagsTest). */
    public static final List<String> PI_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xmx64m",
            "-XX:CICompilerCount=2",
            "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=80m",
            "-XX:MaxDirectMemorySize=32m",
            "-Dio.netty.allocator.numDirectArenas=1",
            "-Dio.netty.allocator.numHeapArenas=1",
            "-Dio.netty.allocator.maxOrder=7");

    /**
     * The environment OnAir ships for the Pi (Dockerfile ENV, the systemd unit's Environment=, the launcher): glibc
     * gives each thread that mallocs its own 64 MiB arena reservation otherwise, and the resident part adds up.
     */
    public static final Map<String, String> PI_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    /** The nodes, with the module folder and main class each is started from. */
    public enum Kind {
        BROKER("broker", "dev.onair.broker.BrokerMain"),
        DISPLAY("display-node", "dev.onair.display.DisplayMain"),
        BRIDGE("ha-bridge", "dev.onair.bridge.BridgeMain"),
        PUBLISHER("publisher", "dev.onair.publisher.PublisherMain"),
        APP("app", "dev.onair.app.OnAirMain");

        final String module;
        final String mainClass;

        Kind(String module, String mainClass) {
            this.module = module;
            this.mainClass = mainClass;
        }

        /** The shaded jar, or null when it has not been built. */
        public Path jar() {
            Path jar = RepositoryRoot.get()
                    .resolve(module)
                    .resolve("target")
                    .resolve("onair-" + module + "-0.1.0-SNAPSHOT-all.jar");
            return Files.isRegularFile(jar) ? jar : null;
        }
    }

    private final Kind kind;
    private final Process process;
    private final Path output;

    private NodeProcess(Kind kind, Process process, Path output) {
        this.kind = kind;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts a node.
     *
     * @param fromJar use the shaded jar if it exists (benchmarks); false: always the class path (tests)
     */
    public static NodeProcess start(Kind kind, boolean fromJar, List<String> jvmFlags, List<String> args, Path output)
            throws IOException {
        return start(kind, fromJar ? kind.jar() : null, jvmFlags, args, output);
    }

    /**
     * Starts a node from {@code jar}, or from this JVM's class path when it is null.
     */
    public static NodeProcess start(Kind kind, Path jar, List<String> jvmFlags, List<String> args, Path output)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        // Every node's jar carries the logging module's configuration, OnAirLogging (a jar without one logs at DEBUG,
        // 180 MB per throughput run, which the benchmark would then measure).
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(kind.mainClass);
        }
        command.addAll(args);
        Files.createDirectories(output.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        // A value in the benchmark's own environment wins, to measure without it (MALLOC_ARENA_MAX=16 is glibc's
        // default on 2 cores).
        PI_ENV.forEach(builder.environment()::putIfAbsent);
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new NodeProcess(kind, process, output);
    }

    /** Whether it was started from the shaded jar. */
    public static String origin(Kind kind, boolean fromJar) {
        Path jar = fromJar ? kind.jar() : null;
        return jar == null ? "class path" : RepositoryRoot.get().relativize(jar).toString();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size now, in MiB (Linux {@code /proc/PID/status} VmRSS). */
    public double rssMiB() throws IOException {
        return Procfs.rssKiB(pid()) / 1024.0;
    }

    /** User plus system CPU time so far, in milliseconds. */
    public double cpuMs() throws IOException {
        return Procfs.cpuMs(pid());
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (a clean stop: the node publishes its own {@code offline}); SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        stop(10);
    }

    /** SIGTERM; SIGKILL after {@code seconds} (a JVM writing its class data sharing archive at exit takes longer). */
    public void stop(long seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** What the node printed, for failure messages. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    /** Whether something accepts TCP connections on loopback {@code port}. */
    public static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until something accepts on {@code port}.
     *
     * @throws IllegalStateException naming the node and showing its output when it did not within {@code timeoutMs}
     */
    public void awaitPort(int port, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!accepting(port)) {
            if (!isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(kind + " is not accepting on port " + port + " (alive: " + isAlive()
                        + "); it said:\n" + output());
            }
            Thread.sleep(5);
        }
    }

    @Override
    public String toString() {
        return kind + " pid " + pid();
    }
}
