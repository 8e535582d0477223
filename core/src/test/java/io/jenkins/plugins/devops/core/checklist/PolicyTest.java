package io.jenkins.plugins.devops.core.checklist;

import static io.jenkins.plugins.devops.core.checklist.Fixtures.evaluate;
import static io.jenkins.plugins.devops.core.checklist.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static ItemResult result(String id, Severity severity, Status status, int score) {
        return new ItemResult(id, id, Category.SECURITY, severity, status, score, "because", List.of(), "fix it");
    }

    private static PolicyOutcome apply(Policy policy, ItemResult... items) {
        List<ItemResult> list = List.of(items);
        ChecklistResult checklist = new ChecklistResult(Category.SECURITY, ChecklistReport.weightedScore(list), list);
        return policy.evaluate(List.of(checklist), ChecklistReport.weightedScore(list));
    }

    @Test
    void byDefaultACriticalFailureIsAFindingThatMakesTheReportUnstable() {
        PolicyOutcome outcome = apply(
                Policy.DEFAULT,
                result("a", Severity.CRITICAL, Status.FAIL, 0),
                result("b", Severity.LOW, Status.PASS, 10));

        assertThat(outcome.verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(outcome.reasons()).containsExactly("a is FAIL: because");
    }

    @Test
    void criticalFailureFailsTheBuildWhenThePolicyAsksForIt() {
        PolicyOutcome outcome = apply(
                new Policy(true, -1, true),
                result("a", Severity.CRITICAL, Status.FAIL, 0),
                result("b", Severity.LOW, Status.PASS, 10));

        assertThat(outcome.verdict()).isEqualTo(PolicyVerdict.FAILURE);
        assertThat(outcome.reasons()).containsExactly("critical item a failed: because");
    }

    @Test
    void scoreBelowMinimumFailsEvenWithoutCriticalItems() {
        PolicyOutcome outcome = apply(
                new Policy(true, 6, true),
                result("a", Severity.HIGH, Status.FAIL, 0),
                result("b", Severity.LOW, Status.PASS, 10));

        assertThat(outcome.verdict()).isEqualTo(PolicyVerdict.FAILURE);
        assertThat(outcome.reasons()).containsExactly("overall score 2.5 is below the minimum 6.0");
    }

    @Test
    void warningsMakeItUnstableUnlessDisabled() {
        ItemResult warn = result("a", Severity.HIGH, Status.WARN, 5);
        ItemResult pass = result("b", Severity.LOW, Status.PASS, 10);

        assertThat(apply(Policy.DEFAULT, warn, pass).verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(apply(Policy.DEFAULT, warn, pass).reasons()).containsExactly("a is WARN: because");
        assertThat(apply(new Policy(true, -1, false), warn, pass).verdict()).isEqualTo(PolicyVerdict.PASS);
    }

    @Test
    void criticalFailureIsOnlyUnstableWhenTheSwitchIsOff() {
        PolicyOutcome outcome = apply(new Policy(false, -1, true), result("a", Severity.CRITICAL, Status.FAIL, 0));

        assertThat(outcome.verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
    }

    @Test
    void weightedScoreUsesScorecardWeightsAndSkipsUnscoredItems() {
        double score = ChecklistReport.weightedScore(List.of(
                result("a", Severity.CRITICAL, Status.PASS, 10),
                result("b", Severity.LOW, Status.FAIL, 0),
                result("c", Severity.HIGH, Status.NOT_APPLICABLE, -1),
                result("d", Severity.HIGH, Status.UNKNOWN, -1)));

        assertThat(score).isEqualTo(8.0); // 10*10 / (10 + 2.5)
        assertThat(ChecklistReport.weightedScore(List.of())).isEqualTo(-1);
    }

    @Test
    void disablingTheFailingCriticalItemsLetsTheNeglectedRepositoryThroughAsUnstable() {
        ChecklistConfig config = ChecklistConfig.defaults()
                .withItems(Map.of(
                        "security.vulnerability-scanning", new ItemSettings(false, null),
                        "security.secrets-management", new ItemSettings(true, Severity.HIGH)));

        ChecklistReport report = evaluate("bad-service", config, Facts.none());

        assertThat(report.item("security.vulnerability-scanning")).isEmpty();
        assertThat(item(report, "security.secrets-management").severity()).isEqualTo(Severity.HIGH);
        assertThat(report.policy().verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
    }
}
