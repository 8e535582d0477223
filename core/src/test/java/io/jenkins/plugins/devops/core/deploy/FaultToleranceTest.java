package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.image;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.RecordingDispatcher.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Transient API trouble is retried and does not fail the deployment. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class FaultToleranceTest {
    private static final StrategySettings CANARY = StrategySettings.canary(List.of(25, 100));
    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        // Short enough that the hung request of requestThatTimesOutIsRetried times out soon, long enough that an
        // ordinary request of a loaded machine does not (1.5 s was seen to fail once at load 15).
        cluster = MockCluster.start(NS, Duration.ofSeconds(3));
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
        engine.deploy(request("registry/shop:1.0.0", 4, CANARY).build(), List.of(), null);
        cluster.traffic().clearRequests();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private List<Integer> statuses(String method, String pathPart) {
        return cluster.traffic().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
                .filter(r -> !r.path().contains("dryRun=All")) // the validation before the first write
                .map(Request::status)
                .toList();
    }

    @Test
    void conflictOnWriteIsReReadAndRetried() {
        cluster.traffic().fail("PUT", "/deployments/shop-canary", 409, 1);

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.events()).contains("conflict writing Deployment/shop-canary, re-read and retried (1)");
        assertThat(statuses("PUT", "/deployments/shop-canary")).startsWith(409, 200);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        cluster.traffic().fail("PUT", "/deployments/shop", 500, 2);

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(statuses("PUT", "/deployments/shop")).startsWith(500, 500, 200);
    }

    @Test
    void persistentServerErrorsFailTheDeploymentAndRollBack() {
        cluster.traffic().fail("PUT", "/deployments/shop-canary", 503, 1000, 1);

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null);
        cluster.traffic().clearFaults();

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(record.failureReason()).contains("503");
        assertThat(image(cluster, "shop")).isEqualTo("registry/shop:1.0.0");
    }

    @Test
    void requestThatTimesOutIsRetried() {
        cluster.traffic().hang("GET", "/deployments/shop-canary", 1);

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(statuses("GET", "/deployments/shop-canary")).startsWith(0);
    }

    @Test
    void droppedWatchesAreReEstablishedAndTheRolloutIsStillNoticed() {
        cluster.controller().readyDelay(Duration.ofMillis(400));
        AtomicInteger dropped = new AtomicInteger();
        ProgressListener dropOnEveryWrite = new ProgressListener() {
            @Override
            public void weightChanged(int weight) {
                dropped.addAndGet(cluster.traffic().dropWatches());
            }
        };

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, CANARY).build(), List.of(), dropOnEveryWrite);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(dropped.get()).isPositive();
        assertThat(cluster.traffic().requests()).filteredOn(Request::watch).hasSizeGreaterThan(1);
    }
}
