package io.jenkins.plugins.devops.model;

import hudson.AbortException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code devopsChecklist} (or the freestyle build step) was asked for: which checklists, which configuration
 * file, and when to fail or mark the build unstable.
 */
public final class ChecklistSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The values {@code failOn} accepts: fail on a failed critical item, or never. */
    public static final List<String> FAIL_ON_CHOICES = List.of("critical", "none");

    /** The values {@code unstableOn} accepts: unstable on any warning, or never. */
    public static final List<String> UNSTABLE_ON_CHOICES = List.of("warning", "none");

    private final ArrayList<String> checklists;
    private final String config;
    private final String failOn;
    private final String unstableOn;
    private final String baseline;

    /**
     * @param checklists {@code cicd}, {@code infrastructure}, {@code monitoring}, {@code security}; empty for all
     * @param config a workspace-relative checklist YAML, empty for the defaults
     * @param failOn {@code critical} or {@code none}
     * @param unstableOn {@code warning} or {@code none}
     * @throws AbortException for any other failOn / unstableOn value
     */
    public ChecklistSettings(List<String> checklists, String config, String failOn, String unstableOn)
            throws AbortException {
        this(checklists, config, failOn, unstableOn, "");
    }

    /**
     * As {@link #ChecklistSettings(List, String, String, String)} with a baseline.
     *
     * @param baseline a workspace-relative baseline file (written by {@code devops checklist --write-baseline}):
     *     only findings it does not know count for failOn / unstableOn; empty for none
     */
    public ChecklistSettings(List<String> checklists, String config, String failOn, String unstableOn, String baseline)
            throws AbortException {
        this.baseline = baseline == null ? "" : baseline.trim();
        this.checklists = checklists == null ? new ArrayList<>() : new ArrayList<>(checklists);
        this.config = config == null ? "" : config.trim();
        this.failOn = choice("failOn", failOn, FAIL_ON_CHOICES);
        this.unstableOn = choice("unstableOn", unstableOn, UNSTABLE_ON_CHOICES);
    }

    private static String choice(String field, String value, List<String> choices) throws AbortException {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!choices.contains(text)) {
            throw new AbortException(field + ": '" + value + "' is not supported; use '" + choices.get(0) + "' or '"
                    + choices.get(1) + "'");
        }
        return text;
    }

    public List<String> checklists() {
        return checklists;
    }

    public String config() {
        return config;
    }

    /** The workspace-relative baseline file, empty for none. */
    public String baseline() {
        return baseline;
    }

    public boolean failOnCritical() {
        return failOn.equals("critical");
    }

    public boolean unstableOnWarnings() {
        return unstableOn.equals("warning");
    }
}
