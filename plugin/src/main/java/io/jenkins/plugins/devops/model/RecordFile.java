package io.jenkins.plugins.devops.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full record of one deployment, kept as JSON in its own file in the build directory so that build.xml only
 * holds a summary (the plugin-util-api BuildAction idea). Records contain no secrets (core guarantees it).
 */
public final class RecordFile {
    // No default typing: only the record types below are ever read.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RecordFile() {}

    public static void write(Path file, DeploymentRecord record) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), record);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static DeploymentRecord read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), DeploymentRecord.class);
    }
}
