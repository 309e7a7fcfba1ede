package dev.onair.display.scene;

import dev.onair.display.panel.Frame;
import dev.onair.protocol.Availability;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides every pixel: the people's colours and animations in their regions for the {@code presence} effect, a
 * rainbow for {@code rainbow}, the chosen colour for {@code solid}, black when the light is off. Pure: the same inputs
 * give the same frame, so tests can check a frame at any instant.
 */
public final class SceneRenderer {
    private final int width;
    private final int height;
    private final Look look;
    private final Layout layout;
    private final Duration rotateEvery;
    private final boolean giveOfflineColumns;

    /**
     * @param giveOfflineColumns whether people whose publisher is offline give their part of the panel to the others
     *     (while anyone is online; with everyone offline, everyone is shown, grey)
     */
    public SceneRenderer(
            int width, int height, Look look, Layout layout, Duration rotateEvery, boolean giveOfflineColumns) {
        this.width = width;
        this.height = height;
        this.look = look;
        this.layout = layout;
        this.rotateEvery = rotateEvery;
        this.giveOfflineColumns = giveOfflineColumns;
    }

    /** Everyone keeps their part of the panel, offline or not. */
    public SceneRenderer(int width, int height, Look look, Layout layout, Duration rotateEvery) {
        this(width, height, look, layout, rotateEvery, false);
    }

    /**
     * The frame at {@code seconds} since start.
     *
     * @param people everyone known, in display order
     */
    public Frame render(List<PersonView> people, LightState light, double seconds) {
        if (!light.on()) {
            return Frame.black(width, height);
        }
        return switch (light.effect()) {
            case LightState.EFFECT_RAINBOW -> rainbow(seconds);
            case LightState.EFFECT_SOLID -> Frame.solid(width, height, light.color());
            default -> presence(people, seconds);
        };
    }

    /** The colour that stands for what the panel shows: the first person's, or null when nobody is known. */
    public Rgb presenceColour(List<PersonView> people) {
        return people.isEmpty() ? null : look.colour(people.get(0).lookKey());
    }

    private Frame presence(List<PersonView> people, double seconds) {
        int[] px = new int[width * height];
        Map<String, PersonView> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.person(), p));
        for (Region r : regions(people, seconds)) {
            paint(px, byId.get(r.person()), r.x(), r.y(), r.width(), r.height(), seconds);
        }
        return Frame.of(width, height, px);
    }

    /**
     * Who has which part of the panel at {@code seconds} for the {@code presence} effect: a region per person along
     * the longer side, or the whole panel for one person at a time (the rotate layout, or more people than columns).
     * Empty when nobody is known.
     */
    public List<Region> regions(List<PersonView> people, double seconds) {
        List<PersonView> shown = people;
        if (giveOfflineColumns) {
            List<PersonView> online = people.stream()
                    .filter(p -> p.availability() != Availability.OFFLINE)
                    .toList();
            shown = online.isEmpty() ? people : online;
        }
        if (shown.isEmpty()) {
            return List.of();
        }
        boolean horizontal = width >= height;
        int along = horizontal ? width : height;
        if (layout == Layout.ROTATE || shown.size() > along) {
            long slot = (long) Math.floor(seconds / Math.max(0.001, rotateEvery.toMillis() / 1000.0));
            PersonView who = shown.get((int) (slot % shown.size()));
            return List.of(new Region(who.person(), 0, 0, width, height));
        }
        int n = shown.size();
        List<Region> regions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int start = along * i / n;
            int end = along * (i + 1) / n;
            String who = shown.get(i).person();
            regions.add(
                    horizontal
                            ? new Region(who, start, 0, end - start, height)
                            : new Region(who, 0, start, width, end - start));
        }
        return regions;
    }

    private void paint(int[] px, PersonView who, int x0, int y0, int w, int h, double seconds) {
        String key = who.lookKey();
        Rgb colour = look.colour(key);
        Animation animation = look.animation(key);
        CameraMark mark = who.cameraOn() ? look.camera() : CameraMark.OFF;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mark.covers(x, y, w, h)) {
                    Rgb m = mark.colour();
                    px[(y0 + y) * width + x0 + x] = Frame.pack(m.r(), m.g(), m.b());
                    continue;
                }
                double level = animation.level(x, y, w, h, seconds);
                px[(y0 + y) * width + x0 + x] =
                        Frame.pack((int) Math.round(colour.r() * level), (int) Math.round(colour.g() * level), (int)
                                Math.round(colour.b() * level));
            }
        }
    }

    /** A rainbow moving diagonally across the panel, once round the colour wheel every 4 seconds. */
    public Frame rainbow(double seconds) {
        int[] px = new int[width * height];
        double span = Math.max(1, width + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double hue = (x + y) / span + seconds / 4.0;
                px[y * width + x] = hsv(hue - Math.floor(hue));
            }
        }
        return Frame.of(width, height, px);
    }

    /** A fully saturated, full-value colour at {@code hue} (0 to 1). */
    static int hsv(double hue) {
        double h = hue * 6;
        int sector = (int) Math.floor(h) % 6;
        double f = h - Math.floor(h);
        int up = (int) Math.round(255 * f);
        int down = 255 - up;
        return switch (sector) {
            case 0 -> Frame.pack(255, up, 0);
            case 1 -> Frame.pack(down, 255, 0);
            case 2 -> Frame.pack(0, 255, up);
            case 3 -> Frame.pack(0, down, 255);
            case 4 -> Frame.pack(up, 0, 255);
            default -> Frame.pack(255, 0, down);
        };
    }
}
