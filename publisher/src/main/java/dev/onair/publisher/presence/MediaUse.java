package dev.onair.publisher.presence;

/**
 * Whether this PC's camera and microphone are in use, by any app: the camera is what most people mean by "on air".
 *
 * @param camera in use, or null when this OS gives no reliable answer or the read failed
 * @param mic in use, or null when this OS gives no reliable answer or the read failed
 */
public record MediaUse(Boolean camera, Boolean mic) {
    public static final MediaUse UNKNOWN = new MediaUse(null, null);
}
