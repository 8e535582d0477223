package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.RollbackRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devops rollback}: returns a service to its previous (or a named) good revision. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Return a service to the revision before the current one, or to the version or Deployment"
                + " revision given with --revision.",
        footer = {
            "",
            "Example:",
            "  devops rollback --service checkout --environment staging --namespace shop --kubeconfig ~/.kube/config",
            "",
            "Exit codes: 0 rolled back, 1 the rollback failed or the cluster could not be reached, 2 usage or"
                    + " input error (nothing was written)."
        })
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    ServiceTarget target;

    @Option(
            names = "--revision",
            paramLabel = "REVISION",
            description = "A version (1.4.1) or Deployment revision number (3). Default: the one before the current.")
    String revision;

    @Option(
            names = "--triggered-by",
            paramLabel = "WHO",
            description = "Who asked for it. Default: the user running the command.")
    String triggeredBy;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    FormatOption format;

    @Mixin
    RecordingOptions recording;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RollbackRequest rollback = new RollbackRequest(
                target.service,
                target.environment,
                target.namespace,
                revision,
                triggeredBy != null ? triggeredBy : System.getProperty("user.name", ""));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = format.json() ? spec.commandLine().getErr() : out;
        DeploymentRecord record;
        try (RecordingOptions.Recording recorded = recording.open()) {
            try (KubernetesClient client = cluster.connect()) {
                record = new DeploymentEngine(client, EngineOptions.defaults())
                        .rollback(rollback, new ProgressPrinter(progress));
            }
            out.print(format.json() ? CliJson.write(record) + "\n" : Outcomes.summary(record));
            out.flush();
            recorded.record(record, false, "rollback", spec.commandLine().getErr());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot record the rollback: " + e.getMessage(), e);
        }
        return record.outcome().isSuccess() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
