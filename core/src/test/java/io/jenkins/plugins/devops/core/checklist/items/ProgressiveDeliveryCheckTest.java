package io.jenkins.plugins.devops.core.checklist.items;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.checklist.ChecklistEngine;
import io.jenkins.plugins.devops.core.checklist.ChecklistRequest;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy-safety checks, with the strategy learnt from facts, a Jenkinsfile or not at all. */
class ProgressiveDeliveryCheckTest {
    private static final String ID = "cicd.progressive-delivery-safety";

    private static String deployment(String specExtra, String containerExtra) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop
                spec:
                %s  selector:
                    matchLabels: {app: shop}
                  template:
                    metadata:
                      labels: {app: shop}
                    spec:
                      containers:
                        - name: shop
                          image: registry.example.com/shop:1.0.0
                %s---
                """
                .formatted(specExtra, containerExtra);
    }

    private static final String PROBE = "          readinessProbe: {httpGet: {path: /ready, port: 8080}}\n";

    private static String service(String selector) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: shop
                spec:
                  selector: %s
                  ports: [{port: 80}]
                ---
                """
                .formatted(selector);
    }

    private static String budget(String field) {
        return """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: shop
                spec:
                  %s
                  selector:
                    matchExpressions:
                      - {key: app, operator: In, values: [shop]}
                ---
                """
                .formatted(field);
    }

    private static final String HPA_MIN_2 =
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: shop
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop}
              minReplicas: 2
              maxReplicas: 6
            ---
            """;

    private static ItemResult evaluate(Path repo, Map<String, String> files, Facts facts) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = repo.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return new ChecklistEngine()
                .evaluate(new ChecklistRequest(repo, null, facts))
                .item(ID)
                .orElseThrow();
    }

    private static List<String> details(ItemResult result) {
        return result.evidence().stream().map(Evidence::detail).toList();
    }

    private static Facts canary(String steps) {
        return new Facts(List.of(), null, null, null, List.of(), Map.of("strategy", "canary", "steps", steps));
    }

    @Test
    void notApplicableWhenTheStrategyIsUnknownOrRolling(@TempDir Path repo) throws IOException {
        ItemResult unknown = evaluate(repo, Map.of("k8s/shop.yaml", deployment("", "")), Facts.none());
        assertThat(unknown.status()).isEqualTo(Status.NOT_APPLICABLE);

        ItemResult rolling = evaluate(
                repo,
                Map.of("Jenkinsfile", "node { devopsDeploy service: 'shop', strategy: 'rolling' }\n"),
                Facts.none());
        assertThat(rolling.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void everyRiskOfACanaryIsNamed(@TempDir Path repo) throws IOException {
        String manifests = deployment("  progressDeadlineSeconds: 120\n", "")
                + service("{app: shop, devops.jenkins.io/track: stable}")
                + budget("maxUnavailable: 0")
                + HPA_MIN_2;
        String gates =
                """
                analysis:
                  - name: success-rate
                    template: request-success-rate
                    interval: 1m
                    count: 5
                    initialDelay: 30s
                """;

        ItemResult result =
                evaluate(repo, Map.of("k8s/shop.yaml", manifests, "ops/gates.yaml", gates), canary("10,50,100"));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(details(result))
                .anySatisfy(d -> assertThat(d)
                        .contains("container shop has no readinessProbe: with canary the new pods get traffic"))
                .anySatisfy(d -> assertThat(d)
                        .isEqualTo("Deployment/shop: no Service selects its pods: canary has no" + " traffic to shift"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith(
                                "PodDisruptionBudget/shop: allows no disruption of" + " Deployment/shop (2 replicas)"))
                .anySatisfy(d -> assertThat(d)
                        .isEqualTo("HorizontalPodAutoscaler/shop: minReplicas 2 cannot realise the canary weights"
                                + " [10, 50, 100] by pod ratio (granularity 50%): 10% → 50%; raise the replicas or"
                                + " route traffic with an HTTPRoute"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("Deployment/shop: progressDeadlineSeconds 120 is shorter than the analysis (330 s"))
                .anySatisfy(d -> assertThat(d).isEqualTo("strategy = canary"));
    }

    @Test
    void aJenkinsfileGivesTheStrategyWeightsAndAnalysis(@TempDir Path repo) throws IOException {
        String jenkinsfile =
                """
                pipeline {
                  agent any
                  stages {
                    stage('Deploy') {
                      steps {
                        devopsDeploy(service: 'shop', environment: 'prod', manifests: 'k8s/*.yaml',
                            strategy: 'canary', steps: [25, 50, 100],
                            analysis: [[name: 'errors', query: 'sum(rate(errors[5m]))', max: 1,
                                        interval: '2m', count: 6, initialDelay: '1m']])
                      }
                    }
                  }
                }
                """;
        String manifests = deployment("  replicas: 4\n", PROBE) + service("{app: shop}") + budget("minAvailable: 3");

        ItemResult result =
                evaluate(repo, Map.of("Jenkinsfile", jenkinsfile, "k8s/shop.yaml", manifests), Facts.none());

        // 4 replicas realise 25% and 50%; minAvailable 3 of 4 leaves a disruption; 13 min analysis > 600 s default
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(details(result))
                .containsExactly(
                        "Deployment/shop: progressDeadlineSeconds 600 (default) is shorter than the analysis (780 s ="
                                + " initialDelay + interval × count): the rollout is reported as stalled before its"
                                + " gates can decide",
                        "devopsDeploy strategy: canary");
        assertThat(result.evidence().get(1).location()).isEqualTo("Jenkinsfile:6");
    }

    @Test
    void aWellPreparedCanaryPasses(@TempDir Path repo) throws IOException {
        String manifests = deployment("  replicas: 10\n", PROBE) + service("{app: shop}") + budget("maxUnavailable: 1");

        ItemResult result = evaluate(repo, Map.of("k8s/shop.yaml", manifests), canary("10,50,100"));

        assertThat(result.status()).as(result.evidence().toString()).isEqualTo(Status.PASS);
    }

    @Test
    void blueGreenNeedsAServiceToSwitchAndABudgetThatKeepsPods(@TempDir Path repo) throws IOException {
        String manifests =
                deployment("  replicas: 3\n", PROBE) + service("{app: other}") + budget("minAvailable: \"0%\"");

        ItemResult result = evaluate(
                repo,
                Map.of(
                        "k8s/shop.yaml",
                        manifests,
                        "Jenkinsfile",
                        "devopsDeploy service: 'shop', strategy: 'blue-green'\n"),
                Facts.none());

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(details(result))
                .contains(
                        "Deployment/shop: no Service selects its pods: blue-green has no traffic to switch",
                        "PodDisruptionBudget/shop: allows all 3 pods of Deployment/shop down at once: a drain during"
                                + " the rollout can take both tracks away");
    }

    @Test
    void aRoutedCanaryWarnsAboutAServiceThatSelectsBothTracks(@TempDir Path repo) throws IOException {
        String manifests = deployment("  replicas: 2\n", PROBE) + service("{app: shop}");
        Facts facts = new Facts(
                List.of(),
                null,
                null,
                null,
                List.of(),
                Map.of("strategy", "canary", "steps", "5,20,100", "httpRoute", "shop"));

        ItemResult result = evaluate(repo, Map.of("k8s/shop.yaml", manifests), facts);

        // weights come from the route, so 2 replicas are no limit here
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(details(result))
                .containsExactly(
                        "Service/shop: selects both tracks of Deployment/shop: traffic that does not pass"
                                + " HTTPRoute/shop is split by pod count, not by the canary weights",
                        "strategy = canary");
    }
}
