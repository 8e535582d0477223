package io.jenkins.plugins.devops.core.analysis.prometheus;

import io.jenkins.plugins.devops.core.gate.Verdict;

/**
 * The success condition of a metric: its value must be at least {@code min} and at most {@code max}; either may be
 * absent but not both.
 */
public record Threshold(Double min, Double max) {
    public Threshold {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a threshold needs min, max or both");
        }
        if (min != null && max != null && max < min) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
    }

    /** The verdict on one value. */
    public Verdict judge(double value) {
        if (min != null && value < min) {
            return Verdict.FAILED;
        }
        if (max != null && value > max) {
            return Verdict.FAILED;
        }
        return Verdict.PASSED;
    }

    /** A short explanation of {@link #judge} for {@code value}, e.g. "97.1 is below the minimum 99". */
    public String explain(double value) {
        if (min != null && value < min) {
            return format(value) + " is below the minimum " + format(min);
        }
        if (max != null && value > max) {
            return format(value) + " is above the maximum " + format(max);
        }
        return format(value) + " is within " + describe();
    }

    /** "min 99", "max 500" or "99..500". */
    public String describe() {
        if (min != null && max != null) {
            return format(min) + ".." + format(max);
        }
        return min != null ? "min " + format(min) : "max " + format(max);
    }

    static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            return Long.toString((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
