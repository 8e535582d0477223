package io.jenkins.plugins.devops.core.dora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * DORA figures from an event stream instead of the ledger: the JSONL file that the JSONL sink writes (one CloudEvent
 * in structured JSON per line), as a consumer downstream of the events would compute them.
 *
 * <pre>{@code
 * EventStreamDora stream = EventStreamDora.read(Path.of("devops-events.jsonl"));
 * DoraSummary summary = new DoraCalculator(DoraSettings.defaults()).calculate(stream.index(), Instant.now());
 * stream.recoveryTimeFromIncidents(from, to); // the same median from incident.detected / incident.resolved pairs
 * }</pre>
 *
 * <p>Each {@code io.jenkins.devops.deployment.completed} event becomes a ledger entry (deployments, commits, outcome,
 * declared rework), so the figures are the ledger's (a test holds them equal). Delivery is at least once: events
 * with an id already seen are skipped. Other events are ignored, except the CDEvents
 * {@code incident.detected} / {@code incident.resolved}, paired by subject id, which give the failed deployment
 * recovery times on their own.
 */
public final class EventStreamDora {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLETED = "io.jenkins.devops.deployment.completed";
    private static final String DETECTED = "dev.cdevents.incident.detected.";
    private static final String RESOLVED = "dev.cdevents.incident.resolved.";

    private final LedgerIndex index;
    private final List<LedgerEntry> entries;
    private final List<Incident> incidents;

    /** One incident: when it was detected and, if it was, resolved. */
    public record Incident(String id, Instant detected, Optional<Instant> resolved) {}

    private EventStreamDora(List<LedgerEntry> entries, List<Incident> incidents) {
        this.entries = List.copyOf(entries);
        this.incidents = List.copyOf(incidents);
        this.index = new LedgerIndex();
        this.entries.forEach(index::add);
    }

    /** Reads the stream; a line that is not JSON stops with its line number. */
    public static EventStreamDora read(Path jsonl) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        Map<String, Instant> detected = new HashMap<>();
        Map<String, Instant> resolved = new HashMap<>();
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode event;
                try {
                    event = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(jsonl + " line " + lineNo + " is not a JSON event: "
                            + e.getMessage().lines().findFirst().orElse("")
                            + "; give the file the JSONL event sink writes");
                }
                if (!seen.add(event.path("id").asText())) {
                    continue; // delivered twice
                }
                String type = event.path("type").asText();
                JsonNode data = event.path("data");
                String where = jsonl + " line " + lineNo + ": ";
                if (type.equals(COMPLETED)) {
                    entries.add(entry(data, where));
                } else if (type.startsWith(DETECTED) || type.startsWith(RESOLVED)) {
                    String incident = data.path("subject").path("id").asText();
                    Instant at = instant(data.path("context").path("timestamp").asText(), where);
                    if (type.startsWith(DETECTED)) {
                        if (detected.putIfAbsent(incident, at) == null) {
                            order.add(incident);
                        }
                    } else {
                        resolved.putIfAbsent(incident, at);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("event file " + jsonl + " does not exist; check the path");
        }
        List<Incident> incidents = new ArrayList<>();
        for (String id : order) {
            incidents.add(new Incident(id, detected.get(id), Optional.ofNullable(resolved.get(id))));
        }
        return new EventStreamDora(entries, incidents);
    }

    /** The deployments and rollbacks of the stream as ledger columns, for {@link DoraCalculator}. */
    public LedgerIndex index() {
        return index;
    }

    /** The deployments and rollbacks, in stream order. */
    public List<LedgerEntry> entries() {
        return entries;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    /**
     * The failed deployment recovery time from the incident events alone: the median of {@code resolved − detected}
     * over the incidents detected in {@code (from, to]} and resolved by {@code to} (the calculator's rule).
     */
    public Optional<Duration> recoveryTimeFromIncidents(Instant from, Instant to) {
        int[] times = new int[incidents.size()];
        int n = 0;
        for (Incident incident : incidents) {
            if (incident.detected().isAfter(from)
                    && incident.resolved().isPresent()
                    && !incident.resolved().get().isAfter(to)) {
                long seconds = incident.resolved().get().getEpochSecond()
                        - incident.detected().getEpochSecond();
                times[n++] = (int) Math.min(Integer.MAX_VALUE, seconds);
            }
        }
        Arrays.sort(times, 0, n);
        OptionalLong median = SortedRuns.median(List.of(new SortedRuns.Run(times, n)));
        return median.isPresent() ? Optional.of(Duration.ofSeconds(median.getAsLong())) : Optional.empty();
    }

    private static LedgerEntry entry(JsonNode data, String where) {
        List<Commit> commits = new ArrayList<>();
        for (JsonNode c : data.path("commits")) {
            commits.add(
                    new Commit(c.path("sha").asText(""), instant(c.path("time").asText(), where)));
        }
        String outcome = data.path("outcome").asText("").toUpperCase(Locale.ROOT);
        String kind = data.path("kind").asText("").toUpperCase(Locale.ROOT);
        Instant finished = instant(data.path("finished_at").asText(), where);
        try {
            return new LedgerEntry(
                    data.path("deployment_id").asText(null),
                    DeploymentKind.valueOf(kind),
                    data.path("service").asText(null),
                    data.path("environment").asText(null),
                    data.path("version").asText(""),
                    data.path("previous_version").asText(""),
                    data.path("artifact").asText(""),
                    Outcome.valueOf(outcome),
                    instant(data.path("started_at").asText(), where),
                    finished,
                    commits,
                    data.path("strategy").asText(""),
                    "",
                    outcome.equals("FAILED_ROLLED_BACK") || outcome.equals("ABORTED")
                            ? Optional.of(finished)
                            : Optional.empty(),
                    data.path("rework").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "deployment.completed event without a valid kind, outcome,"
                    + " service or environment: " + e.getMessage());
        }
    }

    private static Instant instant(String text, String where) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "'" + text + "' is not an RFC 3339 time");
        }
    }
}
