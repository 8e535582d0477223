package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.analysis.GateFactory;
import io.jenkins.plugins.devops.core.analysis.GateSpec;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.gate.CrashLoopGate;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import io.jenkins.plugins.devops.core.gate.ReadinessGate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devops resume}: finishes a deployment whose {@code devops deploy} process died (killed, machine lost), from
 * the checkpoint its snapshot Secret keeps. Takes the same options as the deploy it continues.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Finish a deployment whose devops deploy process died, from the checkpoint kept in its snapshot Secret:"
                    + " the unfinished phase is applied again, then the rest; a failure rolls back as deploy does.",
            "Give the same manifests and options as the deploy. The lease of the dead deployment is taken over; a"
                    + " lease held by another deployment only with --force naming its holder."
        },
        footer = {
            "",
            "Example:",
            "  devops resume -f k8s/checkout.yaml --service checkout --environment staging --strategy canary"
                    + " --steps 10,50,100 --image ghcr.io/example/checkout:1.4.2 --kubeconfig ~/.kube/config",
            "",
            "Exit codes: 0 deployed, 1 the deployment failed (rolled back or not), 2 usage or input error or nothing"
                    + " to resume (nothing was written)."
        })
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    RequestOptions request;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    FormatOption format;

    @Option(
            names = "--max-restarts",
            defaultValue = "3",
            paramLabel = "N",
            description = "Fail when a new pod's containers restarted this often (default 3).")
    int maxRestarts;

    @Option(names = "--gates", paramLabel = "FILE", description = "More health gates in YAML, as for deploy.")
    Path gatesFile;

    @Option(
            names = "--force",
            paramLabel = "HOLDER",
            description = "Take the lease from this holder (as printed in the refusal) although it has not expired;"
                    + " only when its process is dead.")
    String force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (maxRestarts < 1) {
            throw new UsageException("--max-restarts must be 1 or more, got " + maxRestarts);
        }
        DeploymentRequest deployment = request.toRequest(false);
        List<HealthGate> configured = gatesFile == null
                ? List.of()
                : new GateFactory(EnvironmentSecrets::resolve)
                        .create(GateSpec.fromYaml(InputFile.read(gatesFile, "gates file", "--gates")));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = format.json() ? spec.commandLine().getErr() : out;
        EngineOptions options = EngineOptions.defaults();
        try (AbortOnShutdown abort =
                        new AbortOnShutdown(options.rollbackTimeout().plusSeconds(30));
                KubernetesClient client = cluster.connect()) {
            List<HealthGate> gates = new ArrayList<>();
            gates.add(new ReadinessGate(client));
            gates.add(new CrashLoopGate(client, maxRestarts));
            gates.addAll(configured);
            DeploymentRecord record = new DeploymentEngine(client, options)
                    .resume(deployment, gates, new ProgressPrinter(progress), force);
            out.print(format.json() ? CliJson.write(record) + "\n" : Outcomes.summary(record));
            out.flush();
            return record.outcome().isSuccess() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
