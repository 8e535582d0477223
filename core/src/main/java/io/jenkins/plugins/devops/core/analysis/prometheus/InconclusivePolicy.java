package io.jenkins.plugins.devops.core.analysis.prometheus;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What an inconclusive measurement (no data, NaN, query error, Prometheus unreachable) counts as.
 *
 * @param mode fail (the default), pass, or retry
 * @param retries how many times {@link Mode#RETRY} measures again before counting it as a failure
 * @param retryInterval the wait between those retries
 */
public record InconclusivePolicy(Mode mode, int retries, Duration retryInterval) {
    public static final InconclusivePolicy FAIL = new InconclusivePolicy(Mode.FAIL, 0, Duration.ZERO);

    public InconclusivePolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retryInterval, "retryInterval");
    }

    public enum Mode {
        /** Counts as a failed measurement. */
        FAIL,
        /** Counts as a passed measurement. */
        PASS,
        /** Waits and measures again, up to {@link InconclusivePolicy#retries()} times, then counts as failed. */
        RETRY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
