package io.jenkins.plugins.devops.core.context;

import java.util.Objects;

/**
 * A pipeline stage as the build saw it.
 *
 * @param name stage name, e.g. {@code Deploy to staging}
 * @param status a Jenkins result name ({@code SUCCESS}, {@code FAILURE}, ...) or {@code IN_PROGRESS} / {@code
 *     SKIPPED}
 * @param durationMillis how long it ran, or {@code null} when unknown
 */
public record PipelineStage(String name, String status, Long durationMillis) {
    public PipelineStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
