package io.jenkins.plugins.devops.core.ledger;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Test fixtures: deployment records and ledger entries with readable defaults. */
public final class Deployments {
    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private Deployments() {}

    /** A deployment of {@code service} in production finishing {@code minutes} after T0, 5 minutes long. */
    public static DeploymentRecord record(String id, String service, Outcome outcome, long minutes) {
        Instant finished = T0.plus(Duration.ofMinutes(minutes));
        return new DeploymentRecord(
                id,
                DeploymentKind.DEPLOY,
                service,
                "production",
                "shop",
                "canary",
                outcome,
                "1.4.2",
                "1.4.1",
                "registry.example.com/shop/" + service + ":1.4.2@sha256:"
                        + "0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427",
                finished.minus(Duration.ofMinutes(5)),
                finished,
                List.of(new Commit("9fceb02d0ae598e95dc970b74767f19372d61af8", finished.minus(Duration.ofMinutes(45)))),
                "alice",
                outcome == Outcome.SUCCEEDED ? "" : "request-success-rate 97.1% is below the minimum 99%",
                List.of(),
                List.of(),
                List.of());
    }

    /** A ledger entry: {@code finished} and {@code started} in minutes after T0, commits at the given minutes. */
    public static LedgerEntry entry(
            String service, DeploymentKind kind, Outcome outcome, long started, long finished, long... commits) {
        List<Commit> list = new java.util.ArrayList<>();
        for (long c : commits) {
            list.add(new Commit("c" + c, T0.plus(Duration.ofMinutes(c))));
        }
        return new LedgerEntry(
                service + "-" + finished + "-" + kind + "-" + outcome,
                kind,
                service,
                "production",
                "v" + finished,
                "",
                "",
                outcome,
                T0.plus(Duration.ofMinutes(started)),
                T0.plus(Duration.ofMinutes(finished)),
                list,
                "rolling",
                "test",
                Optional.empty());
    }
}
