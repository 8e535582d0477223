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
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.DeploymentState;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.kube.LeaseHeldException;
import io.jenkins.plugins.devops.credentials.ClusterClient;
import io.jenkins.plugins.devops.credentials.ClusterClientFactory;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One deployment for one build, shared by the {@code devopsDeploy} step and the freestyle builder: settings →
 * request → engine → record → publish. Runs on the caller's (background) thread; interrupting it aborts the
 * deployment, which the engine rolls back.
 */
public class DeployOperation {
    private final ClusterClientFactory clients;
    private final DeploymentRecorder recorder;

    public DeployOperation() {
        this(new ClusterClientFactory(), new DeploymentRecorder());
    }

    DeployOperation(ClusterClientFactory clients, DeploymentRecorder recorder) {
        this.clients = clients;
        this.recorder = recorder;
    }

    /**
     * Deploys, or resumes from {@code resumeState}, then records and publishes the result.
     *
     * @param manifests the YAML (already read from the workspace)
     * @param workspace where to update the workspace context, null outside {@code node}
     * @param resumeState the last checkpoint of this deployment, or null to start it
     * @throws AbortException for settings that cannot work, with what to change; nothing was deployed then
     */
    public DeploymentRecord deploy(
            DeploySettings settings,
            String manifests,
            Run<?, ?> run,
            @CheckForNull FilePath workspace,
            TaskListener listener,
            @CheckForNull String resumeState,
            DeploymentProgress progress)
            throws IOException, InterruptedException {
        Optional<EnvironmentConfig> environment = DevopsConfiguration.get().environment(settings.environment());
        DeploymentRequest request = request(settings, manifests, run, environment);
        ClusterConnection connection = settings.connection()
                .orElse(environment.map(EnvironmentConfig::connection).orElse(settings.connection()));
        LogProgressListener log =
                new LogProgressListener(listener, settings.service(), settings.environment(), progress);
        List<HealthGate> healthGates = GateSet.create(settings, environment, run, listener);
        DeploymentRecord record;
        try (ClusterClient client = clients.connect(connection, run)) {
            progress.connected(client);
            DeploymentEngine engine = new DeploymentEngine(
                    client.get(), EngineOptions.defaults().withHolderIdentity(run.getExternalizableId()));
            if (resumeState == null) {
                record = engine.deploy(request, healthGates, log);
            } else {
                listener.getLogger().println("[devops] resuming the deployment after a controller restart");
                record = engine.resume(DeploymentState.fromJson(resumeState), request, healthGates, log);
            }
        } catch (IllegalArgumentException | IllegalStateException | LeaseHeldException e) {
            // InvalidRequestException, LeaseHeldException and friends: nothing was changed, the message says why
            throw new AbortException(settings.service() + " → " + settings.environment() + ": " + e.getMessage());
        }
        if (progress.detached()) {
            // The controller shut down under the deployment: it resumes from its checkpoint after the restart.
            throw new InterruptedException("Jenkins is shutting down; the deployment resumes after the restart");
        }
        // The engine re-sets the interrupt flag after an abort; clear it so recording (file I/O) still works.
        boolean interrupted = Thread.interrupted();
        try {
            recorder.record(run, record, describe(connection), listener);
            WorkspaceContextRecorder.write(
                    workspace,
                    DeploymentContext.of(
                            "devopsDeploy",
                            run,
                            record,
                            connection,
                            environment,
                            settings.analysis(),
                            settings.smokeTests()),
                    listener);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    private static DeploymentRequest request(
            DeploySettings settings, String manifests, Run<?, ?> run, Optional<EnvironmentConfig> environment)
            throws AbortException {
        String namespace = !settings.namespace().isEmpty()
                ? settings.namespace()
                : environment.map(EnvironmentConfig::getNamespace).orElse("");
        if (namespace.isEmpty()) {
            throw new AbortException("No namespace for " + settings.service() + " in " + settings.environment()
                    + ": pass namespace: '...' or configure the environment '" + settings.environment()
                    + "' under Manage Jenkins > System > DevOps Orchestrator");
        }
        try {
            return DeploymentRequest.builder()
                    .service(settings.service())
                    .environment(settings.environment())
                    .namespace(namespace)
                    .manifests(manifests)
                    .image(settings.image().isEmpty() ? null : settings.image())
                    .version(settings.version().isEmpty() ? null : settings.version())
                    .strategy(StrategySettings.fromOptions(settings.strategy(), settings.strategyOptions()))
                    // 0 (the default) leaves the manifest's progressDeadlineSeconds in charge
                    .progressDeadline(
                            settings.progressDeadlineSeconds() > 0
                                    ? Duration.ofSeconds(settings.progressDeadlineSeconds())
                                    : null)
                    .commits(CommitCollector.of(run))
                    .triggeredBy(run.getExternalizableId())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new AbortException("devopsDeploy " + settings.service() + ": " + e.getMessage());
        }
    }

    private static String describe(ClusterConnection connection) {
        return connection.usesCloud() ? "cloud:" + connection.getCloud() : connection.getCredentialsId();
    }
}
