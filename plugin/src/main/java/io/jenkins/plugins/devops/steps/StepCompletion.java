package io.jenkins.plugins.devops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.model.DeploymentResults;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Ends a deployment or rollback step from its record: return the result map, mark unstable, or fail. */
final class StepCompletion {
    private StepCompletion() {}

    static void complete(
            StepContext context, DeploymentRecord record, boolean markUnstable, @CheckForNull Throwable stopCause)
            throws IOException, InterruptedException {
        if (stopCause != null) {
            context.onFailure(stopCause); // stopped by the user: the engine has rolled back, the build is aborted
            return;
        }
        if (record.outcome().isSuccess()) {
            context.onSuccess(DeploymentResults.toMap(record));
            return;
        }
        String message = DeploymentResults.failureMessage(record);
        if (!markUnstable) {
            context.onFailure(new AbortException(message));
            return;
        }
        FlowNode node = context.get(FlowNode.class);
        if (node != null) {
            // marks the stage yellow in the stage view, as junit does for test failures
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
        context.get(Run.class).setResult(Result.UNSTABLE);
        context.onSuccess(DeploymentResults.toMap(record));
    }
}
