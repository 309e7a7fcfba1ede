package dev.onair.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.presence.PresenceCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile payloads for every decoder: each must end in a {@link PayloadException} or a valid value, never in an
 * unexpected exception. Seeded, so a failure reproduces.
 */
class FuzzTest {
    interface Decoder {
        Object decode(byte[] payload) throws PayloadException;
    }

    private static final List<Decoder> DECODERS =
            List.of(PresenceCodec::decode, OverrideCommand::parse, LightCommand::parse, LightState::parse);

    private static final String VALID_PRESENCE = "{\"v\":1,\"person\":\"alice\",\"status\":\"busy\","
            + "\"activity\":\"in_a_call\",\"since\":\"2026-11-22T09:00:00Z\",\"source\":\"teams-log\","
            + "\"teams_running\":true,\"in_call\":true,\"override_until\":null}";

    @Test
    void randomBytes_neverThrowAnythingButPayloadException() {
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = new byte[random.nextInt(0, 1500)];
            random.nextBytes(payload);
            decodeAll(payload);
        }
    }

    @Test
    void everyTruncationOfValidJson_isRejectedWithPayloadException() {
        byte[] valid = VALID_PRESENCE.getBytes(StandardCharsets.UTF_8);
        for (int len = 0; len < valid.length; len++) {
            byte[] prefix = java.util.Arrays.copyOf(valid, len);
            int l = len;
            assertThat(outcome(PresenceCodec::decode, prefix))
                    .as("prefix of %d bytes", l)
                    .isInstanceOf(PayloadException.class);
        }
    }

    @Test
    void mutatedValidJson_neverThrowsAnythingButPayloadException() {
        Random random = new Random(7);
        byte[] valid = VALID_PRESENCE.getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\",:0123456789.eE-+truefalsnul \\".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = valid.clone();
            for (int m = random.nextInt(1, 6); m > 0; m--) {
                mutated[random.nextInt(mutated.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            decodeAll(mutated);
        }
    }

    @Test
    void hugeNumbersAndDeepNesting_areTypedErrors() {
        for (String presence : List.of(
                VALID_PRESENCE.replace("\"v\":1", "\"v\":" + "9".repeat(500)),
                VALID_PRESENCE.replace("\"v\":1", "\"v\":1e999999999"),
                VALID_PRESENCE.replace("\"v\":1", "\"v\":-0.0000000000000000001"))) {
            assertThat(outcome(PresenceCodec::decode, presence.getBytes(StandardCharsets.UTF_8)))
                    .as(StrictJson.abbreviate(presence))
                    .isInstanceOf(PayloadException.class);
        }
        for (String light : List.of(
                "{\"state\":\"ON\",\"brightness\":" + "9".repeat(60) + "}",
                "{\"state\":\"ON\",\"brightness\":1e308}")) {
            assertThat(outcome(LightCommand::parse, light.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(PayloadException.class);
        }
        // Every decoder must reject these.
        List<String> hostile = new ArrayList<>();
        hostile.add("[".repeat(5000) + "]".repeat(5000));
        hostile.add("{\"a\":".repeat(400) + "1" + "}".repeat(400));
        hostile.add("{\"status\":" + "[".repeat(100) + "]".repeat(100) + "}");
        hostile.add("{\"color\":{\"r\":" + "{\"x\":".repeat(50) + "1" + "}".repeat(50) + "}}");
        hostile.add("{\"v\":1,\"v\":1}");
        for (String h : hostile) {
            byte[] payload = h.getBytes(StandardCharsets.UTF_8);
            for (Decoder decoder : DECODERS) {
                assertThat(outcome(decoder, payload))
                        .as(StrictJson.abbreviate(h))
                        .isInstanceOf(PayloadException.class);
            }
        }
    }

    private static void decodeAll(byte[] payload) {
        for (Decoder decoder : DECODERS) {
            Object result = outcome(decoder, payload);
            if (result instanceof Throwable t && !(t instanceof PayloadException)) {
                fail(
                        "unexpected exception for payload "
                                + java.util.HexFormat.of().formatHex(payload),
                        t);
            }
        }
    }

    private static Object outcome(Decoder decoder, byte[] payload) {
        try {
            return decoder.decode(payload);
        } catch (Throwable t) {
            return t;
        }
    }
}
