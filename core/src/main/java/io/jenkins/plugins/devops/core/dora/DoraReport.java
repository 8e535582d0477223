package io.jenkins.plugins.devops.core.dora;

import java.time.Instant;
import java.util.Map;

/**
 * The DORA figures of one scope (a service in an environment, an environment, or everything) over one window,
 * with a band and met / not met for each.
 *
 * @param scope {@code service/environment}, {@code environment} or {@code overall}
 * @param service the service; empty for an environment or overall report
 * @param environment the environment; empty for the overall report
 * @param from window start (exclusive)
 * @param to window end (inclusive)
 * @param figures what was measured
 * @param bands the band of each figure, per the configured report year
 * @param bandsYear the report year of the bands
 * @param targetsMet whether each figure meets the team's target (false when there is no data)
 */
public record DoraReport(
        String scope,
        String service,
        String environment,
        Instant from,
        Instant to,
        DoraFigures figures,
        Map<DoraMetric, Band> bands,
        String bandsYear,
        Map<DoraMetric, Boolean> targetsMet) {
    public DoraReport {
        bands = Map.copyOf(bands);
        targetsMet = Map.copyOf(targetsMet);
    }
}
