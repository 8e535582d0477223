package io.jenkins.plugins.devops.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The CDEvents 0.5.1 JSON schemas, read from the project's shared reference folder ({@code ../shared/cdevents-0.5.1}
 * beside the repository, or {@code -Dcdevents.schemas=DIR}), with their {@code links/...} references resolved there.
 * The spec's files are not copied into this repository.
 */
final class CdEventsSchemas {
    private static final String BASE = "https://cdevents.dev/0.5.1/schema/";
    private static final Map<String, String> FILES = Map.of(
            DeploymentEvents.SERVICE_DEPLOYED, "servicedeployed",
            DeploymentEvents.SERVICE_UPGRADED, "serviceupgraded",
            DeploymentEvents.SERVICE_ROLLEDBACK, "servicerolledback",
            DeploymentEvents.INCIDENT_DETECTED, "incidentdetected",
            DeploymentEvents.INCIDENT_RESOLVED, "incidentresolved");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.schemas(CdEventsSchemas::load)));

    /**
     * {@code format} is only an annotation by default in draft 2020-12: without assertions a timestamp like
     * {@code 2026-11-02T10:06Z} (no seconds, not RFC 3339) passed. Consumers that validate formats reject it.
     */
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private CdEventsSchemas() {}

    /** The folder holding the CDEvents 0.5.1 schemas; fails with a hint when it cannot be found. */
    static Path directory() {
        String configured = System.getProperty("cdevents.schemas");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("cdevents-0.5.1");
            if (Files.isRegularFile(candidate.resolve("servicedeployed.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("The CDEvents 0.5.1 schemas were not found: expected shared/cdevents-0.5.1"
                + " beside the repository (the project's shared reference folder); or run the tests with"
                + " -Dcdevents.schemas=/path/to/cdevents-0.5.1");
    }

    private static String load(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        String file = iri.substring(BASE.length()); // the event schemas reference links/... only
        return read(directory().resolve(file + ".json"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the shared folder has the schema of {@code type} (the artifact events' schemas are not there). */
    static boolean covers(String type) {
        return FILES.containsKey(type);
    }

    /** The violations of {@code event} against the schema of its type (which must be one this plugin emits). */
    static Set<ValidationMessage> validate(JsonNode event) {
        String type = event.path("context").path("type").asText();
        String file = FILES.get(type);
        if (file == null) {
            throw new IllegalArgumentException("no schema for " + type);
        }
        JsonSchema schema = FACTORY.getSchema(read(directory().resolve(file + ".json")), CONFIG);
        return schema.validate(event);
    }
}
