package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path temp;

    @Test
    void canaryPlanOfTheSampleManifestsListsPhasesObjectsAndWeightsWithoutACluster() {
        CliResult result = CliResult.inProcess(Samples.canaryPlan(Samples.CHECKOUT.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .startsWith("Plan: canary deployment of checkout to staging (namespace shop): 1.4.1 -> 1.4.2")
                // 10% of 4 replicas is 1 canary pod of 4: the plan shows the weight the replica ratio achieves
                .containsPattern("canary 10% +weight +25%")
                .contains("Note: step 10%: 10% requested -> 25% effective (1 of 4 pods run the canary")
                .containsPattern("weight +50%")
                .containsPattern("weight +100%")
                .contains("writes Deployment/checkout");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jsonFormatGivesTheWeightsAndTheNamespaceTakenFromTheManifests() throws Exception {
        CliResult result = CliResult.inProcess(
                "plan",
                "-f",
                Samples.CHECKOUT.toString(),
                "--service",
                "checkout",
                "--environment",
                "staging",
                "--strategy",
                "CANARY",
                "--steps",
                "20,100",
                "--format",
                "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode plan = CliJson.MAPPER.readTree(result.out());
        assertThat(plan.get("namespace").asText()).isEqualTo("shop");
        assertThat(plan.get("version").asText()).isEqualTo("1.4.1");
        assertThat(plan.get("previousVersion").asText()).isEqualTo("1.4.1");
        // 20% of 4 replicas is 1 canary pod of 4: the plan shows the effective 25%
        assertThat(plan.get("weights").toString()).startsWith("[25,100");
        assertThat(plan.get("phases").get(0).get("writes").toString()).contains("Deployment/");
    }

    @Test
    void withAKubeconfigThePlanStartsFromTheRunningVersionAndWritesNothing() throws Exception {
        try (MockCluster cluster = MockCluster.start("shop")) {
            cluster.seed(cluster.admin()
                    .load(Files.newInputStream(Samples.CHECKOUT))
                    .items()
                    .toArray(new HasMetadata[0]));
            cluster.traffic().clearRequests();

            CliResult result = CliResult.inProcess(
                    "plan",
                    "-f",
                    Samples.CHECKOUT.toString(),
                    "--service",
                    "checkout",
                    "--environment",
                    "staging",
                    "--image",
                    "ghcr.io/example/checkout:1.4.2",
                    "--kubeconfig",
                    Samples.kubeconfig(temp, cluster.url()).toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out())
                    .startsWith(
                            "Plan: rolling deployment of checkout to staging (namespace shop): " + "1.4.1 -> 1.4.2");
            assertThat(cluster.traffic().requests()).isNotEmpty();
            assertThat(cluster.traffic().writes()).isEmpty();
        }
    }

    @Test
    void firstInstallPlansWithoutTheRunningVersion() {
        CliResult result =
                planCheckout("--strategy", "canary", "--image", "ghcr.io/example/checkout:1.4.2", "--first-install");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .startsWith("Plan: canary deployment of checkout to staging (namespace shop): first install -> 1.4.2");
    }

    @Test
    void missingManifestFileIsAUsageErrorSayingWhichFlagToFix() {
        CliResult result = plan("-f", "no-such.yaml", "--service", "checkout", "--environment", "staging");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo(
                        "devops plan: manifest file 'no-such.yaml' does not exist; pass an existing file with -f" + NL);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void weightThatIsNotANumberIsAUsageError() {
        CliResult result = planCheckout("--strategy", "canary", "--steps", "10,ten,100");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: Invalid value for option '--steps' (WEIGHTS): 'ten' is not an int"
                        + " (see 'devops plan --help')" + NL);
    }

    @Test
    void weightsThatDoNotIncreaseAreRejectedWithTheEnginesReason() {
        CliResult result = planCheckout("--strategy", "canary", "--steps", "50,10");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: canary step weights [50, 10] must be strictly increasing; 10 follows 50" + NL);
    }

    @Test
    void stepsWithAnotherStrategyNamesTheFlagAndTheFix() {
        CliResult result = planCheckout("--strategy", "rolling", "--steps", "10,100");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: --steps applies to the canary strategy only; drop it or pass --strategy"
                        + " canary" + NL);
    }

    @Test
    void unknownStrategyListsTheKnownOnes() {
        CliResult result = planCheckout("--strategy", "linear");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: unknown strategy 'linear'; use one of rolling, recreate, blue-green, canary"
                        + NL);
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliResult result = plan("-f", Samples.CHECKOUT.toString(), "--environment", "staging");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: Missing required option: '--service=NAME' (see 'devops plan --help')" + NL);
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        CliResult result = planCheckout("--format", "yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: Invalid value for option '--format': expected one of [text, json]"
                        + " (case-insensitive) but was 'yaml' (see 'devops plan --help')" + NL);
    }

    @Test
    void badProgressDeadlineIsAUsageError() {
        CliResult result = planCheckout("--progress-deadline", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: Invalid value for option '--progress-deadline': 'soon' is not a duration;"
                        + " write e.g. 600s, 10m or 1h (see 'devops plan --help')" + NL);
    }

    @Test
    void malformedYamlIsRejectedWithItsLocation() throws Exception {
        Path manifest = Files.writeString(
                temp.resolve("broken.yaml"),
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: checkout
                   labels: [
                """);

        CliResult result = plan("-f", manifest.toString(), "--service", "checkout", "--environment", "staging");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("devops plan: ").contains("line");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void helpDescribesEveryOptionAndExitsZero() {
        CliResult result = CliResult.inProcess("plan", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Usage: devops plan")
                .contains("--steps=WEIGHTS")
                .contains("--kubeconfig=FILE")
                .contains("--format=text|json")
                .contains("Rolling: maxSurge (default 25%).")
                .contains("Exit codes: 0 planned, 1 the cluster of --kubeconfig/--context")
                .contains("2 usage or input error.");
    }

    @Test
    void anUnreachableClusterExitsOneAsTheHelpSays() throws Exception {
        CliResult result;
        try (RefusedPort down = RefusedPort.reserve()) {
            result = planCheckout(
                    "--kubeconfig", Samples.kubeconfig(temp, down.url("")).toString());
        }

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err())
                .startsWith("devops plan: failed: cannot reach the Kubernetes API server (")
                .endsWith("); check --kubeconfig and --context, and that the cluster is up" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aServiceThatIsNotTheManifestsDeploymentIsAUsageErrorNamingIt() {
        CliResult result = plan("-f", Samples.CHECKOUT.toString(), "--service", "cart", "--environment", "staging");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo("devops plan: --service cart is not in the manifests: their Deployment is 'checkout'; pass"
                        + " --service checkout or the manifests of cart with -f" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aManifestWithoutAnImageAsksForTheImageOption() throws Exception {
        Path noImage = Files.writeString(
                temp.resolve("no-image.yaml"),
                Files.readString(Samples.CHECKOUT).replaceAll("(?m)^\\s*image: .*$", ""));

        CliResult result = plan("-f", noImage.toString(), "--service", "checkout", "--environment", "staging");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .isEqualTo("devops plan: Deployment/checkout: container 'checkout' has no image; pass --image"
                        + " registry/checkout:<tag>, or set the container's image in the manifest"
                        + System.lineSeparator());
    }

    private static CliResult planCheckout(String... extra) {
        String[] base = {"-f", Samples.CHECKOUT.toString(), "--service", "checkout", "--environment", "staging"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return plan(all);
    }

    private static CliResult plan(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "plan";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliResult.inProcess(all);
    }
}
