package dev.onair.display.scene;

import java.util.Locale;

/**
 * How a person's colour moves in their region of the panel. Each returns, for one pixel at time {@code t} (seconds),
 * how much of the colour to show, 0 to 1.
 */
public enum Animation {
    /** The colour, still. */
    SOLID,
    /** The whole region breathes on a 2-second sine. */
    PULSE,
    /** A still diagonal fade from full colour in the top-left corner to a quarter in the bottom-right. */
    GRADIENT,
    /** Rings running out from the region's centre, one every 1.5 seconds. */
    RIPPLE,
    /** A bright arc with a fading tail turning around the centre once every 1.5 seconds. */
    SPINNER;

    static final double PULSE_PERIOD = 2.0;
    static final double RIPPLE_PERIOD = 1.5;
    static final double SPINNER_PERIOD = 1.5;

    /** The share of the colour (0 to 1) for pixel (x, y) of a {@code w × h} region at {@code t} seconds. */
    public double level(int x, int y, int w, int h, double t) {
        return switch (this) {
            case SOLID -> 1.0;
            case PULSE -> 0.15 + 0.85 * (1 + Math.cos(2 * Math.PI * t / PULSE_PERIOD)) / 2;
            case GRADIENT -> {
                double span = Math.max(1, (w - 1) + (h - 1));
                yield 1.0 - 0.75 * (x + y) / span;
            }
            case RIPPLE -> {
                double d = distance(x, y, w, h);
                double wavelength = Math.max(2.0, Math.max(w, h) / 2.0);
                double phase = d / wavelength - t / RIPPLE_PERIOD;
                yield 0.2 + 0.8 * Math.max(0, Math.cos(2 * Math.PI * phase));
            }
            case SPINNER -> {
                double cx = (w - 1) / 2.0;
                double cy = (h - 1) / 2.0;
                double angle = Math.atan2(y - cy, x - cx);
                double head = 2 * Math.PI * (t / SPINNER_PERIOD);
                double behind = ((head - angle) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI);
                yield Math.max(0.1, 1.0 - behind / (1.5 * Math.PI));
            }
        };
    }

    private static double distance(int x, int y, int w, int h) {
        double dx = x - (w - 1) / 2.0;
        double dy = y - (h - 1) / 2.0;
        return Math.sqrt(dx * dx + dy * dy);
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Animation parse(String name) {
        for (Animation a : values()) {
            if (a.optionName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "animation '" + name + "' is not one of solid, pulse, gradient, ripple, spinner");
    }

    @Override
    public String toString() {
        return optionName();
    }
}
