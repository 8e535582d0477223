package io.jenkins.plugins.devops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import io.jenkins.plugins.devops.credentials.CredentialsListing;
import io.jenkins.plugins.devops.model.DeploySettings;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code devopsDeploy}: deploys a service to an environment with a rolling, recreate, blue-green or canary strategy,
 * checks health at each step and rolls back by itself when a gate fails.
 *
 * <pre>{@code
 * def r = devopsDeploy service: 'shop', environment: 'staging', manifests: 'k8s/*.yaml',
 *         image: "registry/shop:${env.GIT_COMMIT}", strategy: 'canary', steps: [10, 50, 100],
 *         analysis: [[name: 'errors', provider: 'prometheus', url: 'http://prometheus:9090',
 *                     query: 'sum(rate(http_errors_total{track="{{track}}"}[1m]))', max: 0.01]]
 * echo "${r.outcome} ${r.revision}"
 * }</pre>
 */
public class DeployStep extends Step {
    private final String service;
    private final String environment;
    private String namespace;
    private String manifests;
    private String image;
    private String version;
    private String strategy = "rolling";
    private List<Integer> steps;
    private Integer pauseSeconds;
    private String httpRoute;
    private String maxSurge;
    private String maxUnavailable;
    private Integer scaleDownDelaySeconds;
    private List<Map<String, Object>> analysis;
    private List<Map<String, Object>> smokeTests;
    private List<Map<String, Object>> webhooks;
    private String credentialsId;
    private String serverUrl;
    private String context;
    private String cloud;
    /** 0: the manifest's progressDeadlineSeconds, else Kubernetes' 600. */
    private int progressDeadlineSeconds;
    private boolean markUnstable;

    @DataBoundConstructor
    public DeployStep(String service, String environment) {
        this.service = Util.fixNull(service).trim();
        this.environment = Util.fixNull(environment).trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new DeployExecution(context, toSettings());
    }

    /** The settings handed to the shared deployment code (also used by the freestyle builder). */
    DeploySettings toSettings() {
        return new DeploySettings(service, environment)
                .namespace(namespace)
                .manifests(manifests)
                .image(image)
                .version(version)
                .strategy(strategy)
                .strategyOption("steps", steps)
                .strategyOption("pauseSeconds", pauseSeconds)
                .strategyOption("httpRoute", httpRoute)
                .strategyOption("maxSurge", maxSurge)
                .strategyOption("maxUnavailable", maxUnavailable)
                .strategyOption("scaleDownDelaySeconds", scaleDownDelaySeconds)
                .analysis(analysis)
                .smokeTests(smokeTests)
                .webhooks(webhooks)
                .connection(new ClusterConnection(credentialsId, serverUrl, "", false, context, cloud))
                .progressDeadlineSeconds(progressDeadlineSeconds)
                .markUnstable(markUnstable);
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
    }

    public String getManifests() {
        return manifests;
    }

