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

        Builder toBuilder() {
            return new Builder(this);
        }
    }

    static final class Builder extends RecordBuilder<Sample, Builder> {
        Builder(Sample from) {
            super(from);
        }

        Builder port(int value) {
            return set("port", value);
        }

        Builder on(boolean value) {
            return set("on", value);
        }

        Builder named(String name, Object value) {
            return set(name, value);
        }
    }

    private final Sample sample = new Sample(Path.of("data"), 1883, true);

    @Test
    void build_keepsWhatIsNotSet_andChangesWhatIs() {
        assertThat(sample.toBuilder().port(8883).on(false).build()).isEqualTo(new Sample(Path.of("data"), 8883, false));
        assertThat(sample.toBuilder().build()).isEqualTo(sample);
    }

    @Test
    void build_runsTheRecordsChecks_andPassesTheirMessageOn() {
        assertThatThrownBy(() -> sample.toBuilder().port(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is negative");
    }

    @Test
    void set_withAnUnknownNameOrTheWrongType_failsAtOnce() {
        assertThatThrownBy(() -> sample.toBuilder().named("prot", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sample has no component 'prot'");
        assertThatThrownBy(() -> sample.toBuilder().named("dir", "data"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sample.dir is a Path, not String");
        assertThatThrownBy(() -> sample.toBuilder().named("port", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sample.port is a Integer, not null");
        assertThat(sample.toBuilder().named("dir", null).build().dir()).isNull();
    }
}
