package io.jenkins.plugins.devops.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.credentials.CredentialsListing;
import io.jenkins.plugins.util.JenkinsFacade;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An HTTP endpoint that receives deployment events ({@code deployment.completed} and CDEvents, as CloudEvents)
 * through the durable outbox. The body is signed with HMAC-SHA256
 * when an HMAC secret (a secret-text credential) is configured; the secret itself is never sent or logged.
 */
public class EventSinkConfig implements Describable<EventSinkConfig> {
    /** How each CloudEvent travels over HTTP (the sink always receives deployment.completed and the CDEvents). */
    public enum Mode {
        /** Attributes in {@code ce-*} headers, the event data as the body (what CDEvents receivers expect). */
        BINARY,
        /** The whole event as one JSON document ({@code application/cloudevents+json}). */
        STRUCTURED;

        /** The lower-case name used in configuration files. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String name;
    private final String url;
    private Mode mode = Mode.BINARY;
    private String hmacCredentialsId = "";

    @DataBoundConstructor
    public EventSinkConfig(String name, String url) {
        this.name = Util.fixNull(name).trim();
        this.url = Util.fixNull(url).trim();
    }

    /** A short name ({@code [a-z0-9-]}), used for the sink's outbox directory and in messages. */
    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public Mode getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(Mode mode) {
        this.mode = mode == null ? Mode.BINARY : mode;
    }

    public String getHmacCredentialsId() {
        return hmacCredentialsId;
    }

    @DataBoundSetter
    public void setHmacCredentialsId(String hmacCredentialsId) {
        this.hmacCredentialsId = Util.fixNull(hmacCredentialsId).trim();
    }

    /** Configuration form and validation of an event sink. */
    @Extension
    @Symbol("eventSink")
    public static class DescriptorImpl extends Descriptor<EventSinkConfig> {
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        @NonNull
        @Override
        public String getDisplayName() {
            return "Event sink";
        }

        @POST
        public ListBoxModel doFillHmacCredentialsIdItems(@QueryParameter String hmacCredentialsId) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return CredentialsListing.currentOnly(hmacCredentialsId);
            }
            return CredentialsListing.secretTexts(null, hmacCredentialsId);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            return NAME.matcher(Util.fixNull(value).trim()).matches()
                    ? FormValidation.ok()
                    : FormValidation.error("Use 1-63 lower-case letters, digits or dashes, e.g. 'audit' or 'devlake'");
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            try {
                URI uri = new URI(Util.fixNull(value).trim());
                String scheme = uri.getScheme();
                if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                    return FormValidation.error(
                            "Enter an http:// or https:// URL, e.g. https://events.example.com/hook");
                }
                return FormValidation.ok();
            } catch (URISyntaxException e) {
                return FormValidation.error("Not a URL: " + e.getReason());
            }
        }
    }
}
