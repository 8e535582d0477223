package io.jenkins.plugins.devops.core.analysis.judge;

import java.util.Locale;

/** Which change of a metric in the canary is bad, as in Kayenta's canary config. */
public enum Direction {
    /** Higher is worse (errors, latency): only {@link Classification#HIGH} fails. */
    INCREASE,
    /** Lower is worse (success rate, throughput): only {@link Classification#LOW} fails. */
    DECREASE,
    /** Any significant change fails. */
    EITHER;

    /** Parses {@code increase}, {@code decrease} or {@code either}; {@code null} for anything else. */
    public static Direction parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether a metric classified {@code classification} fails in this direction. */
    public boolean fails(Classification classification) {
        return switch (classification) {
            case HIGH -> this != DECREASE;
            case LOW -> this != INCREASE;
            case PASS, NODATA -> false;
        };
    }
}
