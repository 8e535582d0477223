package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The command line as users run it, {@code java -jar cli/target/devops.jar} in a separate JVM: real exit codes from
 * {@code System.exit}, real stdout and stderr, the working directory a user would have. Runs in the
 * {@code integration-test} phase (failsafe), after {@code package} built the jar.
 */
class DevopsProcessIT {
    private static final Path REPOSITORY = Samples.REPOSITORY;

    @TempDir
    Path temp;

    /** Prepared bad files for the table of bad inputs. */
    @TempDir
    static Path inputs;

    /** A cluster and a sink that are down: connections to this port are refused. */
    private static RefusedPort refused;

    @Test
    void versionExitsZeroAndPrintsTheVersion() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("devops 0.1.0-SNAPSHOT");
    }

    @Test
    void badOptionExitsTwoWithOneLineOnStderr() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "--bogus");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("devops: Unknown option: '--bogus' (see 'devops --help')\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void demoFromTheRepositoryRootExitsZero() throws Exception {
        CliResult result = CliProcess.run(REPOSITORY, "demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("$ devops checklist . --config .devops/checklist.yaml")
                .contains("$ devops plan -f docs/examples/k8s/checkout.yaml --service checkout")
                .contains("$ devops dora --import docs/examples/deployments.csv --window 14d --at latest")
                .contains("Plan: canary deployment of checkout to staging (namespace shop): 1.4.1 -> 1.4.2");
    }

    @Test
    void planWithAMissingManifestExitsTwoWithTheFix() throws Exception {
        CliResult result = CliProcess.run(
                REPOSITORY, "plan", "-f", "k8s/nope.yaml", "--service", "checkout", "--environment", "staging");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("devops plan: manifest file 'k8s/nope.yaml' does not exist; pass an existing file with"
                        + " -f\n");
    }

    @Test
    void deployAgainstAClusterExitsZeroAndAFailedOneExitsOne() throws Exception {
        try (MockCluster cluster = MockCluster.start("shop")) {
            Path kubeconfig = Samples.kubeconfig(temp, cluster.url());
            cluster.controller().crashLoop("ghcr.io/example/checkout:1.4.3");

            CliResult installed = CliProcess.run(REPOSITORY, deploy(kubeconfig, "rolling", "1.4.1"));
            CliResult failed = CliProcess.run(REPOSITORY, deploy(kubeconfig, "canary", "1.4.3"));

            assertThat(installed.exitCode()).as(installed.toString()).isZero();
            assertThat(installed.out()).contains("SUCCEEDED: deployment of checkout 1.4.1 to staging");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.out()).contains("FAILED_ROLLED_BACK: deployment of checkout 1.4.3 to staging");
            assertThat(installed.out() + installed.err() + failed.out() + failed.err())
                    .doesNotContain(Samples.TOKEN);
        }
    }

    @Test
    void sigtermDuringADeploymentRollsItBackBeforeTheProcessEnds() throws Exception {
        CountDownLatch smokeTestArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/healthz", exchange -> {
            smokeTestArrived.countDown();
            try {
                // Holds the canary in its first step until the test is done.
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.setExecutor(Executors.newCachedThreadPool());
        service.start();
        try (MockCluster cluster = MockCluster.start("shop")) {
            Path kubeconfig = Samples.kubeconfig(temp, cluster.url());
            Path gates = Files.writeString(
                    temp.resolve("gates.yaml"),
                    """
                    smokeTests:
                      - name: health
                        url: http://127.0.0.1:%d/healthz
                        timeout: 120s
                    """
                            .formatted(service.getAddress().getPort()));
            assertThat(CliProcess.run(REPOSITORY, deploy(kubeconfig, "rolling", "1.4.1"))
                            .exitCode())
                    .isZero();

            String[] canary = deploy(kubeconfig, "canary", "1.4.2");
            String[] withGates = Arrays.copyOf(canary, canary.length + 2);
            withGates[canary.length] = "--gates";
            withGates[canary.length + 1] = gates.toString();
            CliProcess deployment = CliProcess.start(REPOSITORY, withGates);
            assertThat(smokeTestArrived.await(120, TimeUnit.SECONDS))
                    .as("the canary reached its smoke test")
                    .isTrue();
            deployment.terminate();
            CliResult result = deployment.finish();

            assertThat(result.out()).as(result.toString()).contains("ABORTED: deployment of checkout 1.4.2");
            assertThat(result.exitCode())
                    .as("an aborted, rolled back deployment is a failed one (docs/cli.md), not 143")
                    .isEqualTo(1);
            Deployment stable = cluster.admin()
                    .apps()
                    .deployments()
                    .inNamespace("shop")
                    .withName("checkout")
                    .get();
            assertThat(stable.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("ghcr.io/example/checkout:1.4.1");
            assertThat(stable.getSpec().getReplicas()).isEqualTo(4);
            assertThat(cluster.admin()
                            .apps()
                            .deployments()
                            .inNamespace("shop")
                            .withName("checkout-canary")
                            .get())
                    .isNull();
        } finally {
            release.countDown();
            service.stop(0);
        }
    }

    /** Every command and subcommand, as its path from {@code devops}: e.g. ["events", "send"]. */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(DevopsCommand.commandLine(), List.of(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        // Each subcommand once, under its name (the map lists aliases too).
        new LinkedHashSet<>(command.getSubcommands().values()).forEach(sub -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            collect(sub, subPath, paths);
        });
    }

    @ParameterizedTest(name = "devops {0} --help")
    @Execution(ExecutionMode.CONCURRENT) // one JVM each: they overlap their start-up
    @MethodSource("commandPaths")
    void helpOfEveryCommandIsCleanAndExitsZero(List<String> path) throws Exception {
        List<String> args = new ArrayList<>(path);
        args.add("--help");

        CliResult result = CliProcess.run(REPOSITORY, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString()).contains("Usage: devops");
        // picocli prints "[picocli WARN] Could not format ..." for a stray % in a description
        // (the words WARN and FAIL may stand in a description, as checklist statuses)
        assertThat(result.out() + result.err())
                .as(result.toString())
                .doesNotContain("[picocli WARN]")
                .doesNotContain("Could not format");
        assertThat(result.err()).as(result.toString()).isEmpty();
    }

    @Test
    void theHelpTestCoversEveryCommand() {
        assertThat(commandPaths().map(path -> String.join(" ", path)))
                .contains(
                        "", "plan", "deploy", "rollback", "checklist", "dora", "events send", "events verify", "demo");
    }

    @BeforeAll
    static void prepareBadInputs() throws Exception {
        Files.writeString(inputs.resolve("malformed.yaml"), "smokeTests:\n  - url: [unclosed\n");
        Files.writeString(inputs.resolve("unsafe.yaml"), "!!java.lang.Object {}\n");
        Files.writeString(inputs.resolve("checklist.yaml"), "checklists: [cicd\nfailOn: x\n");
        Files.writeString(
                inputs.resolve("no-image.yaml"),
                Files.readString(Samples.CHECKOUT).replaceAll("(?m)^\\s*image: .*$", ""));
        Files.createDirectory(inputs.resolve("empty"));
        refused = RefusedPort.reserve();
        Samples.kubeconfig(inputs, refused.url(""));
    }

    @AfterAll
    static void releasePort() throws Exception {
        refused.close();
    }

    /**
     * Bad inputs a newcomer meets, each with the exit code the help documents and a fragment of the fix the one
     * line must give. {@code IN/} stands for the directory of prepared bad files.
     */
    static Stream<Arguments> badInputs() {
        String checkout = "docs/examples/k8s/checkout.yaml";
        return Stream.of(
                row(2, "see 'devops --help'", "--bogus"),
                row(2, "see 'devops --help'", "deplyo"),
                row(2, "use send or verify", "events"),
                row(
                        2,
                        "pass an existing file with -f",
                        "plan",
                        "-f",
                        "k8s/nope.yaml",
                        "--service",
                        "checkout",
                        "--environment",
                        "staging"),
                row(2, "see 'devops plan --help'", "plan", "-f", checkout, "--environment", "staging"),
                row(
                        2,
                        "pass --service checkout",
                        "plan",
                        "-f",
                        checkout,
                        "--service",
                        "cart",
                        "--environment",
                        "staging"),
                row(
                        2,
                        "pass --image registry/checkout:<tag>",
                        "plan",
                        "-f",
                        "IN/no-image.yaml",
                        "--service",
                        "checkout",
                        "--environment",
                        "staging"),
                row(
                        2,
                        "use one of rolling",
                        "plan",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--strategy",
                        "zigzag"),
                row(
                        2,
                        "pass --strategy canary",
                        "plan",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--steps",
                        "10,50"),
                row(
                        2,
                        "see 'devops plan --help'",
                        "plan",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--format",
                        "xml"),
                row(
                        1,
                        "check --kubeconfig and --context",
                        "plan",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--kubeconfig",
                        "IN/kubeconfig"),
                row(
                        2,
                        "line 3, column 1",
                        "deploy",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--gates",
                        "IN/malformed.yaml",
                        "--kubeconfig",
                        "IN/kubeconfig"),
                row(
                        2,
                        "only plain maps, lists and values",
                        "deploy",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--gates",
                        "IN/unsafe.yaml",
                        "--kubeconfig",
                        "IN/kubeconfig"),
                row(
                        2,
                        "pass an existing file with --kubeconfig",
                        "deploy",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--kubeconfig",
                        "IN/missing"),
                row(
                        1,
                        "check --kubeconfig and --context",
                        "deploy",
                        "-f",
                        checkout,
                        "--service",
                        "checkout",
                        "--environment",
                        "staging",
                        "--kubeconfig",
                        "IN/kubeconfig"),
                row(2, "see 'devops rollback --help'", "rollback", "--environment", "staging"),
                row(2, "fix it there", "checklist", ".", "--config", "IN/checklist.yaml"),
                row(2, "pass an existing file with --config", "checklist", ".", "--config", "IN/missing.yaml"),
                row(2, "give the checked-out sources", "checklist", "IN/missing"),
                row(2, "check the path", "dora", "--import", "IN/missing.csv"),
                row(
                        2,
                        "use a number of days or hours",
                        "dora",
                        "--import",
                        "docs/examples/deployments.csv",
                        "--window",
                        "3x"),
                row(2, "use e.g. https://", "events", "send", "--sink", "ftp://example.com/x"),
                row(
                        1,
                        "check the URL and that the sink is up",
                        "events",
                        "send",
                        "--sink",
                        "REFUSED/events",
                        "--timeout",
                        "2"),
                row(
                        2,
                        "--secret-env VAR or --secret-file FILE",
                        "events",
                        "verify",
                        "--body",
                        checkout,
                        "--signature",
                        "sha256=00"),
                row(2, "pass --repository DIR", "demo", "--repository", "IN/empty"));
    }

    private static Arguments row(int exitCode, String fix, String... args) {
        return Arguments.of(String.join(" ", args), exitCode, fix);
    }

    @ParameterizedTest(name = "devops {0}")
    @Execution(ExecutionMode.CONCURRENT) // one JVM each: they overlap their start-up
    @MethodSource("badInputs")
    void everyErrorIsOneLineOnStderrWithAFixAndTheDocumentedExitCode(String command, int exitCode, String fix)
            throws Exception {
        String[] args = Arrays.stream(command.split(" "))
                .map(arg -> arg.replace("IN/", inputs + "/").replace("REFUSED", refused.url("")))
                .toArray(String[]::new);

        CliResult result = CliProcess.run(REPOSITORY, args);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err().lines()).as(result.toString()).hasSize(1);
        assertThat(result.err())
                .as(result.toString())
                .startsWith("devops")
                .contains(fix)
                .doesNotContain("\tat ")
                .doesNotContain("Caused by")
                .doesNotContain("Exception in thread");
        if (exitCode == ExitCodes.USAGE) {
            assertThat(result.out())
                    .as("nothing done, nothing printed: " + result)
                    .isEmpty();
        }
    }

    private static String[] deploy(Path kubeconfig, String strategy, String version) {
        return new String[] {
            "deploy",
            "-f",
            "docs/examples/k8s/checkout.yaml",
            "--service",
            "checkout",
            "--environment",
            "staging",
            "--strategy",
            strategy,
            "--image",
            "ghcr.io/example/checkout:" + version,
            "--kubeconfig",
            kubeconfig.toString()
        };
    }
}
