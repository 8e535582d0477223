package io.jenkins.plugins.devops.core.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schemas of the workspace context, loaded once from the classpath.
 *
 * <pre>{@code
 * List<String> problems = ContextSchemas.get().validate(ContextFile.TASK, json);
 * }</pre>
 */
public final class ContextSchemas {
    private static final String CLASSPATH_BASE = "classpath:io/jenkins/plugins/devops/core/context/schemas/";
    private static final ContextSchemas INSTANCE = new ContextSchemas();

    private final Map<ContextFile, JsonSchema> schemas = new EnumMap<>(ContextFile.class);

    private ContextSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(
                        mappers -> mappers.mapPrefix(ContextFile.SCHEMA_BASE_URI, CLASSPATH_BASE)));
        // Dates are part of the contract (readers sort tasks by them), so "format" is checked, not just noted.
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (ContextFile file : ContextFile.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(file.schemaUri()), config);
            schema.initializeValidators();
            schemas.put(file, schema);
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
