package io.jenkins.plugins.devops.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the API server itself refuses is found by a dry run before the first write, and API versions a v1.20
 * server does not serve are found by discovery.
 */
@Tag("real-cluster")
class ValidationRealClusterIT extends RealClusterFixture {

    @Test
    void selectorThatDoesNotMatchThePodLabelsIsRefusedAndNothingIsWritten() {
        String manifests = manifests("registry/shop:1.0.0", 2, Map.of())
                .replace("      labels:\n        app: shop\n", "      labels:\n        app: other\n");
        DeploymentRequest request = request("registry/shop:1.0.0", 2, StrategySettings.rolling())
                .manifests(manifests)
                .build();

        assertThatThrownBy(() -> deploy(request))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("the cluster refused 1 object in a server-side dry run, so nothing was changed")
                .hasMessageContaining("\n  Deployment/shop: Deployment.apps \"shop\" is invalid: ")
                .hasMessageContaining("`selector` does not match template `labels`")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(2))
                .hasMessageNotContaining("Status(");
        assertThatThrownBy(() -> engine.plan(request))
                .as("plan with a cluster does the same check")
                .hasMessageContaining("`selector` does not match template `labels`");

        assertThat(client.services().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).withName("shop-config").get())
                .isNull();
        assertThat(client.apps().deployments().inNamespace(ns).list().getItems())
                .isEmpty();
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(client.secrets()
                        .inNamespace(ns)
                        .withName("devops-shop-test-snapshot")
                        .get())
                .isNull();
    }

    @Test
    void changeOfAnImmutableSelectorIsRefusedBeforeAnythingChanges() {
        deploy(request("registry/shop:1.0.0", 2, StrategySettings.rolling()).build());
        Map<String, Object> before = objects();
        String manifests = manifests("registry/shop:1.1.0", 2, Map.of())
                .replace("      app: shop\n  template:", "      app: shop\n      tier: web\n  template:")
                .replace("      labels:\n        app: shop\n", "      labels:\n        app: shop\n        tier: web\n");

        assertThatThrownBy(() -> deploy(request("registry/shop:1.1.0", 2, StrategySettings.rolling())
                        .manifests(manifests)
                        .build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Deployment/shop: ")
                .hasMessageContaining("field is immutable");

        assertThat(objects()).isEqualTo(before);
        assertThat(client.leases().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void versionsThatV120DoesNotServeAreWrittenInTheirServedEquivalent() {
        String extra =
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
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: shop
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: shop
                  minReplicas: 2
                  maxReplicas: 4
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target:
                          type: Utilization
                          averageUtilization: 70
                """;
        DeploymentRequest request = request("registry/shop:1.0.0", 2, StrategySettings.rolling())
                .manifests(manifests("registry/shop:1.0.0", 2, Map.of()) + extra)
                .build();

        assertThat(engine.plan(request).notes())
                .contains(
                        "PodDisruptionBudget: the cluster does not serve policy/v1; written as policy/v1beta1 (the"
                                + " same fields).",
                        "HorizontalPodAutoscaler: the cluster does not serve autoscaling/v2; written as"
                                + " autoscaling/v2beta2 (the same fields).");
        DeploymentRecord record = deploy(request);

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(client.policy()
                        .v1beta1()
                        .podDisruptionBudget()
                        .inNamespace(ns)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getMinAvailable()
                        .getIntVal())
                .isEqualTo(1);
        assertThat(client.autoscaling()
                        .v2beta2()
                        .horizontalPodAutoscalers()
                        .inNamespace(ns)
                        .withName("shop")
                        .get()
                        .getSpec()
                        .getMaxReplicas())
                .isEqualTo(4);
    }

    @Test
    void kindOfAnApiGroupTheClusterDoesNotServeIsRefusedUpFront() {
        String route =
                """
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: shop
                spec:
                  rules:
                    - backendRefs:
                        - name: shop
                          port: 80
                """;
        DeploymentRequest request = request("registry/shop:1.0.0", 2, StrategySettings.rolling())
                .manifests(manifests("registry/shop:1.0.0", 2, Map.of()) + route)
                .build();

        assertThatThrownBy(() -> deploy(request))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("the cluster does not serve these API versions (nothing was changed):\n"
                        + "  HTTPRoute/shop: gateway.networking.k8s.io/v1 is not served; the cluster does not serve the"
                        + " API group gateway.networking.k8s.io at all (is its CRD installed?)");
        assertThat(client.services().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void autoscalerThatOnlyAutoscalingV1ShowsIsStillHonoured() {
        deploy(request("registry/shop:1.0.0", 3, StrategySettings.rolling()).build());
        client.autoscaling()
                .v1()
                .horizontalPodAutoscalers()
                .inNamespace(ns)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .withNewSpec()
                        .withNewScaleTargetRef()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName("shop")
                        .endScaleTargetRef()
                        .withMinReplicas(2)
                        .withMaxReplicas(6)
                        .withTargetCPUUtilizationPercentage(70)
                        .endSpec()
                        .build())
                .create();

        DeploymentRecord record = deploy(
                request("registry/shop:1.1.0", 1, StrategySettings.rolling()).build());

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(deployment("shop").getSpec().getReplicas())
                .as("the autoscaler's live count, not the manifest's 1")
                .isEqualTo(3);
    }

    @Test
    void autoscalerThatRescalesTheStableDuringACanaryPauseIsReported() {
        StrategySettings canary = StrategySettings.canary(List.of(25, 100), Duration.ofSeconds(40), null);
        deploy(request("registry/shop:1.0.0", 4, canary).build());
        client.autoscaling()
                .v1()
                .horizontalPodAutoscalers()
                .inNamespace(ns)
                .resource(new HorizontalPodAutoscalerBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .withNewSpec()
                        .withNewScaleTargetRef()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName("shop")
                        .endScaleTargetRef()
                        .withMinReplicas(4)
                        .withMaxReplicas(8)
                        .withTargetCPUUtilizationPercentage(70)
                        .endSpec()
                        .build())
                .create();

        DeploymentRecord record =
                deploy(request("registry/shop:1.1.0", 4, canary).build());

        assertThat(record.outcome()).as(record.failureReason()).isEqualTo(Outcome.SUCCEEDED);
        // The canary step leaves 3 stable pods, below the autoscaler's minimum of 4, which it restores
        // within its 15 s sync period, during the 40 s pause.
        assertThat(record.events())
                .contains("Deployment/shop was rescaled from 3 to 4 replicas during phase 'canary 25%' (by an"
                        + " autoscaler?)")
                .contains("traffic to the new version is 20% (1 canary + 4 stable pods), not the planned 25% (1 +"
                        + " 3)");
    }
}
