package io.jenkins.plugins.devops.core.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The worked example of docs/dora.md, figure by figure. */
class DoraCalculatorTest {
    static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");
    static final DoraSettings WEEK = DoraSettings.defaults().withWindow(Duration.ofDays(7));

    /** The checkout service's week in docs/dora.md. */
    static List<LedgerEntry> workedExample() {
        List<LedgerEntry> e = new ArrayList<>();
        e.add(entry(
                "a",
                DeploymentKind.DEPLOY,
                Outcome.SUCCEEDED,
                "11-01T10:00",
                "11-01T10:10",
                "11-01T09:50",
                "11-01T08:10"));
        e.add(entry("b", DeploymentKind.DEPLOY, Outcome.FAILED, "11-02T10:00", "11-02T10:10", "11-02T09:40"));
        e.add(entry("c", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-02T10:25", "11-02T10:35", "11-02T10:20"));
        e.add(entry(
                "d", DeploymentKind.DEPLOY, Outcome.FAILED_ROLLED_BACK, "11-03T14:00", "11-03T14:20", "11-03T13:00"));
        e.add(entry("e", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-04T09:00", "11-04T09:05", "11-04T08:05"));
        e.add(entry("f", DeploymentKind.ROLLBACK, Outcome.SUCCEEDED, "11-04T11:00", "11-04T11:05"));
        e.add(entry("g", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-06T16:00", "11-06T16:10", "11-06T15:50"));
        return e;
    }

    static LedgerEntry entry(
            String id, DeploymentKind kind, Outcome outcome, String started, String finished, String... commits) {
        List<Commit> list = new ArrayList<>();
        for (String c : commits) {
            list.add(new Commit("sha-" + c, at(c)));
        }
        return new LedgerEntry(
                id,
                kind,
                "checkout",
                "production",
                "",
                "",
                "",
                outcome,
                at(started),
                at(finished),
                list,
                "canary",
                "",
                Optional.empty());
    }

    static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    static LedgerIndex index(List<LedgerEntry> entries) {
        LedgerIndex index = new LedgerIndex();
        entries.forEach(index::add);
        return index;
    }

    @Test
    void workedExampleGivesTheDocumentedFigures() {
        DoraReport report =
                new DoraCalculator(WEEK).calculate(index(workedExample()), TO).overall();
        DoraFigures f = report.figures();
        assertThat(f.deployments()).isEqualTo(6);
        assertThat(f.successfulDeployments()).isEqualTo(4);
        assertThat(f.changeFailures()).isEqualTo(3); // b failed, d rolled back by the engine, e rolled back by hand
        assertThat(f.deploymentFrequency()).isCloseTo(4 / 7.0, within(1e-9));
        assertThat(f.deploymentDaysPerWeek()).isCloseTo(4.0, within(1e-9)); // Nov 1, 2, 4, 6
        assertThat(f.leadTimeForChanges()).contains(Duration.ofMinutes(20)); // 15, 20, 20, 60, 120
        assertThat(f.changeFailureRate().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(f.recoveries()).isEqualTo(3);
        assertThat(f.failedDeploymentRecoveryTime()).contains(Duration.ofMinutes(25)); // 20, 25, 120
        assertThat(f.openFailures()).isZero();
        // c came 25 min after the failed b, e 18 h 45 min after the rolled back d; g came 2 days after the rollback f
        assertThat(f.reworkAfterFailure()).isEqualTo(2);
        assertThat(f.reworkDeclared()).isZero();
        assertThat(f.deploymentReworkRate().getAsDouble()).isCloseTo(2 / 6.0, within(1e-9));
        assertThat(f.availability()).isCloseTo(1 - 9900.0 / 604800, within(1e-12));
        assertThat(report.bands())
                .containsEntry(DoraMetric.DEPLOYMENT_FREQUENCY, Band.HIGH)
                .containsEntry(DoraMetric.LEAD_TIME_FOR_CHANGES, Band.ELITE)
                .containsEntry(DoraMetric.CHANGE_FAILURE_RATE, Band.LOW)
                .containsEntry(DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME, Band.ELITE);
        assertThat(report.targetsMet())
                .containsEntry(DoraMetric.DEPLOYMENT_FREQUENCY, false)
                .containsEntry(DoraMetric.LEAD_TIME_FOR_CHANGES, true)
                .containsEntry(DoraMetric.CHANGE_FAILURE_RATE, false)
                .containsEntry(DoraMetric.FAILED_DEPLOYMENT_RECOVERY_TIME, true)
                .containsEntry(DoraMetric.AVAILABILITY, false);
        assertThat(report.bandsYear()).isEqualTo("2023");
    }

    @Test
    void reworkIsWhatTheRequestDeclaredOrWhatFollowsAFailureWithinTheLimitAndSaysWhichRule() {
        List<LedgerEntry> entries = new ArrayList<>(workedExample());
        LedgerEntry g = entries.get(6);
        entries.set(6, declared(g)); // a hot fix declared by hand, 2 days after the rollback
        LedgerEntry c = entries.get(2);
        entries.set(2, declared(c)); // declared and after a failure: counted once, as declared
        DoraFigures f =
                new DoraCalculator(WEEK).calculate(index(entries), TO).overall().figures();
        assertThat(f.reworkDeclared()).isEqualTo(2);
        assertThat(f.reworkAfterFailure()).isEqualTo(1); // e
        assertThat(f.reworkDeployments()).isEqualTo(3);
        assertThat(f.deploymentReworkRate().getAsDouble()).isCloseTo(0.5, within(1e-9));

        DoraFigures declaredOnly = new DoraCalculator(WEEK.withReworkAfterFailureWithin(Duration.ZERO))
                .calculate(index(entries), TO)
                .overall()
                .figures();
        assertThat(declaredOnly.reworkAfterFailure()).isZero();
        assertThat(declaredOnly.reworkDeclared()).isEqualTo(2);

        DoraFigures shortLimit = new DoraCalculator(WEEK.withReworkAfterFailureWithin(Duration.ofHours(1)))
                .calculate(index(workedExample()), TO)
                .overall()
                .figures();
        assertThat(shortLimit.reworkAfterFailure()).isEqualTo(1); // only c, 25 min after b
    }

    @Test
    void reworkRateHasNoBandAndNoTargetBecauseDoraDefinesNone() {
        DoraReport report =
                new DoraCalculator(WEEK).calculate(index(workedExample()), TO).overall();
        assertThat(report.bands()).doesNotContainKey(DoraMetric.DEPLOYMENT_REWORK_RATE);
        assertThat(report.targetsMet()).doesNotContainKey(DoraMetric.DEPLOYMENT_REWORK_RATE);
        assertThat(DoraJson.toJson(report).path("bands").has("deploymentReworkRate"))
                .isFalse();
        assertThat(DoraText.render(new DoraCalculator(WEEK).calculate(index(workedExample()), TO)))
                .contains("deployment rework rate (no band or target)");
    }

    static LedgerEntry declared(LedgerEntry e) {
        return new LedgerEntry(
                e.id(),
                e.kind(),
                e.service(),
                e.environment(),
                e.version(),
                e.previousVersion(),
                e.artifact(),
                e.outcome(),
                e.startedAt(),
                e.finishedAt(),
                e.commits(),
                e.strategy(),
                e.triggeredBy(),
                e.rolledBackAt(),
                true);
    }

    @Test
    void aManualRollbackLaterThanTheLimitDoesNotMakeTheDeploymentAFailure() {
        DoraSettings strict = new DoraSettings(
                Duration.ofDays(7), Duration.ofHours(1), Duration.ZERO, DoraBands.dora2023(), DoraTargets.defaults());
        DoraFigures f = new DoraCalculator(strict)
                .calculate(index(workedExample()), TO)
                .overall()
                .figures();
        assertThat(f.changeFailures()).isEqualTo(2); // e was rolled back after 2 h, more than the 1 h limit
        assertThat(f.failedDeploymentRecoveryTime())
                .contains(Duration.ofSeconds(1350)); // mean of the middle two: 20 and 25 min
    }

    @Test
    void aFixSoonAfterCountsAsAFailureOnlyWhenSupersedingIsOn() {
        DoraSettings hotfix = new DoraSettings(
                Duration.ofDays(7),
                Duration.ofHours(24),
                Duration.ofMinutes(30),
                DoraBands.dora2023(),
                DoraTargets.defaults());
        List<LedgerEntry> entries = List.of(
                entry("x", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-05T10:00", "11-05T10:05", "11-05T09:00"),
                entry("y", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-05T10:20", "11-05T10:25", "11-05T10:15"));
        assertThat(new DoraCalculator(hotfix)
                        .calculate(index(entries), TO)
                        .overall()
                        .figures()
                        .changeFailures())
                .isEqualTo(1);
        assertThat(new DoraCalculator(WEEK)
                        .calculate(index(entries), TO)
                        .overall()
                        .figures()
                        .changeFailures())
                .isZero();
    }

    @Test
    void aFailureNotRestoredByTheEndOfTheWindowIsOpenAndCountsAsDownTime() {
        List<LedgerEntry> entries =
                List.of(entry("x", DeploymentKind.DEPLOY, Outcome.FAILED, "11-07T22:00", "11-07T23:00", "11-07T21:00"));
        DoraFigures f =
                new DoraCalculator(WEEK).calculate(index(entries), TO).overall().figures();
        assertThat(f.openFailures()).isEqualTo(1);
        assertThat(f.failedDeploymentRecoveryTime()).isEmpty();
        assertThat(f.availability()).isCloseTo(1 - 3600.0 / 604800, within(1e-12));
    }

    @Test
    void entriesOutsideTheWindowAreNotCounted() {
        Instant earlier = Instant.parse("2026-11-03T00:00:00Z");
        DoraFigures f = new DoraCalculator(DoraSettings.defaults().withWindow(Duration.ofDays(2)))
                .calculate(index(workedExample()), earlier)
                .overall()
                .figures();
        assertThat(f.deployments()).isEqualTo(3); // a, b, c; d and later are after the end of the window
        assertThat(f.changeFailures()).isEqualTo(1);
    }

    @Test
    void reportsPerServicePerEnvironmentAndOverallAddUp() {
        List<LedgerEntry> entries = new ArrayList<>(workedExample());
        entries.add(new LedgerEntry(
                "s1",
                DeploymentKind.DEPLOY,
                "search",
                "staging",
                "",
                "",
                "",
                Outcome.SUCCEEDED,
                at("11-03T10:00"),
                at("11-03T10:10"),
                List.of(new Commit("s", at("11-03T09:10"))),
                "",
                "",
                Optional.empty()));
        DoraSummary summary = new DoraCalculator(WEEK).calculate(index(entries), TO);
        assertThat(summary.services())
                .extracting(DoraReport::scope)
                .containsExactly("checkout/production", "search/staging");
        assertThat(summary.environments()).extracting(DoraReport::scope).containsExactly("production", "staging");
        DoraFigures overall = summary.overall().figures();
        assertThat(overall.deployments()).isEqualTo(7);
        assertThat(overall.deploymentDaysPerWeek()).isCloseTo(5.0, within(1e-9)); // Nov 3 is new
        assertThat(overall.leadTimeForChanges()).contains(Duration.ofMinutes(40)); // 15, 20, 20, 60, 60, 120
        assertThat(summary.services().get(1).figures().availability()).isEqualTo(1.0);
    }

    @Test
    void deploymentDaysPerWeekNeverExceedSevenWhenTheWindowDoesNotStartAtMidnight() {
        // A week ending at noon overlaps 8 UTC days (Nov 1 afternoon .. Nov 8 morning); deploying on every one of
        // them is deploying every day: 7 days a week, not 8.
        Instant noon = Instant.parse("2026-11-08T12:00:00Z");
        List<LedgerEntry> daily = new ArrayList<>();
        daily.add(entry("n1", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-01T13:00", "11-01T13:05"));
        for (int day = 2; day <= 8; day++) {
            String d = "11-0" + day;
            daily.add(entry("n" + day, DeploymentKind.DEPLOY, Outcome.SUCCEEDED, d + "T06:00", d + "T06:05"));
        }
        DoraFigures f =
                new DoraCalculator(WEEK).calculate(index(daily), noon).overall().figures();
        assertThat(f.deploymentDaysPerWeek()).isCloseTo(7.0, within(1e-9));

        RollingDora rolling = new RollingDora(WEEK);
        daily.forEach(rolling::add);
        rolling.add(entry("z", DeploymentKind.ROLLBACK, Outcome.FAILED, "11-08T12:00", "11-08T12:00"));
        assertThat(rolling.overall().figures().deploymentDaysPerWeek()).isCloseTo(7.0, within(1e-9));
    }

    @Test
    void aDeploymentFinishingExactlyAtTheEndOfAMidnightWindowDoesNotAddAnEighthDay() {
        List<LedgerEntry> daily = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            String d = "11-0" + day;
            daily.add(entry("m" + day, DeploymentKind.DEPLOY, Outcome.SUCCEEDED, d + "T06:00", d + "T06:05"));
        }
        daily.add(entry("m8", DeploymentKind.DEPLOY, Outcome.SUCCEEDED, "11-07T23:55", "11-08T00:00"));
        DoraFigures f =
                new DoraCalculator(WEEK).calculate(index(daily), TO).overall().figures();
        assertThat(f.successfulDeployments()).isEqualTo(8);
        assertThat(f.deploymentDaysPerWeek()).isCloseTo(7.0, within(1e-9));
    }

    @Test
    void entriesAppendedOutOfFinishOrderGiveTheSameReport() {
        List<LedgerEntry> shuffled = new ArrayList<>(workedExample());
        java.util.Collections.reverse(shuffled); // e.g. two Jenkins agents whose clocks or queues disagree
        assertThat(new DoraCalculator(WEEK).calculate(index(shuffled), TO))
                .isEqualTo(new DoraCalculator(WEEK).calculate(index(workedExample()), TO));
    }

    @Test
    void noDeploymentsMeansNoDataRatherThanPerfectFigures() {
        DoraReport report =
                new DoraCalculator(WEEK).calculate(new LedgerIndex(), TO).overall();
        assertThat(report.figures().changeFailureRate()).isEmpty();
        assertThat(report.bands()).containsEntry(DoraMetric.LEAD_TIME_FOR_CHANGES, Band.NO_DATA);
        assertThat(report.targetsMet()).containsEntry(DoraMetric.LEAD_TIME_FOR_CHANGES, false);
    }

    @Test
    void aScopeWithoutAnyServiceHasNoAvailabilityRatherThanAPerfectOne() {
        DoraReport empty =
                new DoraCalculator(WEEK).calculate(new LedgerIndex(), TO).overall();
        assertThat(empty.figures().availability()).isNaN();
        assertThat(empty.figures().availabilitySource()).isEqualTo("no data");
        assertThat(empty.targetsMet()).containsEntry(DoraMetric.AVAILABILITY, false);
        assertThat(DoraJson.toJson(empty).get("availability").isNull()).isTrue();
        assertThat(DoraText.render(new DoraCalculator(WEEK).calculate(new LedgerIndex(), TO)))
                .doesNotContain("NaN")
                .doesNotContain("100.000%");
        assertThat(new RollingDora(WEEK).report("unknown", "production").targetsMet())
                .containsEntry(DoraMetric.AVAILABILITY, false);
    }

    @Test
    void availabilityComesFromTheConfiguredSourceWhenItAnswers() {
        AvailabilitySource prometheus = (service, environment, from, to) -> java.util.OptionalDouble.of(0.9995);
        DoraSummary summary = new DoraCalculator(WEEK, prometheus).calculate(index(workedExample()), TO);
        assertThat(summary.services().get(0).figures().availability()).isEqualTo(0.9995);
        assertThat(summary.services().get(0).figures().availabilitySource()).isEqualTo("prometheus");
        assertThat(summary.overall().targetsMet()).containsEntry(DoraMetric.AVAILABILITY, true);
    }
}
