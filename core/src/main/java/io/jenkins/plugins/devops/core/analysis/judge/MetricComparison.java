package io.jenkins.plugins.devops.core.analysis.judge;

/**
 * The judge's finding for one metric.
 *
 * @param metric the metric's name
 * @param classification pass, high, low or no data
 * @param failed whether this classification fails given the metric's direction (and data requirement)
 * @param critical whether the metric is critical
 * @param weight the metric's weight in the score
 * @param u the Mann-Whitney U statistic of the canary sample ({@code NaN} without data)
 * @param pValue the two-sided p-value ({@code NaN} without data)
 * @param baselineMean mean of the baseline samples
 * @param canaryMean mean of the canary samples
 * @param note a sentence for the user
 */
public record MetricComparison(
        String metric,
        Classification classification,
        boolean failed,
        boolean critical,
        double weight,
        double u,
        double pValue,
        double baselineMean,
        double canaryMean,
        String note) {
    /** A copy whose note ends with {@code more}. */
    public MetricComparison withNoteAppended(String more) {
        return new MetricComparison(
                metric, classification, failed, critical, weight, u, pValue, baselineMean, canaryMean, note + more);
    }

    /** Whether the metric takes part in the score: everything but unrequired no-data. */
    public boolean scored() {
        return classification != Classification.NODATA || failed;
    }
}
