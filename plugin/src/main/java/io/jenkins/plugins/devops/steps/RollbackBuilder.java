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
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import io.jenkins.plugins.devops.credentials.CredentialsListing;
import io.jenkins.plugins.devops.model.DeploymentProgress;
import io.jenkins.plugins.devops.model.RollbackOperation;
import io.jenkins.plugins.devops.model.RollbackSettings;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The freestyle "Roll back a Kubernetes service" build step; the same {@link RollbackOperation} as {@code devopsRollback}. */
public class RollbackBuilder extends Builder implements SimpleBuildStep {
    private final String service;
    private final String environment;
    private String revision = "";
    private String namespace = "";
    private String credentialsId = "";
    private String serverUrl = "";
    private String context = "";
    private String cloud = "";
    private boolean markUnstable;

    @DataBoundConstructor
    public RollbackBuilder(String service, String environment) {
        this.service = Util.fixNull(service).trim();
        this.environment = Util.fixNull(environment).trim();
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        rollback(run, null, env, listener);
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        rollback(run, workspace, env, listener);
    }

    private void rollback(Run<?, ?> run, @CheckForNull FilePath workspace, EnvVars env, TaskListener listener)
            throws InterruptedException, IOException {
        RollbackSettings settings = new RollbackSettings(
                env.expand(service),
                env.expand(environment),
                env.expand(namespace),
                env.expand(revision),
                new ClusterConnection(credentialsId, serverUrl, "", false, context, cloud),
                markUnstable);
        DeploymentRecord record =
                new RollbackOperation().rollback(settings, run, workspace, listener, DeploymentProgress.NONE);
        BuilderCompletion.complete(run, record, markUnstable);
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getRevision() {
        return revision;
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = Util.fixNull(revision).trim();
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

    /** The build step's form. */
    @Extension
    @Symbol("devopsRollbackBuilder")
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
            return "Roll back a Kubernetes service (DevOps Orchestrator)";
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
    }
}
