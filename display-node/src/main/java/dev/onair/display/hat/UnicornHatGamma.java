package dev.onair.display.hat;

/**
 * The original Unicorn HAT's brightness, exactly as Pimoroni's Python library drives it (pimoroni/unicorn-hat,
 * {@code library/UnicornHat/unicornhat.py}), on every path to the LEDs.
 *
 * <ul>
 *   <li>{@code brightness(b)} sets {@code ws2812.setBrightness(int(b * 128.0))}: "Absolute max brightness has been
 *       capped to 50%, do not change this unless you know what you're doing. UnicornHAT draws too much current above
 *       50%." OnAir's 0-255 is {@code b = brightness / 255.0}.
 *   <li>{@code PixelStrip(..., LED_GAMMA)} hands rpi_ws281x the library's gamma table, and rpi_ws281x renders each
 *       value as {@code channel->gamma[(value * ((channel->brightness & 0xff) + 1)) >> 8]} (jgarff/rpi_ws281x,
 *       {@code ws2811.c}, {@code ws2811_render}).
 * </ul>
 *
 * <p>unicornd configures no gamma table (rpi_ws281x then uses identity) and passes its brightness byte straight to
 * the strip, so OnAir computes the LED value here and sets the daemon's brightness to 255, where
 * {@code (value * 256) >> 8} is the value itself; {@code /dev/leds0} gets the same values. Both paths show what the
 * Python library shows.
 */
final class UnicornHatGamma {
    /** The daemon brightness under which a value reaches the LED unchanged. */
    static final int PASS_THROUGH = 255;

    /** {@code LED_GAMMA} in unicornhat.py. */
    private static final int[] LED_GAMMA = {
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

    private UnicornHatGamma() {}

    /** The strip brightness the library sets for OnAir's {@code brightness} (0..128: the 50 % cap). */
    static int stripBrightness(int brightness) {
        return (int) ((brightness / 255.0) * 128.0);
    }

    /** The value the LED gets for colour {@code value} at {@code brightness}, after the cap and the gamma table. */
    static int led(int value, int brightness) {
        return LED_GAMMA[(value * (stripBrightness(brightness) + 1)) >> 8];
    }

    /** A packed pixel with each channel through {@link #led}. */
    static int ledPixel(int packed, int brightness) {
        return (led((packed >> 16) & 0xFF, brightness) << 16)
                | (led((packed >> 8) & 0xFF, brightness) << 8)
                | led(packed & 0xFF, brightness);
    }

    /**
     * What a full 255 channel comes to before the gamma table, 0-255: the brightness the HAT really runs at, for the
     * dashboard (128 at full brightness: the cap).
     */
    static int outputBrightness(int brightness) {
        return (255 * (stripBrightness(brightness) + 1)) >> 8;
    }
}
