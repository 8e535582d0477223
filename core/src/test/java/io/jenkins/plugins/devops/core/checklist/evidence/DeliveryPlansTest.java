package io.jenkins.plugins.devops.core.checklist.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.Facts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the deploy strategy from facts and Jenkinsfiles without parsing Groovy. */
class DeliveryPlansTest {

    private static List<DeliveryPlan> plans(Path repo, Facts facts) {
        return DeliveryPlans.find(
                new EvidenceContext(Workspace.index(repo, Set.of()), facts, ChecklistConfig.defaults(), null));
    }

    @Test
    void durationsAsTheGateSettingsWriteThem() {
        assertThat(DeliveryPlans.duration("30s", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryPlans.duration("1m30s", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(DeliveryPlans.duration("500ms", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(DeliveryPlans.duration("2h", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
        assertThat(DeliveryPlans.duration("45", Duration.ZERO)).isEqualTo(Duration.ofSeconds(45));
        assertThat(DeliveryPlans.duration("soon", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void everyDevopsDeployCallIsAPlanWithItsLongestAnalysis(@TempDir Path repo) throws IOException {
        Files.writeString(
                repo.resolve("Jenkinsfile"),
                """
                stage('staging') {
                    devopsDeploy service: 'cart', environment: 'staging', strategy: 'blue-green'
                }
                stage('production') {
                    devopsDeploy(
                        service: 'cart', environment: 'production', strategy: 'Canary', steps: [5, 25, 100],
                        httpRoute: 'cart-route',
                        analysis: [
                            [name: 'errors', query: 'sum(rate(http_errors_total{job="cart"}[5m]))', max: 1,
                             interval: '1m', count: 3],
                            [name: 'latency', template: 'request-duration', max: 300, interval: '30s', count: 10,
                             initialDelay: '2m']
                        ])
                }
                stage('other') { devopsDeploy service: svc, strategy: params.STRATEGY }
                """);

        List<DeliveryPlan> plans = plans(repo, Facts.none());

        assertThat(plans).hasSize(2);
        DeliveryPlan staging = plans.get(0);
        assertThat(staging.strategy()).isEqualTo("blue-green");
        assertThat(staging.service()).isEqualTo("cart");
        assertThat(staging.source().location()).isEqualTo("Jenkinsfile:2");
        DeliveryPlan production = plans.get(1);
        assertThat(production.strategy()).isEqualTo("canary");
        assertThat(production.steps()).containsExactly(5, 25, 100);
        assertThat(production.httpRoute()).isEqualTo("cart-route");
        assertThat(production.isReplicaRatioCanary()).isFalse();
        // 2m + 10 × 30s = 7 min beats 3 × 1m; the PromQL brackets do not end the list
        assertThat(production.analysis()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void factsWinAndAGatesFileGivesTheAnalysis(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("ci"));
        Files.writeString(
                repo.resolve("ci/gates.yaml"),
                "analysis:\n  - {name: errors, template: request-success-rate, interval: 2m, count: 4}\n");
        Files.writeString(repo.resolve("Jenkinsfile"), "devopsDeploy service: 'cart', strategy: 'rolling'\n");
        Facts facts = new Facts(List.of(), null, null, null, List.of(), Map.of("strategy", "blue-green"));

        List<DeliveryPlan> plans = plans(repo, facts);

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.strategy()).isEqualTo("blue-green");
            assertThat(plan.analysis()).isEqualTo(Duration.ofMinutes(8));
            assertThat(plan.source().source()).isEqualTo("fact:strategy");
        });
        assertThat(plans(repo, Facts.none())).singleElement().satisfies(plan -> assertThat(plan.isProgressive())
                .isFalse());
    }
}
