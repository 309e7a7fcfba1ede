package dev.onair.display.panel;

import java.io.IOException;

/**
 * An LED panel: it takes a frame. Everything that decides what to show is the same for every panel; a panel only
 * knows its size and how to get pixels onto its hardware.
 */
public interface Panel {
    /** The width of the frames it takes (after rotation: what the viewer sees). */
    int width();

    int height();

    /** Opens the hardware and initialises it; failures end start-up. */
    void open() throws IOException;

    /**
     * Shows a frame.
     *
     * @param brightness 0 to 255, applied the way the hardware does it best
     */
    void show(Frame frame, int brightness) throws IOException;

    /**
     * The brightness the LEDs really run at for a requested one, 0 to 255 of full output, for the dashboard: the
     * requested one unless the hardware caps it (the original Unicorn HAT at 50 %, as Pimoroni's library does).
     */
    default int outputBrightness(int brightness) {
        return brightness;
    }

    /** Clears the LEDs and releases the hardware. Must not throw; safe to call when open failed. */
    void close();

    /** For logs: what the panel is and where. */
    String describe();
}
