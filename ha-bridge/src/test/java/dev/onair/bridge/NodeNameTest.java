package dev.onair.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeNameTest {
    @Test
    void parse_acceptsIdNameOrBoth() {
        assertThat(NodeName.parse("alice")).isEqualTo(new NodeName("alice", "alice"));
        assertThat(NodeName.parse("Alice Smith")).isEqualTo(new NodeName("alice-smith", "Alice Smith"));
        assertThat(NodeName.parse(" office = Office panel ")).isEqualTo(new NodeName("office", "Office panel"));
    }

    @Test
    void parse_withBadId_namesTheEntry() {
        assertThatThrownBy(() -> NodeName.parse("Bad Id=Bob")).hasMessageContaining("'Bad Id=Bob'");
    }

    @Test
    void durations_acceptShortFormsAndIso() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("'soon'");
    }
}
