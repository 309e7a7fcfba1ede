package dev.onair.broker;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.onair.broker.testing.MosquittoBroker;
import dev.onair.broker.users.Role;
import dev.onair.testsupport.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the Mosquitto ITs ({@link MosquittoAccessIT}, {@link MosquittoWillsIT}, {@link MosquittoSessionsIT}):
 * Debian's Mosquitto 2 started with exactly the files {@code onair users export --format mosquitto} wrote for one user
 * of each role, and the topics of every family.
 */
abstract class MosquittoAccess {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** user name -> role and id, as {@code onair users add} made them. */
    static final List<String> USERS = List.of("alice", "work-pc", "kitchen", "hall", "bridge", "ha", "viewer");

    static final String ALICE_PRESENCE = "onair/person/alice/presence";
    static final String ALICE_AVAILABILITY = "onair/person/alice/availability";
    static final String ALICE_SET = "onair/person/alice/set";
    static final String ALICE_OTHER = "onair/person/alice/anything-else";
    static final String BOB_PRESENCE = "onair/person/bob/presence";
    static final String BOB_SET = "onair/person/bob/set";
    static final String KITCHEN_STATE = "onair/display/kitchen/state";
    static final String KITCHEN_AVAILABILITY = "onair/display/kitchen/availability";
    static final String KITCHEN_SET = "onair/display/kitchen/set";
    static final String HALL_STATE = "onair/display/hall/state";
    static final String HALL_SET = "onair/display/hall/set";
    static final String BRIDGE_AVAILABILITY = "onair/bridge/availability";
    static final String DISCOVERY = "homeassistant/device/onair_person_alice/config";
    static final String HA_STATUS = "homeassistant/status";
    static final String ELSEWHERE = "elsewhere/topic";

    static final List<String> TOPICS = List.of(
            ALICE_PRESENCE,
            ALICE_AVAILABILITY,
            ALICE_SET,
            ALICE_OTHER,
            BOB_PRESENCE,
            BOB_SET,
            KITCHEN_STATE,
            KITCHEN_AVAILABILITY,
            KITCHEN_SET,
            HALL_STATE,
            HALL_SET,
            BRIDGE_AVAILABILITY,
            DISCOVERY,
            HA_STATUS,
            ELSEWHERE);

    @TempDir
    static Path dir;

    static MosquittoBroker mosquitto;

    /** Exports one user of each role (work-pc acts for bob) to Mosquitto's files and starts it, once per class. */
    @BeforeAll
    static void startMosquitto() {
        mosquitto = MosquittoBroker.in(dir);
        mosquitto.addUser("alice", Role.PUBLISHER);
        mosquitto.addUser("work-pc", Role.PUBLISHER, "bob");
        mosquitto.addUser("kitchen", Role.DISPLAY);
        mosquitto.addUser("hall", Role.DISPLAY);
        mosquitto.addUser("bridge", Role.BRIDGE);
        mosquitto.addUser("ha", Role.HOMEASSISTANT);
        mosquitto.addUser("viewer", Role.VIEWER);
        mosquitto.start();
    }

    @AfterAll
    static void stopMosquitto() {
        if (mosquitto != null) {
            mosquitto.close();
            mosquitto = null;
        }
    }

    /** Publishes at QoS 1 and returns the PUBACK's reason code (HiveMQ fails the future on an error code). */
    static Mqtt5PubAckReasonCode publish(TestClient client, String topic, String payload, boolean retain) {
        try {
            Object result = client.publishAsync(topic, payload, 1, retain).get(15, TimeUnit.SECONDS);
            return ((Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Mqtt5PubAckException refused) {
                return refused.getMqttMessage().getReasonCode();
            }
            throw new IllegalStateException("no PUBACK for " + topic + ": " + e.getCause(), e);
        } catch (Exception e) {
            throw new IllegalStateException("no PUBACK for " + topic + ": " + e, e);
        }
    }
}
