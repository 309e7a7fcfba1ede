package dev.onair.display.hat;

import dev.onair.display.panel.Rotation;

/**
 * What Pimoroni's own code does with the original Unicorn HAT, ported line by line as the reference the panels are
 * checked against: {@code get_index_from_xy}, {@code brightness()} and {@code LED_GAMMA} of the Python library
 * (pimoroni/unicorn-hat, {@code library/UnicornHat/unicornhat.py}), the daemon's {@code UNICORND_CMD_SET_ALL_PIXELS}
 * ({@code library_c/unicornd/unicornd.c}), and the rpi_ws281x render step both run on (jgarff/rpi_ws281x,
 * {@code ws2811.c}: {@code channel->gamma[(value * ((brightness & 0xff) + 1)) >> 8]}).
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

    /** unicornhat.py's {@code LED_GAMMA}, copied from the library as the reference. */
    static final int[] LED_GAMMA = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2,
        2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
        6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 11,
        11, 12, 12, 13, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18,
        19, 19, 20, 21, 21, 22, 22, 23, 23, 24, 25, 25, 26, 27, 27, 28,
        29, 29, 30, 31, 31, 32, 33, 34, 34, 35, 36, 37, 37, 38, 39, 40,
        40, 41, 42, 43, 44, 45, 46, 46, 47, 48, 49, 50, 51, 52, 53, 54,
        55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70,
        71, 72, 73, 74, 76, 77, 78, 79, 80, 81, 83, 84, 85, 86, 88, 89,
        90, 91, 93, 94, 95, 96, 98, 99, 100, 102, 103, 104, 106, 107, 109, 110,
        111, 113, 114, 116, 117, 119, 120, 121, 123, 124, 126, 128, 129, 131, 132, 134,
        135, 137, 138, 140, 142, 143, 145, 146, 148, 150, 151, 153, 155, 157, 158, 160,
        162, 163, 165, 167, 169, 170, 172, 174, 176, 178, 179, 181, 183, 185, 187, 189,
        191, 193, 194, 196, 198, 200, 202, 204, 206, 208, 210, 212, 214, 216, 218, 220,
        222, 224, 227, 229, 231, 233, 235, 237, 239, 241, 244, 246, 248, 250, 252, 255
    };

    /**
     * The value the LED gets for colour value {@code v} after {@code brightness(b)} with {@code b = brightness / 255.0}:
     * the library sets {@code ws2812.setBrightness(int(b * 128.0))} and hands rpi_ws281x its gamma table.
     */
    static int led(int v, int brightness) {
        int stripBrightness = (int) ((brightness / 255.0) * 128.0);
        return LED_GAMMA[(v * ((stripBrightness & 0xff) + 1)) >> 8];
    }
}
