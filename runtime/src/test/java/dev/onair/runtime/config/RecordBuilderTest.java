package dev.onair.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecordBuilderTest {
    record Sample(Path dir, int port, boolean on) {
        Sample {
            if (port < 0) {
                throw new IllegalArgumentException("port " + port + " is negative");
            }
        }
    }

    private final Sample sample = new Sample(Path.of("data"), 1883, true);

    @Test
    void build_keepsWhatIsNotSet_andChangesWhatIs() {
        assertThat(RecordBuilder.from(sample).set("port", 8883).set("on", false).build())
                .isEqualTo(new Sample(Path.of("data"), 8883, false));
        assertThat(RecordBuilder.from(sample).build()).isEqualTo(sample);
    }

    @Test
    void build_runsTheRecordsChecks_andPassesTheirMessageOn() {
        assertThatThrownBy(() -> RecordBuilder.from(sample).set("port", -1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is negative");
    }

    @Test
    void set_withAnUnknownNameOrTheWrongType_failsAtOnce() {
        assertThatThrownBy(() -> RecordBuilder.from(sample).set("prot", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sample has no component 'prot'");
        assertThatThrownBy(() -> RecordBuilder.from(sample).set("dir", "data"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sample.dir is a Path, not String");
        assertThatThrownBy(() -> RecordBuilder.from(sample).set("port", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sample.port is a Integer, not null");
        assertThat(RecordBuilder.from(sample).set("dir", null).build().dir()).isNull();
    }
}
