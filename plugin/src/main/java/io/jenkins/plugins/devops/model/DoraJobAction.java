package io.jenkins.plugins.devops.model;

import edu.hm.hafner.echarts.JacksonFacade;
import hudson.model.Action;
import hudson.model.Job;
import io.jenkins.plugins.devops.core.dora.DoraFigures;
import io.jenkins.plugins.devops.core.dora.DoraMetric;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import io.jenkins.plugins.echarts.AsyncTrendChart;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.bind.JavaScriptMethod;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The job's DORA page and trend chart, for the service and environment its recent builds deployed. Everything
 * comes from the deployment ledger (index for the figures, the log for the recent entries); builds are not loaded.
 *
 * <p>In the job's {@code api/json} the figures appear under DORA's names: {@code deploymentFrequency} (successful
 * deployments per day), {@code leadTimeForChanges} and {@code failedDeploymentRecoveryTime} (seconds),
 * {@code changeFailureRate} and {@code deploymentReworkRate} (fractions); a figure without data is left out.
 */
@ExportedBean(defaultVisibility = 2)
public class DoraJobAction implements Action, AsyncTrendChart {
    private static final Logger LOGGER = Logger.getLogger(DoraJobAction.class.getName());
    static final int RECENT = 10;

    private final Job<?, ?> job;
    private final String service;
    private final String environment;

    DoraJobAction(Job<?, ?> job, String service, String environment) {
        this.job = job;
        this.service = service;
        this.environment = environment;
    }

    public Job<?, ?> getOwner() {
        return job;
    }

    @Exported
    public String getService() {
        return service;
    }

    @Exported
    public String getEnvironment() {
        return environment;
    }

    /** Every metric the page shows, in DORA's order (the five DORA metrics, then availability). */
    public List<DoraMetric> getMetrics() {
        return List.of(DoraMetric.values());
    }

    @Exported
    public Double getDeploymentFrequency() {
        DoraFigures f = figures();
        return f == null ? null : f.deploymentFrequency();
    }

    @Exported
    public Long getLeadTimeForChanges() {
        DoraFigures f = figures();
        return f == null ? null : f.leadTimeForChanges().map(d -> d.toSeconds()).orElse(null);
    }

    @Exported
    public Double getChangeFailureRate() {
        DoraFigures f = figures();
        return f == null || f.changeFailureRate().isEmpty()
                ? null
                : f.changeFailureRate().getAsDouble();
    }

    @Exported
    public Long getFailedDeploymentRecoveryTime() {
        DoraFigures f = figures();
        return f == null
                ? null
                : f.failedDeploymentRecoveryTime().map(d -> d.toSeconds()).orElse(null);
    }

    @Exported
    public Double getDeploymentReworkRate() {
        DoraFigures f = figures();
        return f == null || f.deploymentReworkRate().isEmpty()
                ? null
                : f.deploymentReworkRate().getAsDouble();
    }

    @Exported
    public Integer getDeployments() {
        DoraFigures f = figures();
        return f == null ? null : f.deployments();
    }

    /** One computation for all the exported figures of one request (the factory makes a new action each time). */
    private DoraReport cached;

    private synchronized DoraFigures figures() {
        if (cached == null) {
            cached = getReport();
        }
        return cached == null ? null : cached.figures();
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "DORA: " + service + " → " + environment;
    }

    @Override
    public String getUrlName() {
        return "devops-dora-" + service + "-" + environment;
    }

    /** The figures with bands and targets for the configured window; null when the ledger cannot be read. */
    public DoraReport getReport() {
        try {
            DoraQuery query = new DoraQuery();
            DoraSummary summary = query.summary(query.windowOrDefault(0));
            return DoraQuery.find(summary, service, environment).orElse(null);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the deployment ledger", e);
            return null;
        }
    }

    /** The most recent ledger entries of this service and environment, newest first. */
    public List<LedgerEntry> getRecentDeployments() {
        Deque<LedgerEntry> recent = new ArrayDeque<>();
        try {
            LedgerStore.get().ledger().forEach(entry -> {
                if (entry.service().equals(service) && entry.environment().equals(environment)) {
                    recent.addFirst(entry);
                    if (recent.size() > RECENT) {
                        recent.removeLast();
                    }
                }
            });
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the deployment ledger", e);
        }
        return new ArrayList<>(recent);
    }

    @JavaScriptMethod
    @Override
    public String getBuildTrendModel() {
        try {
            return new JacksonFacade().toJson(DoraTrend.model(new DoraQuery(), service, environment, Instant.now()));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the deployment ledger", e);
            return "{}";
        }
    }

    @Override
    public boolean isTrendVisible() {
        return true;
    }
}
