package dev.onair.display.hat;

import java.io.ByteArrayOutputStream;

/** Builds expected byte sequences. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes add(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    Bytes repeat(int times, int... values) {
        for (int i = 0; i < times; i++) {
            add(values);
        }
        return this;
    }

    Bytes add(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
