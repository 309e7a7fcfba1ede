package dev.onair.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Valid wire payloads (CONTRACT.md section 3) built by hand, so the driver costs next to nothing per message. */
public final class Payloads {
    private Payloads() {}

    /** A presence whose activity equals its status (valid for every status but {@code unknown}'s activities). */
    public static byte[] presence(String person, String status, Instant since) {
        return ("{\"v\":1,\"person\":\"" + person + "\",\"status\":\"" + status + "\",\"activity\":\"" + status
                        + "\",\"since\":\"" + since + "\",\"source\":\"teams-log\",\"teams_running\":true,"
                        + "\"in_call\":false,\"override_until\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static String presenceTopic(String person) {
        return "onair/person/" + person + "/presence";
    }
}
