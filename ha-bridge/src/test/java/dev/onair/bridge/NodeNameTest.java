package dev.onair.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
