package io.jenkins.plugins.devops.core.context;

/**
 * The DORA window and targets a team set, for {@code monitoring.json}. Any figure may be {@code null}.
 *
 * @param windowDays the window the figures are computed over
 * @param deploymentsPerDay target deployment frequency (more is better)
 * @param leadTimeHours target lead time for changes (less is better)
 * @param timeToRestoreMinutes target time to restore (less is better)
 * @param changeFailureRate target change failure rate, 0 to 1 (less is better)
 * @param availability target availability, 0 to 1 (more is better)
 */
public record DoraTargets(
        Integer windowDays,
        Double deploymentsPerDay,
        Double leadTimeHours,
        Double timeToRestoreMinutes,
        Double changeFailureRate,
        Double availability) {

    /** The seed's targets: more than one deployment a day, lead time under 1 h, restore under 30 min, CFR under 5%. */
    public static DoraTargets defaults() {
        return new DoraTargets(30, 1.0, 1.0, 30.0, 0.05, 0.999);
    }
}
