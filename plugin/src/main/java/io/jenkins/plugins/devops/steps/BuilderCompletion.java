package io.jenkins.plugins.devops.steps;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.model.DeploymentResults;

/** Ends a freestyle deployment or rollback build step from its record. */
final class BuilderCompletion {
    private BuilderCompletion() {}

    static void complete(Run<?, ?> run, DeploymentRecord record, boolean markUnstable) throws AbortException {
        if (record.outcome().isSuccess()) {
            return;
        }
        String message = DeploymentResults.failureMessage(record);
        if (!markUnstable) {
            throw new AbortException(message);
        }
        run.setResult(Result.UNSTABLE);
    }
}
