package io.jenkins.plugins.devops.core.context;

import java.util.List;
import java.util.Objects;

/**
 * A checklist's result, the "standards" part of a task.
 *
 * @param checklist {@code cicd}, {@code infrastructure}, {@code monitoring}, {@code security} or a custom one
 * @param score 0 to 10
 * @param status {@code PASS}, {@code WARN}, {@code FAIL}, {@code NOT_APPLICABLE} or {@code UNKNOWN}
 * @param failedItems ids of the items that did not pass
 */
public record StandardScore(String checklist, double score, String status, List<String> failedItems) {
    public StandardScore {
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(status, "status");
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
    }
}
