package io.jenkins.plugins.devops.core.checklist.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes a {@link Baseline} as JSON ({@code .devops/checklist-baseline.json} by convention), sorted by
 * item id so that it diffs well in review:
 *
 * <pre>{@code
 * {"schemaVersion": 1, "items": [
 *   {"id": "security.network-security", "status": "WARN", "score": 6,
 *    "evidence": ["k8s/web.yaml — Ingress/web: no TLS"]}]}
 * }</pre>
 */
public final class BaselineFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineFile() {}

    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChecklistInputException(file + ": cannot read the baseline ("
                    + e.getClass().getSimpleName() + "); check the path, or create it with --write-baseline " + file);
        }
        return parse(text, file.toString());
    }

    /** Parses baseline JSON; {@code source} names it in error messages. */
    public static Baseline parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ChecklistInputException(source + " line "
                    + e.getLocation().getLineNr() + ": not valid JSON; recreate the baseline with --write-baseline");
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new ChecklistInputException(
                    source + ": not a checklist baseline (no 'items' list); create one with" + " --write-baseline");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != Baseline.SCHEMA_VERSION) {
            throw new ChecklistInputException(source + ": baseline schemaVersion " + root.path("schemaVersion")
                    + " is not supported (expected " + Baseline.SCHEMA_VERSION + "); recreate it with"
                    + " --write-baseline");
        }
        List<Baseline.Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.path("items")) {
            String where = source + " items[" + index++ + "]";
            String id = item.path("id").asText("");
            String status = item.path("status").asText("").toUpperCase(Locale.ROOT);
            if (id.isEmpty()
                    || !(status.equals("WARN") || status.equals("FAIL"))
                    || !item.path("score").isInt()) {
                throw new ChecklistInputException(where + ": needs an 'id', a 'status' of WARN or FAIL and an integer"
                        + " 'score'; recreate the baseline with --write-baseline");
            }
            List<String> evidence = new ArrayList<>();
            item.path("evidence").forEach(e -> evidence.add(e.asText()));
            entries.add(new Baseline.Entry(
                    id, Status.valueOf(status), item.path("score").asInt(), evidence));
        }
        return new Baseline(entries);
    }

    public static String toJson(Baseline baseline) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", Baseline.SCHEMA_VERSION);
        ArrayNode items = root.putArray("items");
        for (Baseline.Entry entry : baseline.items()) {
            ObjectNode item = items.addObject();
            item.put("id", entry.id());
            item.put("status", entry.status().name());
            item.put("score", entry.score());
            ArrayNode evidence = item.putArray("evidence");
            entry.evidence().forEach(evidence::add);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a baseline", e);
        }
    }

    /** Writes the baseline, creating parent directories. */
    public static void write(Path file, Baseline baseline) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(baseline), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChecklistInputException("cannot write the baseline " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose a writable path");
        }
    }
}
