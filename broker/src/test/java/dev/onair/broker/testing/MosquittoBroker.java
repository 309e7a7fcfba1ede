package dev.onair.broker.testing;

import static org.awaitility.Awaitility.await;

import dev.onair.broker.BrokerMain;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.CliCapture;
import dev.onair.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Mosquitto 2 ({@code /usr/sbin/mosquitto}) run with exactly what {@code onair users export --format
 * mosquitto} wrote (issue 18). Certificates come from {@code onair certs}, users from {@code onair users add}, the
 * files from {@code onair users export}, all run in-process through the real command line; the only choices made
 * here are the user's own: the ports, and where the certificates and Mosquitto's data live.
 *
 * <pre>{@code
 * MosquittoBroker mosquitto = MosquittoBroker.in(tempDir);
 * mosquitto.addUser("alice", Role.PUBLISHER);
 * mosquitto.start();                 // exports, then starts mosquitto -c <out>/mosquitto.conf
 * BrokerSettings alice = mosquitto.settings("alice");
 * }</pre>
 *
 * A missing Mosquitto fails the test (install the {@code mosquitto} package); it never skips.
 */
public final class MosquittoBroker implements AutoCloseable {
    /** Debian's broker; {@code -Donair.mosquitto=PATH} for another. */
    public static final Path BINARY = Path.of(System.getProperty("onair.mosquitto", "/usr/sbin/mosquitto"));

    private static final Pattern GENERATED = Pattern.compile("Password \\(shown only now, store it\\): (\\S+)");

    private final Path root;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final int tlsPort;
    private final int wsPort;
    private String exportOutput = "";
    private Process process;

    private MosquittoBroker(Path root, int tlsPort, int wsPort) {
        this.root = root;
        this.tlsPort = tlsPort;
        this.wsPort = wsPort;
    }

    /** Makes the CA and server certificate in {@code root/certs} with {@code onair certs}; nothing runs yet. */
    public static MosquittoBroker in(Path root) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: install Debian's mosquitto (apt-get install mosquitto); this test must run");
        }
        int[] ports = FreePorts.several(2);
        MosquittoBroker broker = new MosquittoBroker(root, ports[0], ports[1]);
        broker.onair("certs", "--host", "localhost", "--out", broker.certsDir().toString());
        return broker;
    }

    /** {@code onair users add NAME --role ROLE} with a generated password, which it returns. */
    public String addUser(String name, Role role) {
        return addUser(name, role, null);
    }

    /** {@code onair users add NAME --role ROLE --id ID}; returns the generated password. */
    public String addUser(String name, Role role, String id) {
        List<String> args = new ArrayList<>(List.of(
                "users",
                "add",
                name,
                "--role",
                role.key(),
                "--file",
                usersFile().toString()));
        if (id != null) {
            args.addAll(List.of("--id", id));
        }
        Matcher m = GENERATED.matcher(onair(args.toArray(String[]::new)));
        if (!m.find()) {
            throw new IllegalStateException("onair users add printed no generated password");
        }
        passwords.put(name, m.group(1));
        return m.group(1);
    }

    /** Exports the users with {@code onair users export --format mosquitto} and starts Mosquitto on those files. */
    public MosquittoBroker start() {
        exportOutput = onair(
                "users",
                "export",
                "--format",
                "mosquitto",
                "--file",
                usersFile().toString(),
                "--out",
                exportDir().toString(),
                "--certs",
                certsDir().toString(),
                "--port",
                Integer.toString(tlsPort),
                "--ws-port",
                Integer.toString(wsPort),
                "--persistence-location",
                root.resolve("data").toString());
        try {
            Files.createDirectories(root.resolve("data"));
            handToMosquittoUser();
            process = new ProcessBuilder(
                            BINARY.toString(), "-v", "-c", confFile().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
        await("mosquitto listening on " + tlsPort + " (log: " + log() + ")")
                .atMost(Duration.ofSeconds(30))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "mosquitto exited with " + process.exitValue() + ":\n" + log(0));
                    }
                    return listening(tlsPort) && (wsPort == 0 || listening(wsPort));
                });
        return this;
    }

    /** Stops Mosquitto (SIGTERM: it saves its persistence file) and waits for it. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** TLS settings for {@code user}: {@code mqtts://localhost:<tlsPort>} and OnAir's CA. */
    public BrokerSettings settings(String user) {
        return new BrokerSettings(new BrokerAddress("localhost", tlsPort, true), caFile(), null, user, password(user));
    }

    public String password(String user) {
        String pw = passwords.get(user);
        if (pw == null) {
            throw new IllegalArgumentException("no user '" + user + "' was added");
        }
        return pw;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int wsPort() {
        return wsPort;
    }

    public Path caFile() {
        return certsDir().resolve("ca.crt");
    }

    public Path certsDir() {
        return root.resolve("certs");
    }

    public Path usersFile() {
        return root.resolve("users.yaml");
    }

    /** Where the export wrote password_file, acl_file and mosquitto.conf. */
    public Path exportDir() {
        return root.resolve("mosquitto");
    }

    public Path confFile() {
        return exportDir().resolve("mosquitto.conf");
    }

    /** What {@code onair users export} printed. */
    public String exportOutput() {
        return exportOutput;
    }

    /** Mosquitto's own log ({@code -v}). */
    public Path log() {
        return root.resolve("mosquitto.log");
    }

    /** The log from character {@code from} on (for waiting on lines written after some point). */
    public String log(int from) {
        try {
            String all = Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
            return all.substring(Math.min(from, all.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Started as root, Mosquitto drops to the {@code mosquitto} user before it reads its files, as on a Debian host:
     * then, as the README's move tells the user, the exported files, the certificates and the data folder belong to
     * {@code mosquitto}. Started as anyone else, it stays that user and reads the files as they are.
     */
    private void handToMosquittoUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        var lookup = root.getFileSystem().getUserPrincipalLookupService();
        var user = lookup.lookupPrincipalByName("mosquitto");
        var group = lookup.lookupPrincipalByGroupName("mosquitto");
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        for (Path dir : List.of(exportDir(), certsDir(), root.resolve("data"))) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.toList()) {
                    Files.setOwner(p, user);
                    Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
                            .setGroup(group);
                }
            }
        }
    }

    private String onair(String... args) {
        CliCapture run = CliCapture.run(new BrokerMain(), Map.of(), args);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("onair " + String.join(" ", args) + " failed: " + run.err() + run.out());
        }
        return run.out();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
