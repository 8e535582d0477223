package io.jenkins.plugins.devops.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.jenkins.JenkinsFacade;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's system configuration (Manage Jenkins &gt; System &gt; DevOps Orchestrator), also settable with
 * Configuration-as-Code under {@code unclassified: devopsOrchestrator:}.
 *
 * <pre>{@code
 * unclassified:
 *   devopsOrchestrator:
 *     doraWindowDays: 30
 *     leadTimeTargetHours: 4
 *     environments:
 *       - name: staging
 *         namespace: shop-staging
 *         credentialsId: staging-kubeconfig
 *     eventSinks:
 *       - name: audit
 *         url: https://events.example.com/hook
 *         mode: BINARY
 *         hmacCredentialsId: events-hmac
 * }</pre>
 */
@Extension
@Symbol("devopsOrchestrator")
public class DevopsConfiguration extends GlobalConfiguration {
    static final String DEFAULT_LEDGER_FOLDER = "devops-orchestrator";

    private transient JenkinsFacade jenkins = new JenkinsFacade();

    private List<EnvironmentConfig> environments = new ArrayList<>();
    private List<EventSinkConfig> eventSinks = new ArrayList<>();
    private String ledgerDirectory = "";
    private int doraWindowDays = 30;
    private double deploymentFrequencyTargetPerDay = 1.0;
    private double leadTimeTargetHours = 1;
    private double changeFailureRateTargetPercent = 5;
    private double timeToRestoreTargetHours = 0.5;
    private double availabilityTargetPercent = 99.9;
    // A failed critical item is a finding of the report (UNSTABLE), as junit and warnings-ng treat theirs; FAILURE is
    // for a policy someone asked for.
    private String checklistFailOn = "none";
    private String checklistUnstableOn = "warning";

    public DevopsConfiguration() {
        load();
    }

