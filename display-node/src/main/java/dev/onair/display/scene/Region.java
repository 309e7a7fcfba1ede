package dev.onair.display.scene;

/**
 * The part of the panel one person has: columns {@code x} to {@code x + width - 1}, rows {@code y} to
 * {@code y + height - 1}, from the top-left pixel. The dashboard's legend draws these.
 */
public record Region(String person, int x, int y, int width, int height) {
    public Region {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "region " + x + "," + y + " " + width + "x" + height + " is not on a panel");
        }
    }
}
