package dev.onair.display.hat;

import dev.onair.display.panel.Rotation;

/**
 * What Pimoroni's own code does with the original Unicorn HAT, ported line by line as the reference the panels are
 * checked against: {@code get_index_from_xy} of the Python library (pimoroni/unicorn-hat,
 * {@code library/UnicornHat/unicornhat.py}) and the daemon's {@code UNICORND_CMD_SET_ALL_PIXELS}
 * ({@code library_c/unicornd/unicornd.c}).
 */
final class PimoroniUnicornHat {
    private PimoroniUnicornHat() {}

    /** {@code HAT} in unicornhat.py, the same table as {@code get_pixel_pos}'s {@code map} in unicornd.c. */
    static final int[][] HAT = {
        {7, 6, 5, 4, 3, 2, 1, 0},
        {8, 9, 10, 11, 12, 13, 14, 15},
        {23, 22, 21, 20, 19, 18, 17, 16},
        {24, 25, 26, 27, 28, 29, 30, 31},
        {39, 38, 37, 36, 35, 34, 33, 32},
        {40, 41, 42, 43, 44, 45, 46, 47},
        {55, 54, 53, 52, 51, 50, 49, 48},
        {56, 57, 58, 59, 60, 61, 62, 63}
    };

    /** The LED the Python library lights for {@code set_pixel(x, y, ...)} after {@code rotation(degrees)}. */
    static int pythonIndex(int x, int y, Rotation rotation) {
        int wx = 7;
        int wy = 7;
        y = wy - y;
        switch (rotation) {
            case R90 -> {
                int t = x;
                x = y;
                y = wx - t;
            }
            case R180 -> {
                x = wx - x;
                y = wy - y;
            }
            case R270 -> {
                int t = x;
                x = wy - y;
                y = t;
            }
            default -> {}
        }
        return HAT[x][y];
    }

    /** The LED chain unicornd fills from one set-all-pixels payload (64 × R, G, B): 64 packed 0xRRGGBB values. */
    static int[] daemonLeds(byte[] payload, int from) {
        int[] leds = new int[64];
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                int at = from + (x * 8 + y) * 3;
                leds[HAT[x][y]] =
                        ((payload[at] & 0xFF) << 16) | ((payload[at + 1] & 0xFF) << 8) | (payload[at + 2] & 0xFF);
            }
        }
        return leds;
    }
}
