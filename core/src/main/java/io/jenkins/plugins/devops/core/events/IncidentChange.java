package io.jenkins.plugins.devops.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident a deployment opens or closes, as CDEvents {@code incident.detected} / {@code incident.resolved}. The
 * incident is named after the deployment that caused it ({@code incident-<deployment id>}), and both events carry
 * that deployment's {@code chainId}, so a consumer can pair them and link them to the failed deployment.
 *
 * @param resolved false for detected, true for resolved
 * @param causedBy the id of the deployment that failed
 * @param at when the service entered the failed state, or when it recovered
 */
public record IncidentChange(boolean resolved, String causedBy, Instant at) {
    public IncidentChange {
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(at, "at");
    }

    public static IncidentChange detected(String causedBy, Instant at) {
        return new IncidentChange(false, causedBy, at);
    }

    public static IncidentChange resolved(String causedBy, Instant at) {
        return new IncidentChange(true, causedBy, at);
    }
}
