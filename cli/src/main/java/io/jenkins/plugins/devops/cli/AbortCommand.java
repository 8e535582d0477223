package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devops abort}: undoes a deployment whose {@code devops deploy} process died, restoring every object it
 * wrote from its snapshot Secret.
 */
@Command(
        name = "abort",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Undo a deployment whose devops deploy process died: restore every object it wrote to how it was before"
                    + " its first write (from its snapshot Secret), then release its lease.",
            "The lease of the dead deployment is taken over; a lease held by another deployment only with --force"
                    + " naming its holder."
        },
        footer = {
            "",
            "Example:",
            "  devops abort --service checkout --environment staging --namespace shop --kubeconfig ~/.kube/config",
            "",
            "Exit codes: 0 aborted (restored), 1 the restore failed (run it again), 2 usage error or nothing to abort"
                    + " (nothing was written)."
        })
final class AbortCommand implements Callable<Integer> {
    @Mixin
    ServiceTarget target;

    @Option(
            names = "--force",
            paramLabel = "HOLDER",
            description = "Take the lease from this holder (as printed in the refusal) although it has not expired;"
                    + " only when its process is dead.")
    String force;

    @Option(
            names = "--triggered-by",
            paramLabel = "WHO",
            description = "Who asked for it. Default: the user running the command.")
    String triggeredBy;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = format.json() ? spec.commandLine().getErr() : out;
        DeploymentRecord record;
        try (KubernetesClient client = cluster.connect()) {
            record = new DeploymentEngine(client, EngineOptions.defaults())
                    .abort(
                            target.namespace,
                            target.service,
                            target.environment,
                            triggeredBy != null ? triggeredBy : System.getProperty("user.name", ""),
                            force,
                            new ProgressPrinter(progress));
        }
        out.print(format.json() ? CliJson.write(record) + "\n" : Outcomes.summary(record));
        out.flush();
        return record.outcome() == Outcome.ABORTED ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
