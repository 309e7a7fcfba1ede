package dev.onair.display.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookTest {
    @Test
    void defaults_areTheContractsColours() {
        Look look = Look.defaults();

        assertThat(look.colour("available").toHex()).isEqualTo("#00FF00");
        assertThat(look.colour("in_a_call").toHex()).isEqualTo("#FF0000");
        assertThat(look.colour("do_not_disturb").toHex()).isEqualTo("#800080");
        assertThat(look.colour("be_right_back").toHex()).isEqualTo("#FFFF00");
        assertThat(look.colour("offline").toHex()).isEqualTo("#808080");
        assertThat(look.colour("unknown").toHex()).isEqualTo("#FFFFFF");
        assertThat(look.animation("in_a_call")).isEqualTo(Animation.PULSE);
        assertThat(look.animation("busy")).isEqualTo(Animation.SOLID);
    }

    @Test
    void key_isTheActivityWhenItRefinesBusy_elseTheStatus() {
        assertThat(Look.key(Status.BUSY, Activity.IN_A_MEETING)).isEqualTo("in_a_meeting");
        assertThat(Look.key(Status.BUSY, Activity.BUSY)).isEqualTo("busy");
        assertThat(Look.key(Status.DO_NOT_DISTURB, Activity.PRESENTING)).isEqualTo("do_not_disturb");
        assertThat(Look.key(Status.AWAY, Activity.AWAY)).isEqualTo("away");
    }

    @Test
    void with_changesOnlyTheNamedKeys_andRejectsUnknownOnes() {
        Look look = Look.defaults().with(Map.of("away", Rgb.parseHex("#FFA500")), Map.of("busy", Animation.RIPPLE));

        assertThat(look.colour("away").toHex()).isEqualTo("#FFA500");
        assertThat(look.colour("be_right_back").toHex()).isEqualTo("#FFFF00");
        assertThat(look.animation("busy")).isEqualTo(Animation.RIPPLE);
        assertThatThrownBy(() -> Look.defaults().with(Map.of("lunch", Rgb.BLACK), Map.of()))
                .hasMessageContaining("'lunch' is not one of");
    }
}
