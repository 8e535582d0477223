package io.jenkins.plugins.devops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import io.jenkins.plugins.devops.credentials.CredentialsListing;
import io.jenkins.plugins.devops.model.DeployOperation;
import io.jenkins.plugins.devops.model.DeploySettings;
import io.jenkins.plugins.devops.model.DeploymentProgress;
import io.jenkins.plugins.devops.model.ManifestReader;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle "Deploy to Kubernetes" build step. It runs the same {@link DeployOperation} as
 * {@code devopsDeploy}; its health gates are given as YAML (the same settings as the step's {@code analysis},
 * {@code smokeTests} and {@code webhooks} lists).
 */
public class DeployBuilder extends Builder implements SimpleBuildStep {
    private final String service;
    private final String environment;
    private String manifests = "k8s/*.yaml";
    private String image = "";
    private String version = "";
    private String strategy = "rolling";
    private String canarySteps = "";
    private String namespace = "";
    private String credentialsId = "";
    private String serverUrl = "";
    private String context = "";
    private String cloud = "";
    private String gates = "";
    private boolean markUnstable;
    private boolean rework;

    @DataBoundConstructor
    public DeployBuilder(String service, String environment) {
        this.service = Util.fixNull(service).trim();
        this.environment = Util.fixNull(environment).trim();
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        DeploySettings settings = new DeploySettings(env.expand(service), env.expand(environment))
                .namespace(env.expand(namespace))
                .manifests(env.expand(manifests))
                .image(env.expand(image))
                .version(env.expand(version))
                .strategy(strategy)
                .strategyOption("steps", parseSteps(canarySteps))
                .gatesYaml(gates)
                .connection(new ClusterConnection(credentialsId, serverUrl, "", false, context, cloud))
                .markUnstable(markUnstable)
                .rework(rework);
        String yaml = ManifestReader.read(settings.manifests(), workspace);
        DeploymentRecord record =
                new DeployOperation().deploy(settings, yaml, run, workspace, listener, null, DeploymentProgress.NONE);
        BuilderCompletion.complete(run, record, markUnstable);
    }

    @CheckForNull
    static List<Integer> parseSteps(String text) throws IOException {
        if (Util.fixEmptyAndTrim(text) == null) {
            return null;
        }
        try {
            return Arrays.stream(text.split("[,\\s]+"))
                    .filter(s -> !s.isEmpty())
                    .map(Integer::valueOf)
                    .toList();
        } catch (NumberFormatException e) {
            throw new hudson.AbortException(
                    "Canary steps '" + text + "' must be whole percentages separated by commas, e.g. 10, 50, 100");
        }
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getManifests() {
        return manifests;
    }

    @DataBoundSetter
    public void setManifests(String manifests) {
        this.manifests = Util.fixNull(manifests).trim();
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Util.fixNull(image).trim();
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = Util.fixNull(version).trim();
    }

    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        this.strategy = Util.fixEmptyAndTrim(strategy) == null ? "rolling" : strategy.trim();
    }

    public String getCanarySteps() {
        return canarySteps;
    }

    @DataBoundSetter
    public void setCanarySteps(String canarySteps) {
        this.canarySteps = Util.fixNull(canarySteps).trim();
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixNull(namespace).trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        this.serverUrl = Util.fixNull(serverUrl).trim();
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixNull(context).trim();
    }

    public String getGates() {
        return gates;
    }

    /** Health gates as YAML: {@code analysis}, {@code smokeTests} and {@code webhooks} lists (docs/analysis.md). */
    @DataBoundSetter
    public void setGates(String gates) {
        this.gates = Util.fixNull(gates).trim();
    }

    public String getCloud() {
        return cloud;
    }

    @DataBoundSetter
    public void setCloud(String cloud) {
        this.cloud = Util.fixNull(cloud).trim();
    }

    public boolean isMarkUnstable() {
        return markUnstable;
    }

    @DataBoundSetter
    public void setMarkUnstable(boolean markUnstable) {
        this.markUnstable = markUnstable;
    }

    public boolean isRework() {
        return rework;
    }

    /** Declares the deployment a hot fix (DORA deployment rework rate). */
    @DataBoundSetter
    public void setRework(boolean rework) {
        this.rework = rework;
    }

    /** The build step's form. */
    @Extension
    @Symbol("devopsDeployBuilder")
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Deploy to Kubernetes (DevOps Orchestrator)";
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

        @POST
        public FormValidation doCheckCanarySteps(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            if (!jenkins.hasPermission(Item.CONFIGURE, item)) {
                return FormValidation.ok();
            }
            try {
                parseSteps(value);
                return FormValidation.ok();
            } catch (IOException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
