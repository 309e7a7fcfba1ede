package dev.onair.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;
import dev.onair.broker.testing.EmbeddedBroker;
import dev.onair.broker.testing.MosquittoClients;
import dev.onair.broker.users.Role;
import dev.onair.display.hat.HatHdPanel;
import dev.onair.display.hat.SpiBus;
import dev.onair.display.panel.Frame;
import dev.onair.display.panel.Rotation;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import dev.onair.runtime.mqtt.MqttConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The display node against the real OnAir broker, driven by Debian's mosquitto_pub. */
class DisplayNodeIT {
    private static final Frame RED = Frame.solid(16, 16, Rgb.parseHex("#FF0000"));
    private static final Frame GREEN = Frame.solid(16, 16, Rgb.parseHex("#00FF00"));
    private static final Frame GREY = Frame.solid(16, 16, Rgb.parseHex("#808080"));

    /** One broker per test: retained presence from one test must not add people to the next one's panel. */
    @RegisterExtension
    final EmbeddedBroker broker = new EmbeddedBroker();

    private final List<DisplayNode> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(DisplayNode::stop);
    }

    private DisplayNode start(String displayId) throws Exception {
        broker.addUser(displayId, Role.DISPLAY);
        DisplayNode node = new DisplayNode(DisplayFixture.config(broker, displayId));
        nodes.add(node);
        node.start();
        return node;
    }

    private void publish(String person, String leaf, String payload) {
        MosquittoClients.Result r =
                MosquittoClients.publish(broker, person, "onair/person/" + person + "/" + leaf, payload, true);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void retainedPresence_publishedBeforeStart_isShownOnceStarted() throws Exception {
        broker.addUser("ada", Role.PUBLISHER);
        publish("ada", "presence", DisplayFixture.presence("ada", Status.BUSY, Activity.BUSY));

        DisplayNode node = start("hall");

        await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(RED));
    }

    @Test
    void presenceChange_isShownWithinASecond() throws Exception {
        broker.addUser("bea", Role.PUBLISHER);
        publish("bea", "presence", DisplayFixture.presence("bea", Status.AVAILABLE, Activity.AVAILABLE));
        DisplayNode node = start("study");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(GREEN));

        publish("bea", "presence", DisplayFixture.presence("bea", Status.BUSY, Activity.BUSY));

        await().atMost(Duration.ofSeconds(1)).until(() -> node.frame().equals(RED));
    }

    @Test
    void availabilityOffline_turnsThePersonGrey() throws Exception {
        broker.addUser("cy", Role.PUBLISHER);
        publish("cy", "presence", DisplayFixture.presence("cy", Status.BUSY, Activity.BUSY));
        publish("cy", "availability", "online");
        DisplayNode node = start("office");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(RED));

        publish("cy", "availability", "offline");

        await().atMost(Duration.ofSeconds(5)).until(() -> node.frame().equals(GREY));
    }

    @Test
    void malformedPayload_isLoggedWithItsTopic_andLeavesTheFrameAsItWas() throws Exception {
        Logger connectionLog = (Logger) LoggerFactory.getLogger(MqttConnection.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        connectionLog.addAppender(logged);
        try {
            broker.addUser("dee", Role.PUBLISHER);
            publish("dee", "presence", DisplayFixture.presence("dee", Status.AVAILABLE, Activity.AVAILABLE));
            DisplayNode node = start("porch");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(GREEN));

            publish("dee", "presence", "{\"v\":1,\"person\":\"dee\",\"status\":\"on_fire\"}");
            publish("dee", "presence", "not json at all");

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> logged.list.stream()
                                    .filter(e -> e.getFormattedMessage().contains("onair/person/dee/presence"))
                                    .count()
                            >= 2);
            assertThat(node.frame()).isEqualTo(GREEN);
        } finally {
            connectionLog.detachAppender(logged);
        }
    }

    @Test
    void lightCommand_changesBrightness_andIsEchoedRetainedOnTheStateTopic() throws Exception {
        broker.addUser("ha", Role.HOMEASSISTANT);
        DisplayNode node = start("kitchen");
        // Not isConnected: a command sent before the broker answered the node's SUBSCRIBE is lost (commands are
        // not retained). The node says "online" only once its subscriptions are in place.
        awaitOnline("kitchen");

        MosquittoClients.Result sent = MosquittoClients.run(
                command("mosquitto_pub", "-q", "1", "-t", "onair/display/kitchen/set", "-m", "{\"brightness\":42}"));
        assertThat(sent.exitCode()).as(sent.output()).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> node.lightState().brightness() == 42);
        // A fresh subscriber gets the retained state: retain flag 1 and the new brightness.
        // Longer than one mosquitto_sub run (-W 5), so a slow run is tried again rather than timing the wait out.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MosquittoClients.Result state = MosquittoClients.run(
                    command("mosquitto_sub", "-t", "onair/display/kitchen/state", "-C", "1", "-W", "5", "-F", "%r %p"));
            assertThat(state.output().trim())
                    .isEqualTo("1 {\"state\":\"ON\",\"brightness\":42,\"color_mode\":\"rgb\","
                            + "\"color\":{\"r\":255,\"g\":255,\"b\":255},\"effect\":\"presence\"}");
        });
    }

    @Test
    void hatHd_receivesThePresenceOverSpi_andIsClearedOnStop() throws Exception {
        broker.addUser("hal", Role.PUBLISHER);
        broker.addUser("attic", Role.DISPLAY);
        publish("hal", "presence", DisplayFixture.presence("hal", Status.BUSY, Activity.BUSY));
        Context pi4j = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockSpiProvider.newInstance())
                .build();
        try {
            SpiBus spi = new SpiBus(pi4j, MockSpiProvider.ID);
            DisplayNode node = new DisplayNode(
                    DisplayFixture.config(broker, "attic"),
                    settings -> new HatHdPanel(spi, Rotation.R0, HatHdPanel.SPEED_HZ),
                    Clock.systemDefaultZone());
            node.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(RED));
            node.stop(); // the render thread is gone: the mock's buffer can be read safely now

            byte[] all = pi4j.registry().<MockSpi>get("onair-hat-hd").readEntireMockBuffer();
            List<byte[]> transfers = new ArrayList<>();
            for (int at = 0; at + 769 <= all.length; at += 769) {
                transfers.add(Arrays.copyOfRange(all, at, at + 769));
            }
            byte[] redAt128 = new byte[769];
            byte[] black = new byte[769];
            redAt128[0] = 0x72;
            black[0] = 0x72;
            for (int i = 1; i < 769; i += 3) {
                redAt128[i] = (byte) 128;
            }
            assertThat(all.length % 769).isZero();
            assertThat(transfers).anySatisfy(t -> assertThat(t).isEqualTo(redAt128));
            assertThat(transfers.get(transfers.size() - 1)).isEqualTo(black);
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    void brokerRestart_displayReconnects_andFollowsPresenceAgain() throws Exception {
        broker.addUser("gil", Role.PUBLISHER);
        publish("gil", "presence", DisplayFixture.presence("gil", Status.AVAILABLE, Activity.AVAILABLE));
        DisplayNode node = start("garage");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(GREEN));

        broker.restart();
        await().atMost(Duration.ofSeconds(30)).until(node::isConnected);
        publish("gil", "presence", DisplayFixture.presence("gil", Status.BUSY, Activity.BUSY));

        await().atMost(Duration.ofSeconds(10)).until(() -> node.frame().equals(RED));
    }

    @Test
    void dashboardOverride_isPublishedToThePersonsSetTopic() throws Exception {
        broker.addUser("ha", Role.HOMEASSISTANT);
        DisplayNode node = start("den");
        await().atMost(Duration.ofSeconds(10)).until(node::isConnected);
        HttpRequest override = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.httpPort() + "/api/people/fay/override"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"do_not_disturb\",\"for\":\"PT30M\"}"))
                .build();
        try (MosquittoClients.Subscriber sets = MosquittoClients.subscribe(broker, "ha", "onair/person/+/set")) {
            // Commands are not retained: send again until mosquitto_sub, subscribing meanwhile, has seen one.
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        HttpResponse<String> r =
                                HttpClient.newHttpClient().send(override, HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).isEqualTo(202);
                        assertThat(sets.lines())
                                .contains("onair/person/fay/set {\"status\":\"do_not_disturb\",\"for\":\"PT30M\"}");
                    });
        }
    }

    /** Waits until the retained availability of {@code display}, as a fresh mosquitto_sub gets it, is online. */
    private void awaitOnline(String display) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MosquittoClients.Result seen = MosquittoClients.run(command(
                    "mosquitto_sub",
                    "-t",
                    "onair/display/" + display + "/availability",
                    "-C",
                    "1",
                    "-W",
                    "5",
                    "-F",
                    "%r %p"));
            assertThat(seen.output().trim()).isEqualTo("1 online");
        });
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(args));
        cmd.addAll(MosquittoClients.tlsArgs(broker, "ha"));
        return cmd;
    }
}
