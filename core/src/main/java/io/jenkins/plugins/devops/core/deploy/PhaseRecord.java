package io.jenkins.plugins.devops.core.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * Timing and result of one executed phase.
 *
 * @param name the phase name as in the plan, e.g. {@code canary 10%}
 * @param weight the traffic weight of the new version after the phase
 * @param startedAt when the phase started
 * @param finishedAt when it finished
 * @param result {@code passed}, {@code failed: <reason>} or {@code skipped}
 */
public record PhaseRecord(String name, int weight, Instant startedAt, Instant finishedAt, String result) {
    public PhaseRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        result = result == null ? "" : result;
    }
}
