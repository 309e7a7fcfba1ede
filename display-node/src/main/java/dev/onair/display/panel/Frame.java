package dev.onair.display.panel;

import dev.onair.protocol.light.Rgb;
import java.util.Arrays;

/**
 * One picture for a panel: {@code width × height} pixels, row-major from the top-left, each packed as
 * {@code 0xRRGGBB}. Immutable.
 */
public final class Frame {
    private final int width;
    private final int height;
    private final int[] pixels;

    private Frame(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A frame from row-major packed pixels (copied). */
    public static Frame of(int width, int height, int[] pixels) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " must be positive");
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(
                    "frame " + width + "x" + height + " needs " + width * height + " pixels, not " + pixels.length);
        }
        return new Frame(width, height, pixels.clone());
    }

    /** Every pixel the same colour. */
    public static Frame solid(int width, int height, Rgb colour) {
        int[] p = new int[width * height];
        Arrays.fill(p, pack(colour));
        return new Frame(width, height, p);
    }

    public static Frame black(int width, int height) {
        return solid(width, height, Rgb.BLACK);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The packed {@code 0xRRGGBB} pixel at column {@code x}, row {@code y}. */
    public int packed(int x, int y) {
        return pixels[y * width + x];
    }

    public Rgb rgb(int x, int y) {
        return unpack(packed(x, y));
    }

    public boolean isBlack() {
        for (int p : pixels) {
            if (p != 0) {
                return false;
            }
        }
        return true;
    }

    public static int pack(Rgb c) {
        return (c.r() << 16) | (c.g() << 8) | c.b();
    }

    public static int pack(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    public static Rgb unpack(int p) {
        return new Rgb((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.width == width && f.height == height && Arrays.equals(f.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Frame[" + width + "x" + height + "]";
    }
}
