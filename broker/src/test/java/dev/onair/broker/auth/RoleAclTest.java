package dev.onair.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import dev.onair.protocol.topic.Topics;
import io.moquette.broker.subscriptions.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ACL table of issue 2, role by role; "R" is a subscription filter, "W" a publish topic. */
class RoleAclTest {
    @TempDir
    Path dir;

    private final List<String> disconnected = new CopyOnWriteArrayList<>();
    private RoleAcl acl;

    @BeforeEach
    void users() throws Exception {
        Path file = dir.resolve("users.yaml");
        String hash = PasswordHash.hash("password", 1000);
        UsersFile.save(
                file,
                Users.of(List.of(
                        new User("alice", Role.PUBLISHER, null, hash),
                        new User("work-pc", Role.PUBLISHER, "bob", hash),
                        new User("kitchen", Role.DISPLAY, null, hash),
                        new User("bridge", Role.BRIDGE, null, hash),
                        new User("ha", Role.HOMEASSISTANT, null, hash),
                        new User("viewer", Role.VIEWER, null, hash))));
        UserDirectory directory = new UserDirectory(file);
        directory.load();
        acl = new RoleAcl(directory, Topics.defaults(), disconnected::add);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        // publisher: writes only its own person's topics, reads only its own set topic
        "alice, W, onair/person/alice/presence, true",
        "alice, W, onair/person/alice/availability, true",
        "alice, W, onair/person/bob/presence, false",
        "alice, W, onair/display/kitchen/state, false",
        "alice, W, homeassistant/status, false",
        "alice, R, onair/person/alice/set, true",
        "alice, R, onair/person/alice/presence, false",
        "alice, R, onair/person/+/set, false",
        "alice, R, onair/#, false",
        "alice, R, #, false",
        // a publisher user mapped to another person id
        "work-pc, W, onair/person/bob/presence, true",
        "work-pc, W, onair/person/work-pc/presence, false",
        "work-pc, R, onair/person/bob/set, true",
        // display: reads presence and availability of everyone and its own topics, writes its topics and set topics
        "kitchen, R, onair/person/+/presence, true",
        "kitchen, R, onair/person/+/availability, true",
        "kitchen, R, onair/person/alice/presence, true",
        "kitchen, R, onair/display/kitchen/set, true",
        "kitchen, R, onair/display/kitchen/#, true",
        "kitchen, R, onair/person/+/set, false",
        "kitchen, R, onair/person/#, false",
        "kitchen, R, onair/display/+/set, false",
        "kitchen, R, onair/#, false",
        "kitchen, W, onair/display/kitchen/state, true",
        "kitchen, W, onair/display/kitchen/availability, true",
        "kitchen, W, onair/person/alice/set, true",
        "kitchen, W, onair/person/alice/presence, false",
        "kitchen, W, onair/display/hall/state, false",
        // bridge
        "bridge, R, onair/#, true",
        "bridge, R, homeassistant/#, true",
        "bridge, R, #, false",
        "bridge, W, homeassistant/device/onair_person_alice/config, true",
        "bridge, W, onair/person/alice/set, true",
        "bridge, W, onair/display/kitchen/set, true",
        "bridge, W, onair/bridge/availability, true",
        "bridge, W, onair/person/alice/presence, false",
        "bridge, W, onair/display/kitchen/state, false",
        // Home Assistant's own connection
        "ha, R, onair/#, true",
        "ha, R, homeassistant/#, true",
        "ha, W, onair/person/alice/set, true",
        "ha, W, onair/display/kitchen/set, true",
        "ha, W, homeassistant/status, true",
        "ha, W, homeassistant/device/onair_person_alice/config, false",
        "ha, W, onair/person/alice/presence, false",
        "ha, W, onair/bridge/availability, false",
        // viewer: reads onair/#, writes nothing
        "viewer, R, onair/#, true",
        "viewer, R, onair/person/+/presence, true",
        "viewer, R, homeassistant/#, false",
        "viewer, W, onair/person/alice/presence, false",
        "viewer, W, onair/person/alice/set, false",
        // unknown user: nothing
        "mallory, R, onair/#, false",
        "mallory, W, onair/person/alice/presence, false",
    })
    void acl(String user, String action, String topic, boolean allowed) {
        boolean result = action.equals("R")
                ? acl.canRead(new Topic(topic), user, "client-1")
                : acl.canWrite(new Topic(topic), user, "client-1");

        assertThat(result).isEqualTo(allowed);
    }

    @Test
    void deniedPublish_asksForTheClientToBeDisconnected() {
        acl.canWrite(new Topic("onair/person/bob/presence"), "alice", "alice-pc");
        acl.canWrite(new Topic("onair/person/alice/presence"), "alice", "alice-pc-2");

        assertThat(disconnected).containsExactly("alice-pc");
    }
}
