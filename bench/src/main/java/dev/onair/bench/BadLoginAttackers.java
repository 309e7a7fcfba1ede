package dev.onair.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The attackers of {@link BadLogins}: {@code attackers} threads loop MQTT CONNECTs over TLS with wrong passwords from
 * one source address (half for {@code alice}, whose password has the full PBKDF2 cost, half for a new unknown user name
 * each time). Run in their own JVM by the benchmark ({@link #start}), so the driver that times the good client does
 * not share its threads and heap with them; {@link #attack} runs them in this JVM (the smoke test).
 */
public final class BadLoginAttackers {
    private BadLoginAttackers() {}

    /** Attempts made and how many ended with each CONNACK code (-1: none). */
    public record Outcome(long attempts, Map<Integer, Long> codes) {}

    /** {@code port attackers seconds source-address}: attacks, then prints {@code code count} lines. */
    public static void main(String[] argv) throws Exception {
        Outcome o = attack(Integer.parseInt(argv[0]), Integer.parseInt(argv[1]), Integer.parseInt(argv[2]), argv[3]);
        o.codes().forEach((code, n) -> System.out.println(code + " " + n));
    }

    /** Starts the attack in another JVM, from this one's class path. */
    public static Process start(int port, int attackers, int seconds, String source, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        BadLoginAttackers.class.getName(),
                        Integer.toString(port),
                        Integer.toString(attackers),
                        Integer.toString(seconds),
                        source)
                .redirectError(log.toFile())
                .start();
    }

    /** Waits for an attack {@link #start}ed and reads what it printed. */
    public static Outcome await(Process attack) throws IOException, InterruptedException {
        Map<Integer, Long> codes = new TreeMap<>();
        long attempts = 0;
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(attack.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.trim().split(" ");
                codes.put(Integer.parseInt(f[0]), Long.parseLong(f[1]));
                attempts += Long.parseLong(f[1]);
            }
        }
        if (!attack.waitFor(120, TimeUnit.SECONDS) || attack.exitValue() != 0) {
            throw new IllegalStateException("the attackers' JVM failed (see its log)");
        }
        return new Outcome(attempts, codes);
    }

    /** Runs the attack in this JVM for {@code seconds}. */
    public static Outcome attack(int port, int attackers, int seconds, String source) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustAll()}, null); // an attacker checks nothing
        InetAddress from = InetAddress.getByName(source);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong bad = new AtomicLong();
        Map<Integer, Long> codes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < attackers; i++) {
            boolean known = i % 2 == 0;
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            String user = known
                                    ? "alice"
                                    : "u" + UUID.randomUUID().toString().substring(0, 8);
                            int code = connack(tls, from, port, user);
                            bad.incrementAndGet();
                            codes.merge(code, 1L, Long::sum);
                        }
                    },
                    "attacker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(90_000);
        }
        return new Outcome(bad.get(), new TreeMap<>(codes));
    }

    private static int connack(SSLContext tls, InetAddress from, int port, String user) {
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(from, 0));
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            plain.setSoTimeout(60_000);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true)) {
                return BadLogins.connack(socket, "bad-" + UUID.randomUUID(), user, "guess");
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
