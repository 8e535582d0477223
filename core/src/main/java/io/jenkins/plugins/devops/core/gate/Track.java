package io.jenkins.plugins.devops.core.gate;

import java.util.Locale;

/** Which side of a progressive deployment a query or check is about: the running version or the new one. */
public enum Track {
    STABLE,
    CANARY;

    /** The lower-case name used in PromQL templates ({@code {{track}}}) and labels. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
