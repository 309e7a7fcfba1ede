package dev.onair.display.panel;

/** A panel whose size is fixed when it is made: its width and height, kept in one place. */
public abstract class SizedPanel implements Panel {
    private final int width;
    private final int height;

    protected SizedPanel(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }
}
