package io.jenkins.plugins.devops.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceContextWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path workspace;

    private WorkspaceContextWriter writer;

    @BeforeEach
    void writerWithAFixedClock() {
        writer = new WorkspaceContextWriter(workspace, Clock.fixed(T0.plusSeconds(300), ZoneOffset.UTC));
    }

    @Test
    void deployStepWritesAllFourFilesValidAgainstTheirSchemas() throws IOException {
        Path task = writer.write(deployStep("shop/checkout/main", 42, "checkout", "1.4.2"));

        assertThat(task).isEqualTo(workspace.resolve("ai-state/active/devops/tasks/shop-checkout-main-42.json"));
        assertThat(WorkspaceContextValidator.validate(workspace)).isEmpty();
        JsonNode written = read(task);
        assertThat(written.get("taskId").asText()).isEqualTo("shop-checkout-main-42");
        assertThat(written.get("environment").get("name").asText()).isEqualTo("staging");
        assertThat(written.get("steps").get(0).get("summary").asText()).isEqualTo("canary promoted 1.4.2");
        assertThat(written.get("stages").get(1).get("name").asText()).isEqualTo("Deploy");
        assertThat(written.get("infrastructure").get("version").asText()).isEqualTo("1.4.2");
        assertThat(written.get("monitoring").get("analysis").get(0).get("min").asDouble())
                .isEqualTo(99.0);
        JsonNode pipelines = read(workspace.resolve("ai-state/active/devops/pipelines.json"));
        assertThat(pipelines.get("updatedAt").asText()).isEqualTo("2026-11-20T10:05:00Z");
        assertThat(pipelines.get("pipelines").get(0).get("lastBuild").asInt()).isEqualTo(42);
    }

    @Test
    void secondStepOfTheSameBuildIsAddedToItsTaskKeepingTheChecklistScores() throws IOException {
        StepContext checklist = StepContext.builder("shop/checkout/main", 42)
                .step(new StepRun("devopsChecklist", "SUCCESS", T0, T0.plusSeconds(5), "score 8.2", null))
                .standards(List.of(new StandardScore("security", 8.2, "WARN", List.of("vulnerability-scanning"))))
                .build();
        writer.write(checklist);
        Path task = writer.write(deployStep("shop/checkout/main", 42, "checkout", "1.4.2"));

        JsonNode written = read(task);
        assertThat(written.get("steps").findValuesAsText("step")).containsExactly("devopsChecklist", "devopsDeploy");
        assertThat(written.get("standards").get(0).get("failedItems").get(0).asText())
                .isEqualTo("vulnerability-scanning");
        assertThat(written.get("startedAt").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(WorkspaceContextValidator.validate(workspace)).isEmpty();
    }

    @Test
    void aStepReportingTwiceReplacesItsEarlierEntry() throws IOException {
        writer.write(StepContext.builder("app", 3)
                .step(new StepRun("devopsDeploy", "IN_PROGRESS", T0, null, null, null))
                .build());
        Path task = writer.write(StepContext.builder("app", 3)
                .step(new StepRun("devopsDeploy", "FAILURE", T0, T0.plusSeconds(60), "rolled back", "d-1"))
                .build());

        JsonNode steps = read(task).get("steps");
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).get("status").asText()).isEqualTo("FAILURE");
    }

    @Test
    void laterDeploymentReplacesTheSameServicesEntryAndKeepsOtherServices() throws IOException {
        writer.write(deployStep("shop/checkout/main", 1, "checkout", "1.0.0"));
        writer.write(deployStep("shop/cart/main", 1, "cart", "2.0.0"));
        writer.write(deployStep("shop/checkout/main", 2, "checkout", "1.1.0"));

        JsonNode services = read(workspace.resolve("ai-state/active/devops/infrastructure.json"))
                .get("services");
        assertThat(services.findValuesAsText("service")).containsExactly("checkout", "cart");
        assertThat(services.get(0).get("version").asText()).isEqualTo("1.1.0");
        JsonNode pipelines =
                read(workspace.resolve("ai-state/active/devops/pipelines.json")).get("pipelines");
        assertThat(names(pipelines)).containsExactly("shop/checkout/main", "shop/cart/main");
        assertThat(pipelines.get(0).get("lastBuild").asInt()).isEqualTo(2);
        try (Stream<Path> tasks = Files.list(workspace.resolve("ai-state/active/devops/tasks"))) {
            assertThat(tasks.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "shop-checkout-main-1.json", "shop-cart-main-1.json", "shop-checkout-main-2.json");
        }
    }

    @Test
    void credentialsInUrlsNeverReachTheFiles() throws IOException {
        ServiceMonitoring monitoring = new ServiceMonitoring(
                "checkout",
                "staging",
                "https://admin:s3cr3t-pass@prometheus.example.com:9090/prom?token=tok-123",
                List.of(),
                List.of("http://checkout:8080/healthz?apikey=key-456"),
                List.of(new EventSinkRef("https://hooks:hook-secret@events.example.com/in", "binary")));
        writer.write(StepContext.builder("app", 1)
                .step(new StepRun("devopsDeploy", "SUCCESS", T0, T0, null, null))
                .monitoring(monitoring)
                .build());

        String all = Files.readString(workspace.resolve("ai-state/active/devops/monitoring.json"))
                + Files.readString(workspace.resolve("ai-state/active/devops/tasks/app-1.json"));
        assertThat(all)
                .doesNotContain("s3cr3t-pass", "admin", "tok-123", "key-456", "hook-secret")
                .contains("https://prometheus.example.com:9090/prom", "http://checkout:8080/healthz");
        assertThat(WorkspaceContextValidator.validate(workspace)).isEmpty();
    }

    @Test
    void valueBreakingTheSchemaIsRejectedBeforeAnythingIsWritten() {
        StepContext bad = StepContext.builder("app", 1)
                .step(new StepRun("devopsDeploy", "SUCCESS", T0, T0, null, null))
                .infrastructure(new DeploymentTarget(
                        "Checkout_Service", "staging", "shop", null, null, "canary", null, null, List.of()))
                .build();

        assertThatThrownBy(() -> writer.write(bad))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageStartingWith("infrastructure.json would not match its schema: ")
                .hasMessageContaining("/services/0/service: does not match the regex pattern")
                .hasMessageEndingWith("— correct the value passed to the step");
        assertThat(workspace.resolve("ai-state/active/devops/infrastructure.json"))
                .doesNotExist();
        assertThat(workspace.resolve("ai-state/active/devops/pipelines.json")).doesNotExist();
        assertThat(workspace.resolve("ai-state/active/devops/tasks/app-1.json")).doesNotExist();
    }

    @Test
    void emptyJobOrNonPositiveBuildIsRejectedWithWhatToPass() {
        StepRun run = new StepRun("devopsDeploy", "SUCCESS", T0, T0, null, null);
        assertThatThrownBy(() -> StepContext.builder(" ", 1).step(run).build())
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("the job name is empty: pass the Jenkins job full name, e.g. team/app");
        assertThatThrownBy(() -> StepContext.builder("app", 0).step(run).build())
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("build number 0 is not positive: pass the build's number");
    }

    @Test
    void corruptExistingFileIsReplacedByAValidOne() throws IOException {
        Path directory = Files.createDirectories(workspace.resolve("ai-state/active/devops"));
        Files.writeString(directory.resolve("pipelines.json"), "{ not json");
        Files.writeString(directory.resolve("monitoring.json"), "{\"schemaVersion\": 99}");

        writer.write(deployStep("app", 1, "app", "1.0.0"));

        assertThat(WorkspaceContextValidator.validate(workspace)).isEmpty();
    }

    @Test
    void parallelStepsInOneWorkspaceLoseNoEntry() throws Exception {
        int builds = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        try {
            for (int i = 1; i <= builds; i++) {
                String service = "svc" + i;
                int build = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return writer.write(deployStep("team/" + service, build, service, "1.0." + build));
                }));
            }
            start.countDown();
            for (Future<Path> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).exists();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(WorkspaceContextValidator.validate(workspace)).isEmpty();
        assertThat(read(workspace.resolve("ai-state/active/devops/infrastructure.json"))
                        .get("services"))
                .hasSize(builds);
        assertThat(read(workspace.resolve("ai-state/active/devops/pipelines.json"))
                        .get("pipelines"))
                .hasSize(builds);
    }

    private static StepContext deployStep(String job, int build, String service, String version) {
        return StepContext.builder(job, build)
                .definition("Jenkinsfile")
                .step(new StepRun(
                        "devopsDeploy",
                        "SUCCESS",
                        T0.plusSeconds(60),
                        T0.plusSeconds(200),
                        "canary promoted " + version,
                        "d-" + service + "-" + build))
                .environment(new TaskEnvironment("staging", "shop", false))
                .stages(List.of(
                        new PipelineStage("Build", "SUCCESS", 61_000L),
                        new PipelineStage("Deploy", "IN_PROGRESS", null)))
                .infrastructure(new DeploymentTarget(
                        service,
                        "staging",
                        "shop",
                        "kind-demo",
                        false,
                        "canary",
                        "ghcr.io/example/" + service + ":" + version,
                        version,
                        List.of(new ObjectRef("Deployment", service), new ObjectRef("Service", service))))
                .monitoring(new ServiceMonitoring(
                        service,
                        "staging",
                        "http://prometheus:9090",
                        List.of(new AnalysisMetric("request-success-rate", 99.0, null)),
                        List.of(),
                        List.of()))
                .dora(DoraTargets.defaults())
                .build();
    }

    private static List<String> names(JsonNode pipelines) {
        List<String> names = new ArrayList<>();
        pipelines.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static JsonNode read(Path file) throws IOException {
        return ContextJson.MAPPER.readTree(file.toFile());
    }
}
