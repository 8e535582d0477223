package io.jenkins.plugins.devops.core.checklist.items;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The 25 built-in items (six per checklist, seven for CI/CD), in report order. */
public final class BuiltInItems {
    private static final List<ChecklistItem> ALL;

    static {
        List<ChecklistItem> all = new ArrayList<>();
        all.addAll(CicdItems.items());
        all.addAll(InfrastructureItems.items());
        all.addAll(MonitoringItems.items());
        all.addAll(SecurityItems.items());
        ALL = List.copyOf(all);
    }

    private BuiltInItems() {}

    public static List<ChecklistItem> all() {
        return ALL;
    }

    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ALL.forEach(item -> ids.add(item.id()));
        return ids;
    }
}
