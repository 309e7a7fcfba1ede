package dev.onair.display.panel;

/** No hardware: the frame is only shown on the dashboard (a laptop, CI, or a Pi without a HAT). */
public final class VirtualPanel extends SizedPanel {
    /** As large as the largest HAT, so every layout and animation looks as it would on a Unicorn HAT HD. */
    public static final int SIZE = 16;

    public VirtualPanel(int width, int height) {
        super(width, height);
        if (width < 1 || height < 1 || width > 64 || height > 64) {
            throw new IllegalArgumentException("virtual panel size " + width + "x" + height + " must be 1..64");
        }
    }

    public VirtualPanel() {
        this(SIZE, SIZE);
    }

    @Override
    public void open() {}

    @Override
    public void show(Frame frame, int brightness) {}

    @Override
    public void close() {}

    @Override
    public String describe() {
        return "virtual " + width() + "x" + height() + " panel (dashboard only)";
    }
}
