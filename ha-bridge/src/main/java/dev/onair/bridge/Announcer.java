package dev.onair.bridge;

import dev.onair.bridge.discovery.DeviceConfigs;
import dev.onair.bridge.discovery.Discovery;
import dev.onair.bridge.roster.Member;
import dev.onair.bridge.today.Today;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.TopicRef.Kind;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.MqttConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Home Assistant reads, on the broker it reads it from (the OnAir broker, or its own in two-broker mode): the
 * discovery configs, each person's totals today, and the answer to Home Assistant's birth message.
 */
final class Announcer {
    private static final Logger log = LoggerFactory.getLogger(Announcer.class);

    private final BridgeConfig config;
    private final BridgeThread thread;
    private final MqttConnection connection;
    private final Discovery discovery;
    private final Today today;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private ScheduledFuture<?> pendingRepublish;

    Announcer(BridgeConfig config, BridgeThread thread, MqttConnection connection, Clock clock) {
        Topics topics = config.topics();
        this.config = config;
        this.thread = thread;
        this.connection = connection;
        this.discovery = new Discovery(
                connection, new DeviceConfigs(topics, config.bridgeId()), topics.legacyBridgeAvailability());
        this.today = new Today(topics, config.bridgeId(), connection, clock);
    }

    Today today() {
        return today;
    }

    /** Earlier configs, this bridge's earlier totals and the birth topic. Call before the connection starts. */
    void subscribe() {
        Topics t = config.topics();
        thread.settleAfter(
                List.of(
                        connection.subscribe(
                                t.allDiscoveryConfigs(),
                                (topic, payload) -> thread.run(() -> discovery.learn(topic, payload))),
                        connection.subscribe(
                                today.filter(), (topic, payload) -> thread.run(() -> today.learn(topic, payload))),
                        connection.subscribe(
                                new TopicFilter(t.haStatus().name()),
                                (topic, payload) -> thread.run(() -> birth(payload)))),
                config.learnWindow(),
                settled);
        connection.onConnected(() -> thread.run(discovery::reconnected));
    }

    CompletableFuture<Void> settled() {
        return settled;
    }

    /** Ends start-up: earlier configs are reconciled with {@code members}, earlier totals added in. */
    void ready(List<Member> members) {
        discovery.update(members);
        discovery.ready();
        today.ready();
        today.keepOnly(people(members));
    }

    /** The devices that should exist now. */
    void update(List<Member> members) {
        discovery.update(members);
        today.keepOnly(people(members));
    }

    private static Set<String> people(List<Member> members) {
        return members.stream()
                .filter(m -> m.kind() == Kind.PERSON)
                .map(Member::id)
                .collect(Collectors.toSet());
    }

    private void birth(byte[] payload) {
        if (!"online".equals(new String(payload, StandardCharsets.UTF_8).trim())) {
            return;
        }
        if (pendingRepublish != null && !pendingRepublish.isDone()) {
            return;
        }
        // A random delay, as Home Assistant's documentation asks, so many devices do not answer at the same instant.
        long max = config.republishDelayMax().toMillis();
        long delay = ThreadLocalRandom.current().nextLong(max / 5, max + 1);
        log.info("Home Assistant is online; republishing discovery in {} ms", delay);
        pendingRepublish = thread.schedule(discovery::republishAll, Duration.ofMillis(delay));
    }
}
