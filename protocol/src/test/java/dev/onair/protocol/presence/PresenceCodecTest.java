package dev.onair.protocol.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.protocol.PayloadException;
import dev.onair.protocol.PayloadException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PresenceCodecTest {
    private static final String CONTRACT_EXAMPLE = "{\"v\":1,\"person\":\"alice\",\"status\":\"busy\","
            + "\"activity\":\"in_a_call\",\"since\":\"2026-11-22T09:00:00Z\",\"source\":\"teams-log\","
            + "\"teams_running\":true,\"in_call\":true,\"override_until\":null,"
            + "\"unread\":2,\"camera\":true,\"mic\":true}";

    private static Presence example() {
        return new Presence(
                "alice",
                Status.BUSY,
                Activity.IN_A_CALL,
                Instant.parse("2026-11-22T09:00:00Z"),
                "teams-log",
                true,
                true,
                null,
                2,
                true,
                true,
                null);
    }

    @Test
    void encode_contractExample_writesExactlyTheContractJson() {
        assertThat(new String(PresenceCodec.encode(example()), StandardCharsets.UTF_8))
                .isEqualTo(CONTRACT_EXAMPLE);
    }

    @Test
    void decode_contractExample_readsEveryField() throws PayloadException {
        assertThat(PresenceCodec.decode(bytes(CONTRACT_EXAMPLE))).isEqualTo(example());
    }

    @Test
    void encode_randomPresences_passTheSchemaAndRoundTrip() throws PayloadException {
        Random random = new Random(42);
        Boolean[] tristate = {null, true, false};
        for (int i = 0; i < 500; i++) {
            Presence p = new Presence(
                    "p" + random.nextInt(1000) + "_x-" + i,
                    Status.values()[random.nextInt(Status.values().length)],
                    Activity.values()[random.nextInt(Activity.values().length)],
                    Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)),
                    random.nextBoolean() ? "teams-log" : "override",
                    tristate[random.nextInt(3)],
                    tristate[random.nextInt(3)],
                    random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L)),
                    random.nextBoolean() ? null : random.nextInt(0, Integer.MAX_VALUE),
                    tristate[random.nextInt(3)],
                    tristate[random.nextInt(3)],
                    random.nextBoolean() ? null : "Ñame " + "é😀".repeat(random.nextInt(1, 21)));
            byte[] json = PresenceCodec.encode(p);
            assertThat(PresenceSchema.validate(json))
                    .as(new String(json, StandardCharsets.UTF_8))
                    .isEmpty();
            assertThat(json.length).isLessThanOrEqualTo(PresenceCodec.MAX_BYTES);
            assertThat(PresenceCodec.decode(json)).isEqualTo(p);
        }
    }

    @Test
    void decode_unknownExtraFields_areIgnored() throws PayloadException {
        String json = CONTRACT_EXAMPLE.replace("}", ",\"battery\":93,\"nested\":{\"a\":[1,2]}}");
        assertThat(PresenceSchema.validate(bytes(json))).isEmpty();
        assertThat(PresenceCodec.decode(bytes(json))).isEqualTo(example());
    }

    @Test
    void decode_optionalFieldsAbsent_areNull() throws PayloadException {
        String json = "{\"v\":1,\"person\":\"bob\",\"status\":\"away\",\"activity\":\"away\","
                + "\"since\":\"2026-11-22T09:00:00.250Z\",\"source\":\"manual\"}";
        assertThat(PresenceSchema.validate(bytes(json))).isEmpty();
        Presence p = PresenceCodec.decode(bytes(json));
        assertThat(p.teamsRunning()).isNull();
        assertThat(p.inCall()).isNull();
        assertThat(p.overrideUntil()).isNull();
        assertThat(p.unread()).isNull();
        assertThat(p.camera()).isNull();
        assertThat(p.mic()).isNull();
        assertThat(p.name()).isNull();
        assertThat(p.since()).isEqualTo(Instant.parse("2026-11-22T09:00:00.250Z"));
    }

    @Test
    void name_isWrittenAfterTheOtherFields_readBack_andValidAgainstTheSchema() throws PayloadException {
        Presence named = example().withName("Alice <b>Smith</b> 😀");
        String json = new String(PresenceCodec.encode(named), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(CONTRACT_EXAMPLE.replace("}", ",\"name\":\"Alice <b>Smith</b> \\uD83D\\uDE00\"}"));
        assertThat(PresenceSchema.validate(bytes(json))).isEmpty();
        assertThat(PresenceCodec.decode(bytes(json))).isEqualTo(named);
        assertThat(PresenceCodec.decode(bytes(json)).name()).isEqualTo("Alice <b>Smith</b> 😀");
        // The longest name, in characters written as surrogate-pair escapes, beside every other field at its
        // longest, stays under the size cap.
        Presence longest = new Presence(
                "p".repeat(32),
                Status.DO_NOT_DISTURB,
                Activity.DO_NOT_DISTURB,
                Instant.parse("2026-11-22T09:00:00.123456789Z"),
                "s".repeat(32),
                false,
                false,
                Instant.parse("2026-11-22T09:00:00.123456789Z"),
                Integer.MAX_VALUE,
                false,
                false,
                "😀".repeat(Presence.MAX_NAME));
        assertThat(PresenceCodec.encode(longest).length).isLessThanOrEqualTo(PresenceCodec.MAX_BYTES);
        assertThat(PresenceCodec.decode(PresenceCodec.encode(longest))).isEqualTo(longest);
    }

    @Test
    void name_nullOnTheWire_isNoName() throws PayloadException {
        String json = CONTRACT_EXAMPLE.replace("}", ",\"name\":null}");
        assertThat(PresenceSchema.validate(bytes(json))).isEmpty();
        assertThat(PresenceCodec.decode(bytes(json))).isEqualTo(example());
    }

    @Test
    void name_outOfBounds_isRefusedByTheRecord() {
        assertThatThrownBy(() -> example().withName("x".repeat(Presence.MAX_NAME + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 48 characters");
        assertThatThrownBy(() -> example().withName("Alice\nSmith"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> example().withName("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameStateAs_newFields_countAsAChange() {
        Presence p = example();
        assertThat(p.sameStateAs(new Presence(
                        p.person(),
                        p.status(),
                        p.activity(),
                        p.since(),
                        p.source(),
                        p.teamsRunning(),
                        p.inCall(),
                        p.overrideUntil(),
                        3,
                        true,
                        true,
                        null)))
                .isFalse();
        assertThat(p.sameStateAs(new Presence(
                        p.person(),
                        p.status(),
                        p.activity(),
                        p.since(),
                        p.source(),
                        p.teamsRunning(),
                        p.inCall(),
                        p.overrideUntil(),
                        2,
                        false,
                        true,
                        null)))
                .isFalse();
        assertThat(p.sameStateAs(p.withName("Alice"))).isFalse();
        assertThat(p.sameStateAs(
                        p.withStatus(p.status(), p.activity(), p.since().plusSeconds(5))))
                .isTrue();
    }

    static Stream<Arguments> invalidPayloads() {
        return Stream.of(
                Arguments.of(CONTRACT_EXAMPLE.replace("\"unread\":2", "\"unread\":\"2\""), Reason.WRONG_TYPE, "unread"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"unread\":2", "\"unread\":-1"), Reason.WRONG_TYPE, "unread"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"camera\":true", "\"camera\":1"), Reason.WRONG_TYPE, "camera"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"mic\":true", "\"mic\":\"on\""), Reason.WRONG_TYPE, "mic"),
                Arguments.of(CONTRACT_EXAMPLE.replace("}", ",\"name\":7}"), Reason.WRONG_TYPE, "name"),
                Arguments.of(CONTRACT_EXAMPLE.replace("}", ",\"name\":\"\"}"), Reason.INVALID_VALUE, "name"),
                Arguments.of(CONTRACT_EXAMPLE.replace("}", ",\"name\":\"   \"}"), Reason.INVALID_VALUE, "name"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("}", ",\"name\":\"" + "n".repeat(49) + "\"}"),
                        Reason.INVALID_VALUE,
                        "name"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("}", ",\"name\":\"Alice\\u0007\"}"), Reason.INVALID_VALUE, "name"),
                Arguments.of("not json", Reason.NOT_JSON, null),
                Arguments.of("{\"v\":1,", Reason.NOT_JSON, null),
                Arguments.of("[1,2]", Reason.NOT_AN_OBJECT, null),
                Arguments.of("\"busy\"", Reason.NOT_AN_OBJECT, null),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"v\":1,", ""), Reason.MISSING_FIELD, "v"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"person\":\"alice\",", ""), Reason.MISSING_FIELD, "person"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"status\":\"busy\",", ""), Reason.MISSING_FIELD, "status"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"activity\":\"in_a_call\",", ""), Reason.MISSING_FIELD, "activity"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"since\":\"2026-11-22T09:00:00Z\",", ""),
                        Reason.MISSING_FIELD,
                        "since"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"source\":\"teams-log\",", ""), Reason.MISSING_FIELD, "source"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"v\":1", "\"v\":2"), Reason.UNKNOWN_VALUE, "v"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"v\":1", "\"v\":\"1\""), Reason.WRONG_TYPE, "v"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"busy\"", "\"on_fire\""), Reason.UNKNOWN_VALUE, "status"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"busy\"", "\"Busy\""), Reason.UNKNOWN_VALUE, "status"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"busy\"", "7"), Reason.WRONG_TYPE, "status"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"in_a_call\"", "\"napping\""), Reason.UNKNOWN_VALUE, "activity"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"alice\"", "\"Alice Smith\""), Reason.INVALID_VALUE, "person"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"alice\"", "null"), Reason.WRONG_TYPE, "person"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("2026-11-22T09:00:00Z", "2026-11-22T10:00:00+01:00"),
                        Reason.INVALID_VALUE,
                        "since"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("2026-11-22T09:00:00Z", "yesterday"), Reason.INVALID_VALUE, "since"),
                Arguments.of(CONTRACT_EXAMPLE.replace("\"teams-log\"", "\"\""), Reason.INVALID_VALUE, "source"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"teams-log\"", "\"" + "x".repeat(33) + "\""),
                        Reason.INVALID_VALUE,
                        "source"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"teams_running\":true", "\"teams_running\":\"yes\""),
                        Reason.WRONG_TYPE,
                        "teams_running"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"in_call\":true", "\"in_call\":1"), Reason.WRONG_TYPE, "in_call"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("\"override_until\":null", "\"override_until\":5"),
                        Reason.WRONG_TYPE,
                        "override_until"),
                Arguments.of(
                        CONTRACT_EXAMPLE.replace("}", ",\"pad\":\"" + "x".repeat(1024) + "\"}"),
                        Reason.TOO_LARGE,
                        null));
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("invalidPayloads")
    void decode_invalidPayload_isATypedErrorNamingTheField(String json, Reason reason, String field) {
        assertThatThrownBy(() -> PresenceCodec.decode(bytes(json)))
                .isInstanceOfSatisfying(PayloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("invalidPayloads")
    void schema_agreesWithTheCodec_onEveryInvalidPayload(String json, Reason reason, String field) {
        if (reason == Reason.NOT_JSON) {
            return; // the schema validator only sees parsed JSON
        }
        if (reason == Reason.TOO_LARGE) {
            // Size is a contract rule outside the schema: the oversized document is otherwise valid.
            assertThat(PresenceSchema.validate(bytes(json))).isEmpty();
            return;
        }
        assertThat(PresenceSchema.validate(bytes(json))).as(json).isNotEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
