package io.jenkins.plugins.devops.model;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.util.List;

/**
 * The "record → publish" end of a deployment: appends it to the ledger (the source of the DORA figures), queues
 * its events for delivery, attaches the build report and tells {@link DeploymentListener}s.
 */
public class DeploymentRecorder {
    private final JenkinsFacade jenkins;

    public DeploymentRecorder() {
        this(new JenkinsFacade());
    }

    DeploymentRecorder(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /**
     * @param connection the credentials id or {@code cloud:<name>} used (evidence for the checklists), never a secret
     */
    public void record(Run<?, ?> run, DeploymentRecord record, String connection, TaskListener listener)
            throws IOException {
        record(run, record, connection, listener, false);
    }

    /** @param rework the request declared the deployment rework (a hot fix); kept in the ledger for DORA */
    public void record(Run<?, ?> run, DeploymentRecord record, String connection, TaskListener listener, boolean rework)
            throws IOException {
        LedgerStore.get().ledger().append(LedgerEntry.of(record, rework));
        if (rework) {
            listener.getLogger()
                    .println("[devops] recorded as rework (declared): counts in the deployment rework rate");
        }
        List<String> events = EventOutbox.get().publish(record, rework, listener);
        run.addAction(DeploymentAction.create(run, record, events, connection));
        listener.getLogger().println("[devops] " + summary(record));
        DeploymentListener.fireCompleted(jenkins, run, record, listener);
    }

    private static String summary(DeploymentRecord record) {
        if (record.outcome().isSuccess()) {
            return record.service() + " " + record.version() + " is live in " + record.environment() + " ("
                    + record.strategy() + ", " + record.duration().toSeconds() + " s)";
        }
        return DeploymentResults.failureMessage(record);
    }
}
