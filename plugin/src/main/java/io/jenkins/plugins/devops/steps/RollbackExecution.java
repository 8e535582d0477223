package io.jenkins.plugins.devops.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.model.RollbackOperation;
import io.jenkins.plugins.devops.model.RollbackSettings;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code devopsRollback} in the background. A rollback is idempotent (it converges the service to the
 * target revision), so after a controller restart {@link #onResume()} simply runs it again.
 */
final class RollbackExecution extends LongRunningExecution {
    private static final long serialVersionUID = 1L;

    private final RollbackSettings settings;

    RollbackExecution(StepContext context, RollbackSettings settings) {
        super(context);
        this.settings = settings;
    }

    @Override
    protected void work() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        DeploymentRecord record = new RollbackOperation()
                .rollback(settings, run, workspaceOrNull(context), listener, progress(stateJson -> {}));
        StepCompletion.complete(context, record, settings.markUnstable(), stopCause());
    }
}
