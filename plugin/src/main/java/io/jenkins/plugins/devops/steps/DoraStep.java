package io.jenkins.plugins.devops.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.model.DoraQuery;
import io.jenkins.plugins.devops.model.DoraResults;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code devopsDora}: the current DORA figures of a service in an environment (or of an environment, or overall),
 * from the deployment ledger.
 *
 * <pre>{@code
 * def dora = devopsDora service: 'shop', environment: 'production', window: 30
 * echo "lead time ${dora.leadTimeForChanges} s, band ${dora.bands.leadTimeForChanges}"
 * }</pre>
 *
 * <p>The result map uses DORA's names: {@code deploymentFrequency} (successful deployments per day),
 * {@code leadTimeForChanges} and {@code failedDeploymentRecoveryTime} (seconds), {@code changeFailureRate} and
 * {@code deploymentReworkRate} (fractions, 0.05 = 5%); see {@code docs/steps/devopsDora.md}.
 */
public class DoraStep extends Step {
    private String service = "";
    private String environment = "";
    private int window;

    @DataBoundConstructor
    public DoraStep() {}

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, service, environment, window);
    }

    public String getService() {
        return service;
    }

    /** Empty for the environment's (or the overall) figures. */
    @DataBoundSetter
    public void setService(String service) {
        this.service = Util.fixNull(service).trim();
    }

    public String getEnvironment() {
        return environment;
    }

    /** Empty for the overall figures. */
    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Util.fixNull(environment).trim();
    }

    public int getWindow() {
        return window;
    }

    /** Days; 0 uses the configured window. */
    @DataBoundSetter
    public void setWindow(int window) {
        this.window = Math.max(0, window);
    }

    /** Reads the ledger on a background thread; a short read, so it simply fails on a restart. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final String service;
        private final String environment;
        private final int window;

        Execution(StepContext context, String service, String environment, int window) {
            super(context);
            this.service = service;
            this.environment = environment;
            this.window = window;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            DoraQuery query = new DoraQuery();
            int days = query.windowOrDefault(window);
            DoraSummary summary = query.summary(days);
            DoraReport report = pick(summary);
            LinkedHashMap<String, Object> result;
            if (report == null) {
                result = new LinkedHashMap<>();
                result.put("scope", scope());
                result.put("service", service);
                result.put("environment", environment);
                result.put("deployments", 0);
            } else {
                result = DoraResults.toMap(report);
            }
            result.put("windowDays", days);
            getContext()
                    .get(TaskListener.class)
                    .getLogger()
                    .println("[devops] DORA " + scope() + " over " + days + " days: " + result.get("deployments")
                            + " deployments, deployment frequency " + result.get("deploymentFrequency")
                            + "/day, lead time for changes " + result.get("leadTimeForChanges")
                            + " s, change failure rate " + result.get("changeFailureRate")
                            + ", failed deployment recovery time " + result.get("failedDeploymentRecoveryTime")
                            + " s, deployment rework rate " + result.get("deploymentReworkRate"));
            return result;
        }

        private DoraReport pick(DoraSummary summary) {
            if (!service.isEmpty()) {
                return summary.services().stream()
                        .filter(r -> r.service().equals(service)
                                && (environment.isEmpty() || r.environment().equals(environment)))
                        .findFirst()
                        .orElse(null);
            }
            if (!environment.isEmpty()) {
                return summary.environments().stream()
                        .filter(r -> r.environment().equals(environment))
                        .findFirst()
                        .orElse(null);
            }
            return summary.overall();
        }

        private String scope() {
            if (!service.isEmpty()) {
                return service + (environment.isEmpty() ? "" : "/" + environment);
            }
            return environment.isEmpty() ? "overall" : environment;
        }
    }

    /** Snippet Generator support for {@code devopsDora}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "devopsDora";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Current DORA figures from the deployment ledger (DevOps Orchestrator)";
        }
    }
}
