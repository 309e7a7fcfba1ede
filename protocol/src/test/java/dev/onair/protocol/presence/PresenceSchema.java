package dev.onair.protocol.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.onair.protocol.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The contract's JSON Schema (docs/CONTRACT.md section 3), loaded from the contract jar with format assertions on. */
final class PresenceSchema {
    private static final JsonSchema SCHEMA = load();

    private PresenceSchema() {}

    static Set<ValidationMessage> validate(byte[] json) {
        try {
            JsonNode node = StrictJson.MAPPER.readTree(json);
            return SCHEMA.validate(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = PresenceSchema.class.getResourceAsStream("/dev/onair/protocol/presence.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("presence.schema.json is missing from the contract jar");
            }
            ObjectNode node = (ObjectNode) StrictJson.MAPPER.readTree(in);
            // The validator refuses the relative $id "onair/presence/v1" as a base IRI. It only names the schema,
            // so it is dropped; every rule of the schema is used as written.
            node.remove("$id");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(node, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