    /** A workspace glob such as {@code k8s/*.yaml} (needs {@code node}) or the manifest YAML itself. */
    @DataBoundSetter
    public void setManifests(String manifests) {
        this.manifests = Util.fixEmptyAndTrim(manifests);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = Util.fixEmptyAndTrim(version);
    }

    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = Util.fixEmptyAndTrim(strategy) == null ? "rolling" : strategy.trim();
    }

    public List<Integer> getSteps() {
        return steps;
    }

    /** Canary traffic weights, e.g. {@code [10, 50, 100]}. */
    @DataBoundSetter
    public void setSteps(List<Integer> steps) {
        this.steps = steps == null || steps.isEmpty() ? null : new ArrayList<>(steps);
    }

    public Integer getPauseSeconds() {
        return pauseSeconds;
    }

    @DataBoundSetter
    public void setPauseSeconds(Integer pauseSeconds) {
        this.pauseSeconds = pauseSeconds;
    }

    public String getHttpRoute() {
        return httpRoute;
    }

    @DataBoundSetter
    public void setHttpRoute(String httpRoute) {
        this.httpRoute = Util.fixEmptyAndTrim(httpRoute);
    }

    public String getMaxSurge() {
        return maxSurge;
    }

    @DataBoundSetter
    public void setMaxSurge(String maxSurge) {
        this.maxSurge = Util.fixEmptyAndTrim(maxSurge);
    }

    public String getMaxUnavailable() {
        return maxUnavailable;
    }

    @DataBoundSetter
    public void setMaxUnavailable(String maxUnavailable) {
        this.maxUnavailable = Util.fixEmptyAndTrim(maxUnavailable);
    }

    public Integer getScaleDownDelaySeconds() {
        return scaleDownDelaySeconds;
    }

    @DataBoundSetter
    public void setScaleDownDelaySeconds(Integer scaleDownDelaySeconds) {
        this.scaleDownDelaySeconds = scaleDownDelaySeconds;
    }

    public List<Map<String, Object>> getAnalysis() {
        return analysis;
    }

    /** Metric checks, e.g. {@code [[name: 'errors', provider: 'prometheus', query: '...', max: 0.01]]}. */
    @DataBoundSetter
    public void setAnalysis(List<Map<String, Object>> analysis) {
        this.analysis = analysis == null || analysis.isEmpty() ? null : new ArrayList<>(analysis);
    }

    public List<Map<String, Object>> getSmokeTests() {
        return smokeTests;
    }

    @DataBoundSetter
    public void setSmokeTests(List<Map<String, Object>> smokeTests) {
        this.smokeTests = smokeTests == null || smokeTests.isEmpty() ? null : new ArrayList<>(smokeTests);
    }

    public List<Map<String, Object>> getWebhooks() {
        return webhooks;
    }

    @DataBoundSetter
    public void setWebhooks(List<Map<String, Object>> webhooks) {
        this.webhooks = webhooks == null || webhooks.isEmpty() ? null : new ArrayList<>(webhooks);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Util.fixEmptyAndTrim(serverUrl);
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    public String getCloud() {
        return cloud;
    }

    @DataBoundSetter
    public void setCloud(String cloud) {
        this.cloud = Util.fixEmptyAndTrim(cloud);
    }

    public int getProgressDeadlineSeconds() {
        return progressDeadlineSeconds;
    }

    @DataBoundSetter
    public void setProgressDeadlineSeconds(int progressDeadlineSeconds) {
        this.progressDeadlineSeconds = progressDeadlineSeconds;
    }

    public boolean isMarkUnstable() {
        return markUnstable;
    }

    @DataBoundSetter
    public void setMarkUnstable(boolean markUnstable) {
        this.markUnstable = markUnstable;
    }

    /** Snippet Generator support and form validation for {@code devopsDeploy}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // No node needed: manifest text and remote APIs work without one; a glob reads the workspace if present.
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "devopsDeploy";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Deploy a service to Kubernetes (DevOps Orchestrator)";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String credentialsId) {
            if (!jenkins.hasPermission(Item.EXTENDED_READ, item)
                    && !jenkins.hasPermission(CredentialsProvider.USE_ITEM, item)) {
                return CredentialsListing.currentOnly(credentialsId);
            }
            return CredentialsListing.clusterCredentials(item, credentialsId);
        }

        @POST
        public ListBoxModel doFillStrategyItems(@CheckForNull @AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            if (!jenkins.hasPermission(Item.READ, item)) {
                return model;
            }
            model.add("rolling");
            model.add("recreate");
            model.add("blue-green");
            model.add("canary");
            return model;
        }

        @POST
        public FormValidation doCheckService(@CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FormChecks.dnsLabel("service", value);
        }

        @POST
        public FormValidation doCheckEnvironment(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            return FormChecks.dnsLabel("environment", value);
        }
    }
}
