package dev.onair.bridge.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonLabelTest {
    private static final Presence BUSY = new Presence(
            "alice", Status.BUSY, Activity.IN_A_CALL, Instant.parse("2026-12-01T09:00:00Z"), "teams", true, true, null);

    @Test
    void theBridgesListing_winsOverThePublishersName() {
        assertThat(PersonLabel.of("alice", "Alice (office)", BUSY.withName("Alice Smith")))
                .isEqualTo("Alice (office)");
    }

    @Test
    void thePublishersName_isUsedWhenTheBridgeListsNone() {
        assertThat(PersonLabel.of("alice", null, BUSY.withName("Alice Smith"))).isEqualTo("Alice Smith");
    }

    @Test
    void withoutEitherName_theIdIsTheLabel() {
        assertThat(PersonLabel.of("alice", null, BUSY)).isEqualTo("alice");
        assertThat(PersonLabel.of("alice", null, null)).isEqualTo("alice");
    }
}
