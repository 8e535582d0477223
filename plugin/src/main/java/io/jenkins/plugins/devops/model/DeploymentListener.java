package io.jenkins.plugins.devops.model;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets other plugins react to deployments and rollbacks made by this plugin (notify a chat, open an incident,
 * update a dashboard). Register an implementation with {@code @Extension}.
 *
 * <pre>{@code
 * @Extension
 * public class ChatNotifier extends DeploymentListener {
 *     @Override
 *     public void onCompleted(Run<?, ?> run, DeploymentRecord record) {
 *         if (!record.outcome().isSuccess()) {
 *             chat.post(record.service() + " failed in " + record.environment() + ": " + record.failureReason());
 *         }
 *     }
 * }
 * }</pre>
 */
public abstract class DeploymentListener implements ExtensionPoint {
    private static final Logger LOGGER = Logger.getLogger(DeploymentListener.class.getName());

    /**
     * Called once a deployment or rollback has finished and been recorded, on the thread that ran it. Keep it
     * short; exceptions are logged and do not change the build.
     */
    public abstract void onCompleted(Run<?, ?> run, DeploymentRecord record);

    /** Tells every registered listener; one failing listener does not stop the others. */
    public static void fireCompleted(
            JenkinsFacade jenkins, Run<?, ?> run, DeploymentRecord record, TaskListener listener) {
        for (DeploymentListener each : jenkins.getExtensionsFor(DeploymentListener.class)) {
            try {
                each.onCompleted(run, record);
            } catch (RuntimeException e) {
                LOGGER.log(
                        Level.WARNING, "Deployment listener " + each.getClass().getName() + " failed", e);
                listener.getLogger()
                        .println("[devops] listener " + each.getClass().getName() + " failed: " + e);
            }
        }
    }
}
