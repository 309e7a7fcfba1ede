package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.testsupport.TestClient;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The broker's log helps (issue 11): one line per refused connection, no forged lines, no handshake stack traces. */
class BrokerLogIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void users() {
        broker.addUser("alice", Role.PUBLISHER);
    }

    @BeforeEach
    void capture() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void release() {
        root().detachAppender(log);
    }

    @Test
    void userNameWithANewline_cannotForgeALogLine_andIsTruncated() throws Exception {
        String forged = "mallory\n12:00:00.000 INFO  ConnectionLog - Connected: client x (user admin)";
        String longName = "m".repeat(300);
        // Raw CONNECTs: mosquitto_pub itself refuses control characters in a user name; an attacker's client does not.
        for (String name : List.of(forged, longName)) {
            assertThat(rawConnack("log-forge", name, "whatever-password")).isEqualTo(4); // bad user name or password
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> refusals("log-forge").size() == 2);
        List<String> lines = refusals("log-forge");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n").doesNotContain("\r"));
        assertThat(lines.get(0)).contains("mallory\\n12:00");
        assertThat(lines.get(1)).doesNotContain("m".repeat(65)).contains("m".repeat(64));
    }

    @Test
    void eachRefusedConnection_isOneLine_anonymousIncluded() {
        assertThatThrownBy(() -> TestClient.connect(as("alice", "wrong-password"), "log-wrong"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> TestClient.connect(as(null, null), "log-anonymous"))
                .isInstanceOf(RuntimeException.class);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> refusals("log-wrong").size() == 1
                        && refusals("log-anonymous").size() == 1);
        assertThat(everyLineNaming("log-wrong")).hasSize(1);
        assertThat(everyLineNaming("log-anonymous")).hasSize(1);
        assertThat(refusals("log-anonymous").get(0)).matches(".* from \\S+:\\d+.*");
    }

    @Test
    void failedTlsHandshake_isOneLineWithThePeerAddress() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", broker.tlsPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read(); // the broker closes it
        } catch (java.io.IOException expected) {
            // a reset is fine too
        }
        // A real client after it: once its connection is logged, the handshake failure was logged before it.
        MosquittoClients.publish(broker, "alice", "onair/person/alice/availability", "online", true);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("TLS handshake")));
        List<ILoggingEvent> tls = log.list.stream()
                .filter(e -> e.getFormattedMessage().contains("TLS")
                        || (e.getThrowableProxy() != null
                                && e.getThrowableProxy().getClassName().contains("SSL")))
                .toList();
        assertThat(tls).hasSize(1);
        assertThat(tls.get(0).getThrowableProxy()).isNull();
        assertThat(tls.get(0).getFormattedMessage()).contains("127.0.0.1").doesNotContain("\n");
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null);
    }

    /** One MQTT 3.1.1 CONNECT over TLS, written by hand; returns the CONNACK's return code. */
    private static int rawConnack(String clientId, String user, String password) throws Exception {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(
                null,
                dev.onair.runtime.mqtt.TlsTrust.trustManagerFactory(broker.settings("alice"))
                        .getTrustManagers(),
                null);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String s : List.of("MQTT")) {
            writeString(body, s);
        }
        body.write(4);
        body.write(0xC2);
        body.write(0);
        body.write(30);
        writeString(body, clientId);
        writeString(body, user);
        writeString(body, password);
        try (Socket socket = tls.getSocketFactory().createSocket("localhost", broker.tlsPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x10);
            int remaining = body.size();
            do {
                int digit = remaining % 128;
                remaining /= 128;
                out.write(remaining > 0 ? digit | 0x80 : digit);
            } while (remaining > 0);
            out.write(body.toByteArray());
            out.flush();
            byte[] ack = new java.io.DataInputStream(socket.getInputStream()).readNBytes(4);
            return ack.length == 4 ? ack[3] : -1;
        }
    }

    private static void writeString(java.io.ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xFF);
        out.writeBytes(b);
    }

    private List<String> refusals(String clientId) {
        return everyLineNaming(clientId).stream()
                .filter(l -> l.startsWith("Refused connection"))
                .toList();
    }

    private List<String> everyLineNaming(String clientId) {
        return log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(clientId))
                .toList();
    }

    private static BrokerSettings as(String user, String password) {
        BrokerSettings s = broker.settings("alice");
        return new BrokerSettings(s.address(), s.caFile(), s.caSha256(), user, password);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
