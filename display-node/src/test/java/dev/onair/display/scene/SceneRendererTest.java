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

    private static PersonView onCamera(String id, Status status, Boolean camera, Availability availability) {
        return new PersonView(
                id,
                new Presence(
                        id,
                        status,
                        Activity.of(status),
                        Instant.EPOCH,
                        "teams-log",
                        null,
                        null,
                        null,
                        null,
                        camera,
                        null,
                        null),
                availability);
    }

    @Test
    void cameraOn_drawsTheBorderOverTheStatusColour_insideStaysTheStatus() {
        Frame f = renderer(8, 6, Layout.SPLIT)
                .render(List.of(onCamera("a", Status.AVAILABLE, true, Availability.ONLINE)), ON, 0);

        for (int x = 0; x < 8; x++) {
            assertThat(f.packed(x, 0)).isEqualTo(RED);
            assertThat(f.packed(x, 5)).isEqualTo(RED);
        }
        for (int y = 0; y < 6; y++) {
            assertThat(f.packed(0, y)).isEqualTo(RED);
            assertThat(f.packed(7, y)).isEqualTo(RED);
        }
        for (int y = 1; y < 5; y++) {
            for (int x = 1; x < 7; x++) {
                assertThat(f.packed(x, y)).isEqualTo(GREEN);
            }
        }
    }

    @Test
    void cameraOffUnknownOrPublisherOffline_hasNoBorder() {
        SceneRenderer r = renderer(8, 6, Layout.SPLIT);
        assertThat(r.render(List.of(onCamera("a", Status.AVAILABLE, false, null)), ON, 0))
                .isEqualTo(Frame.solid(8, 6, new Rgb(0, 255, 0)));
        assertThat(r.render(List.of(onCamera("a", Status.AVAILABLE, null, null)), ON, 0))
                .isEqualTo(Frame.solid(8, 6, new Rgb(0, 255, 0)));
        assertThat(r.render(List.of(onCamera("a", Status.AVAILABLE, true, Availability.OFFLINE)), ON, 0))
                .isEqualTo(Frame.solid(8, 6, new Rgb(128, 128, 128)));
    }

    @Test
    void cameraBorder_isConfigurable_inColourAndWidth_orOff() {
        Look blue2 = Look.defaults().withCamera(CameraMark.parse("#0000FF:2"));
        Frame f = new SceneRenderer(8, 6, blue2, Layout.SPLIT, Duration.ofSeconds(5))
                .render(List.of(onCamera("a", Status.AVAILABLE, true, null)), ON, 0);
        assertThat(f.packed(1, 1)).isEqualTo(0x0000FF);
        assertThat(f.packed(2, 2)).isEqualTo(GREEN);

        Look off = Look.defaults().withCamera(CameraMark.parse("off"));
        assertThat(new SceneRenderer(8, 6, off, Layout.SPLIT, Duration.ofSeconds(5))
                        .render(List.of(onCamera("a", Status.AVAILABLE, true, null)), ON, 0))
                .isEqualTo(Frame.solid(8, 6, new Rgb(0, 255, 0)));
    }

    @Test
    void cameraMark_badSpec_isRefusedWithTheReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CameraMark.parse("#FF0000:wide"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#RRGGBB:WIDTH");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CameraMark.parse("#FF0000:9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..8");
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

    /** Issue 15: the legend's regions are exactly the columns painted. */
    @Test
    void regions_split_areTheColumnsEachPersonIsPaintedIn() {
        List<PersonView> three = List.of(
                person("a", Status.AVAILABLE, Activity.AVAILABLE, Availability.ONLINE),
                person("b", Status.BUSY, Activity.BUSY, Availability.ONLINE),
                person("c", Status.AVAILABLE, Activity.AVAILABLE, Availability.ONLINE));
        SceneRenderer r = renderer(16, 16, Layout.SPLIT);

        assertThat(r.regions(three, 0))
                .containsExactly(
                        new Region("a", 0, 0, 5, 16), new Region("b", 5, 0, 5, 16), new Region("c", 10, 0, 6, 16));
        Frame f = r.render(three, ON, 0);
        assertThat(f.packed(4, 8)).isEqualTo(GREEN);
        assertThat(f.packed(5, 8)).isEqualTo(RED);
        assertThat(f.packed(9, 8)).isEqualTo(RED);
        assertThat(f.packed(10, 8)).isEqualTo(GREEN);
        // A tall panel splits along its rows.
        assertThat(renderer(4, 8, Layout.SPLIT).regions(three.subList(0, 2), 0))
                .containsExactly(new Region("a", 0, 0, 4, 4), new Region("b", 0, 4, 4, 4));
    }

    @Test
    void giveOfflineColumns_offlinePeoplesColumnsGoToTheOthers_andBackWhenTheyReturn() {
        List<PersonView> oneOffline = List.of(
                person("a", Status.BUSY, Activity.BUSY, Availability.ONLINE),
                person("b", Status.AVAILABLE, Activity.AVAILABLE, Availability.OFFLINE),
                person("c", Status.AVAILABLE, Activity.AVAILABLE, Availability.ONLINE));
        SceneRenderer giving = new SceneRenderer(8, 8, Look.defaults(), Layout.SPLIT, Duration.ofSeconds(5), true);

        assertThat(giving.regions(oneOffline, 0))
                .containsExactly(new Region("a", 0, 0, 4, 8), new Region("c", 4, 0, 4, 8));
        Frame f = giving.render(oneOffline, ON, 0);
        for (int x = 0; x < 8; x++) {
            assertThat(f.packed(x, 3)).as("column " + x).isEqualTo(x < 4 ? RED : GREEN);
        }
        // Off by default: the offline person keeps a grey third.
        assertThat(renderer(8, 8, Layout.SPLIT).regions(oneOffline, 0))
                .extracting(Region::person)
                .containsExactly("a", "b", "c");
        // Everyone offline: everyone is shown (grey), not a black panel.
        List<PersonView> allOffline = List.of(
                person("a", Status.BUSY, Activity.BUSY, Availability.OFFLINE),
                person("b", Status.AVAILABLE, Activity.AVAILABLE, Availability.OFFLINE));
        assertThat(giving.regions(allOffline, 0)).extracting(Region::person).containsExactly("a", "b");
        assertThat(giving.render(allOffline, ON, 0).packed(0, 0)).isEqualTo(0x808080);
        // Back online: the columns come back.
        List<PersonView> back = List.of(
                oneOffline.get(0),
                person("b", Status.AVAILABLE, Activity.AVAILABLE, Availability.ONLINE),
                oneOffline.get(2));
        assertThat(giving.regions(back, 0)).hasSize(3);
    }

    @Test
    void regions_rotate_isTheWholePanelForWhoeverIsShown() {
        List<PersonView> two = List.of(
                person("a", Status.BUSY, Activity.BUSY, Availability.ONLINE),
                person("b", Status.AVAILABLE, Activity.AVAILABLE, Availability.ONLINE));
        SceneRenderer r = renderer(8, 8, Layout.ROTATE);
        assertThat(r.regions(two, 0)).containsExactly(new Region("a", 0, 0, 8, 8));
        assertThat(r.regions(two, 5.5)).containsExactly(new Region("b", 0, 0, 8, 8));
    }
}
