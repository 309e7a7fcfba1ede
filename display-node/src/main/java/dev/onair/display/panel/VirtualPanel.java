package dev.onair.display.panel;

/** No hardware: the frame is only shown on the dashboard (a laptop, CI, or a Pi without a HAT). */
public final class VirtualPanel implements Panel {
    /** As large as the largest HAT, so every layout and animation looks as it would on a Unicorn HAT HD. */
    public static final int SIZE = 16;

    private final int width;
    private final int height;

    public VirtualPanel(int width, int height) {
        if (width < 1 || height < 1 || width > 64 || height > 64) {
            throw new IllegalArgumentException("virtual panel size " + width + "x" + height + " must be 1..64");
        }
        this.width = width;
        this.height = height;
    }

    public VirtualPanel() {
        this(SIZE, SIZE);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void open() {}

    @Override
    public void show(Frame frame, int brightness) {}

    @Override
    public void close() {}

    @Override
    public String describe() {
        return "virtual " + width + "x" + height + " panel (dashboard only)";
    }
}
