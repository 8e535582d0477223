package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A rescale of a Deployment the phase wrote (an autoscaler during a canary pause) is reported with the real split. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class RescaleCheckTest {
    private MockCluster cluster;
    private DeploymentEngine engine;

    @BeforeEach
    void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void stableRescaledDuringThePauseIsReportedWithTheRealWeight() {
        StrategySettings canary = StrategySettings.canary(List.of(50, 100), Duration.ofSeconds(2), null);
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        ProgressListener autoscaler = new ProgressListener() {
            @Override
            public void message(String text) {
                if (text.contains("pausing")) {
                    // As a HorizontalPodAutoscaler would during the pause: the stable back to 4 replicas.
                    cluster.admin()
                            .apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("shop")
                            .scale(4);
                }
            }
        };

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, canary).build(), List.of(), autoscaler);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(record.events())
                .contains("Deployment/shop was rescaled from 2 to 4 replicas during phase 'canary 50%' (by an"
                        + " autoscaler?)")
                .contains("traffic to the new version is 33% (2 canary + 4 stable pods), not the planned 50% (2 +"
                        + " 2)");
    }

    @Test
    void nothingIsReportedWhenNobodyRescales() {
        StrategySettings canary = StrategySettings.canary(List.of(50, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, canary).build(), List.of(), null);

        assertThat(record.events()).noneMatch(e -> e.contains("rescaled") || e.contains("not the planned"));
    }
}
