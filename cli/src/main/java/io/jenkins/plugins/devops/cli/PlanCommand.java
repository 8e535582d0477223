package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.strategy.DeploymentStrategy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devops plan}: the phases, objects and weights of a deployment, computed without writing anything. Without
 * {@code --kubeconfig}/{@code --context} no cluster is contacted: the plan assumes the cluster runs what the
 * manifests describe (so {@code --image} is the new version), or nothing at all with {@code --first-install}.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print the phases, objects and traffic weights of a deployment without changing anything.",
            "Without --kubeconfig or --context no cluster is contacted: the plan assumes the cluster runs what the"
                    + " manifests describe and --image is the new version (or nothing yet, with --first-install).",
            "With them, the plan starts from what the cluster runs now (read only)."
        },
        footer = {
            "",
            "Example:",
            "  devops plan -f k8s/checkout.yaml --service checkout --environment staging --strategy canary"
                    + " --steps 10,50,100 --image ghcr.io/example/checkout:1.4.2",
            "",
            "Exit codes: 0 planned, 1 the cluster of --kubeconfig/--context could not be read (unreachable, or it"
                    + " refused the credentials), 2 usage or input error."
        })
final class PlanCommand implements Callable<Integer> {
    @Mixin
    RequestOptions request;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    FormatOption format;

    @Option(
            names = "--first-install",
            description = "Without a cluster: plan as if nothing ran yet, instead of assuming the manifests run.")
    boolean firstInstall;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (firstInstall && cluster.given()) {
            throw new UsageException("--first-install plans without a cluster; drop it or drop --kubeconfig/--context");
        }
        DeploymentRequest deployment = request.toRequest(true);
        DeploymentPlan plan;
        if (cluster.given()) {
            try (KubernetesClient client = cluster.connect()) {
                plan = new DeploymentEngine(client, EngineOptions.defaults()).plan(deployment);
            }
        } else {
            ClusterView assumed = firstInstall
                    ? NO_CLUSTER
                    : new ManifestCluster(deployment.objects().objects());
            plan = DeploymentStrategy.of(deployment.strategy()).plan(deployment, "plan", assumed);
        }
        spec.commandLine().getOut().print(format.json() ? CliJson.write(PlanView.of(plan)) + "\n" : plan.render());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** A cluster where nothing exists yet: what the plan assumes when no cluster is given. */
    private static final ClusterView NO_CLUSTER = new ClusterView() {
        @Override
        public <T extends HasMetadata> T find(Class<T> type, String name) {
            return null;
        }
    };
}
