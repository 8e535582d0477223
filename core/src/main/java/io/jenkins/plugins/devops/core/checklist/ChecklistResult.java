package io.jenkins.plugins.devops.core.checklist;

import java.util.List;

/**
 * One checklist's items and its risk-weighted score.
 *
 * @param category which checklist
 * @param score risk-weighted average of scored items (0–10), or -1 when no item was scored
 * @param items item results in definition order
 */
public record ChecklistResult(Category category, double score, List<ItemResult> items) {
    public ChecklistResult {
        items = List.copyOf(items);
    }

    public long count(Status status) {
        return items.stream().filter(item -> item.status() == status).count();
    }
}
