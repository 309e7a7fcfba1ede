package dev.onair.display.panel;

import java.util.Locale;

/** The panels the display node drives, by their {@code --panel} name. */
public enum PanelKind {
    /** Find the HAT; the virtual panel when none is found. */
    AUTO,
    VIRTUAL,
    HAT_HD,
    HAT_MINI,
    UNICORND,
    LEDS0;

    /** The name in configuration: {@code hat-hd}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PanelKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (PanelKind k : values()) {
            if (k.optionName().equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "panel '" + name + "' is not one of auto, virtual, hat-hd, hat-mini, unicornd, leds0");
    }

    @Override
    public String toString() {
        return optionName();
    }
}
