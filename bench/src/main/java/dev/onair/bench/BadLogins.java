package dev.onair.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.onair.bench.NodeProcess.Kind;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.UsersFile;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Bad logins beside good clients (issue 11): {@code --attackers} threads loop CONNECTs over TLS with wrong
 * passwords (half for a real user whose password was chosen, so it has the full PBKDF2 cost; half for a new unknown
 * user name each time) for {@code --seconds}. Meanwhile one good client connects every 250 ms (time to CONNACK,
 * TLS handshake included) and one open connection publishes a time stamp every 50 ms to one subscriber (delivery
 * time). The good client logged in once before the attack starts, as a node that was running would have.
 */
public final class BadLogins {
    private BadLogins() {}

    /** What one run measured, in milliseconds. */
    public record Result(
            List<Double> goodConnects,
            long goodFailures,
            List<Double> deliveries,
            long badAttempts,
            Map<Integer, Long> badCodes) {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int attackers = args.integer("attackers", 50);
        int seconds = args.integer("seconds", 30);
        String from = args.string("attacker-address", "127.0.0.2");
        boolean separate = !"in-process".equals(args.string("attackers-in", "own-jvm"));
        Result r = measure(attackers, seconds, true, separate, from);
        Stats connect = Stats.of(r.goodConnects());
        Stats delivery = Stats.of(r.deliveries());
        Stats.Table table = new Stats.Table(
                attackers + " parallel bad-login loops for " + seconds + " s beside one good client (ms)",
                "measure",
                "count",
                "p50",
                "p99",
                "max");
        table.row("good connect (CONNACK)", connect.count(), connect.p50(), connect.p99(), connect.max());
        table.row("delivery on an open connection", delivery.count(), delivery.p50(), delivery.p99(), delivery.max());
        table.print();
        System.out.printf(
                "good connects refused or failed: %d; bad attempts: %d (%.0f/s), CONNACK codes %s (-1: closed"
                        + " without CONNACK); load average %s; broker from %s%n",
                r.goodFailures(),
                r.badAttempts(),
                r.badAttempts() / (double) seconds,
                r.badCodes(),
                Files.readString(Path.of("/proc/loadavg")).trim(),
                NodeProcess.origin(Kind.BROKER, true));
    }

    /** The smoke test's run: attackers in this JVM, from the good client's own address. */
    public static Result measure(int attackers, int seconds, boolean fromJar) throws Exception {
        return measure(attackers, seconds, fromJar, false, "127.0.0.1");
    }

    /**
     * @param separate run the attackers in their own JVM ({@link BadLoginAttackers#start})
     * @param attackerAddress the attackers' source address (the good client connects from 127.0.0.1)
     */
    public static Result measure(int attackers, int seconds, boolean fromJar, boolean separate, String attackerAddress)
            throws Exception {
        Path dir = Files.createTempDirectory("onair-bench-badlogins-");
        BrokerHome home = BrokerHome.create(dir);
        home.addUser("good", Role.PUBLISHER);
        home.addUser("watch", Role.VIEWER);
        // A password a person chose: hashed at the full cost, as the attacked account would be.
        UsersFile.add(dir.resolve("users.yaml"), User.create("alice", Role.PUBLISHER, null, "alice-chose-this"));
        try (NodeProcess broker = NodeProcess.start(
                Kind.BROKER, fromJar, NodeProcess.PI_FLAGS, home.brokerArgs(), dir.resolve("b.out"))) {
            broker.awaitPort(home.tlsPort(), 60_000);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, TlsTrust.trustManagerFactory(home.settings("good")).getTrustManagers(), null);
            return run(home, tls, attackers, seconds, separate, attackerAddress);
        }
    }

    private static Result run(
            BrokerHome home, SSLContext tls, int attackers, int seconds, boolean separate, String attackerAddress)
            throws Exception {
        BrokerSettings good = home.settings("good");
        if (connack(tls, home.tlsPort(), "onair-publisher-good", "good", good.password()) != 0) {
            throw new IllegalStateException("the good client cannot log in before the attack");
        }
        List<Double> deliveries = new CopyOnWriteArrayList<>();
        Mqtt5AsyncClient sink = Mqtt.connect(home.settings("watch"), "watch", 100);
        Mqtt5AsyncClient source = Mqtt.connect(good, "good-source", 100);
        sink.publishes(MqttGlobalPublishFilter.ALL, p -> {
            long sent = Long.parseLong(new String(p.getPayloadAsBytes(), StandardCharsets.US_ASCII));
            deliveries.add((System.nanoTime() - sent) / 1e6);
        });
        sink.subscribeWith()
                .topicFilter("onair/person/good/presence")
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(10, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Process process = separate
                ? BadLoginAttackers.start(
                        home.tlsPort(),
                        attackers,
                        seconds,
                        attackerAddress,
                        home.root().resolve("a.out"))
                : null;
        CompletableFuture<BadLoginAttackers.Outcome> inProcess = separate
                ? null
                : CompletableFuture.supplyAsync(() -> {
                    try {
                        return BadLoginAttackers.attack(home.tlsPort(), attackers, seconds, attackerAddress);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        List<Double> connects = new ArrayList<>();
        long failures = 0;
        long nextPublish = System.nanoTime();
        long nextConnect = System.nanoTime();
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now >= nextPublish) {
                source.publishWith()
                        .topic("onair/person/good/presence")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII))
                        .send();
                nextPublish += TimeUnit.MILLISECONDS.toNanos(50);
            }
            if (now >= nextConnect) {
                long start = System.nanoTime();
                int code = connack(tls, home.tlsPort(), "onair-publisher-good", "good", good.password());
                if (code == 0) {
                    connects.add((System.nanoTime() - start) / 1e6);
                } else {
                    failures++;
                }
                nextConnect = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
            }
            Thread.sleep(5);
        }
        BadLoginAttackers.Outcome bad =
                separate ? BadLoginAttackers.await(process) : inProcess.get(90, TimeUnit.SECONDS);
        Mqtt.close(source);
        Mqtt.close(sink);
        return new Result(connects, failures, List.copyOf(deliveries), bad.attempts(), bad.codes());
    }

    /** One MQTT 3.1.1 CONNECT over a new TLS connection; the CONNACK return code, or -1 if none came. */
    static int connack(SSLContext tls, int port, String clientId, String user, String password) {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(60_000);
            return connack(socket, clientId, user, password);
        } catch (IOException e) {
            return -1;
        }
    }

    /** One MQTT 3.1.1 CONNECT over {@code socket}; the CONNACK return code, or -1 if none came. */
    static int connack(SSLSocket socket, String clientId, String user, String password) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(connect(clientId, user, password));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] ack = new byte[4];
            in.readFully(ack);
            return ack[0] == 0x20 ? ack[3] & 0xFF : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static byte[] connect(String clientId, String user, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4); // MQTT 3.1.1
        body.write(0xC2); // user name, password, clean session
        body.write(0);
        body.write(60); // keep alive
        string(body, clientId);
        string(body, user);
        string(body, password);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int remaining = body.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xFF);
        out.writeBytes(b);
    }
}
