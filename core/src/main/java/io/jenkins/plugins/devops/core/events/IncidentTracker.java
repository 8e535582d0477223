package io.jenkins.plugins.devops.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which service and environment is in a failed state, so that each deployment's events can say when an incident was
 * detected and when it was resolved. The rules are those of the DORA calculator ({@code docs/dora.md}, "Failed
 * state"), so the recovery times a consumer computes from {@code incident.detected} / {@code incident.resolved}
 * pairs equal the ledger's failed deployment recovery time:
 *
 * <ul>
 *   <li>a deployment that failed and stayed ({@code FAILED}) opens an incident at its finish;
 *   <li>one the engine rolled back itself ({@code FAILED_ROLLED_BACK}, {@code ABORTED}) is an incident from its start
 *       to its finish (detected and resolved at once);
 *   <li>a manual rollback within 24 h of a successful deployment makes that deployment an incident from its finish;
 *   <li>the next successful deployment or rollback resolves the open incident; while one is open, later failures
 *       belong to it.
 * </ul>
 *
 * <p>The state (a few ids per service) is kept in a small JSON file beside the outboxes, replaced atomically after
 * each deployment, so a short-lived {@code devops deploy} and the next one agree. Deployments of one service and
 * environment must be given in finish order.
 */
public final class IncidentTracker {
    /** As {@code DoraSettings.defaults().rollbackCountsWithin()}. */
    static final Duration ROLLBACK_COUNTS_WITHIN = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, SeriesState> states = new LinkedHashMap<>();

    private static final class SeriesState {
        String openIncident = "";
        String lastSuccessfulDeploy = "";
        long lastSuccessfulFinish;
    }

    private IncidentTracker(Path file) {
        this.file = file;
    }

    /** The tracker whose state lives in {@code file} (created on first save); a damaged file starts afresh. */
    public static IncidentTracker open(Path file) throws IOException {
        IncidentTracker tracker = new IncidentTracker(file);
        if (Files.isRegularFile(file)) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (IOException e) {
                return tracker; // a torn write: the worst case is one incident event too few
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                SeriesState s = new SeriesState();
                s.openIncident = e.getValue().path("openIncident").asText("");
                s.lastSuccessfulDeploy =
                        e.getValue().path("lastSuccessfulDeploy").asText("");
                s.lastSuccessfulFinish =
                        e.getValue().path("lastSuccessfulFinish").asLong();
                tracker.states.put(e.getKey(), s);
            }
        }
        return tracker;
    }

    /** The incidents {@code record} opens or resolves, updating (and saving) the state. */
    public synchronized List<IncidentChange> next(DeploymentRecord record) throws IOException {
        SeriesState s = states.computeIfAbsent(record.service() + "/" + record.environment(), k -> new SeriesState());
        List<IncidentChange> changes = new ArrayList<>();
        Outcome outcome = record.outcome();
        long finished = record.finishedAt().getEpochSecond();
        if (record.kind() == DeploymentKind.ROLLBACK) {
            boolean recent = !s.lastSuccessfulDeploy.isEmpty()
                    && finished - s.lastSuccessfulFinish <= ROLLBACK_COUNTS_WITHIN.toSeconds();
            if (recent && s.openIncident.isEmpty()) {
                // rolled back by hand soon after: that deployment was bad from its finish
                changes.add(
                        IncidentChange.detected(s.lastSuccessfulDeploy, Instant.ofEpochSecond(s.lastSuccessfulFinish)));
                s.openIncident = s.lastSuccessfulDeploy;
            }
            s.lastSuccessfulDeploy = "";
        } else if (outcome == Outcome.FAILED_ROLLED_BACK || outcome == Outcome.ABORTED) {
            if (s.openIncident.isEmpty()) {
                changes.add(IncidentChange.detected(record.deploymentId(), record.startedAt()));
                changes.add(IncidentChange.resolved(record.deploymentId(), record.finishedAt()));
            }
            s.lastSuccessfulDeploy = "";
        } else if (outcome == Outcome.FAILED) {
            if (s.openIncident.isEmpty()) {
                changes.add(IncidentChange.detected(record.deploymentId(), record.finishedAt()));
                s.openIncident = record.deploymentId();
            }
            s.lastSuccessfulDeploy = "";
        }
        if (outcome == Outcome.SUCCEEDED) {
            if (!s.openIncident.isEmpty()) {
                changes.add(IncidentChange.resolved(s.openIncident, record.finishedAt()));
                s.openIncident = "";
            }
            if (record.kind() == DeploymentKind.DEPLOY) {
                s.lastSuccessfulDeploy = record.deploymentId();
                s.lastSuccessfulFinish = finished;
            }
        }
        save();
        return changes;
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        states.forEach((key, s) -> root.putObject(key)
                .put("openIncident", s.openIncident)
                .put("lastSuccessfulDeploy", s.lastSuccessfulDeploy)
                .put("lastSuccessfulFinish", s.lastSuccessfulFinish));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
