package io.jenkins.plugins.devops.core.analysis.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values for the Mann-Whitney judge. Each was worked out by hand as shown and cross-checked with SciPy
 * 1.17 ({@code scipy.stats.mannwhitneyu(canary, baseline, method=..., use_continuity=True)}), which is an
 * implementation independent of the library the judge uses.
 */
class MannWhitneyClassifierTest {
    private static final MannWhitneyClassifier JUDGE = new MannWhitneyClassifier(0.98);

    private static JudgeMetricSpec metric(Direction direction) {
        return new JudgeMetricSpec("m", "q{{track}}", direction, false, false, 1, 1, 1, false);
    }

    // Every canary value is above every baseline value: U(canary) = 5 * 5 = 25, the largest possible.
    // Exactly one of the C(10,5) = 252 equally likely rank splits gives U = 25, and one gives U = 0, so the exact
    // two-sided p-value is 2/252 = 0.0079365. (SciPy, method='exact': U=25.0, p=0.007936507936507936.)
    private static final double[] LOW_BASELINE = {1.1, 2.3, 3.0, 4.2, 5.5};
    private static final double[] HIGH_CANARY = {6.1, 7.4, 8.0, 9.3, 10.2};

    @Test
    void separatedSamplesGiveTheExactUAndPValueAndAreHigh() {
        MetricComparison result = JUDGE.classify(metric(Direction.INCREASE), LOW_BASELINE, HIGH_CANARY);

        assertThat(result.u()).isEqualTo(25.0);
        assertThat(result.pValue()).isCloseTo(2.0 / 252, within(1e-12));
        assertThat(result.classification()).isEqualTo(Classification.HIGH);
        assertThat(result.failed()).isTrue();
        assertThat(result.canaryMean()).isCloseTo(8.2, within(1e-12));
        assertThat(result.baselineMean()).isCloseTo(3.22, within(1e-12));
    }

    @Test
    void interleavedSamplesAreNotSignificantAndPass() {
        // Canary ranks 2,4,6,8,10 of 10: R = 30, U = 30 - 5*6/2 = 15 (the null mean is 12.5). 87 of the 252 rank
        // splits have U >= 15, so p = 2 * 87/252 = 0.690476. (SciPy exact: U=15.0, p=0.6904761904761905.)
        MetricComparison result =
                JUDGE.classify(metric(Direction.EITHER), new double[] {1, 3, 5, 7, 9}, new double[] {2, 4, 6, 8, 10});

        assertThat(result.u()).isEqualTo(15.0);
        assertThat(result.pValue()).isCloseTo(174.0 / 252, within(1e-12));
        assertThat(result.classification()).isEqualTo(Classification.PASS);
        assertThat(result.failed()).isFalse();
    }

    // Samples with ties use the normal approximation with tie and continuity correction:
    // pooled ranks (average ranks for ties) give the canary R = 93, so U = 93 - 8*9/2 = 57; the null mean is 32.
    // Tie groups: 0.2 x2, 0.3 x4, 0.4 x3, 0.5 x2, 0.6 x2 -> sum(t^3 - t) = 6 + 60 + 24 + 6 + 6 = 102.
    // var = n1*n2/12 * ((N+1) - sum/(N(N-1))) = 64/12 * (17 - 102/240) = 88.4; z = (57 - 32 - 0.5)/sqrt(88.4)
    // = 2.6058; p = 2 * (1 - Phi(2.6058)) = 0.009166. (SciPy asymptotic: U=57.0, p=0.009166177639165371.)
    private static final double[] TIED_BASELINE = {0.1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.4, 0.5};
    private static final double[] TIED_CANARY = {0.3, 0.4, 0.4, 0.5, 0.6, 0.6, 0.7, 0.9};

    @Test
    void tiedSamplesUseTheTieCorrectedNormalApproximation() {
        MetricComparison result = JUDGE.classify(metric(Direction.INCREASE), TIED_BASELINE, TIED_CANARY);

        assertThat(result.u()).isEqualTo(57.0);
        assertThat(result.pValue()).isCloseTo(0.009166177639165371, within(1e-9));
        assertThat(result.classification()).isEqualTo(Classification.HIGH);
    }

