package dev.onair.publisher.tray;

import dev.onair.protocol.light.Rgb;
import dev.onair.protocol.presence.Colours;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.presence.Status;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The tray icon: a disc in the status colour of the contract's table (CONTRACT.md section 6, {@link Colours}). */
final class StatusIcon {
    private StatusIcon() {}

    /** The colour for {@code presence}; before the first presence, the table's {@code unknown}. */
    static Color colour(Presence presence) {
        Rgb rgb = presence == null
                ? Colours.byDefault("unknown")
                : Colours.byDefault(presence.status(), presence.activity());
        return new Color(rgb.r(), rgb.g(), rgb.b());
    }

    static BufferedImage image(Color colour, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int inset = Math.max(1, size / 8);
            g.setColor(colour);
            g.fillOval(inset, inset, size - 2 * inset, size - 2 * inset);
            // A thin dark ring keeps a yellow or white disc visible on a light panel.
            g.setColor(new Color(0, 0, 0, 140));
            g.setStroke(new BasicStroke(1f));
            g.drawOval(inset, inset, size - 2 * inset - 1, size - 2 * inset - 1);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The tooltip: who, and what the light says. */
    static String tooltip(String person, Presence presence) {
        if (presence == null) {
            return "OnAir: " + person + " (starting)";
        }
        String word = presence.status() == Status.DO_NOT_DISTURB
                ? "do not disturb"
                : presence.status().toString();
        return "OnAir: " + person + " is " + word.replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                + ("override".equals(presence.source()) ? " (set by hand)" : "");
    }
}
