package dev.onair.display.scene;

import java.util.Locale;

/** How several people share one panel. */
public enum Layout {
    /** One region per person, side by side along the panel's longer side, in the configured order. */
    SPLIT,
    /** The whole panel for one person at a time, in turn. */
    ROTATE;

    public static Layout parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "split" -> SPLIT;
            case "rotate" -> ROTATE;
            default -> throw new IllegalArgumentException("layout '" + name + "' is not split or rotate");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
