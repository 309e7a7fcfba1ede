package dev.onair.publisher.presence;

import java.io.IOException;

/** Whether one device (the camera or the microphone) is in use right now; one implementation per OS and device. */
public interface DeviceProbe {
    /** In use or not; a read that fails throws, and the field is then null (never a guess). */
    boolean inUse() throws IOException;

    /** What is read, for the log: {@code the ConsentStore's webcam key}. */
    String describe();
}
