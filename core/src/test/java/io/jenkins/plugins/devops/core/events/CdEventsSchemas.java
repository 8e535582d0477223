package io.jenkins.plugins.devops.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The CDEvents 0.5.1 JSON schemas from test resources, with their {@code links/...} references resolved locally. */
final class CdEventsSchemas {
    private static final String BASE = "https://cdevents.dev/0.5.1/schema/";
    private static final Map<String, String> FILES = Map.of(
            DeploymentEvents.SERVICE_DEPLOYED, "servicedeployed",
            DeploymentEvents.SERVICE_UPGRADED, "serviceupgraded",
            DeploymentEvents.SERVICE_ROLLEDBACK, "servicerolledback",
            DeploymentEvents.INCIDENT_DETECTED, "incidentdetected");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.schemas(CdEventsSchemas::load)));

    private CdEventsSchemas() {}

    private static String load(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        String file = iri.substring(BASE.length()); // only links/... are referenced by the event schemas
        try (InputStream in = CdEventsSchemas.class.getResourceAsStream("/cdevents/0.5.1/" + file + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code event} against the schema of its type (which must be one this plugin emits). */
    static Set<ValidationMessage> validate(JsonNode event) {
        String type = event.path("context").path("type").asText();
        String file = FILES.get(type);
        if (file == null) {
            throw new IllegalArgumentException("no schema for " + type);
        }
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:cdevents/0.5.1/" + file + ".json"));
        return schema.validate(event);
    }
}
