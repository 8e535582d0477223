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
import io.jenkins.plugins.devops.model.RollbackSettings;
import io.jenkins.plugins.util.JenkinsFacade;
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
 * {@code devopsRollback}: returns a service to its previous good revision, or to the one named.
 *
 * <pre>{@code
 * devopsRollback service: 'shop', environment: 'production'                    // the revision before the current
 * def r = devopsRollback service: 'shop', environment: 'production', revision: '1.4.1'
 * }</pre>
 */
public class RollbackStep extends Step {
    private final String service;
    private final String environment;
    private String revision;
    private String namespace;
    private String credentialsId;
    private String serverUrl;
    private String context;
    private String cloud;
    private boolean markUnstable;

    @DataBoundConstructor
    public RollbackStep(String service, String environment) {
        this.service = Util.fixNull(service).trim();
        this.environment = Util.fixNull(environment).trim();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RollbackExecution(context, toSettings());
    }

    RollbackSettings toSettings() {
        return new RollbackSettings(
                service,
                environment,
                namespace,
                revision,
                new ClusterConnection(credentialsId, serverUrl, "", false, context, cloud),
                markUnstable);
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

    /** A version ({@code 1.4.1}) or Deployment revision number; empty for the revision before the current one. */
    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = Util.fixEmptyAndTrim(revision);
    }

    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
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

    public boolean isMarkUnstable() {
        return markUnstable;
    }

    @DataBoundSetter
    public void setMarkUnstable(boolean markUnstable) {
        this.markUnstable = markUnstable;
    }

    /** Snippet Generator support and form validation for {@code devopsRollback}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "devopsRollback";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Roll a service back to a previous revision (DevOps Orchestrator)";
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
