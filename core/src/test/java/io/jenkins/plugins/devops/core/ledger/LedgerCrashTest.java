package io.jenkins.plugins.devops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a JVM that is appending leaves every entry complete or absent, and none that was acknowledged lost. */
class LedgerCrashTest {

    @Test
    void killedWriterLeavesOnlyCompleteEntriesAndLosesNoAcknowledgedOne(@TempDir Path dir) throws Exception {
        int acknowledged = 0;
        for (int round = 0; round < 3; round++) {
            acknowledged = killWriterAfter(dir, acknowledged + 200 + round * 37);
            try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
                List<LedgerEntry> entries = ledger.entries();
                assertThat(entries.size()).isGreaterThanOrEqualTo(acknowledged);
                for (int n = 0; n < entries.size(); n++) {
                    assertThat(entries.get(n)).isEqualTo(LedgerWriterMain.entry(n));
                }
                assertThat(ledger.index().size()).isEqualTo(entries.size());
                acknowledged = entries.size();
            }
        }
    }

    /** Starts the writer, waits until it acknowledged at least {@code target} entries, kills it; returns acks seen. */
    private static int killWriterAfter(Path dir, int target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LedgerWriterMain.class.getName(),
                        dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int acked = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    acked = Integer.parseInt(line.substring(6));
                    if (acked >= target) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked).as("writer acknowledged entries before it was killed").isGreaterThanOrEqualTo(target);
        return acked;
    }
}
