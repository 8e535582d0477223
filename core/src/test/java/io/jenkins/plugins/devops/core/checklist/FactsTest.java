package io.jenkins.plugins.devops.core.checklist;

import static io.jenkins.plugins.devops.core.checklist.Fixtures.evaluate;
import static io.jenkins.plugins.devops.core.checklist.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts from the caller decide items the workspace cannot show, and override it where they are stronger. */
class FactsTest {

    @Test
    void factsTurnUnknownAndFailingItemsIntoPasses() {
        Facts facts = Facts.none()
                .withStages(List.of("Checkout", "Build", "Unit tests"))
                .withTests(new TestCounts(120, 0, 3))
                .withCanRollBack(true)
                .withAuditLoggingEnabled(true)
                .withCredentialsUsed(List.of("kubeconfig-prod"));

        ChecklistReport report = evaluate("bare-repo", ChecklistConfig.defaults(), facts);

        assertThat(item(report, "cicd.automated-builds").status()).isEqualTo(Status.PASS);
        assertThat(item(report, "cicd.automated-builds").evidence())
                .extracting(Evidence::source)
                .contains("fact:stagesRan");
        assertThat(item(report, "cicd.automated-tests").summary()).isEqualTo("120 tests ran and passed");
        assertThat(item(report, "cicd.rollback-capability").status()).isEqualTo(Status.PASS);
        assertThat(item(report, "security.audit-logging").status()).isEqualTo(Status.PASS);
        assertThat(item(report, "security.secrets-management").evidence())
                .extracting(Evidence::toString)
                .contains("fact:credentialsUsed — credentialsUsed = [kubeconfig-prod]");
    }

    @Test
    void negativeFactsFailEvenWhenTheWorkspaceLooksFine() {
        Facts facts = Facts.none()
                .withCanRollBack(false)
                .withAuditLoggingEnabled(false)
                .withTests(new TestCounts(50, 2, 0));

        ChecklistReport report = evaluate("good-service", ChecklistConfig.defaults(), facts);

        assertThat(item(report, "cicd.rollback-capability").status()).isEqualTo(Status.FAIL);
        assertThat(item(report, "security.audit-logging").status()).isEqualTo(Status.FAIL);
        assertThat(item(report, "cicd.automated-tests").summary()).isEqualTo("2 of 50 tests failed");
    }

    @Test
    void progressIsReportedItemByItem() {
        List<String> progress = new ArrayList<>();

        new ChecklistEngine()
                .evaluate(new ChecklistRequest(
                        Fixtures.repo("good-service"), ChecklistConfig.defaults(), Facts.none(), progress::add));

        assertThat(progress)
                .contains(
                        "checklist: 1/25 cicd.automated-builds PASS",
                        "checklist: 25/25 security.compliance-checks PASS");
        assertThat(progress).anySatisfy(p -> assertThat(p)
                .startsWith("secret scan: 18 files")); // its target/ report is build output
    }

    @Test
    void inconsistentTestCountsAreRejected() {
        assertThatThrownBy(() -> new TestCounts(3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
