package io.jenkins.plugins.devops.core.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental figures equal a full recomputation after every single append. */
class RollingDoraTest {

    @Test
    void theWorkedExampleGivesTheSameReportIncrementally() {
        RollingDora rolling = new RollingDora(DoraCalculatorTest.WEEK);
        DoraCalculatorTest.workedExample().forEach(rolling::add);
        // advance the clock to the end of the documented window with an entry of another service
        rolling.add(new LedgerEntry(
                "z",
                DeploymentKind.ROLLBACK,
                "other",
                "staging",
                "",
                "",
                "",
                Outcome.FAILED,
                DoraCalculatorTest.TO,
                DoraCalculatorTest.TO,
                List.of(),
                "",
                "",
                Optional.empty()));
        DoraReport batch = new DoraCalculator(DoraCalculatorTest.WEEK)
                .calculate(DoraCalculatorTest.index(DoraCalculatorTest.workedExample()), DoraCalculatorTest.TO)
                .services()
                .get(0);
        assertThat(rolling.report("checkout", "production")).isEqualTo(batch);
    }

    @Test
    void randomHistoriesMatchTheCalculatorAfterEveryAppend() {
        for (long seed = 1; seed <= 4; seed++) {
            DoraSettings settings = new DoraSettings(
                    Duration.ofDays(2),
                    Duration.ofHours(6),
                    seed % 2 == 0 ? Duration.ofMinutes(20) : Duration.ZERO,
                    DoraBands.dora2023(),
                    DoraTargets.defaults(),
                    seed == 3 ? Duration.ZERO : Duration.ofHours(seed));
            compare(settings, new Random(seed), 600);
        }
    }

    private static void compare(DoraSettings settings, Random random, int count) {
        RollingDora rolling = new RollingDora(settings);
        DoraCalculator calculator = new DoraCalculator(settings);
        LedgerIndex index = new LedgerIndex();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Outcome[] outcomes = Outcome.values();
        int[] reworkSeen = new int[2];
        for (int i = 0; i < count; i++) {
            t = t.plusSeconds(60 + random.nextInt(4 * 3600));
            String service = "svc" + random.nextInt(3);
            String environment = random.nextBoolean() ? "production" : "staging";
            DeploymentKind kind = random.nextInt(8) == 0 ? DeploymentKind.ROLLBACK : DeploymentKind.DEPLOY;
            Outcome outcome = random.nextInt(4) == 0 ? outcomes[1 + random.nextInt(3)] : Outcome.SUCCEEDED;
            List<Commit> commits = new ArrayList<>();
            for (int c = random.nextInt(3); c > 0; c--) {
                commits.add(new Commit("c", t.minusSeconds(random.nextInt(3 * 86_400))));
            }
            LedgerEntry entry = new LedgerEntry(
                    "e" + i,
                    kind,
                    service,
                    environment,
                    "",
                    "",
                    "",
                    outcome,
                    t.minusSeconds(random.nextInt(1800)),
                    t,
                    commits,
                    "",
                    "",
                    Optional.empty(),
                    random.nextInt(6) == 0);
            rolling.add(entry);
            index.add(entry);
            DoraSummary full = calculator.calculate(index, t);
            reworkSeen[0] = Math.max(reworkSeen[0], full.overall().figures().reworkDeclared());
            reworkSeen[1] = Math.max(reworkSeen[1], full.overall().figures().reworkAfterFailure());
            assertThat(rolling.overall()).as("overall after entry %d", i).isEqualTo(full.overall());
            for (DoraReport env : full.environments()) {
                assertThat(rolling.environment(env.environment()))
                        .as("%s after entry %d", env.scope(), i)
                        .isEqualTo(env);
            }
            for (DoraReport service1 : full.services()) {
                assertThat(rolling.report(service1.service(), service1.environment()))
                        .as("%s after entry %d", service1.scope(), i)
                        .isEqualTo(service1);
            }
        }
        // both rework rules were exercised (the second only when it is on)
        assertThat(reworkSeen[0]).isPositive();
        assertThat(reworkSeen[1] > 0)
                .isEqualTo(!settings.reworkAfterFailureWithin().isZero());
    }

    @Test
    void startingFromALedgerIndexGivesTheSameReportsAsTheCalculator() {
        Random random = new Random(42);
        DoraSettings settings = DoraSettings.defaults().withWindow(Duration.ofDays(3));
        LedgerIndex index = new LedgerIndex();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            t = t.plusSeconds(60 + random.nextInt(7200));
            Outcome outcome = random.nextInt(6) == 0 ? Outcome.FAILED : Outcome.SUCCEEDED;
            index.add(new LedgerEntry(
                    "e" + i,
                    random.nextInt(9) == 0 ? DeploymentKind.ROLLBACK : DeploymentKind.DEPLOY,
                    "svc" + random.nextInt(4),
                    "production",
                    "",
                    "",
                    "",
                    outcome,
                    t.minusSeconds(300),
                    t,
                    List.of(new Commit("c", t.minusSeconds(random.nextInt(86_400)))),
                    "",
                    "",
                    Optional.empty(),
                    random.nextInt(7) == 0));
        }
        RollingDora rolling = new RollingDora(settings);
        rolling.addAll(index);
        DoraSummary full = new DoraCalculator(settings).calculate(index, t);
        assertThat(rolling.overall()).isEqualTo(full.overall());
        for (DoraReport service : full.services()) {
            assertThat(rolling.report(service.service(), service.environment())).isEqualTo(service);
        }
    }

    @Test
    void anEntryOlderThanTheLastOfItsSeriesIsRefused() {
        RollingDora rolling = new RollingDora(DoraSettings.defaults());
        List<LedgerEntry> entries = DoraCalculatorTest.workedExample();
        rolling.add(entries.get(1));
        assertThatThrownBy(() -> rolling.add(entries.get(0))).hasMessageContaining("must be added in finish order");
    }
}