    /** The singleton instance. */
    public static DevopsConfiguration get() {
        return ExtensionList.lookupSingleton(DevopsConfiguration.class);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // Lists must be cleared first, otherwise removing every entry in the form would keep the old ones.
        environments = new ArrayList<>();
        eventSinks = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    public List<EnvironmentConfig> getEnvironments() {
        return List.copyOf(environments);
    }

    @DataBoundSetter
    public void setEnvironments(List<EnvironmentConfig> environments) {
        this.environments = environments == null ? new ArrayList<>() : new ArrayList<>(environments);
        save();
    }

    /** The environment with this name, if configured. */
    public Optional<EnvironmentConfig> environment(String name) {
        return environments.stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    public List<EventSinkConfig> getEventSinks() {
        return List.copyOf(eventSinks);
    }

    @DataBoundSetter
    public void setEventSinks(List<EventSinkConfig> eventSinks) {
        this.eventSinks = eventSinks == null ? new ArrayList<>() : new ArrayList<>(eventSinks);
        save();
    }

    /** The configured ledger directory; empty means {@link #ledgerPath()}'s default under JENKINS_HOME. */
    public String getLedgerDirectory() {
        return ledgerDirectory;
    }

    @DataBoundSetter
    public void setLedgerDirectory(String ledgerDirectory) {
        this.ledgerDirectory = Util.fixNull(ledgerDirectory).trim();
        save();
    }

    /** Where the deployment ledger and the event outbox live: the configured directory or JENKINS_HOME/devops-orchestrator. */
    public Path ledgerPath() {
        if (!ledgerDirectory.isEmpty()) {
            return Path.of(ledgerDirectory);
        }
        return new File(facade().getRootDir(), DEFAULT_LEDGER_FOLDER).toPath();
    }

    public int getDoraWindowDays() {
        return doraWindowDays;
    }

    @DataBoundSetter
    public void setDoraWindowDays(int doraWindowDays) {
        this.doraWindowDays = Math.max(1, doraWindowDays);
        save();
    }

    public double getDeploymentFrequencyTargetPerDay() {
        return deploymentFrequencyTargetPerDay;
    }

    @DataBoundSetter
    public void setDeploymentFrequencyTargetPerDay(double value) {
        this.deploymentFrequencyTargetPerDay = value;
        save();
    }

    public double getLeadTimeTargetHours() {
        return leadTimeTargetHours;
    }

    @DataBoundSetter
    public void setLeadTimeTargetHours(double value) {
        this.leadTimeTargetHours = value;
        save();
    }

    public double getChangeFailureRateTargetPercent() {
        return changeFailureRateTargetPercent;
    }

    @DataBoundSetter
    public void setChangeFailureRateTargetPercent(double value) {
        this.changeFailureRateTargetPercent = value;
        save();
    }

    public double getTimeToRestoreTargetHours() {
        return timeToRestoreTargetHours;
    }

    @DataBoundSetter
    public void setTimeToRestoreTargetHours(double value) {
        this.timeToRestoreTargetHours = value;
        save();
    }

    public double getAvailabilityTargetPercent() {
        return availabilityTargetPercent;
    }

    @DataBoundSetter
    public void setAvailabilityTargetPercent(double value) {
        this.availabilityTargetPercent = value;
        save();
    }

    /**
     * Default for devopsChecklist's {@code failOn}: {@code none} (a failed critical item makes the build UNSTABLE; the
     * default) or {@code critical} (it fails the build).
     */
    public String getChecklistFailOn() {
        return checklistFailOn;
    }

    /** @throws IllegalArgumentException for a value the checklist step would reject (JCasC reports it) */
    @DataBoundSetter
    public void setChecklistFailOn(String checklistFailOn) {
        this.checklistFailOn = choice("checklistFailOn", checklistFailOn, "none", "critical");
        save();
    }

    /** Default for devopsChecklist's {@code unstableOn}: {@code warning} (any item warned) or {@code none}. */
    public String getChecklistUnstableOn() {
        return checklistUnstableOn;
    }

    /** @throws IllegalArgumentException for a value the checklist step would reject (JCasC reports it) */
    @DataBoundSetter
    public void setChecklistUnstableOn(String checklistUnstableOn) {
        this.checklistUnstableOn = choice("checklistUnstableOn", checklistUnstableOn, "warning", "none");
        save();
    }

    /** The same two choices the checklist step accepts; empty means the first (the default). */
    private static String choice(String field, String value, String byDefault, String other) {
        String text = Util.fixEmptyAndTrim(value) == null ? byDefault : value.trim().toLowerCase(Locale.ROOT);
        if (!text.equals(byDefault) && !text.equals(other)) {
            throw new IllegalArgumentException(
                    field + ": '" + value + "' is not supported; use '" + byDefault + "' or '" + other + "'");
        }
        return text;
    }

    @POST
    public ListBoxModel doFillChecklistFailOnItems() {
        ListBoxModel items = new ListBoxModel();
        if (!new io.jenkins.plugins.util.JenkinsFacade().hasPermission(Jenkins.ADMINISTER)) {
            return items;
        }
        items.add("never: a failed critical item makes the build unstable (none)", "none");
        items.add("a critical item fails (critical)", "critical");
        return items;
    }

    @POST
    public ListBoxModel doFillChecklistUnstableOnItems() {
        ListBoxModel items = new ListBoxModel();
        if (!new io.jenkins.plugins.util.JenkinsFacade().hasPermission(Jenkins.ADMINISTER)) {
            return items;
        }
        items.add("any item warns (warning)", "warning");
        items.add("never (none)", "none");
        return items;
    }

    @POST
    public FormValidation doCheckLedgerDirectory(@QueryParameter String value) {
        if (!new io.jenkins.plugins.util.JenkinsFacade().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        String path = Util.fixEmptyAndTrim(value);
        if (path != null && !new File(path).isAbsolute()) {
            return FormValidation.error(
                    "Use an absolute path, or leave empty for JENKINS_HOME/" + DEFAULT_LEDGER_FOLDER);
        }
        return FormValidation.ok();
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "DevOps Orchestrator";
    }

    private JenkinsFacade facade() {
        // transient fields are null after XStream loads this object
        if (jenkins == null) {
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }
}
