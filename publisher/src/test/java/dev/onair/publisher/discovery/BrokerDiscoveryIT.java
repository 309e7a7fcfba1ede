package dev.onair.publisher.discovery;

import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.users.Role;
import dev.onair.protocol.presence.Status;
import dev.onair.publisher.PublisherConfig;
import dev.onair.publisher.PublisherNode;
import dev.onair.publisher.WireAccess;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * mDNS discovery on this machine's network: a decoy advertises another CA fingerprint, the real broker its own; the
 * publisher, given no broker, must pick the real one and publish through it.
 */
class BrokerDiscoveryIT {
    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @TempDir
    Path dir;

    @Test
    void noBrokerConfigured_findsTheBrokerWithTheTrustedCa_andIgnoresADecoy() throws Exception {
        broker.addUser("kim", Role.PUBLISHER);
        broker.addUser("viewer", Role.VIEWER);
        Files.writeString(
                dir.resolve("MSTeams_2026-07-26_11-00-00.00.log"),
                "x <INFO> UserPresenceAction: {cloud_context: https://teams.microsoft.com, availability: Away}\n");
        try (JmDNS mdns = JmDNS.create(InetAddress.getLocalHost())) {
            mdns.registerService(ServiceInfo.create(
                    BrokerDiscovery.SERVICE_TYPE, "decoy", 1, 0, 0, Map.of("ca_sha256", "00".repeat(32))));
            mdns.registerService(ServiceInfo.create(
                    BrokerDiscovery.SERVICE_TYPE,
                    "onair",
                    broker.tlsPort(),
                    0,
                    0,
                    Map.of("ca_sha256", broker.caSha256())));

            BrokerSettings alice = broker.settings("kim");
            BrokerSettings noAddress =
                    new BrokerSettings(null, null, broker.caSha256(), alice.user(), alice.password());
            PublisherNode node = new PublisherNode(PublisherConfig.teamsLogs("kim", noAddress, dir));
            try {
                node.start();
                WireAccess.awaitPresence(broker, "kim", p -> p.status() == Status.AWAY);
            } finally {
                node.stop();
            }
        }
    }
}
