package io.jenkins.plugins.devops.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import io.jenkins.plugins.devops.credentials.CredentialsListing;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A deployment target known to Jenkins: its namespace, how to reach its cluster, and whether it is production (a
 * production environment can require an approval before traffic moves). Steps name it with {@code environment:}.
 *
 * <pre>{@code
 * unclassified:
 *   devopsOrchestrator:
 *     environments:
 *       - name: production
 *         namespace: shop
 *         credentialsId: prod-kubeconfig
 *         production: true
 *         approvalRequired: true
 *         approvers: release-managers
 * }</pre>
 */
public class EnvironmentConfig implements Describable<EnvironmentConfig> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final String name;
    private String namespace = "";
    private String credentialsId = "";
    private String serverUrl = "";
    private String caCertificate = "";
    private boolean skipTlsVerify;
    private String context = "";
    private String cloud = "";
    private boolean production;
    private boolean approvalRequired;
    private String approvers = "";

    @DataBoundConstructor
    public EnvironmentConfig(String name) {
        this.name = Util.fixNull(name).trim();
    }

    public String getName() {
        return name;
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

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = Util.fixNull(caCertificate).trim();
    }

    public boolean isSkipTlsVerify() {
        return skipTlsVerify;
    }

    @DataBoundSetter
    public void setSkipTlsVerify(boolean skipTlsVerify) {
        this.skipTlsVerify = skipTlsVerify;
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

    public boolean isProduction() {
        return production;
    }

    @DataBoundSetter
    public void setProduction(boolean production) {
        this.production = production;
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    @DataBoundSetter
    public void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    /** Comma-separated user ids or group names allowed to approve; empty means anyone who may build the job. */
    public String getApprovers() {
        return approvers;
    }

    @DataBoundSetter
    public void setApprovers(String approvers) {
        this.approvers = Util.fixNull(approvers).trim();
    }

    /** The approvers as a list, without blanks. */
    public List<String> approverList() {
        return Arrays.stream(approvers.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** How to reach this environment's cluster. */
    public ClusterConnection connection() {
        return new ClusterConnection(credentialsId, serverUrl, caCertificate, skipTlsVerify, context, cloud);
    }

    /** Configuration form and validation of an environment. */
    @Extension
    @Symbol("environment")
    public static class DescriptorImpl extends Descriptor<EnvironmentConfig> {
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Environment";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return CredentialsListing.currentOnly(credentialsId);
            }
            return CredentialsListing.clusterCredentials(null, credentialsId);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            if (!NAME.matcher(Util.fixNull(value).trim()).matches()) {
                return FormValidation.error(
                        "Use lower-case letters, digits and '-' (e.g. 'staging' or 'production'); steps refer to it"
                                + " with environment: 'name'");
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckSkipTlsVerify(@QueryParameter boolean value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            return value
                    ? FormValidation.warning("TLS verification is off for this cluster: use only for test clusters")
                    : FormValidation.ok();
        }
    }
}