    @Test
    void confidenceLevelDecidesWhetherADifferenceIsSignificant() {
        // p = 0.009166 is below 1 - 0.98 = 0.02 but not below 1 - 0.995 = 0.005.
        MetricComparison strict =
                new MannWhitneyClassifier(0.995).classify(metric(Direction.INCREASE), TIED_BASELINE, TIED_CANARY);

        assertThat(strict.classification()).isEqualTo(Classification.PASS);
        assertThat(strict.failed()).isFalse();
    }

    @Test
    void directionDecidesWhichChangeFails() {
        // The canary is significantly lower: U = 0, same exact p-value 2/252.
        MetricComparison decrease = JUDGE.classify(metric(Direction.DECREASE), HIGH_CANARY, LOW_BASELINE);
        MetricComparison increase = JUDGE.classify(metric(Direction.INCREASE), HIGH_CANARY, LOW_BASELINE);
        MetricComparison either = JUDGE.classify(metric(Direction.EITHER), HIGH_CANARY, LOW_BASELINE);

        assertThat(decrease.u()).isZero();
        assertThat(List.of(decrease, increase, either))
                .extracting(MetricComparison::classification)
                .containsOnly(Classification.LOW);
        assertThat(decrease.failed()).isTrue();
        assertThat(increase.failed()).as("a lower error rate is no failure").isFalse();
        assertThat(either.failed()).isTrue();
    }

    @Test
    void allowedIncreaseToleratesASignificantButSmallEffect() {
        // Mean ratio 8.2 / 3.22 = 2.55: within an allowed increase of 3, beyond one of 2.
        JudgeMetricSpec tolerant = new JudgeMetricSpec("m", "q", Direction.INCREASE, false, false, 1, 3, 1, false);
        JudgeMetricSpec strict = new JudgeMetricSpec("m", "q", Direction.INCREASE, false, false, 1, 2, 1, false);

        assertThat(JUDGE.classify(tolerant, LOW_BASELINE, HIGH_CANARY).classification())
                .isEqualTo(Classification.PASS);
        assertThat(JUDGE.classify(strict, LOW_BASELINE, HIGH_CANARY).classification())
                .isEqualTo(Classification.HIGH);
    }

    @Test
    void nanSamplesAreDroppedOrCountedAsZeroAndEmptySamplesAreNoData() {
        double[] withNaN = {Double.NaN, 6.1, 7.4, 8.0, 9.3, 10.2};
        MetricComparison dropped = JUDGE.classify(metric(Direction.INCREASE), LOW_BASELINE, withNaN);
        JudgeMetricSpec replace = new JudgeMetricSpec("m", "q", Direction.INCREASE, false, false, 1, 1, 1, true);
        MetricComparison zero = JUDGE.classify(replace, LOW_BASELINE, withNaN);
        MetricComparison none = JUDGE.classify(metric(Direction.INCREASE), LOW_BASELINE, new double[] {Double.NaN});
        JudgeMetricSpec required = new JudgeMetricSpec("m", "q", Direction.INCREASE, false, true, 1, 1, 1, false);

        assertThat(dropped.u()).isEqualTo(25.0); // the NaN is gone: the first example again
        assertThat(zero.u()).isEqualTo(25.0); // 0 ranks below every baseline value: 25 + 0
        assertThat(zero.canaryMean()).isCloseTo(41.0 / 6, within(1e-12));
        assertThat(none.classification()).isEqualTo(Classification.NODATA);
        assertThat(none.failed()).isFalse();
        assertThat(none.scored()).isFalse();
        assertThat(JUDGE.classify(required, LOW_BASELINE, new double[0]).failed())
                .isTrue();
    }

    @Test
    void identicalConstantSamplesPass() {
        double[] constant = {5, 5, 5, 5, 5, 5};

        MetricComparison result = JUDGE.classify(metric(Direction.EITHER), constant, constant);

        assertThat(result.classification()).isEqualTo(Classification.PASS);
        assertThat(result.u()).isEqualTo(18.0); // every rank tied at 6.5: R = 39, U = 39 - 21 = 18 = the mean
    }
}
