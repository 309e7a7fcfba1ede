package dev.onair.broker.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.broker.auth.RoleAcl;
import dev.onair.broker.auth.UserDirectory;
import dev.onair.broker.mosquitto.MosquittoAcl.Grant;
import dev.onair.broker.users.PasswordHash;
import dev.onair.broker.users.Role;
import dev.onair.broker.users.User;
import dev.onair.broker.users.Users;
import dev.onair.broker.users.UsersFile;
import dev.onair.protocol.topic.Topics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported grants against the embedded broker's own ACL, so the two tables cannot drift apart. */
class MosquittoAclTest {
    private static final String HASH = PasswordHash.hash("password", 1000);
    private static final Users USERS = Users.of(List.of(
            new User("alice", Role.PUBLISHER, null, HASH),
            new User("work-pc", Role.PUBLISHER, "bob", HASH),
            new User("kitchen", Role.DISPLAY, null, HASH),
            new User("panel", Role.DISPLAY, "hall", HASH),
            new User("bridge", Role.BRIDGE, null, HASH),
            new User("ha", Role.HOMEASSISTANT, null, HASH),
            new User("viewer", Role.VIEWER, null, HASH)));

    @TempDir
    Path dir;

    private RoleAcl onair;

    @BeforeEach
    void embeddedAcl() throws Exception {
        Path file = dir.resolve("users.yaml");
        UsersFile.save(file, USERS);
        UserDirectory directory = new UserDirectory(file);
        directory.load();
        onair = new RoleAcl(directory, Topics.defaults(), client -> {});
    }

    @Test
    void reads_areExactlyTheEmbeddedBrokersReadableFilters() {
        MosquittoAcl acl = new MosquittoAcl(Topics.defaults());
        for (User user : USERS.all()) {
            assertThat(acl.grants(user).stream()
                            .filter(g -> g.access().equals("read"))
                            .map(Grant::topic))
                    .as(user.name())
                    .containsExactlyElementsOf(onair.readable(user));
        }
    }

    @Test
    void everyWrite_isOneTheEmbeddedBrokerAllowsToo_neverAWildcardOverSomeoneElse() {
        MosquittoAcl acl = new MosquittoAcl(Topics.defaults());
        for (User user : USERS.all()) {
            for (Grant g : acl.grants(user)) {
                if (g.access().equals("write")) {
                    String concrete = g.topic().replace("+", "someone").replace("#", "some/thing");
                    assertThat(onair.mayWrite(user.name(), concrete))
                            .as("%s writes %s", user.name(), concrete)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void file_isOneUserBlockPerUser_withIdsWrittenOut_andTheRulesOfIssue11() {
        String file = new MosquittoAcl(new Topics("office", "ha"))
                .file(Users.of(List.of(
                        new User("work-pc", Role.PUBLISHER, "bob", HASH),
                        new User("panel", Role.DISPLAY, "hall", HASH),
                        new User("viewer", Role.VIEWER, null, HASH))));

        assertThat(file).startsWith(MosquittoAcl.HEADER).endsWith("""

                        # work-pc: publisher bob
                        user work-pc
                        topic read office/person/bob/set
                        topic write office/person/bob/presence
                        topic write office/person/bob/availability
                        topic write office/person/bob/set

                        # panel: display hall
                        user panel
                        topic read office/person/+/presence
                        topic read office/person/+/availability
                        topic read office/display/hall/#
                        topic write office/display/hall/state
                        topic write office/display/hall/availability
                        topic write office/person/+/set

                        # viewer: viewer
                        user viewer
                        topic read office/#
                        """);
        assertThat(file.lines().filter(l -> !l.startsWith("#")))
                .noneMatch(l -> l.endsWith(" #") || l.contains("pattern"));
    }
}
