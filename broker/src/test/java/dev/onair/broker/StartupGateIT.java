package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection gate is in every pipeline from the moment the TLS port opens: a client that hammers CONNECT with good
 * credentials while the broker starts meets either a closed port or the gate's answer (accepted), never Moquette's
 * "bad user name or password" for a connection that slipped past the gate (issue 11 follow-up; PersistenceIT had to
 * wait for a log line to dodge that window).
 */
class StartupGateIT {
    private static final int STARTS = 5;
    private static final int CLIENTS = 4;

    private final EmbeddedBroker broker = new EmbeddedBroker();
    private final AtomicBoolean hammering = new AtomicBoolean();
    private final List<Thread> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        hammering.set(false);
        for (Thread t : clients) {
            t.join(30_000);
        }
        broker.close();
    }

    @Test
    void connectDuringStartup_withGoodCredentials_isAcceptedOrNotConnected() throws Exception {
        broker.start();
        broker.addUser("kitchen", Role.DISPLAY);
        BrokerSettings settings = broker.settings("kitchen");
        broker.stop();
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        for (int start = 0; start < STARTS; start++) {
            AtomicInteger accepted = new AtomicInteger();
            hammering.set(true);
            for (int i = 0; i < CLIENTS; i++) {
                Thread t = new Thread(() -> hammer(settings, answers, accepted), "startup-hammer-" + i);
                t.setDaemon(true);
                clients.add(t);
                t.start();
            }
            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= CLIENTS);
            hammering.set(false);
            for (Thread t : clients) {
                t.join(30_000);
            }
            clients.clear();
            broker.stop();
        }
        assertThat(answers)
                .as("CONNACK return codes (or how the attempt ended) seen while the broker started")
                .containsOnlyKeys("accepted");
    }

    /** Connects over and over; a refused TCP connect is the closed port, anything else is an answer to record. */
    private void hammer(BrokerSettings settings, Map<String, AtomicInteger> answers, AtomicInteger accepted) {
        while (hammering.get()) {
            String answer;
            try {
                answer = connectOnce(settings);
            } catch (ConnectException e) {
                continue; // the port is not open yet
            } catch (Exception e) {
                answer = "failed: " + e;
            }
            answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
            if (answer.equals("accepted")) {
                accepted.incrementAndGet();
            }
        }
    }

    /** One MQTT 3.1.1 CONNECT over TLS with the user's password; the CONNACK's return code. */
    private static String connectOnce(BrokerSettings settings) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, TlsTrust.trustManagerFactory(settings).getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", settings.address().port()), 5_000);
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            string(v, "MQTT");
            v.write(4); // MQTT 3.1.1
            v.write(0x80 | 0x40 | 0x02); // user name, password, clean session
            v.write(0);
            v.write(30); // keep alive
            string(v, "");
            string(v, settings.user());
            string(v, settings.password());
            byte[] body = v.toByteArray();
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            packet.write(0x10);
            packet.write(body.length); // < 128 bytes
            packet.write(body);
            socket.getOutputStream().write(packet.toByteArray());
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            in.readUnsignedByte(); // remaining length 2
            in.readUnsignedByte(); // session present
            int code = in.readUnsignedByte();
            if (type != 0x20) {
                return "packet type 0x" + Integer.toHexString(type);
            }
            return code == 0 ? "accepted" : "return code " + code;
        }
    }

    private static void string(ByteArrayOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xFF);
        out.write(b);
    }
}
