package dev.onair.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onair.broker.testing.MosquittoClients;
import dev.onair.testsupport.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Wills on Debian's Mosquitto 2 with OnAir's exported users (issue 18, by the rules of issue 11): a will reaches others
 * only on a topic its user may write. Where Mosquitto behaves differently from OnAir's embedded broker the assertion
 * says {@code DIFFERENCE}; broker/README.md, "Outgrowing the Pi", lists the same ones.
 */
class MosquittoWillsIT extends MosquittoAccess {
    /** A client's will, and whether Mosquitto must publish it when the client dies. */
    private record Will(String user, String topic, boolean retain, boolean delivered) {}

    @Test
    void wills_reachOthersOnlyOnTopicsTheUserMayWrite() throws Exception {
        List<Will> wills = List.of(
                new Will("alice", ALICE_AVAILABILITY, true, true),
                new Will("alice", "onair/person/bob/availability", true, false),
                new Will("kitchen", KITCHEN_AVAILABILITY, true, true),
                new Will("kitchen", "onair/display/hall/availability", true, false),
                new Will("bridge", BRIDGE_AVAILABILITY, true, true),
                new Will("bridge", ALICE_AVAILABILITY, true, false),
                new Will("ha", HA_STATUS, false, true),
                new Will("ha", ALICE_AVAILABILITY, true, false),
                new Will("viewer", ALICE_AVAILABILITY, true, false),
                new Will("viewer", HA_STATUS, false, false),
                // DIFFERENCE: OnAir's broker refuses a retained will on a set topic; Mosquitto cannot tell.
                new Will("alice", ALICE_SET, true, true));
        List<String> failures = new ArrayList<>();
        for (Will will : wills) {
            // The observer reads every topic above and is never the will's user (a second connection of the same
            // user would replace the first: the client id is the user name).
            String observerUser = will.user().equals("ha") ? "bridge" : "ha";
            String sentinelTopic = observerUser.equals("ha") ? ALICE_SET : HA_STATUS;
            try (TestClient observer = TestClient.connect(mosquitto.settings(observerUser), "observer")) {
                observer.subscribe(will.topic());
                observer.subscribe(sentinelTopic);
                String payload = "will-of-" + will.user() + "-" + System.nanoTime();
                int logFrom = mosquitto.log(0).length();
                // DIFFERENCE: Mosquitto 2.0 accepts the CONNECT of a will it will not publish (it checks the will
                // when it would send it); OnAir's broker refuses such a CONNECT with 0x87 Not authorized.
                Process client = willClient(will, payload);
                try {
                    await(will.user() + " connected")
                            .atMost(WAIT)
                            .until(() -> mosquitto.log(logFrom).contains("as " + will.user() + " (p5"));
                } finally {
                    client.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no DISCONNECT, the will is due
                }
                await(will.user() + " gone")
                        .atMost(WAIT)
                        .until(() -> mosquitto
                                .log(logFrom)
                                .matches("(?s).*Client " + will.user() + " (closed its connection|disconnected).*"));
                observer.publish(sentinelTopic, "sentinel-" + payload, 1, false);
                await("sentinel")
                        .atMost(WAIT)
                        .until(() -> observer.received(sentinelTopic).stream()
                                .anyMatch(r -> r.payload().equals("sentinel-" + payload)));
                boolean delivered = observer.received(will.topic()).stream()
                        .anyMatch(r -> r.payload().equals(payload));
                if (delivered != will.delivered()) {
                    failures.add(will + " was " + (delivered ? "" : "not ") + "delivered");
                }
                if (delivered && will.retain()) {
                    // Clear it again, as the one user who may write it.
                    try (TestClient owner = TestClient.connect(mosquitto.settings(will.user()), "clear")) {
                        owner.publish(will.topic(), "", 1, true);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** {@code mosquitto_sub} with a will, to be killed: a client that dies without a DISCONNECT. */
    private static Process willClient(Will will, String payload) throws java.io.IOException {
        String user = will.user();
        List<String> cmd = MosquittoClients.command(
                "mosquitto_sub",
                MosquittoClients.anonymousTlsArgs(mosquitto.tlsPort(), mosquitto.caFile()),
                "-V",
                "mqttv5",
                "-u",
                user,
                "-P",
                mosquitto.password(user),
                "-t",
                "onair/none");
        cmd.addAll(MosquittoClients.willArgs(will.topic(), payload, will.retain()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
