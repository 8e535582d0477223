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
 * {@code devops deploy}: deploys against a real cluster, printing progress per phase and the outcome. The health
 * gates are readiness and crash-loop detection, then whatever {@code --gates} configures. Ctrl-C or SIGTERM aborts
 * the deployment and rolls it back before the process ends.
 */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Deploy a service to Kubernetes with a rolling, recreate, blue-green or canary strategy, checking"
                    + " health after each phase and rolling back by itself when a check fails.",
            "Progress is printed as it happens (to stderr with --format json, so stdout stays JSON)."
        },
        footer = {
            "",
            "Example:",
            "  devops deploy -f k8s/checkout.yaml --service checkout --environment staging --strategy canary"
                    + " --steps 10,50,100 --image ghcr.io/example/checkout:1.4.2 --kubeconfig ~/.kube/config",
            "",
            "Exit codes: 0 deployed, 1 the deployment failed or was aborted by Ctrl-C/SIGTERM (rolled back or"
                    + " not), 2 usage or input error (nothing was written)."
        })
final class DeployCommand implements Callable<Integer> {
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
            description = "Fail at once when a container of a new pod restarted this often (default 3); pods in"
                    + " CrashLoopBackOff or ImagePullBackOff fail at once anyway.")
    int maxRestarts;

    @Option(
            names = "--gates",
            paramLabel = "FILE",
            description = "More health gates in YAML: analysis, smokeTests, webhooks (docs/analysis.md). A"
                    + " credentialsId there names an environment variable holding the secret.")
    Path gatesFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (maxRestarts < 1) {
            throw new UsageException("--max-restarts must be 1 or more, got " + maxRestarts);
        }
        DeploymentRequest deployment =
                request.toRequest(false).toBuilder().maxRestarts(maxRestarts).build();
        // Gates are built (credentials resolved) before the cluster is touched, so bad settings change nothing.
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
            DeploymentRecord record =
                    new DeploymentEngine(client, options).deploy(deployment, gates, new ProgressPrinter(progress));
            out.print(format.json() ? CliJson.write(record) + "\n" : Outcomes.summary(record));
            out.flush();
            int code = record.outcome().isSuccess() ? ExitCodes.OK : ExitCodes.FAILED;
            abort.exitWith(code);
            return code;
        }
    }
}
