package dev.onair.display.scene;

import dev.onair.protocol.light.Rgb;
import java.util.Locale;

/**
 * How a person whose camera is on looks (issue 13): a border of {@code width} pixels in {@code colour} drawn over their
 * status colour, so the status still shows inside. {@link #OFF} draws nothing.
 *
 * @param colour the border's colour
 * @param width the border's width in pixels, 0 for none
 */
public record CameraMark(Rgb colour, int width) {
    public static final CameraMark OFF = new CameraMark(Rgb.parseHex("#000000"), 0);
    /** A red border, one pixel wide: "on air". */
    public static final CameraMark DEFAULT = new CameraMark(Rgb.parseHex("#FF0000"), 1);

    public CameraMark {
        if (colour == null) {
            throw new IllegalArgumentException("camera border colour is missing");
        }
        if (width < 0 || width > 8) {
            throw new IllegalArgumentException("camera border width " + width + " is outside 0..8");
        }
    }

    /** {@code off}, {@code #RRGGBB} (one pixel) or {@code #RRGGBB:WIDTH}. */
    public static CameraMark parse(String spec) {
        String s = spec.strip();
        if (s.toLowerCase(Locale.ROOT).equals("off")) {
            return OFF;
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return new CameraMark(Rgb.parseHex(s), 1);
        }
        try {
            return new CameraMark(Rgb.parseHex(s.substring(0, colon)), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "' is not off, #RRGGBB or #RRGGBB:WIDTH");
        }
    }

    /** Whether pixel ({@code x}, {@code y}) of a {@code w} by {@code h} region lies on the border. */
    boolean covers(int x, int y, int w, int h) {
        return width > 0 && (x < width || y < width || x >= w - width || y >= h - width);
    }
}
