package dev.onair.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Invalid payloads for the presence, set and display topics: random bytes, wrong types, out-of-range values, huge
 * and deeply nested JSON, wrong ids. None of them is a valid message, so no node may act on any.
 */
final class Fuzz {
    private static final List<String> PRESENCE = List.of(
            "{}",
            "[]",
            "null",
            "42",
            "\"busy\"",
            "{\"v\":1}",
            "{\"v\":\"1\",\"person\":\"bob\",\"status\":\"busy\",\"activity\":\"busy\",\"since\":\"2026-01-01T00:00:00Z\","
                    + "\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"bob\",\"status\":5,\"activity\":\"busy\",\"since\":\"2026-01-01T00:00:00Z\","
                    + "\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"bob\",\"status\":\"sleepy\",\"activity\":\"busy\","
                    + "\"since\":\"2026-01-01T00:00:00Z\",\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"bob\",\"status\":\"busy\",\"activity\":\"busy\",\"since\":\"yesterday\","
                    + "\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"bob\",\"status\":\"busy\",\"activity\":[],\"since\":\"2026-01-01T00:00:00Z\","
                    + "\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"bob\",\"status\":\"busy\",\"activity\":\"busy\",\"since\":\"2026-01-01T00:00:00Z\","
                    + "\"source\":{}}",
            "{\"v\":1,\"person\":\"bob\",\"status\":\"busy\",\"activity\":\"busy\",\"since\":\"2026-01-01T00:00:00Z\","
                    + "\"source\":\"x\",\"teams_running\":\"yes\"}",
            // Wrong ids: another person's, an invalid one, none.
            "{\"v\":1,\"person\":\"alice\",\"status\":\"available\",\"activity\":\"available\","
                    + "\"since\":\"2026-01-01T00:00:00Z\",\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"Bob Smith!\",\"status\":\"available\",\"activity\":\"available\","
                    + "\"since\":\"2026-01-01T00:00:00Z\",\"source\":\"x\"}",
            "{\"v\":1,\"person\":null,\"status\":\"available\",\"activity\":\"available\","
                    + "\"since\":\"2026-01-01T00:00:00Z\",\"source\":\"x\"}",
            "{\"v\":1,\"person\":\"bob\",\"status\":\"busy\"",
            "\u0000\u0001\u0002");

    private static final List<String> OVERRIDE = List.of(
            "",
            "sleepy",
            "unknown",
            "BUSY!",
            "{}",
            "[]",
            "null",
            "7",
            "{\"status\":5}",
            "{\"status\":\"sleepy\"}",
            "{\"status\":\"busy\",\"for\":\"soon\"}",
            "{\"status\":\"busy\",\"for\":42}",
            "{\"status\":[\"busy\"]}",
            "{\"status\":\"busy\"");

    private static final List<String> LIGHT = List.of(
            "",
            "ON",
            "[]",
            "null",
            "7",
            "{\"state\":\"MAYBE\"}",
            "{\"state\":true}",
            "{\"brightness\":\"high\"}",
            "{\"brightness\":256}",
            "{\"brightness\":-1}",
            "{\"color\":\"red\"}",
            "{\"color\":{\"r\":300,\"g\":0,\"b\":0}}",
            "{\"color\":{\"r\":\"x\",\"g\":0,\"b\":0}}",
            "{\"effect\":\"disco\"}",
            "{\"effect\":5}",
            "{\"brightness\":1.5e308}",
            "{\"state\":\"ON\"");

    private final Random random;

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** Which kind of topic a payload is for. */
    enum Target {
        PRESENCE,
        OVERRIDE,
        LIGHT,
        DISPLAY_STATE
    }

    byte[] next(Target target) {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return randomBytes();
        }
        if (pick < 42) {
            return huge(target);
        }
        if (pick < 44) {
            return deeplyNested();
        }
        List<String> known = switch (target) {
            case PRESENCE -> PRESENCE;
            case OVERRIDE -> OVERRIDE;
            case LIGHT, DISPLAY_STATE -> LIGHT;
        };
        return known.get(random.nextInt(known.size())).getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes that start with something no valid payload starts with. */
    private byte[] randomBytes() {
        byte[] b = new byte[1 + random.nextInt(300)];
        random.nextBytes(b);
        b[0] = (byte) (0x80 | random.nextInt(0x80)); // never '{', '"', a digit or a letter
        return b;
    }

    /** Over 100 KiB: far beyond the 1,024 bytes a presence may have, and with a field of the wrong type. */
    private byte[] huge(Target target) {
        String pad = "x".repeat(100_000 + random.nextInt(50_000));
        String json = switch (target) {
            case PRESENCE -> "{\"v\":1,\"person\":\"bob\",\"status\":\"available\",\"pad\":\"" + pad + "\"}";
            case OVERRIDE -> "{\"status\":\"" + pad + "\"}";
            case LIGHT, DISPLAY_STATE -> "{\"brightness\":\"" + pad + "\"}";
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deeplyNested() {
        int depth = 5_000 + random.nextInt(20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }
}
