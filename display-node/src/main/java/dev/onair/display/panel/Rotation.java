package dev.onair.display.panel;

/**
 * How the panel is mounted. The frame a panel takes is what the viewer sees; the rotation turns it into the
 * hardware's own pixel order, the way Pimoroni's libraries do ({@code rotation(90)} there is {@code R90} here).
 */
public enum Rotation {
    R0,
    R90,
    R180,
    R270;

    /** Parses {@code 0}, {@code 90}, {@code 180} or {@code 270}. */
    public static Rotation ofDegrees(int degrees) {
        return switch (degrees) {
            case 0 -> R0;
            case 90 -> R90;
            case 180 -> R180;
            case 270 -> R270;
            default -> throw new IllegalArgumentException("rotation " + degrees + " is not 0, 90, 180 or 270");
        };
    }

    public int degrees() {
        return ordinal() * 90;
    }

    /** Whether the viewer's width is the hardware's height. */
    public boolean swapsAxes() {
        return this == R90 || this == R270;
    }

    /** The viewer's width for hardware {@code physicalWidth × physicalHeight}. */
    public int logicalWidth(int physicalWidth, int physicalHeight) {
        return swapsAxes() ? physicalHeight : physicalWidth;
    }

    public int logicalHeight(int physicalWidth, int physicalHeight) {
        return swapsAxes() ? physicalWidth : physicalHeight;
    }

    /** Turns a viewer's frame into the hardware's {@code physicalWidth × physicalHeight} frame. */
    public Frame toPhysical(Frame logical, int physicalWidth, int physicalHeight) {
        int[] out = new int[physicalWidth * physicalHeight];
        for (int y = 0; y < logical.height(); y++) {
            for (int x = 0; x < logical.width(); x++) {
                int px;
                int py;
                switch (this) {
                    case R90 -> {
                        px = physicalWidth - 1 - y;
                        py = x;
                    }
                    case R180 -> {
                        px = physicalWidth - 1 - x;
                        py = physicalHeight - 1 - y;
                    }
                    case R270 -> {
                        px = y;
                        py = physicalHeight - 1 - x;
                    }
                    default -> {
                        px = x;
                        py = y;
                    }
                }
                out[py * physicalWidth + px] = logical.packed(x, y);
            }
        }
        return Frame.of(physicalWidth, physicalHeight, out);
    }
}
