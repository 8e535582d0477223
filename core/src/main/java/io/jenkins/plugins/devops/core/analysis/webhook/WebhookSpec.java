package io.jenkins.plugins.devops.core.analysis.webhook;

import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook called at some gate points; a 2xx answer passes, anything else or a timeout fails.
 *
 * @param name the gate's name
 * @param url where the JSON payload is POSTed (placeholders allowed)
 * @param points the gate points at which it is called
 * @param timeout time limit of one call
 * @param retries further calls after a failed one
 * @param credentialsId the HMAC-SHA256 signing secret's credentials, or empty to send unsigned
 * @param metadata extra key/value pairs sent in the payload
 */
public record WebhookSpec(
        String name,
        String url,
        Set<GatePoint> points,
        Duration timeout,
        int retries,
        String credentialsId,
        Map<String, String> metadata) {
    public WebhookSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        points = Set.copyOf(points);
        Objects.requireNonNull(timeout, "timeout");
        credentialsId = credentialsId == null ? "" : credentialsId;
        metadata = Map.copyOf(metadata);
    }
}
