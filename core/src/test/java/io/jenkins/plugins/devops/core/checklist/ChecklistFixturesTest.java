package io.jenkins.plugins.devops.core.checklist;

import static io.jenkins.plugins.devops.core.checklist.Fixtures.evaluate;
import static io.jenkins.plugins.devops.core.checklist.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.checklist.items.BuiltInItems;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each built-in item passes on the well-run fixture and fails on a neglected one, from workspace evidence alone. */
class ChecklistFixturesTest {
    private static ChecklistReport good;
    private static ChecklistReport bad;
    private static ChecklistReport bare;

    @BeforeAll
    static void evaluateFixtures() {
        good = evaluate("good-service");
        bad = evaluate("bad-service");
        bare = evaluate("bare-repo");
    }

    static Stream<String> itemIds() {
        return BuiltInItems.ids().stream();
    }

    @Test
    void thereAreTwentyFiveItemsSixPerChecklistAndSevenForCicd() {
        assertThat(BuiltInItems.all()).hasSize(25);
        for (Category category : Category.values()) {
            assertThat(BuiltInItems.all().stream().filter(i -> i.category() == category))
                    .hasSize(category == Category.CICD ? 7 : 6);
        }
    }

    @ParameterizedTest
    @MethodSource("itemIds")
    void itemPassesOnTheWellRunService(String id) {
        ItemResult result = item(good, id);
        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
        assertThat(result.score()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("itemIds")
    void itemFailsOnANeglectedRepository(String id) {
        ItemResult inBad = item(bad, id);
        ItemResult inBare = item(bare, id);
        assertThat(java.util.List.of(inBad.status(), inBare.status()))
                .as(id + ": bad=" + inBad.summary() + " / bare=" + inBare.summary())
                .contains(Status.FAIL);
        ItemResult failing = inBad.status() == Status.FAIL ? inBad : inBare;
        assertThat(failing.score()).isBetween(0, 4);
        assertThat(failing.remediation()).isNotBlank();
    }

    @Test
    void wellRunServiceScoresTenAndPassesThePolicy() {
        assertThat(good.score()).isEqualTo(10.0);
        assertThat(good.checklists()).hasSize(4).allSatisfy(c -> assertThat(c.score())
                .isEqualTo(10.0));
        assertThat(good.policy().verdict()).isEqualTo(PolicyVerdict.PASS);
        assertThat(good.secretScan().findings()).isEmpty();
    }

    @Test
    void failuresPointAtTheFileAndLineOfTheEvidence() {
        assertThat(item(bad, "security.access-control").evidence())
                .anySatisfy(e -> {
                    assertThat(e.location()).isEqualTo("k8s/app.yaml:45");
                    assertThat(e.detail())
                            .contains("ClusterRoleBinding/api-admin")
                            .contains("cluster-admin");
                })
                .anySatisfy(e -> assertThat(e.detail()).contains("privileged: true"))
                .anySatisfy(e -> assertThat(e.toString()).contains("Dockerfile").contains("runs as root"));
        assertThat(item(bad, "infra.immutable-infrastructure").evidence())
                .anySatisfy(
                        e -> assertThat(e.toString()).startsWith("Dockerfile:1").contains("FROM node"));
        assertThat(item(bad, "security.secrets-management").evidence())
                .extracting(Evidence::detail)
                .anySatisfy(d -> assertThat(d).contains("env DB_PASSWORD holds a literal value"))
                .anySatisfy(d -> assertThat(d).contains("Secret with data committed"));
        assertThat(item(bad, "security.secrets-management").toString()).doesNotContain("hunter2");
    }

    @Test
    void reportsAreCountedBySeverity() {
        assertThat(item(bad, "security.vulnerability-scanning").summary())
                .isEqualTo("vulnerability scans report 1 critical, 1 high, 0 medium, 0 low");
        assertThat(item(bad, "cicd.automated-tests").summary()).isEqualTo("1 of 4 tests failed");
        assertThat(item(bad, "cicd.code-quality").status()).isEqualTo(Status.WARN);
        assertThat(item(bad, "cicd.code-quality").summary()).contains("31.0%");
        assertThat(item(good, "cicd.code-quality").evidence())
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("jacoco line coverage 88.0%"));
        assertThat(item(good, "cicd.automated-tests").summary()).startsWith("3 tests in 1 JUnit reports");
    }

    @Test
    void itemsWithoutSubjectAreNotApplicableAndExcludedFromTheScore() {
        assertThat(item(bare, "security.network-security").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(item(bare, "security.network-security").score()).isEqualTo(-1);
        assertThat(item(bare, "cicd.rollback-capability").status()).isEqualTo(Status.UNKNOWN);
        // Security: vulnerability-scanning (CRITICAL, 0) + secrets (CRITICAL, 10) + audit (MEDIUM, 0) + compliance
        // (MEDIUM, 0) = 100 / 30 → 3.3; the two not-applicable HIGH items do not dilute it.
        assertThat(bare.checklists().get(3).score()).isEqualTo(3.3);
    }

    @Test
    void neglectedRepositoryIsUnstableOnItsCriticalItemsByDefault() {
        assertThat(bad.policy().verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(bad.policy().reasons())
                .anySatisfy(r -> assertThat(r).startsWith("security.vulnerability-scanning is FAIL"))
                .anySatisfy(r -> assertThat(r).startsWith("security.secrets-management is FAIL"));
    }

    @Test
    void neglectedRepositoryFailsOnItsCriticalItemsWhenThePolicyAsks() {
        ChecklistReport failing = Fixtures.evaluate(
                "bad-service", ChecklistConfig.defaults().withPolicy(new Policy(true, -1, true)), Facts.none());

        assertThat(failing.policy().verdict()).isEqualTo(PolicyVerdict.FAILURE);
        assertThat(failing.policy().reasons())
                .anySatisfy(r -> assertThat(r).startsWith("critical item security.vulnerability-scanning failed"))
                .anySatisfy(r -> assertThat(r).startsWith("critical item security.secrets-management failed"));
    }
}
