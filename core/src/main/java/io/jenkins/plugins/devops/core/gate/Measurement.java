package io.jenkins.plugins.devops.core.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation made by a gate: a metric value, a probe status, a webhook response.
 *
 * @param metric what was measured, e.g. {@code request-success-rate} or {@code GET http://svc/health}
 * @param time when it was measured
 * @param value the measured value ({@code NaN} when there was none)
 * @param verdict the verdict on this single measurement
 * @param note a short human explanation, never containing a secret
 */
public record Measurement(String metric, Instant time, double value, Verdict verdict, String note) {
    public Measurement {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(verdict, "verdict");
        note = note == null ? "" : note;
    }
}
