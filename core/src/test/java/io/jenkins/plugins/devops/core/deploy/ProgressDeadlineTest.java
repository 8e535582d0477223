package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manifest's progressDeadlineSeconds wins unless the request sets one; without either Kubernetes' 600 s. */
class ProgressDeadlineTest {
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

    private static DeploymentRequest.Builder request(String manifests) {
        return DeploymentRequest.builder()
                .service("shop")
                .environment("prod")
                .namespace(NS)
                .manifests(manifests)
                .strategy(StrategySettings.rolling());
    }

    private static String withDeadline(int seconds) {
        return TestManifests.app("shop", "registry/shop:1.0.0", 2, "hello")
                .replace("\n  replicas: ", "\n  progressDeadlineSeconds: " + seconds + "\n  replicas: ");
    }

    @Test
    void manifestsDeadlineIsWrittenAndBoundsTheWait() {
        DeploymentRequest request = request(withDeadline(120)).build();

        DeploymentRecord record = engine.deploy(request, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(request.progressDeadlineGiven()).isFalse();
        assertThat(request.progressDeadline()).isEqualTo(Duration.ofSeconds(120));
        assertThat(deployment(cluster, "shop").getSpec().getProgressDeadlineSeconds())
                .isEqualTo(120);
    }

    @Test
    void requestsDeadlineReplacesTheManifests() {
        DeploymentRequest request = request(withDeadline(120))
                .progressDeadline(Duration.ofSeconds(45))
                .build();

        engine.deploy(request, List.of(), null);

        assertThat(deployment(cluster, "shop").getSpec().getProgressDeadlineSeconds())
                .isEqualTo(45);
        assertThat(request.toBuilder().build().progressDeadline()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void withoutEitherTheKubernetesDefaultAppliesAndNothingIsWrittenOverIt() {
        DeploymentRequest request = request(TestManifests.app("shop", "registry/shop:1.0.0", 2, "hello"))
                .build();

        engine.deploy(request, List.of(), null);

        assertThat(request.progressDeadline()).isEqualTo(Duration.ofSeconds(600));
        assertThat(deployment(cluster, "shop").getSpec().getProgressDeadlineSeconds())
                .as("left to the API server, which defaults it to 600")
                .isNull();
        assertThat(request.toBuilder().build().progressDeadlineGiven()).isFalse();
    }

    @Test
    void nonPositiveManifestDeadlineIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> request(withDeadline(0)).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Deployment/shop has progressDeadlineSeconds 0; it must be positive, e.g. 600, or left"
                        + " out");
    }
}
