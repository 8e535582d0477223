package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.RecordingDispatcher.Request;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Discovery and the dry run as the engine sends them (the server's verdicts themselves are proven against a real
 * API server in {@code ValidationRealClusterIT}; the mock server answers every dry run with success).
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own mock cluster
class ServerChecksTest {
    private static final String PDB =
            """
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: shop
            spec:
              minAvailable: 1
              selector:
                matchLabels:
                  app: shop
            """;

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
    void everyObjectIsDryRunOnceBeforeTheFirstWrite() {
        StrategySettings canary = StrategySettings.canary(List.of(25, 50, 100));
        engine.deploy(request("registry/shop:1.0.0", 4, canary).build(), List.of(), null);
        cluster.traffic().clearRequests();

        DeploymentRecord record =
                engine.deploy(request("registry/shop:1.1.0", 4, canary).build(), List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        List<Request> requests = cluster.traffic().requests();
        List<String> dryRuns = requests.stream()
                .filter(r -> r.path().contains("dryRun=All"))
                .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", ""))
                .toList();
        // ConfigMap, Service, the canary (new, so a create; its writes differ in replicas only) and the stable
        // twice: scaled copies in the steps, then the new spec at promotion.
        assertThat(dryRuns)
                .containsExactlyInAnyOrder(
                        "PUT /api/v1/namespaces/shop/configmaps/shop-config",
                        "PUT /api/v1/namespaces/shop/services/shop",
                        "POST /apis/apps/v1/namespaces/shop/deployments",
                        "PUT /apis/apps/v1/namespaces/shop/deployments/shop",
                        "PUT /apis/apps/v1/namespaces/shop/deployments/shop");
        int lastDryRun = 0;
        int firstWrite = Integer.MAX_VALUE;
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).path().contains("dryRun=All")) {
                lastDryRun = i;
            } else if (requests.get(i).isWrite()) {
                firstWrite = Math.min(firstWrite, i);
            }
        }
        assertThat(lastDryRun)
                .as("all dry runs before the first write (the lease)")
                .isLessThan(firstWrite);
    }

    @Test
    void versionTheClusterDoesNotServeIsWrittenInItsServedEquivalent() {
        cluster.traffic().unserve("policy/v1");
        cluster.traffic().serve("policy/v1beta1");
        DeploymentRequest request = request("registry/shop:1.0.0", 2, StrategySettings.rolling())
                .manifests(TestManifests.app("shop", "registry/shop:1.0.0", 2, "hello") + PDB)
                .build();

        assertThat(engine.plan(request).notes())
                .contains("PodDisruptionBudget: the cluster does not serve policy/v1; written as policy/v1beta1 (the"
                        + " same fields).");
        DeploymentRecord record = engine.deploy(request, List.of(), null);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(cluster.traffic().writes())
                .extracting(Request::path)
                .contains("/apis/policy/v1beta1/namespaces/shop/poddisruptionbudgets")
                .noneMatch(p -> p.startsWith("/apis/policy/v1/"));
    }

    @Test
    void kindServedInNoUsableVersionIsRefusedBeforeAnyWriteNamingWhatTheClusterServes() {
        cluster.traffic().unserve("autoscaling/v2");
        DeploymentRequest request = request("registry/shop:1.0.0", 2, StrategySettings.rolling())
                .manifests(TestManifests.app("shop", "registry/shop:1.0.0", 2, "hello") + "---\n"
                        + TestManifests.autoscaler("shop", "shop", 2, 4))
                .build();

        assertThatThrownBy(() -> engine.deploy(request, List.of(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("the cluster does not serve these API versions (nothing was changed):\n"
                        + "  HorizontalPodAutoscaler/shop: autoscaling/v2 is not served; the cluster serves"
                        + " HorizontalPodAutoscaler as autoscaling/v1; change the manifest's apiVersion");
        assertThat(cluster.traffic().writes()).isEmpty();
    }
}
