package dev.onair.display.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.display.panel.Frame;
import dev.onair.protocol.Availability;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Activity;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneRendererTest {
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final LightState ON = new LightState(true, 128, Rgb.BLACK, LightState.EFFECT_PRESENCE);

    private static PersonView person(String id, Status status, Activity activity, Availability availability) {
        return new PersonView(
                id, new Presence(id, status, activity, Instant.EPOCH, "teams-log", null, null, null), availability);
    }

    private static SceneRenderer renderer(int w, int h, Layout layout) {
        return new SceneRenderer(w, h, Look.defaults(), layout, Duration.ofSeconds(5));
    }

    @Test
    void onePerson_fillsThePanel() {
        Frame f = renderer(8, 8, Layout.SPLIT)
                .render(List.of(person("a", Status.AVAILABLE, Activity.AVAILABLE, null)), ON, 3.0);

        assertThat(f).isEqualTo(Frame.solid(8, 8, new Rgb(0, 255, 0)));
    }

    @Test
    void split_givesEachPersonARegionInOrder_alongTheLongerSide() {
        List<PersonView> two = List.of(
                person("a", Status.BUSY, Activity.BUSY, null),
                person("b", Status.AVAILABLE, Activity.AVAILABLE, Availability.ONLINE));

        Frame wide = renderer(17, 7, Layout.SPLIT).render(two, ON, 0);
        Frame tall = renderer(7, 17, Layout.SPLIT).render(two, ON, 0);

        assertThat(wide.packed(0, 0)).isEqualTo(RED);
        assertThat(wide.packed(7, 6)).isEqualTo(RED);
        assertThat(wide.packed(8, 0)).isEqualTo(GREEN);
        assertThat(wide.packed(16, 6)).isEqualTo(GREEN);
        assertThat(tall.packed(6, 7)).isEqualTo(RED);
        assertThat(tall.packed(0, 8)).isEqualTo(GREEN);
    }

    @Test
    void rotate_showsEachPersonInTurn() {
        List<PersonView> two = List.of(
                person("a", Status.BUSY, Activity.BUSY, null), person("b", Status.AVAILABLE, Activity.AVAILABLE, null));
        SceneRenderer r = renderer(8, 8, Layout.ROTATE);

        assertThat(r.render(two, ON, 1)).isEqualTo(Frame.solid(8, 8, new Rgb(255, 0, 0)));
        assertThat(r.render(two, ON, 6)).isEqualTo(Frame.solid(8, 8, new Rgb(0, 255, 0)));
        assertThat(r.render(two, ON, 11)).isEqualTo(Frame.solid(8, 8, new Rgb(255, 0, 0)));
    }

    @Test
    void offlineAvailability_showsGreyWhateverThePresenceSays() {
        Frame f = renderer(4, 4, Layout.SPLIT)
                .render(List.of(person("a", Status.BUSY, Activity.BUSY, Availability.OFFLINE)), ON, 0);

        assertThat(f).isEqualTo(Frame.solid(4, 4, new Rgb(0x80, 0x80, 0x80)));
    }

    @Test
    void calls_pulseOnATwoSecondSine_byDefault() {
        List<PersonView> call = List.of(person("a", Status.BUSY, Activity.IN_A_CALL, null));
        SceneRenderer r = renderer(4, 4, Layout.SPLIT);

        assertThat(r.render(call, ON, 0).packed(0, 0)).isEqualTo(RED);
        assertThat(r.render(call, ON, 1).packed(0, 0) >> 16).isLessThan(60);
        assertThat(r.render(call, ON, 2).packed(0, 0)).isEqualTo(RED);
    }

    @Test
    void lightOff_isBlack_solidEffect_isTheChosenColour_rainbow_isColourful() {
        List<PersonView> one = List.of(person("a", Status.BUSY, Activity.BUSY, null));
        SceneRenderer r = renderer(4, 4, Layout.SPLIT);

        assertThat(r.render(one, new LightState(false, 128, Rgb.BLACK, "presence"), 0)
                        .isBlack())
                .isTrue();
        assertThat(r.render(one, new LightState(true, 128, new Rgb(1, 2, 3), "solid"), 0))
                .isEqualTo(Frame.solid(4, 4, new Rgb(1, 2, 3)));
        Frame rainbow = r.render(one, new LightState(true, 128, Rgb.BLACK, "rainbow"), 0);
        assertThat(rainbow.packed(0, 0)).isNotEqualTo(rainbow.packed(3, 3));
    }

    @Test
    void nobody_isADarkPanel() {
        assertThat(renderer(4, 4, Layout.SPLIT).render(List.of(), ON, 0).isBlack())
                .isTrue();
    }
}
