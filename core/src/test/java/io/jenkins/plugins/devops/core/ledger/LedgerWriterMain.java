package io.jenkins.plugins.devops.core.ledger;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Run in a child JVM by {@link LedgerCrashTest}: appends entries as fast as it can and prints the number of
 * entries acknowledged (on disk) after every append, until it is killed.
 */
public final class LedgerWriterMain {
    private LedgerWriterMain() {}

    public static void main(String[] args) throws Exception {
        Random random = new Random();
        try (DeploymentLedger ledger = DeploymentLedger.open(Path.of(args[0]))) {
            int next = ledger.size();
            System.out.println("ready " + next);
            System.out.flush();
            while (true) {
                List<LedgerEntry> batch = new ArrayList<>();
                int size = 1 + random.nextInt(40);
                for (int i = 0; i < size; i++) {
                    batch.add(entry(next++));
                }
                ledger.appendAll(batch);
                System.out.println("acked " + next);
                System.out.flush();
            }
        }
    }

    /** The entry number {@code n}: every field is derived from n, so a reader can check it is complete. */
    static LedgerEntry entry(int n) {
        Instant finished = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofSeconds(60L * n));
        List<Commit> commits = new ArrayList<>();
        for (int c = 0; c < 1 + n % 7; c++) {
            commits.add(new Commit("sha-" + n + "-" + c + "-" + "x".repeat(40), finished.minusSeconds(600L + c)));
        }
        return new LedgerEntry(
                "e" + n,
                n % 11 == 0 ? DeploymentKind.ROLLBACK : DeploymentKind.DEPLOY,
                "svc" + (n % 5),
                "production",
                "v" + n,
                "v" + (n - 1),
                "registry/app:v" + n,
                n % 13 == 0 ? Outcome.FAILED : Outcome.SUCCEEDED,
                finished.minusSeconds(30),
                finished,
                commits,
                "canary",
                "crash-test",
                Optional.empty());
    }
}
