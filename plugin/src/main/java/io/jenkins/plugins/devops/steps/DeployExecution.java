package io.jenkins.plugins.devops.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.model.DeployOperation;
import io.jenkins.plugins.devops.model.DeploySettings;
import io.jenkins.plugins.devops.model.ManifestReader;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code devopsDeploy} in the background. What it needs to continue after a controller restart is in
 * serializable fields: the settings, the manifests as read from the workspace, and the engine's last checkpoint;
 * {@link #onResume()} hands them back to the engine, which picks the deployment up where it was.
 */
final class DeployExecution extends LongRunningExecution {
    private static final long serialVersionUID = 1L;

    private final DeploySettings settings;
    private volatile String manifests;
    private volatile String state;

    DeployExecution(StepContext context, DeploySettings settings) {
        super(context);
        this.settings = settings;
    }

    @Override
    protected void work() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = LongRunningExecution.workspaceOrNull(context);
        if (manifests == null) {
            manifests = ManifestReader.read(settings.manifests(), workspace);
            context.saveState();
        }
        DeploymentRecord record = new DeployOperation()
                .deploy(settings, manifests, run, workspace, listener, state, progress(stateJson -> {
                    state = stateJson;
                    context.saveState(); // so a restart resumes from this checkpoint
                }));
        StepCompletion.complete(context, record, settings.markUnstable(), stopCause());
    }
}
