package io.jenkins.plugins.devops.core.dora;

import java.time.Instant;
import java.util.List;

/**
 * Every DORA report for one window: per service and environment, per environment, and overall.
 *
 * @param from window start (exclusive)
 * @param to window end (inclusive)
 * @param services one report per service and environment, sorted by scope
 * @param environments one report per environment, sorted
 * @param overall all services and environments together
 */
public record DoraSummary(
        Instant from, Instant to, List<DoraReport> services, List<DoraReport> environments, DoraReport overall) {
    public DoraSummary {
        services = List.copyOf(services);
        environments = List.copyOf(environments);
    }
}
