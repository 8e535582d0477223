package io.jenkins.plugins.devops.bench;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.dora.DoraCalculator;
import io.jenkins.plugins.devops.core.dora.DoraSettings;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.core.dora.RollingDora;
import io.jenkins.plugins.devops.core.ledger.DeploymentCsv;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * DORA over the 1,000,000-row file of {@code make_deployments.py} (path in system property {@code deployments.csv},
 * default {@code /tmp/deployments-1m.csv}): the full computation for all 50 services, and one incremental append.
 *
 * <pre>
 * python3 ../shared/bench/make_deployments.py &gt; /tmp/deployments-1m.csv
 * java -jar bench/target/benchmarks.jar DoraBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx100m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DoraBenchmark {

    @Param({"30", "3650"})
    public int windowDays;

    private LedgerIndex index;
    private Instant latest;
    private DoraCalculator calculator;
    private RollingDora rolling;
    private long next;
    private final int[] lead = new int[1];

    @Setup(Level.Trial)
    public void load() throws IOException {
        index = DeploymentCsv.readIndex(Path.of(System.getProperty("deployments.csv", "/tmp/deployments-1m.csv")));
        long max = 0;
        for (int i = 0; i < index.size(); i++) {
            max = Math.max(max, index.finishedEpochSecond(i));
        }
        latest = Instant.ofEpochSecond(max);
        DoraSettings settings = DoraSettings.defaults().withWindow(Duration.ofDays(windowDays));
        calculator = new DoraCalculator(settings);
        index.entriesBySeries(); // as loaded from deployments.idx by the CLI
        rolling = new RollingDora(settings);
        for (int i = 0; i < index.size(); i++) {
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
        }
        next = max;
    }

    /** All four keys (and availability) for every service, every environment and overall. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DoraSummary fullComputation() {
        return calculator.calculate(index, latest);
    }

    /** One more deployment into the incremental figures (after a million), then reading the overall report. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object incrementalAppend() {
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
