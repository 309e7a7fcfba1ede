package dev.onair.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onair.protocol.PayloadException;
import dev.onair.protocol.PayloadException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Strict reading of contract payloads: every failure becomes a {@link PayloadException} that names the field and the
 * rule, never an unchecked exception. Payloads are small (1 KiB), so a tree is read and checked field by field.
 */
public final class StrictJson {
    /** OnAir payloads nest two levels (an object in an object); 16 leaves room for a peer's extra fields and still stops a nesting attack long before it costs memory or stack. */
    private static final int MAX_NESTING = 16;

    /** One mapper for every node: exact output, strict input, bounded parsing. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(64)
                            .maxStringLength(64 * 1024)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    /** Reads {@code payload} as one JSON object of at most {@code maxBytes} bytes. */
    public static ObjectNode readObject(byte[] payload, int maxBytes) throws PayloadException {
        if (payload.length > maxBytes) {
            throw new PayloadException(
                    Reason.TOO_LARGE, null, "payload is " + payload.length + " bytes, over the limit of " + maxBytes);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PayloadException(Reason.NOT_JSON, null, "payload is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PayloadException(Reason.NOT_JSON, null, "payload is not JSON: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new PayloadException(Reason.NOT_JSON, null, "payload is empty");
        }
        if (!node.isObject()) {
            throw new PayloadException(
                    Reason.NOT_AN_OBJECT, null, "payload is a JSON " + kind(node) + ", not an object");
        }
        return (ObjectNode) node;
    }

    public static JsonNode required(ObjectNode object, String field) throws PayloadException {
        JsonNode value = object.get(field);
        if (value == null) {
            throw new PayloadException(Reason.MISSING_FIELD, field, "required field '" + field + "' is missing");
        }
        return value;
    }

    public static String requiredText(ObjectNode object, String field) throws PayloadException {
        JsonNode value = required(object, field);
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.textValue();
    }

    public static Optional<String> optionalText(ObjectNode object, String field) throws PayloadException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string or null", value);
        }
        return Optional.of(value.textValue());
    }

    public static int requiredInt(ObjectNode object, String field) throws PayloadException {
        return intValue(field, required(object, field));
    }

    public static Optional<Integer> optionalInt(ObjectNode object, String field) throws PayloadException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(intValue(field, value));
    }

    /** A boolean that may be absent or null (the contract's "bool or null"). */
    public static Boolean nullableBoolean(ObjectNode object, String field) throws PayloadException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "true, false or null", value);
        }
        return value.booleanValue();
    }

    /** Parses a wire word through {@code lookup} (which returns null for an unknown word). */
    public static <T> T enumValue(String field, String word, Function<String, T> lookup) throws PayloadException {
        T value = lookup.apply(word);
        if (value == null) {
            throw new PayloadException(
                    Reason.UNKNOWN_VALUE, field, "field '" + field + "' has unknown value '" + abbreviate(word) + "'");
        }
        return value;
    }

    public static Instant instant(String field, String text, boolean requireUtc) throws PayloadException {
        if (requireUtc && !text.endsWith("Z")) {
            throw invalid(field, "'" + abbreviate(text) + "' is not a UTC instant ending in Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + abbreviate(text) + "' is not an ISO-8601 instant");
        }
    }

    public static Duration duration(String field, String text) throws PayloadException {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                throw invalid(field, "'" + abbreviate(text) + "' must be a positive duration");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + abbreviate(text) + "' is not an ISO-8601 duration such as PT30M");
        }
    }

    public static PayloadException invalid(String field, String detail) {
        return new PayloadException(Reason.INVALID_VALUE, field, "field '" + field + "': " + detail);
    }

    public static PayloadException wrongType(String field, String expected, JsonNode actual) {
        return new PayloadException(
                Reason.WRONG_TYPE, field, "field '" + field + "' must be " + expected + ", not " + kind(actual));
    }

    private static int intValue(String field, JsonNode value) throws PayloadException {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, "an integer", value);
        }
        return value.intValue();
    }

    /** Keeps hostile values from flooding the log. */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> "number";
            case OBJECT -> "object";
            case STRING -> "string";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
