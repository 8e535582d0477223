package io.jenkins.plugins.devops.core.checklist.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistEngine;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistRequest;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.Fixtures;
import io.jenkins.plugins.devops.core.checklist.PolicyVerdict;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.Suppression;
import io.jenkins.plugins.devops.core.checklist.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions (reason, expiry) and the baseline decide what the policy counts, on the neglected fixture. */
class BaselineAndSuppressionsTest {
    /** A failed critical item makes the default policy UNSTABLE; these tests need the policy that fails on it. */
    private static final ChecklistConfig FAIL_ON_CRITICAL =
            ChecklistConfig.defaults().withPolicy(new io.jenkins.plugins.devops.core.checklist.Policy(true, -1, true));

    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    private static ChecklistReport evaluate(Path workspace, ChecklistConfig config, Baseline baseline) {
        return new ChecklistEngine(JUNE_2026)
                .evaluate(new ChecklistRequest(workspace, config, Facts.none()).withBaseline(baseline));
    }

    private static Path copyOfBadService(Path target) throws IOException {
        Path source = Fixtures.repo("bad-service");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }

    @Test
    void suppressionsAreReadWithReasonAndExpiry() {
        ChecklistConfig config = ChecklistConfig.fromYaml(
                """
                suppressions:
                  - item: security.network-security
                    reason: policies are managed by the platform team (PLAT-123)
                    expires: 2027-03-31
                  - item: infra.disaster-recovery
                    reason: covered by the company runbook
                """,
                "checklist.yaml");

        assertThat(config.suppressions())
                .containsExactly(
                        new Suppression(
                                "security.network-security",
                                "policies are managed by the platform team (PLAT-123)",
                                LocalDate.of(2027, 3, 31)),
                        new Suppression("infra.disaster-recovery", "covered by the company runbook", null));
    }

