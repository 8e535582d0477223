package io.jenkins.plugins.devops.core.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns ledger entries into one JSON line and back.
 *
 * <p>Every line carries {@code "formatVersion"}. A newer plugin keeps a reader for every version it ever wrote
 * (the test {@code LedgerFormatCompatibilityTest} reads a stored file of each), ignores fields it does not know,
 * and refuses a version newer than itself with a message instead of guessing.
 */
final class LedgerEntryCodec {
    /**
     * The format this version writes. Version 1: the fields of {@link LedgerEntry} up to {@code rolledBackAt}, times
     * in ISO-8601 UTC. Version 2: version 1 plus {@code "rework": true} on a deployment declared as rework (absent
     * otherwise). A version 1 reader would drop the flag silently and count other rework rates, hence the new
     * version rather than an ignored field.
     */
    static final int FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerEntryCodec() {}

    static byte[] encode(LedgerEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("id", entry.id());
        node.put("kind", entry.kind().name());
        node.put("service", entry.service());
        node.put("environment", entry.environment());
        node.put("version", entry.version());
        node.put("previousVersion", entry.previousVersion());
        node.put("artifact", entry.artifact());
        node.put("outcome", entry.outcome().name());
        node.put("startedAt", entry.startedAt().toString());
        node.put("finishedAt", entry.finishedAt().toString());
        ArrayNode commits = node.putArray("commits");
        for (Commit commit : entry.commits()) {
            commits.addObject()
                    .put("sha", commit.sha())
                    .put("time", commit.time().toString());
        }
        node.put("strategy", entry.strategy());
        node.put("triggeredBy", entry.triggeredBy());
        entry.rolledBackAt().ifPresent(at -> node.put("rolledBackAt", at.toString()));
        if (entry.rework()) {
            node.put("rework", true);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode ledger entry " + entry.id(), e);
        }
    }

    static LedgerEntry decode(byte[] line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("ledger line is not JSON: " + e.getMessage());
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version == 1 || version == 2) {
            // version 1 lines have no rework field: every entry reads as not declared
            return decode(node, version == 2 && node.path("rework").asBoolean(false));
        }
        if (version > FORMAT_VERSION) {
            throw new IllegalArgumentException("ledger entry " + node.path("id").asText("?") + " has format version "
                    + version + ", newer than this version understands (" + FORMAT_VERSION
                    + "); upgrade the DevOps Orchestrator plugin or CLI");
        }
        throw new IllegalArgumentException("ledger line has no valid formatVersion: " + node.toString());
    }

    private static LedgerEntry decode(JsonNode node, boolean rework) {
        List<Commit> commits = new ArrayList<>();
        for (JsonNode commit : node.path("commits")) {
            commits.add(new Commit(commit.path("sha").asText(""), instant(commit, "time")));
        }
        return new LedgerEntry(
                node.path("id").asText(null),
                named(DeploymentKind.class, node, "kind"),
                node.path("service").asText(null),
                node.path("environment").asText(null),
                node.path("version").asText(""),
                node.path("previousVersion").asText(""),
                node.path("artifact").asText(""),
                named(Outcome.class, node, "outcome"),
                instant(node, "startedAt"),
                instant(node, "finishedAt"),
                commits,
                node.path("strategy").asText(""),
                node.path("triggeredBy").asText(""),
                node.hasNonNull("rolledBackAt") ? Optional.of(instant(node, "rolledBackAt")) : Optional.empty(),
                rework);
    }

    private static <E extends Enum<E>> E named(Class<E> type, JsonNode node, String field) {
        String value = node.path(field).asText("");
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger entry " + node.path("id").asText("?") + ": unknown " + field
                    + " '" + value + "'; expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(node.path(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ledger field " + field + " is not an ISO-8601 instant: "
                    + node.path(field).asText());
        }
    }
}
