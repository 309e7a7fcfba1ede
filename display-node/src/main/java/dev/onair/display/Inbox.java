package dev.onair.display;

import dev.onair.display.scene.LightControl;
import dev.onair.display.scene.Look;
import dev.onair.display.scene.People;
import dev.onair.display.scene.PersonView;
import dev.onair.display.web.EventHub;
import dev.onair.display.web.Json;
import dev.onair.protocol.Availability;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.PresenceCodec;
import dev.onair.protocol.topic.TopicRef;
import dev.onair.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the display does with each message it receives. A handler that throws {@link PayloadException} has the message
 * logged with its topic and dropped by {@code MqttConnection}; the last good state stays.
 */
final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final Topics topics;
    private final People people;
    private final LightControl light;
    private final Look look;
    private final EventHub hub;
    private final Watcher watcher;

    /** Told of every person whose presence or availability changed: the history (issue 15). */
    interface Watcher {
        /** @param view what the display now knows of the person, or null when it knows nothing any more */
        void changed(String person, PersonView view);
    }

    Inbox(Topics topics, People people, LightControl light, Look look, EventHub hub, Watcher watcher) {
        this.topics = topics;
        this.people = people;
        this.light = light;
        this.look = look;
        this.hub = hub;
        this.watcher = watcher;
    }

    private PersonView find(String person) {
        return people.inOrder().stream()
                .filter(p -> p.person().equals(person))
                .findFirst()
                .orElse(null);
    }

    /** {@code onair/person/<id>/presence}: strict contract JSON whose person is the topic's; empty forgets it. */
    void presence(String topic, byte[] payload) throws PayloadException {
        TopicRef ref = topics.parse(topic).orElseThrow(() -> invalid("topic is not a person's presence topic"));
        if (payload.length == 0) {
            log.info("Presence of {} cleared", ref.id());
            people.removePresence(ref.id());
            watcher.changed(ref.id(), find(ref.id()));
            return;
        }
        Presence presence = PresenceCodec.decode(payload);
        if (!presence.person().equals(ref.id())) {
            throw invalid("payload is for person '" + presence.person() + "', not '" + ref.id() + "'");
        }
        PersonView view = people.updatePresence(presence);
        log.debug("Presence of {}: {} ({})", ref.id(), presence.status(), presence.activity());
        watcher.changed(ref.id(), view);
        hub.broadcast("presence", Json.person(view, look.colour(view.lookKey())).toString());
    }

    /** {@code onair/person/<id>/availability}: {@code online} or {@code offline}; empty forgets it. */
    void availability(String topic, byte[] payload) throws PayloadException {
        TopicRef ref = topics.parse(topic).orElseThrow(() -> invalid("topic is not a person's availability topic"));
        if (payload.length == 0) {
            people.removeAvailability(ref.id());
            watcher.changed(ref.id(), find(ref.id()));
            return;
        }
        Availability availability = Availability.parse(payload)
                .orElseThrow(() -> new PayloadException(
                        PayloadException.Reason.UNKNOWN_VALUE, null, "availability is not 'online' or 'offline'"));
        PersonView view = people.updateAvailability(ref.id(), availability);
        watcher.changed(ref.id(), view);
        hub.broadcast("availability", Json.availability(view, look.colour(view.lookKey())));
    }

    /** {@code onair/display/<id>/set}: a Home Assistant JSON-schema light command. */
    void command(String topic, byte[] payload) throws PayloadException {
        LightState state = light.apply(LightCommand.parse(payload));
        log.info("Light command on {}: now {}", topic, new String(state.toJson(), StandardCharsets.UTF_8));
    }

    private static PayloadException invalid(String message) {
        return new PayloadException(PayloadException.Reason.INVALID_VALUE, null, message);
    }
}