    @Test
    void aSuppressionWithoutReasonOrWithABadDateIsRejectedWithItsLine() {
        assertThatThrownBy(() -> ChecklistConfig.fromYaml(
                        "suppressions:\n  - item: security.network-security\n    expires: 2027-03-31\n", "c.yaml"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith("c.yaml line 2: the suppression of security.network-security needs a 'reason'");
        assertThatThrownBy(() -> ChecklistConfig.fromYaml(
                        "suppressions:\n  - item: security.network-security\n    reason: later\n    expires: 31.03.2027\n",
                        "c.yaml"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessage("c.yaml line 4: expires '31.03.2027' is not a date; write it as YYYY-MM-DD, e.g."
                        + " 'expires: 2027-03-31'");
        assertThatThrownBy(() -> ChecklistConfig.fromYaml(
                        "suppressions:\n  - item: security.network-securty\n    reason: x\n", "c.yaml"))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith("c.yaml line 2: suppression of unknown item id 'security.network-securty'")
                .hasMessageContaining("did you mean 'security.network-security'?");
    }

    @Test
    void aSuppressionInForceTakesTheItemOutOfThePolicyAndSaysWhy() {
        ChecklistReport plain = evaluate(Fixtures.repo("bad-service"), FAIL_ON_CRITICAL, null);
        assertThat(plain.policy().verdict()).isEqualTo(PolicyVerdict.FAILURE);
        assertThat(plain.policy().reasons())
                .anySatisfy(r -> assertThat(r).startsWith("critical item security.secrets-management failed"));

        ChecklistConfig config = FAIL_ON_CRITICAL.withSuppressions(java.util.List.of(new Suppression(
                "security.secrets-management", "test fixture with fake secrets", LocalDate.of(2026, 6, 1))));
        ChecklistReport report = evaluate(Fixtures.repo("bad-service"), config, null);

        assertThat(report.policy().reasons()).noneSatisfy(r -> assertThat(r).contains("security.secrets-management"));
        var item = report.item("security.secrets-management").orElseThrow();
        assertThat(item.status()).isEqualTo(Status.FAIL); // the result itself stays true
        assertThat(item.evidence().get(0))
                .isEqualTo(Evidence.fact("suppression", "\"test fixture with fake secrets\" (until 2026-06-01)"));
        assertThat(report.waivers())
                .containsExactly(new Waiver(
                        "security.secrets-management",
                        Waiver.Kind.SUPPRESSED,
                        "\"test fixture with fake secrets\" (until 2026-06-01)"));
    }

    @Test
    void anExpiredSuppressionCountsAgainAndIsListed() {
        ChecklistConfig config = FAIL_ON_CRITICAL.withSuppressions(java.util.List.of(new Suppression(
                "security.secrets-management", "test fixture with fake secrets", LocalDate.of(2026, 5, 31))));

        ChecklistReport report = evaluate(Fixtures.repo("bad-service"), config, null);

        assertThat(report.policy().verdict()).isEqualTo(PolicyVerdict.FAILURE);
        assertThat(report.policy().reasons())
                .contains("suppression of security.secrets-management expired after 2026-05-31 (\"test fixture with"
                        + " fake secrets\" (until 2026-05-31)): it counts again; renew or remove it");
        assertThat(report.waivers()).extracting(Waiver::kind).containsExactly(Waiver.Kind.SUPPRESSION_EXPIRED);
    }

    @Test
    void withABaselineOnlyNewFindingsCount(@TempDir Path temp) throws IOException {
        Path workspace = copyOfBadService(temp.resolve("repo"));
        ChecklistReport first = evaluate(workspace, ChecklistConfig.defaults(), null);
        Path file = temp.resolve(".devops/checklist-baseline.json");
        BaselineFile.write(file, Baseline.of(first));
        Baseline baseline = BaselineFile.read(file);
        assertThat(baseline.items())
                .extracting(Baseline.Entry::id)
                .contains("security.secrets-management", "security.access-control");
        assertThat(Files.readString(file)).doesNotContain("hunter2").contains("\"schemaVersion\" : 1");

        ChecklistReport same = evaluate(workspace, ChecklistConfig.defaults(), baseline);
        assertThat(same.policy().verdict()).isEqualTo(PolicyVerdict.PASS);
        assertThat(same.policy().reasons()).isEmpty();
        assertThat(same.waivers()).allSatisfy(w -> assertThat(w.kind()).isEqualTo(Waiver.Kind.BASELINE));
        assertThat(same.score()).isEqualTo(first.score());

        // a new privileged workload is a new finding of an item that already failed
        Files.writeString(
                workspace.resolve("k8s/agent.yaml"),
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: agent}
                spec:
                  containers:
                    - name: agent
                      image: registry.example.com/agent:1.0
                      securityContext: {privileged: True}
                """);
        ChecklistReport later = evaluate(workspace, ChecklistConfig.defaults(), baseline);
        assertThat(later.policy().verdict()).isEqualTo(PolicyVerdict.UNSTABLE);
        assertThat(later.policy().reasons())
                .anySatisfy(r -> assertThat(r).startsWith("security.access-control is FAIL"))
                .noneSatisfy(r -> assertThat(r).contains("security.secrets-management"));
    }

    @Test
    void aBaselineThatIsNotOneIsRejected(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("baseline.json");
        Files.writeString(file, "{\"items\": [{\"id\": \"x\"}]}");
        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageContaining("baseline schemaVersion");
        Files.writeString(file, "{\"schemaVersion\": 1, \"items\": [{\"id\": \"x\", \"status\": \"PASS\"}]}");
        assertThatThrownBy(() -> BaselineFile.read(file))
                .hasMessage(file + " items[0]: needs an 'id', a 'status' of WARN or FAIL and an integer 'score';"
                        + " recreate the baseline with --write-baseline");
        assertThatThrownBy(() -> BaselineFile.read(temp.resolve("missing.json")))
                .hasMessageContaining("create it with --write-baseline");
    }
}
