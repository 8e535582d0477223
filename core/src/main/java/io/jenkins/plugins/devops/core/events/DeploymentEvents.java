package io.jenkins.plugins.devops.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.Measurement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The CloudEvents a finished deployment produces: always {@code deployment.completed}, plus the CDEvents (spec
 * {@value #CDEVENTS_SPEC_VERSION}) that describe it.
 *
 * <ul>
 *   <li>{@code dev.cdevents.service.deployed.0.3.0}: a successful first install (no previous version);
 *   <li>{@code dev.cdevents.service.upgraded.0.3.0}: a successful deployment of a new version;
 *   <li>{@code dev.cdevents.service.rolledback.0.3.0}: a successful manual rollback, or a deployment the engine
 *       rolled back (failed and rolled back, or aborted);
 *   <li>{@code dev.cdevents.incident.detected.0.3.0}: a deployment that failed (rolled back automatically or not).
 * </ul>
 *
 * <p>With {@link EventFacts} from an {@link IncidentTracker} (what {@link EventPublisher} uses when built with
 * {@code consumerEvents()}), the incidents follow the DORA failed-state rules instead, including
 * {@code dev.cdevents.incident.resolved.0.3.0} when the service recovers, and a forward deployment also produces
 * {@code dev.cdevents.artifact.packaged.0.3.0} (when it ships commits) and {@code dev.cdevents.artifact.published.0.3.0}
 * whose subject id is the same package URL the {@code service.*} events carry as {@code artifactId}. Every CDEvent of
 * one deployment shares a {@code context.chainId}; the incident events carry the chain of the deployment that caused
 * the incident.
 *
 * <p>Event ids are name-based UUIDs of the deployment id and the event type: the same deployment always gives the
 * same ids, so a receiver can drop the duplicates that at-least-once delivery may bring.
 *
 * <pre>{@code
 * List<CloudEvent> events = new DeploymentEvents(URI.create("https://jenkins.example.com/job/shop/42/")).of(record);
 * }</pre>
 */
public final class DeploymentEvents {
    /** The CDEvents specification version of the events emitted. */
    public static final String CDEVENTS_SPEC_VERSION = "0.5.1";
    /** The CloudEvents type of {@code deployment.completed}, namespaced as CloudEvents recommends. */
    public static final String DEPLOYMENT_COMPLETED = "io.jenkins.devops.deployment.completed";

    public static final String SERVICE_DEPLOYED = "dev.cdevents.service.deployed.0.3.0";
    public static final String SERVICE_UPGRADED = "dev.cdevents.service.upgraded.0.3.0";
    public static final String SERVICE_ROLLEDBACK = "dev.cdevents.service.rolledback.0.3.0";
    public static final String INCIDENT_DETECTED = "dev.cdevents.incident.detected.0.3.0";
    public static final String INCIDENT_RESOLVED = "dev.cdevents.incident.resolved.0.3.0";
    public static final String ARTIFACT_PACKAGED = "dev.cdevents.artifact.packaged.0.3.0";
    public static final String ARTIFACT_PUBLISHED = "dev.cdevents.artifact.published.0.3.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESPONSE_TIME = Pattern.compile("(?i).*(response.?time|latency|duration).*");
    private static final Pattern ERROR_RATE = Pattern.compile("(?i).*error.?rate.*");
    private static final Pattern SUCCESS_RATE = Pattern.compile("(?i).*success.?rate.*");

    private final URI source;

    /** @param source the CloudEvents {@code source} of every event, e.g. the Jenkins job URL */
    public DeploymentEvents(URI source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The events of one finished deployment or rollback, {@code deployment.completed} first. */
    public List<CloudEvent> of(DeploymentRecord record) {
        return of(record, EventFacts.fromRecordAlone(record));
    }

    /** The events of one finished deployment or rollback with what is known beyond the record. */
    public List<CloudEvent> of(DeploymentRecord record, EventFacts facts) {
        check(record);
        List<CloudEvent> events = new ArrayList<>();
        ObjectNode completed = deploymentCompleted(record);
        if (facts.rework()) {
            completed.put("rework", true);
        }
        events.add(cloudEvent(record, DEPLOYMENT_COMPLETED, subjectId(record), bytes(completed)));
        boolean rollback = record.kind() == DeploymentKind.ROLLBACK;
        Outcome outcome = record.outcome();
        String artifact = PackageUrl.of(record.artifact(), record.service(), record.version());
        if (facts.artifacts() && !rollback && !record.artifact().isEmpty()) {
            if (!record.commits().isEmpty()) {
                events.add(artifactEvent(record, ARTIFACT_PACKAGED, artifact, facts));
            }
            events.add(artifactEvent(record, ARTIFACT_PUBLISHED, artifact, facts));
        }
        if (outcome == Outcome.SUCCEEDED) {
            String type = rollback
                    ? SERVICE_ROLLEDBACK
                    : record.previousVersion().isEmpty() ? SERVICE_DEPLOYED : SERVICE_UPGRADED;
            events.add(cdEvent(record, type, artifact, facts));
        } else if (!rollback && (outcome == Outcome.FAILED_ROLLED_BACK || outcome == Outcome.ABORTED)) {
            // The engine put the previous version back: that version is what now runs.
            String previous = PackageUrl.of(previousImage(record), record.service(), record.previousVersion());
            events.add(cdEvent(record, SERVICE_ROLLEDBACK, previous, facts));
        }
        for (IncidentChange incident : facts.incidents()) {
            events.add(incidentEvent(record, incident, artifact, facts));
        }
        return events;
    }

    private static void check(DeploymentRecord record) {
        if (record.service().isBlank()) {
            throw new IllegalArgumentException("deployment " + record.deploymentId()
                    + " has no service; set the service name before publishing events");
        }
        if (record.environment().isBlank()) {
            throw new IllegalArgumentException("deployment " + record.deploymentId()
                    + " has no environment; set the environment before publishing events");
        }
    }

    /** The image that served before: the same repository at the previous version, digest unknown. */
    private static String previousImage(DeploymentRecord record) {
        String image = record.artifact();
        if (image.isEmpty() || record.previousVersion().isEmpty()) {
            return "";
        }
        int at = image.indexOf('@');
        String reference = at >= 0 ? image.substring(0, at) : image;
        int colon = reference.lastIndexOf(':');
        if (colon > reference.lastIndexOf('/')) {
            reference = reference.substring(0, colon);
        }
        return reference + ":" + record.previousVersion();
    }

    /** The seed's {@code deployment.completed} payload plus service, id, strategy, outcome, duration, commits. */
    static ObjectNode deploymentCompleted(DeploymentRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", "deployment.completed");
        node.put("environment", record.environment());
        node.put("version", record.version());
        node.put("status", status(record.outcome()));
        ObjectNode metrics = node.putObject("metrics");
        putMetric(metrics, "response_time", lastValue(record, RESPONSE_TIME));
        putMetric(metrics, "error_rate", errorRate(record));
        node.put("service", record.service());
        node.put("deployment_id", record.deploymentId());
        node.put("kind", record.kind().name().toLowerCase(Locale.ROOT));
        node.put("strategy", record.strategy());
        node.put("outcome", record.outcome().name().toLowerCase(Locale.ROOT));
        node.put("previous_version", record.previousVersion());
        node.put("artifact", record.artifact());
        node.put("started_at", record.startedAt().toString());
        node.put("finished_at", record.finishedAt().toString());
        node.put("duration_seconds", record.duration().toMillis() / 1000.0);
        ArrayNode commits = node.putArray("commits");
        for (Commit commit : record.commits()) {
            commits.addObject()
                    .put("sha", commit.sha())
                    .put("time", commit.time().toString());
        }
        if (!record.failureReason().isEmpty()) {
            node.put("failure_reason", record.failureReason());
        }
        return node;
    }

    /** {@code healthy} when it succeeded; otherwise what happened. */
    static String status(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "healthy";
            case FAILED_ROLLED_BACK -> "rolled_back";
            case FAILED -> "failed";
            case ABORTED -> "aborted";
        };
    }

    private static void putMetric(ObjectNode metrics, String name, Double value) {
        if (value == null) {
            metrics.putNull(name);
        } else {
            metrics.put(name, value);
        }
    }

    private static Double errorRate(DeploymentRecord record) {
        Double error = lastValue(record, ERROR_RATE);
        if (error != null) {
            return error;
        }
        Double success = lastValue(record, SUCCESS_RATE);
        if (success == null) {
            return null;
        }
        // success rates come as percentages (99.5) or fractions (0.995)
        double rate = success > 1 ? (100 - success) / 100 : 1 - success;
        return Math.round(rate * 1e9) / 1e9; // 99.7% gives 0.003, not 0.0029999999999999714
    }

    private static Double lastValue(DeploymentRecord record, Pattern metric) {
        Double last = null;
        for (GateResult gate : record.gateResults()) {
            for (Measurement m : gate.measurements()) {
                if (metric.matcher(m.metric()).matches() && !Double.isNaN(m.value())) {
                    last = m.value();
                }
            }
        }
        return last;
    }

    private CloudEvent cdEvent(DeploymentRecord record, String type, String artifactId, EventFacts facts) {
        ObjectNode event = envelope(record, type, eventId(record, type), record.finishedAt(), chainId(record));
        ObjectNode subject = event.putObject("subject");
        subject.put("id", subjectId(record));
        ObjectNode content = subject.putObject("content");
        content.putObject("environment").put("id", record.environment());
        content.put("artifactId", artifactId);
        putCustomData(event, record, facts);
        return cloudEvent(record, type, eventId(record, type), subjectId(record), event);
    }

    /** {@code artifact.packaged} / {@code artifact.published}: the subject is the package URL itself. */
    private CloudEvent artifactEvent(DeploymentRecord record, String type, String purl, EventFacts facts) {
        // the artifact existed when the deployment started, so that is the latest time these can claim
        ObjectNode event = envelope(record, type, eventId(record, type), record.startedAt(), chainId(record));
        ObjectNode subject = event.putObject("subject");
        subject.put("id", purl);
        ObjectNode content = subject.putObject("content");
        if (type.equals(ARTIFACT_PACKAGED)) {
            // the newest commit shipped is the change the artifact was packaged from
            content.putObject("change").put("id", newestCommit(record));
        }
        putCustomData(event, record, facts);
        return cloudEvent(record, type, eventId(record, type), purl, event);
    }

    private CloudEvent incidentEvent(
            DeploymentRecord record, IncidentChange incident, String artifactId, EventFacts facts) {
        String type = incident.resolved() ? INCIDENT_RESOLVED : INCIDENT_DETECTED;
        String id = incident.causedBy().equals(record.deploymentId())
                ? eventId(record, type)
                : eventId(record.deploymentId() + "\n" + incident.causedBy(), type);
        ObjectNode event = envelope(record, type, id, incident.at(), chainId(incident.causedBy()));
        ObjectNode subject = event.putObject("subject");
        String incidentId = "incident-" + incident.causedBy();
        subject.put("id", incidentId);
        ObjectNode content = subject.putObject("content");
        content.put("description", description(record, incident));
        content.putObject("environment").put("id", record.environment());
        content.putObject("service").put("id", subjectId(record));
        content.put("artifactId", artifactId);
        putCustomData(event, record, facts);
        ObjectNode custom = (ObjectNode) event.get("customData");
        custom.put("incidentCausedBy", incident.causedBy());
        return cloudEvent(record, type, id, incidentId, event);
    }

    private static String description(DeploymentRecord record, IncidentChange incident) {
        if (incident.resolved()) {
            return record.service() + " in " + record.environment() + " recovered by "
                    + (record.kind() == DeploymentKind.ROLLBACK ? "rollback " : "deployment ") + record.deploymentId()
                    + " (incident caused by deployment " + incident.causedBy() + ")";
        }
        if (incident.causedBy().equals(record.deploymentId())
                && !record.failureReason().isEmpty()) {
            return record.failureReason();
        }
        return "deployment " + incident.causedBy() + " of " + record.service() + " failed"
                + (incident.causedBy().equals(record.deploymentId())
                        ? ""
                        : " (rolled back by " + record.deploymentId() + ")");
    }

    private static String newestCommit(DeploymentRecord record) {
        io.jenkins.plugins.devops.core.deploy.Commit newest = record.commits().get(0);
        for (io.jenkins.plugins.devops.core.deploy.Commit c : record.commits()) {
            if (c.time().isAfter(newest.time())) {
                newest = c;
            }
        }
        return newest.sha().isEmpty() ? "unknown" : newest.sha();
    }

    private ObjectNode envelope(DeploymentRecord record, String type, String id, java.time.Instant at, String chainId) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode context = event.putObject("context");
        context.put("specversion", CDEVENTS_SPEC_VERSION);
        context.put("id", id);
        context.put("source", source.toString());
        context.put("type", type);
        context.put("timestamp", Rfc3339.timestamp(at));
        context.put("chainId", chainId);
        return event;
    }

    private static void putCustomData(ObjectNode event, DeploymentRecord record, EventFacts facts) {
        ObjectNode custom = event.putObject("customData");
        custom.put("deploymentId", record.deploymentId());
        custom.put("service", record.service());
        custom.put("namespace", record.namespace());
        custom.put("strategy", record.strategy());
        custom.put("outcome", record.outcome().name());
        custom.put("version", record.version());
        custom.put("previousVersion", record.previousVersion());
        custom.put("durationSeconds", record.duration().toMillis() / 1000.0);
        custom.put("triggeredBy", record.triggeredBy());
        if (facts.rework()) {
            custom.put("rework", "declared");
        }
        ArrayNode changes = custom.putArray("changes");
        record.commits().forEach(c -> changes.addObject()
                .put("sha", c.sha())
                .put("time", c.time().toString()));
        event.put("customDataContentType", "application/json");
    }

    private CloudEvent cloudEvent(DeploymentRecord record, String type, String id, String subject, ObjectNode cdEvent) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(java.time.OffsetDateTime.parse(
                        cdEvent.path("context").path("timestamp").asText()))
                .withDataContentType("application/json")
                .withData(bytes(cdEvent))
                .build();
    }

    private CloudEvent cloudEvent(DeploymentRecord record, String type, String subject, byte[] data) {
        return CloudEventBuilder.v1()
                .withId(eventId(record, type))
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(record.finishedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data)
                .build();
    }

    private static String subjectId(DeploymentRecord record) {
        return record.namespace().isEmpty() ? record.service() : record.namespace() + "/" + record.service();
    }

    /** The stable id of the event of {@code type} for this deployment. */
    public static String eventId(DeploymentRecord record, String type) {
        return eventId(record.deploymentId(), type);
    }

    private static String eventId(String key, String type) {
        return UUID.nameUUIDFromBytes((key + "\n" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String chainId(DeploymentRecord record) {
        return chainId(record.deploymentId());
    }

    /** The {@code context.chainId} of every CDEvent about deployment {@code deploymentId}. */
    public static String chainId(String deploymentId) {
        return UUID.nameUUIDFromBytes(("chain\n" + deploymentId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
