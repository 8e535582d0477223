package io.jenkins.plugins.devops.core.analysis.judge;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Classifies one metric as Kayenta's NetflixACAJudge does: a two-sided Mann-Whitney U test of canary against
 * baseline at the configured confidence; a significant difference is HIGH or LOW by which side ranks higher, unless
 * the ratio of the means stays within the allowed effect size.
 *
 * <p>The p-value is exact for small samples without ties, otherwise the normal approximation with tie and
 * continuity correction (the same choices as R's {@code wilcox.test}).
 */
public final class MannWhitneyClassifier {
    private final double confidence;

    /** @param confidence the confidence level, e.g. 0.98 (significance 0.02) */
    public MannWhitneyClassifier(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        this.confidence = confidence;
    }

    /** Compares {@code canary} with {@code baseline} for {@code spec}. */
    public MetricComparison classify(JudgeMetricSpec spec, double[] baseline, double[] canary) {
        double[] b = clean(baseline, spec.nanAsZero());
        double[] c = clean(canary, spec.nanAsZero());
        if (b.length == 0 || c.length == 0) {
            String side = b.length == 0 ? (c.length == 0 ? "canary and baseline" : "baseline") : "canary";
            String note = spec.name() + ": no data for the " + side
                    + (spec.mustHaveData() ? " (mustHaveData: counted as failed)" : " (left out of the score)");
            return new MetricComparison(
                    spec.name(),
                    Classification.NODATA,
                    spec.mustHaveData(),
                    spec.critical(),
                    spec.weight(),
                    Double.NaN,
                    Double.NaN,
                    mean(b),
                    mean(c),
                    note);
        }
        MannWhitneyUTest.Result test = MannWhitneyUTest.withDefaults().test(c, b);
        double u = test.getStatistic();
        // All values tied (e.g. zero errors on both sides) leaves no variance; that is "no difference", p = 1.
        double p = Double.isNaN(test.getPValue()) ? 1 : test.getPValue();
        double baselineMean = mean(b);
        double canaryMean = mean(c);
        double ratio = ratio(canaryMean, baselineMean);
        Classification classification = Classification.PASS;
        if (p < 1 - confidence) {
            // U of the canary above its mean n1*n2/2 means canary values tend to rank above the baseline.
            boolean higher = u > c.length * (double) b.length / 2;
            if (higher && ratio > spec.allowedIncrease()) {
                classification = Classification.HIGH;
            } else if (!higher && ratio < spec.allowedDecrease()) {
                classification = Classification.LOW;
            }
        }
        boolean failed = spec.direction().fails(classification);
        String note = String.format(
                Locale.ROOT,
                "%s: %s (canary mean %.4g vs baseline %.4g, U=%.1f, p=%.4g, confidence %.2f, direction %s)",
                spec.name(),
                classification,
                canaryMean,
                baselineMean,
                u,
                p,
                confidence,
                spec.direction().name().toLowerCase(Locale.ROOT));
        return new MetricComparison(
                spec.name(),
                classification,
                failed,
                spec.critical(),
                spec.weight(),
                u,
                p,
                baselineMean,
                canaryMean,
                note);
    }

    private static double[] clean(double[] values, boolean nanAsZero) {
        return Arrays.stream(values)
                .map(v -> Double.isNaN(v) && nanAsZero ? 0 : v)
                .filter(v -> !Double.isNaN(v))
                .toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double ratio(double canaryMean, double baselineMean) {
        if (baselineMean == 0) {
            return canaryMean == 0 ? 1 : Math.copySign(Double.POSITIVE_INFINITY, canaryMean);
        }
        return canaryMean / baselineMean;
    }
}
