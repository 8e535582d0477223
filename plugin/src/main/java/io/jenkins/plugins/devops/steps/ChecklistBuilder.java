package io.jenkins.plugins.devops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.model.ChecklistAction;
import io.jenkins.plugins.devops.model.ChecklistOperation;
import io.jenkins.plugins.devops.model.ChecklistSettings;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/** The freestyle "Evaluate DevOps checklists" build step; the same {@link ChecklistOperation} as {@code devopsChecklist}. */
public class ChecklistBuilder extends Builder implements SimpleBuildStep {
    private String checklists = "";
    private String config = "";
    private String failOn = "";
    private String unstableOn = "";
    private String baseline = "";

    @DataBoundConstructor
    public ChecklistBuilder() {}

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        DevopsConfiguration defaults = DevopsConfiguration.get();
        ChecklistSettings settings = new ChecklistSettings(
                names(checklists),
                env.expand(config),
                failOn.isEmpty() ? defaults.getChecklistFailOn() : failOn,
                unstableOn.isEmpty() ? defaults.getChecklistUnstableOn() : unstableOn,
                env.expand(baseline));
        ChecklistAction report = new ChecklistOperation().evaluate(settings, run, workspace, listener);
        if ("FAILURE".equals(report.getVerdict())) {
            throw new AbortException("Checklist policy failed: " + String.join("; ", report.getReasons()));
        }
        if ("UNSTABLE".equals(report.getVerdict())) {
            run.setResult(Result.UNSTABLE);
        }
    }

    static List<String> names(String text) {
        return Arrays.stream(Util.fixNull(text).split("[,\\s]+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public String getChecklists() {
        return checklists;
    }

    /** Comma-separated: cicd, infrastructure, monitoring, security; empty for all. */
    @DataBoundSetter
    public void setChecklists(String checklists) {
        this.checklists = Util.fixNull(checklists).trim();
    }

    public String getConfig() {
        return config;
    }

    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixNull(config).trim();
    }

    public String getBaseline() {
        return baseline;
    }

    /** A workspace-relative baseline file; only findings it does not know count. Empty for none. */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = Util.fixNull(baseline).trim();
    }

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = Util.fixNull(failOn).trim();
    }

    public String getUnstableOn() {
        return unstableOn;
    }

    @DataBoundSetter
    public void setUnstableOn(String unstableOn) {
        this.unstableOn = Util.fixNull(unstableOn).trim();
    }

    /** The build step's form. */
    @Extension
    @Symbol("devopsChecklistBuilder")
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
            return "Evaluate DevOps checklists (DevOps Orchestrator)";
        }

        @POST
        public ListBoxModel doFillFailOnItems(@CheckForNull @AncestorInPath Item item) {
            if (!jenkins.hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return ChecklistChoices.withSystemDefault(ChecklistSettings.FAIL_ON_CHOICES);
        }

        @POST
        public ListBoxModel doFillUnstableOnItems(@CheckForNull @AncestorInPath Item item) {
            if (!jenkins.hasPermission(Item.READ, item)) {
                return new ListBoxModel();
            }
            return ChecklistChoices.withSystemDefault(ChecklistSettings.UNSTABLE_ON_CHOICES);
        }
    }
}
