package io.jenkins.plugins.devops.metrics;

import io.jenkins.plugins.devops.core.dora.DoraCollector;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.model.DoraQuery;
import io.prometheus.client.Collector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.variant.OptionalExtension;

/**
 * Exports the DORA figures (deployments, deployment frequency, lead time for changes, change failure rate, failed
 * deployment recovery time, deployment rework rate, availability) per service, per environment and overall on the
 * Prometheus plugin's endpoint, named after DORA's metrics ({@code devops_dora_deployment_frequency},
 * {@code devops_dora_lead_time_for_changes_seconds}, ...). Only active when that plugin is installed; the
 * prometheus plugin registers every {@link Collector} extension. The figures come from core's
 * {@link DoraCollector} over the ledger, recomputed at each collection (every two minutes by default).
 */
@OptionalExtension(requirePlugins = "prometheus")
public class DoraPrometheusCollector extends Collector {
    private static final Logger LOGGER = Logger.getLogger(DoraPrometheusCollector.class.getName());

    private final DoraCollector dora = new DoraCollector(DoraPrometheusCollector::reports);

    @Override
    public List<MetricFamilySamples> collect() {
        return dora.collect();
    }

    private static List<DoraReport> reports() {
        try {
            DoraQuery query = new DoraQuery();
            DoraSummary summary = query.summary(query.windowOrDefault(0));
            List<DoraReport> reports = new ArrayList<>(summary.services());
            reports.addAll(summary.environments());
            reports.add(summary.overall());
            return reports;
        } catch (IOException | RuntimeException e) {
            // a scrape must not fail because the ledger cannot be read; the figures are just missing this time
            LOGGER.log(Level.WARNING, "Cannot compute DORA figures for Prometheus", e);
            return List.of();
        }
    }
}
