package io.jenkins.plugins.devops.core.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schemas of the workspace context, read once from this jar.
 *
 * <pre>{@code
 * List<String> problems = ContextSchemas.get().validate(ContextFile.TASK, json);
 * }</pre>
 *
 * <p>The schema text is read here, through this class's own class loader, and handed to the validator by IRI. The
 * validator's {@code classpath:} loader looks resources up through the thread context class loader, which inside
 * Jenkins is not this plugin's class loader (the schemas were not found there), so it must never be used for ours.
 */
public final class ContextSchemas {
    private static final String RESOURCE_DIRECTORY = "schemas/";
    private static final ContextSchemas INSTANCE = new ContextSchemas();

    private final Map<ContextFile, JsonSchema> schemas = new EnumMap<>(ContextFile.class);

    private ContextSchemas() {
        Map<String, String> textByIri = new HashMap<>();
        for (ContextFile file : ContextFile.values()) {
            textByIri.put(file.schemaUri(), read(file));
        }
        // Our IRIs resolve from memory first, so neither the class path nor the network is consulted for them.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(textByIri)));
        // Dates are part of the contract (readers sort tasks by them), so "format" is checked, not just noted.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (ContextFile file : ContextFile.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(file.schemaUri()), config);
            schema.initializeValidators();
            schemas.put(file, schema);
        }
    }

    private static String read(ContextFile file) {
        String resource = RESOURCE_DIRECTORY + file.schemaName();
        try (InputStream in = ContextSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is missing from the jar of "
                        + ContextSchemas.class.getName() + "; the build did not package core's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read schema " + resource, e);
        }
    }

    public static ContextSchemas get() {
        return INSTANCE;
    }

    /**
     * Validates a document against the schema of its kind.
     *
     * @return one line per problem ({@code $.steps[0].status: does not have a value in the enumeration ...}); empty
     *     when the document is valid
     */
    public List<String> validate(ContextFile kind, JsonNode document) {
        return schemas.get(kind).validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
