package io.jenkins.plugins.devops.core.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as RFC 3339 {@code date-time} (what the CDEvents {@code context.timestamp} schema requires), e.g.
 * {@code 2026-11-02T10:06:00Z}.
 *
 * <p>{@code OffsetDateTime.toString()} is not enough: it drops the seconds on a whole minute ({@code 10:06Z}),
 * which RFC 3339 does not allow. {@link DateTimeFormatter#ISO_INSTANT} always writes the seconds, and a fraction
 * only when there is one.
 */
final class Rfc3339 {
    private Rfc3339() {}

    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
