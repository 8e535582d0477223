package io.jenkins.plugins.devops.model;

import edu.hm.hafner.echarts.JacksonFacade;
import hudson.model.Action;
import hudson.model.Job;
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

/**
 * The job's DORA page and trend chart, for the service and environment its recent builds deployed. Everything
 * comes from the deployment ledger (index for the figures, the log for the recent entries); builds are not loaded.
 */
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

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
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
