package io.jenkins.plugins.devops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.model.ChecklistAction;
import io.jenkins.plugins.devops.model.ChecklistOperation;
import io.jenkins.plugins.devops.model.ChecklistSettings;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code devopsChecklist}: evaluates the CI/CD, infrastructure, monitoring and security checklists from evidence in
 * the workspace and in the run (stages executed, deployments and the credentials they used), records the report
 * on the build and returns the scores.
 *
 * <pre>{@code
 * def c = devopsChecklist checklists: ['cicd', 'security'], config: 'devops-checklist.yaml',
 *                         baseline: '.devops/checklist-baseline.json', failOn: 'critical', unstableOn: 'warning'
 * echo "score ${c.score}: ${c.checklists}"
 * }</pre>
 */
public class ChecklistStep extends Step {
    private List<String> checklists;
    private String config;
    private String failOn;
    private String unstableOn;
    private String baseline;

    @DataBoundConstructor
    public ChecklistStep() {}

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, checklists, config, failOn, unstableOn, baseline);
    }

    public List<String> getChecklists() {
        return checklists;
    }

    /** {@code cicd}, {@code infrastructure}, {@code monitoring}, {@code security}; empty for all four. */
    @DataBoundSetter
    public void setChecklists(List<String> checklists) {
        this.checklists = checklists == null || checklists.isEmpty() ? null : new ArrayList<>(checklists);
    }

    public String getConfig() {
        return config;
    }

    /** A workspace-relative checklist configuration (YAML). */
    @DataBoundSetter
    public void setConfig(String config) {
        this.config = Util.fixEmptyAndTrim(config);
    }

    public String getFailOn() {
        return failOn;
    }

    /** {@code critical} or {@code none}; empty for the system default. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = Util.fixEmptyAndTrim(failOn);
    }

    public String getUnstableOn() {
        return unstableOn;
    }

    /** {@code warning} or {@code none}; empty for the system default. */
    @DataBoundSetter
    public void setUnstableOn(String unstableOn) {
        this.unstableOn = Util.fixEmptyAndTrim(unstableOn);
    }

    public String getBaseline() {
        return baseline;
    }

    /**
     * A workspace-relative baseline file ({@code devops checklist --write-baseline .devops/checklist-baseline.json}):
     * only findings it does not know count for failOn / unstableOn.
     */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = Util.fixEmptyAndTrim(baseline);
    }

    /** Reads the workspace on a background thread; a restart fails it (it is quick to run again). */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final ArrayList<String> checklists;
        private final String config;
        private final String failOn;
        private final String unstableOn;
        private final String baseline;

        Execution(
                StepContext context,
                List<String> checklists,
                String config,
                String failOn,
                String unstableOn,
                String baseline) {
            super(context);
            this.baseline = baseline;
            this.checklists = checklists == null ? new ArrayList<>() : new ArrayList<>(checklists);
            this.config = config;
            this.failOn = failOn;
            this.unstableOn = unstableOn;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            DevopsConfiguration defaults = DevopsConfiguration.get();
            ChecklistSettings settings = new ChecklistSettings(
                    checklists,
                    config,
                    failOn == null ? defaults.getChecklistFailOn() : failOn,
                    unstableOn == null ? defaults.getChecklistUnstableOn() : unstableOn,
                    baseline);
            ChecklistAction report = new ChecklistOperation()
                    .evaluate(settings, run, context.get(FilePath.class), context.get(TaskListener.class));
            String reasons = String.join("; ", report.getReasons());
            if ("FAILURE".equals(report.getVerdict())) {
                throw new AbortException("Checklist policy failed: " + reasons);
            }
            if ("UNSTABLE".equals(report.getVerdict())) {
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reasons));
                }
                run.setResult(Result.UNSTABLE);
            }
            return report.toMap();
        }
    }

    /** Snippet Generator support for {@code devopsChecklist}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        private final transient JenkinsFacade jenkins = new JenkinsFacade();

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "devopsChecklist";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Evaluate the DevOps checklists (DevOps Orchestrator)";
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
