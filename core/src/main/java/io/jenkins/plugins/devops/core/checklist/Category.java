package io.jenkins.plugins.devops.core.checklist;

import java.util.Locale;

/** The four checklists. */
public enum Category {
    CICD("CI/CD"),
    INFRASTRUCTURE("Infrastructure"),
    MONITORING("Monitoring"),
    SECURITY("Security");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Parses {@code cicd}, {@code infrastructure}, {@code monitoring}, {@code security} (any case). */
    public static Category parse(String text) {
        String key = text == null
                ? ""
                : text.trim().toUpperCase(Locale.ROOT).replace("/", "").replace("-", "");
        if (key.equals("INFRA")) {
            return INFRASTRUCTURE;
        }
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown category '" + text + "'; use one of cicd, infrastructure, monitoring, security");
        }
    }
}
