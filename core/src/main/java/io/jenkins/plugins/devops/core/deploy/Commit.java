package io.jenkins.plugins.devops.core.deploy;

import java.time.Instant;
import java.util.Objects;

/**
 * A commit that a deployment ships, used for lead time for changes.
 *
 * @param sha the commit SHA
 * @param time when the commit was made (author or commit time, as the caller knows it)
 */
public record Commit(String sha, Instant time) {
    public Commit {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(time, "time");
    }
}
