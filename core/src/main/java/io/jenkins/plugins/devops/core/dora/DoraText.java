package io.jenkins.plugins.devops.core.dora;

import java.time.Duration;
import java.util.Optional;

/**
 * A plain-text table of a {@link DoraSummary}, one line per scope, for terminals and build logs. Built by hand
 * rather than with {@code String.format}: loading the formatter costs a command-line run tens of milliseconds.
 */
public final class DoraText {
    private static final int[] WIDTHS = {-32, 8, 9, 9, 10, 7, 10, 7, 9};

    private DoraText() {}

    public static String render(DoraSummary summary) {
        return render(summary, null);
    }

    /**
     * As {@link #render(DoraSummary)}, with the target beside each verdict, e.g. {@code (target not met: under
     * 30m00s)}.
     *
     * @param targets the targets the summary was calculated with; {@code null} prints the verdicts alone
     */
    public static String render(DoraSummary summary, DoraTargets targets) {
        StringBuilder out = new StringBuilder();
        out.append("DORA metrics from ")
                .append(summary.from())
                .append(" to ")
                .append(summary.to())
                .append(" (bands: DORA ")
                .append(summary.overall().bandsYear())
                .append(")\n");
        // column names are DORA's, shortened: deployment frequency (per day), lead time for changes, change
        // failure rate, failed deployment recovery time, deployment rework rate
        row(out, "scope", "deploys", "freq/day", "days/wk", "lead time", "CFR", "recovery", "rework", "avail.");
        line(out, summary.overall());
        summary.environments().forEach(r -> line(out, r));
        summary.services().forEach(r -> line(out, r));
        DoraReport o = summary.overall();
        out.append("overall: ");
        for (DoraMetric metric : DoraMetric.values()) {
            Band band = o.bands().get(metric);
            Boolean met = o.targetsMet().get(metric);
            out.append(metric.label())
                    .append(band == null ? "" : " " + band)
                    .append(
                            met == null
                                    ? " (no band or target)"
                                    : (met ? " (target met" : " (target not met")
                                            + (targets == null ? ")" : ": " + target(metric, targets) + ")"))
                    .append(metric == DoraMetric.AVAILABILITY ? "\n" : "; ");
        }
        return out.toString();
    }

    /** The target of one metric in the table's units, e.g. {@code under 30m00s}, {@code over 99.900%}. */
    static String target(DoraMetric metric, DoraTargets targets) {
        return switch (metric) {
            case DEPLOYMENT_FREQUENCY -> "over " + decimal(targets.deploymentsPerDayAbove(), 2) + " per day";
            case LEAD_TIME_FOR_CHANGES -> "under " + human(Optional.of(targets.leadTimeBelow()));
            case CHANGE_FAILURE_RATE -> "under " + decimal(100 * targets.changeFailureRateBelow(), 1) + "%";
            case FAILED_DEPLOYMENT_RECOVERY_TIME -> "under "
                    + human(Optional.of(targets.failedDeploymentRecoveryTimeBelow()));
            case DEPLOYMENT_REWORK_RATE -> "none";
            case AVAILABILITY -> "over " + decimal(100 * targets.availabilityAbove(), 3) + "%";
        };
    }

    private static void line(StringBuilder out, DoraReport r) {
        DoraFigures f = r.figures();
        row(
                out,
                r.scope(),
                Integer.toString(f.deployments()),
                decimal(f.deploymentFrequency(), 2),
                decimal(f.deploymentDaysPerWeek(), 2),
                human(f.leadTimeForChanges()),
                percent(f.changeFailureRate()),
                human(f.failedDeploymentRecoveryTime()),
                percent(f.deploymentReworkRate()),
                Double.isNaN(f.availability()) ? "-" : decimal(100 * f.availability(), 3) + "%");
    }

    private static String percent(java.util.OptionalDouble fraction) {
        return fraction.isPresent() ? decimal(100 * fraction.getAsDouble(), 1) + "%" : "-";
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            int width = Math.abs(WIDTHS[i]);
            String pad = " ".repeat(Math.max(0, width - cells[i].length()));
            if (i > 0) {
                out.append(' ');
            }
            out.append(WIDTHS[i] < 0 ? cells[i] + pad : pad + cells[i]);
        }
        out.append('\n');
    }

    /** {@code value} with {@code places} decimals, rounded half up (plain arithmetic: cheap in a cold JVM). */
    static String decimal(double value, int places) {
        long scale = 1;
        for (int i = 0; i < places; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        String fraction = Long.toString(scaled % scale);
        return (value < 0 && scaled != 0 ? "-" : "")
                + scaled / scale
                + (places == 0 ? "" : "." + "0".repeat(places - fraction.length()) + fraction);
    }

    /** A duration as {@code 4m05s}, {@code 2h13m} or {@code 1d12h}; {@code -} when there is none. */
    public static String human(Optional<Duration> value) {
        if (value.isEmpty()) {
            return "-";
        }
        long s = value.get().toSeconds();
        if (s < 3600) {
            return s / 60 + "m" + two(s % 60) + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h" + two((s % 3600) / 60) + "m";
        }
        return s / 86_400 + "d" + two((s % 86_400) / 3600) + "h";
    }

    private static String two(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
