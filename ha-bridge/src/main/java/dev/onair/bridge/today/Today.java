package dev.onair.bridge.today;

import dev.onair.protocol.Availability;
import dev.onair.protocol.Ids;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.topic.Topic;
import dev.onair.protocol.topic.TopicFilter;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.mqtt.MqttConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each person's minutes in calls and busy today (issue 15), published retained on
 * {@code onair/bridge/<bridge>/today/<person>} where Home Assistant reads them (the broker its discovery is on).
 *
 * <p>A restart mid-day keeps the totals: the retained topic is also this bridge's memory. During start-up's learn
 * window it is read back, and what an earlier run counted today is added to what this run counts (the minutes while
 * no bridge ran are not counted: nobody saw them). A person's topic is rewritten when a whole minute or the day
 * changes, and cleared when the person leaves Home Assistant. Not thread-safe: the bridge calls it from one thread.
 */
public final class Today {
    private static final Logger log = LoggerFactory.getLogger(Today.class);

    /** How often the totals are brought up to date between presence changes. */
    public static final Duration TICK = Duration.ofSeconds(15);

    private final Topics topics;
    private final String bridgeId;
    private final MqttConnection connection;
    private final Clock clock;
    private final Map<String, DayCounter> people = new LinkedHashMap<>();
    private final Map<String, Totals> learned = new HashMap<>();
    private final Map<String, Totals> published = new HashMap<>();
    private boolean ready;

    /** @param clock its zone is the one whose midnight starts a new day */
    public Today(Topics topics, String bridgeId, MqttConnection connection, Clock clock) {
        this.topics = topics;
        this.bridgeId = bridgeId;
        this.connection = connection;
        this.clock = clock;
    }

    /** This bridge's totals topics, read back at start-up. */
    public TopicFilter filter() {
        return topics.allBridgeToday(bridgeId);
    }

    /** A retained totals message found at start-up; ignored afterwards (it is then our own echo). */
    public void learn(String topicName, byte[] payload) {
        if (ready || payload.length == 0) {
            return;
        }
        String person = topicName.substring(topicName.lastIndexOf('/') + 1);
        if (!Ids.isValid(person)) {
            return;
        }
        try {
            learned.put(person, Totals.parse(payload));
        } catch (PayloadException e) {
            log.warn("Ignoring the totals on {}: {}; {} starts today from 0", topicName, e.getMessage(), person);
        }
    }

    /** Ends start-up: what an earlier run counted today is added in, and every person's totals go out. */
    public void ready() {
        if (ready) {
            return;
        }
        ready = true;
        learned.forEach((person, saved) -> counter(person).restore(saved, clock.instant()));
        learned.clear();
        tick();
    }

    /** A person's new presence, or null when their retained presence was cleared. */
    public void presence(String person, Presence presence) {
        if (presence == null) {
            people.remove(person);
            clear(person);
            return;
        }
        counter(person).presence(presence, clock.instant());
        publish(person);
    }

    public void availability(String person, Availability availability) {
        counter(person).availability(availability, clock.instant());
        publish(person);
    }

    /** Brings every total up to now: a minute more in a call, or midnight. */
    public void tick() {
        people.keySet().forEach(this::publish);
    }

    /** Clears the totals of everyone not in {@code members} (people who left Home Assistant). */
    public void keepOnly(Set<String> members) {
        for (String person : Set.copyOf(people.keySet())) {
            if (!members.contains(person)) {
                people.remove(person);
                clear(person);
            }
        }
    }

    private void publish(String person) {
        DayCounter counter = people.get(person);
        if (!ready || (!counter.seen() && !published.containsKey(person))) {
            return; // availability alone, no presence yet: not someone Home Assistant shows
        }
        Totals now = counter.totals(clock.instant());
        Totals last = published.get(person);
        if (last == null
                || !last.date().equals(now.date())
                || last.callMinutes() != now.callMinutes()
                || last.busyMinutes() != now.busyMinutes()) {
            published.put(person, now);
            connection.publishRetained(topic(person), now.toJson());
        }
    }

    private void clear(String person) {
        if (published.remove(person) != null) {
            connection.clearRetained(topic(person));
        }
    }

    private DayCounter counter(String person) {
        return people.computeIfAbsent(person, p -> new DayCounter(clock.getZone(), clock.instant()));
    }

    private Topic topic(String person) {
        return topics.bridgeToday(bridgeId, person);
    }
}
