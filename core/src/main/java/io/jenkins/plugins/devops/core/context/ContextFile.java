package io.jenkins.plugins.devops.core.context;

/** The four kinds of file in {@code ai-state/active/devops/}, each with its JSON schema. */
public enum ContextFile {
    PIPELINES("pipelines.schema.json"),
    INFRASTRUCTURE("infrastructure.schema.json"),
    MONITORING("monitoring.schema.json"),
    TASK("task.schema.json");

    /** Where the context lives, relative to the workspace root. */
    public static final String DIRECTORY = "ai-state/active/devops";

    /** Base of every schema's {@code $id}; resolved from the schemas in this jar so validation never goes to the network. */
    public static final String SCHEMA_BASE_URI = "https://jenkins.io/schemas/devops-orchestrator/";

    private final String schemaName;

    ContextFile(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }

    public String schemaUri() {
        return SCHEMA_BASE_URI + schemaName;
    }
}
