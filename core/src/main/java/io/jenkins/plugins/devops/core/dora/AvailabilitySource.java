package io.jenkins.plugins.devops.core.dora;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Where availability comes from. {@link #FROM_LEDGER} (the default) derives it from the time the service spent in a
 * failed state; {@link PrometheusAvailability} asks Prometheus.
 */
@FunctionalInterface
public interface AvailabilitySource {
    /** Uses the time in failed state recorded in the ledger. */
    AvailabilitySource FROM_LEDGER = (service, environment, from, to) -> OptionalDouble.empty();

    /** The availability (0..1) of a service in an environment over {@code (from, to]}, or empty to use the ledger. */
    OptionalDouble availability(String service, String environment, Instant from, Instant to);
}
