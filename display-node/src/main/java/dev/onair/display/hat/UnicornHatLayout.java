package dev.onair.display.hat;

/**
 * The original Unicorn HAT's 64 WS2812 LEDs form one chain that snakes across the board. Pixel (x, y) is LED
 * {@code x * 8 + (7 - y)} when x is even and {@code x * 8 + y} when x is odd: the map Pimoroni's {@code unicornd}
 * uses, so a frame looks the same through the daemon and through {@code /dev/leds0}.
 */
final class UnicornHatLayout {
    static final int SIZE = 8;

    private UnicornHatLayout() {}

    /** The index in the LED chain of the pixel at column {@code x}, row {@code y} (hardware orientation). */
    static int ledIndex(int x, int y) {
        return x % 2 == 0 ? x * SIZE + (SIZE - 1 - y) : x * SIZE + y;
    }
}
