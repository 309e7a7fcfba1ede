package dev.onair.display.hat;

/**
 * Where each pixel of the original Unicorn HAT sits in its chain of 64 WS2812 LEDs, in the orientation Pimoroni's
 * Python library documents: (0,0) is the top-left corner with the HDMI port of the Pi facing down (pimoroni/unicorn-hat,
 * {@code library/UnicornHat/unicornhat.py}: "0 which places 0,0 on the top left with the B+ HDMI port facing
 * downwards").
 *
 * <p>The library lights {@code HAT[x][7 - y]} for {@code set_pixel(x, y)} ({@code get_index_from_xy} starts with
 * {@code y = (wy)-y}); unicornd lights {@code map[x][y]} (the same table) for {@code pixels[x * 8 + y]} and does not
 * flip. So the daemon must be sent pixel (x, y) at slot {@code x * 8 + 7 - y}, and {@code /dev/leds0} gets it at LED
 * {@code HAT[x][7 - y]}. Until issue 16 OnAir used {@code HAT[x][y]} on both paths: every picture mirrored.
 */
final class UnicornHatLayout {
    static final int SIZE = 8;

    /** {@code HAT} in unicornhat.py and {@code map} in unicornd.c's {@code get_pixel_pos}. */
    private static final int[][] HAT = {
        {7, 6, 5, 4, 3, 2, 1, 0},
        {8, 9, 10, 11, 12, 13, 14, 15},
        {23, 22, 21, 20, 19, 18, 17, 16},
        {24, 25, 26, 27, 28, 29, 30, 31},
        {39, 38, 37, 36, 35, 34, 33, 32},
        {40, 41, 42, 43, 44, 45, 46, 47},
        {55, 54, 53, 52, 51, 50, 49, 48},
        {56, 57, 58, 59, 60, 61, 62, 63}
    };

    private UnicornHatLayout() {}

    /** The index in the LED chain of the pixel at column {@code x}, row {@code y} (hardware orientation). */
    static int ledIndex(int x, int y) {
        return HAT[x][SIZE - 1 - y];
    }

    /** The slot in unicornd's set-all-pixels payload that the daemon puts on the LED of pixel (x, y). */
    static int daemonSlot(int x, int y) {
        return x * SIZE + (SIZE - 1 - y);
    }
}
