package io.jenkins.plugins.devops.core.deploy;

import static io.jenkins.plugins.devops.core.deploy.EngineFixture.NS;
import static io.jenkins.plugins.devops.core.deploy.EngineFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad request is refused with a message that says what to fix, and nothing reaches the cluster. */
class RequestValidationTest {
    private static MockCluster cluster;
    private static DeploymentEngine engine;

    @BeforeAll
    static void start() {
        cluster = MockCluster.start(NS);
        engine = new DeploymentEngine(cluster.client(), EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void forget() {
        cluster.traffic().clearRequests();
    }

    private void assertRejected(Supplier<DeploymentRequest> request, String... fragments) {
        assertThatThrownBy(() -> engine.deploy(request.get(), List.of(), null))
                .isInstanceOf(InvalidRequestException.class)
                .message()
                .contains(fragments);
        assertThat(cluster.traffic().writes()).as("writes to the cluster").isEmpty();
    }

    @Test
    void malformedYamlNamesDocumentAndLine() {
        String yaml = TestManifests.service("shop") + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                + "  name: shop\n   labels: {app: shop}\n";
        assertRejected(
                () -> request(null, 1, StrategySettings.rolling())
                        .manifests(yaml)
                        .build(),
                "manifest document 2 line 16",
                "malformed YAML");
    }

    @Test
    void unsafeYamlTagIsRefusedWithoutInstantiatingAnything() {
        String yaml =
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: !!javax.script.ScriptEngineManager"
                        + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/payload.jar\"]]]]\n---\n"
                        + TestManifests.deployment("shop", "registry/shop:1", 1);
        assertRejected(
                () -> request(null, 1, StrategySettings.rolling())
                        .manifests(yaml)
                        .build(),
                "manifest document 1 line 6",
                "unsafe or unknown YAML tag",
                "javax.script.ScriptEngineManager");
    }

    @Test
    void unknownStrategyListsTheKnownOnes() {
        assertRejected(
                () -> request(null, 1, StrategySettings.fromOptions("linear", Map.of()))
                        .build(),
                "unknown strategy 'linear'",
                "rolling, recreate, blue-green, canary");
    }

    @Test
    void unknownStrategyOptionIsNamed() {
        assertRejected(
                () -> request(null, 1, StrategySettings.fromOptions("canary", Map.of("stepz", List.of(10))))
                        .build(),
                "no option 'stepz'",
                "steps");
    }

    @Test
    void weightsMustIncrease() {
        assertRejected(
                () -> request(null, 2, StrategySettings.fromOptions("canary", Map.of("steps", List.of(10, 50, 30))))
                        .build(),
                "must be strictly increasing",
                "30 follows 50");
    }

    @Test
    void weightsAbove100AreRefused() {
        assertRejected(
                () -> request(null, 2, StrategySettings.canary(List.of(10, 150)))
                        .build(),
                "150 is outside 1-100");
    }

    @Test
    void canaryWithZeroReplicasIsRefused() {
        assertRejected(
                () -> request(null, 0, StrategySettings.canary(List.of(10, 100)))
                        .build(),
                "has 0 replicas",
                "canary needs at least 1 replica");
    }

    @Test
    void missingImageIsRefused() {
        String yaml = TestManifests.deployment("shop", "registry/shop:1", 1).replace("image: registry/shop:1", "");
        assertRejected(
                () -> request(null, 1, StrategySettings.rolling())
                        .manifests(yaml)
                        .build(),
                "has no image",
                "set the image setting (e.g. registry/shop:<tag>) or the container's image in the manifest");
    }

    @Test
    void aMissingImageNamesTheSettingSoEachFrontEndPhrasesTheFix() {
        String yaml = TestManifests.deployment("shop", "registry/shop:1", 1).replace("image: registry/shop:1", "");
        assertThatThrownBy(() -> request(null, 1, StrategySettings.rolling())
                        .manifests(yaml)
                        .build())
                .isInstanceOfSatisfying(MissingSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("image");
                    assertThat(e.fix((setting, example) -> "pass --" + setting + " " + example))
                            .startsWith("Deployment/shop: container '")
                            .endsWith("' has no image; pass --image registry/shop:<tag>, or set the container's"
                                    + " image in the manifest");
                });
    }

    @Test
    void blankImageOverrideIsRefused() {
        assertRejected(() -> request(" ", 1, StrategySettings.rolling()).build(), "is not an image reference");
    }

    @Test
    void manifestInAnotherNamespaceIsRefused() {
        String yaml = TestManifests.deployment("shop", "registry/shop:1", 1)
                .replace("  name: shop\n", "  name: shop\n  namespace: payments\n");
        assertRejected(
                () -> request(null, 1, StrategySettings.rolling())
                        .manifests(yaml)
                        .build(),
                "Deployment/shop",
                "namespace 'payments' differs from the request's namespace 'shop'");
    }

    @Test
    void statefulSetCannotBeDeployedByAStrategy() {
        String yaml =
                TestManifests.deployment("shop", "registry/shop:1", 1).replace("kind: Deployment", "kind: StatefulSet");
        assertRejected(
                () -> request(null, 1, StrategySettings.canary(List.of(50, 100)))
                        .manifests(yaml)
                        .build(),
                "strategy canary cannot deploy a StatefulSet");
    }

    @Test
    void unknownKindIsRefused() {
        String yaml = TestManifests.deployment("shop", "registry/shop:1", 1)
                + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin\n";
        assertRejected(
                () -> request(null, 1, StrategySettings.rolling())
                        .manifests(yaml)
                        .build(),
                "kind ClusterRole is not handled by strategy rolling");
    }

    @Test
    void blueGreenWithoutAServiceIsRefused() {
        assertRejected(
                () -> request(null, 1, StrategySettings.blueGreen())
                        .manifests(TestManifests.deployment("shop", "registry/shop:1", 1))
                        .build(),
                "blue-green switches a Service",
                "contain no Service");
    }

    @Test
    void blueGreenWhoseServiceDoesNotSelectTheWorkloadIsRefusedAfterReadingOnly() {
        String yaml = TestManifests.service("other") + "---\n" + TestManifests.deployment("shop", "registry/shop:1", 1);
        assertRejected(
                () -> request(null, 1, StrategySettings.blueGreen())
                        .manifests(yaml)
                        .build(),
                "needs a Service whose selector matches");
    }

    @Test
    void invalidServiceNameIsRefused() {
        assertRejected(
                () -> request(null, 1, StrategySettings.rolling())
                        .service("Shop_Service")
                        .build(),
                "service 'Shop_Service' is not a valid Kubernetes name");
    }

    @Test
    void stateJsonRoundTrips() {
        DeploymentState state = new DeploymentState(
                "id-1",
                "shop",
                "prod",
                "shop",
                "canary",
                2,
                5,
                "1.1.0",
                "1.0.0",
                "devops-shop-prod-snapshot",
                java.time.Instant.parse("2026-11-24T00:00:00Z"),
                null);
        assertThat(DeploymentState.fromJson(state.toJson())).isEqualTo(state);
        assertThatThrownBy(() -> DeploymentState.fromJson("{oops")).hasMessageContaining("not a deployment state");
    }
}
