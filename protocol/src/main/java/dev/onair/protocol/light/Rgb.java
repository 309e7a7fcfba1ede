package dev.onair.protocol.light;

import java.util.Locale;

/** A colour, each channel 0 to 255. */
public record Rgb(int r, int g, int b) {
    public static final Rgb BLACK = new Rgb(0, 0, 0);

    public Rgb {
        check("r", r);
        check("g", g);
        check("b", b);
    }

    /** Parses {@code #RRGGBB} or {@code RRGGBB}. */
    public static Rgb parseHex(String hex) {
        String digits = hex.startsWith("#") ? hex.substring(1) : hex;
        if (!digits.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour '" + hex + "' is not of the form #RRGGBB");
        }
        int v = Integer.parseInt(digits, 16);
        return new Rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    public String toHex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
    }

    /** This colour at {@code level} (0 to 255) of its brightness. */
    public Rgb scaled(int level) {
        return new Rgb(r * level / 255, g * level / 255, b * level / 255);
    }

    private static void check(String channel, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("colour channel " + channel + "=" + value + " is outside 0..255");
        }
    }
}
