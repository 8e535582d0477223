package io.jenkins.plugins.devops.bench;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSettings;
import io.jenkins.plugins.devops.core.dora.RollingDora;
import io.jenkins.plugins.devops.core.ledger.DeploymentCsv;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One more deployment into {@link RollingDora} after the million rows of {@code make_deployments.py} (fed in first),
 * then reading the overall report: the cost of keeping the figures current without recomputation. The history
 * size ({@code rows}) varies to show the cost does not grow with it.
 *
 * <pre>java -jar bench/target/benchmarks.jar RollingDoraBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx100m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RollingDoraBenchmark {

    @Param({"10000", "1000000"})
    public int rows;

    @Param({"30"})
    public int windowDays;

    private RollingDora rolling;
    private long next;
    private final int[] lead = new int[1];

    @Setup(Level.Trial)
    public void load() throws IOException {
        LedgerIndex index =
                DeploymentCsv.readIndex(Path.of(System.getProperty("deployments.csv", "/tmp/deployments-1m.csv")));
        rolling = new RollingDora(DoraSettings.defaults().withWindow(Duration.ofDays(windowDays)));
        int n = Math.min(rows, index.size());
        for (int i = 0; i < n; i++) {
            LedgerIndex.Series s = index.series(index.seriesOf(i));
            lead[0] = index.lead(i, 0);
            rolling.add(
                    s.service(),
                    s.environment(),
                    DeploymentKind.DEPLOY,
                    index.outcome(i),
                    index.finishedEpochSecond(i),
                    index.finishedEpochSecond(i),
                    lead);
            next = Math.max(next, index.finishedEpochSecond(i));
        }
    }

    @Benchmark
    public DoraReport appendOneAndReadOverall() {
        next += 205;
        lead[0] = 3600;
        rolling.add(
                "svc" + (next % 50),
                "production",
                DeploymentKind.DEPLOY,
                next % 13 == 0 ? Outcome.FAILED : Outcome.SUCCEEDED,
                next,
                next,
                lead);
        return rolling.overall();
    }
}
