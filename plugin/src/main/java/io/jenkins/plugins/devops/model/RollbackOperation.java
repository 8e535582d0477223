package io.jenkins.plugins.devops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.config.EnvironmentConfig;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.RollbackRequest;
import io.jenkins.plugins.devops.core.kube.LeaseHeldException;
import io.jenkins.plugins.devops.credentials.ClusterClient;
import io.jenkins.plugins.devops.credentials.ClusterClientFactory;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One manual rollback for one build, shared by the {@code devopsRollback} step and the freestyle builder. A
 * rollback is short and idempotent, so after a controller restart it is simply run again.
 */
public class RollbackOperation {
    private final ClusterClientFactory clients;
    private final DeploymentRecorder recorder;

    public RollbackOperation() {
        this(new ClusterClientFactory(), new DeploymentRecorder());
    }

    RollbackOperation(ClusterClientFactory clients, DeploymentRecorder recorder) {
        this.clients = clients;
        this.recorder = recorder;
    }

    public DeploymentRecord rollback(
            RollbackSettings settings,
            Run<?, ?> run,
            @CheckForNull FilePath workspace,
            TaskListener listener,
            DeploymentProgress progress)
            throws IOException, InterruptedException {
        Optional<EnvironmentConfig> environment = DevopsConfiguration.get().environment(settings.environment());
        String namespace = !settings.namespace().isEmpty()
                ? settings.namespace()
                : environment.map(EnvironmentConfig::getNamespace).orElse("");
        if (namespace.isEmpty()) {
            throw new AbortException("No namespace for " + settings.service() + " in " + settings.environment()
                    + ": pass namespace: '...' or configure the environment '" + settings.environment()
                    + "' under Manage Jenkins > System > DevOps Orchestrator");
        }
        ClusterConnection connection = settings.connection()
                .orElse(environment.map(EnvironmentConfig::connection).orElse(settings.connection()));
        DeploymentRecord record;
        try (ClusterClient client = clients.connect(connection, run)) {
            progress.connected(client);
            RollbackRequest request = new RollbackRequest(
                    settings.service(),
                    settings.environment(),
                    namespace,
                    settings.revision(),
                    run.getExternalizableId());
            listener.getLogger()
                    .println("[devops] rolling back " + settings.service() + " in " + settings.environment() + " to "
                            + (settings.revision().isEmpty() ? "the previous revision" : settings.revision()));
            record = new DeploymentEngine(
                            client.get(), EngineOptions.defaults().withHolderIdentity(run.getExternalizableId()))
                    .rollback(
                            request,
                            new LogProgressListener(listener, settings.service(), settings.environment(), progress));
        } catch (IllegalArgumentException | IllegalStateException | LeaseHeldException e) {
            throw new AbortException(
                    "devopsRollback " + settings.service() + " → " + settings.environment() + ": " + e.getMessage());
        }
        if (progress.detached()) {
            throw new InterruptedException("Jenkins is shutting down; the rollback runs again after the restart");
        }
        boolean interrupted = Thread.interrupted();
        try {
            recorder.record(run, record, describe(connection), listener);
            WorkspaceContextRecorder.write(
                    workspace,
                    DeploymentContext.of("devopsRollback", run, record, connection, environment, List.of(), List.of()),
                    listener);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    private static String describe(ClusterConnection connection) {
        return connection.usesCloud() ? "cloud:" + connection.getCloud() : connection.getCredentialsId();
    }
}
