package io.jenkins.plugins.devops.core.checklist;

import java.util.Locale;

/** Risk of an item, with the OpenSSF Scorecard weights used for the risk-weighted scores. */
public enum Severity {
    CRITICAL(10.0),
    HIGH(7.5),
    MEDIUM(5.0),
    LOW(2.5);

    private final double weight;

    Severity(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** Parses {@code critical}, {@code HIGH}...; throws {@link IllegalArgumentException} listing the choices. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown severity '" + text + "'; use one of critical, high, medium, low");
        }
    }
}
