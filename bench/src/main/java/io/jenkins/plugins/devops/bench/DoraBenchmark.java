package io.jenkins.plugins.devops.bench;

import io.jenkins.plugins.devops.core.dora.DoraCalculator;
import io.jenkins.plugins.devops.core.dora.DoraSettings;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
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
 * default {@code /tmp/deployments-1m.csv}): the full computation of every figure for all 50 services, for the
 * default 30-day window and for a window holding all million rows, in a 100 MB heap.
 *
 * <pre>
 * python3 ../shared/bench/make_deployments.py &gt; /tmp/deployments-1m.csv
 * java -jar bench/target/benchmarks.jar DoraBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
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

    @Setup(Level.Trial)
    public void load() throws IOException {
        index = DeploymentCsv.readIndex(Path.of(System.getProperty("deployments.csv", "/tmp/deployments-1m.csv")));
        long max = 0;
        for (int i = 0; i < index.size(); i++) {
            max = Math.max(max, index.finishedEpochSecond(i));
        }
        latest = Instant.ofEpochSecond(max);
        calculator = new DoraCalculator(DoraSettings.defaults().withWindow(Duration.ofDays(windowDays)));
        index.entriesBySeries(); // as loaded from deployments.idx by the CLI
    }

    /** All four keys (and availability) for every service, every environment and overall. */
    @Benchmark
    public DoraSummary fullComputation() {
        return calculator.calculate(index, latest);
    }
}
