package io.jenkins.plugins.devops.core.deploy.strategy;

/**
 * How a canary weight becomes replica counts when no traffic router is used: the Service spreads requests evenly
 * over ready pods, so the canary's share is canary / (canary + stable).
 *
 * <p>Rounding: canary = round-half-up(total × weight / 100), at least 1 (a canary with no pod tests nothing) and at
 * most total; stable = total − canary, but at least 1 below 100% so the old version keeps serving. Examples with 10
 * replicas: 10% → 1 + 9, 41% → 4 + 6, 50% → 5 + 5, 100% → 10 + 0. With 1 replica every weight below 100% is 1 + 1
 * (an effective 50%), which the plan notes.
 *
 * @param canary canary replicas
 * @param stable stable replicas
 */
public record ReplicaSplit(int canary, int stable) {

    public static ReplicaSplit of(int total, int weight) {
        if (total < 1) {
            throw new IllegalArgumentException("total replicas must be at least 1");
        }
        if (weight >= 100) {
            return new ReplicaSplit(total, 0);
        }
        int canary = (int) Math.floor(total * weight / 100.0 + 0.5);
        canary = Math.max(1, Math.min(total, canary));
        int stable = Math.max(1, total - canary);
        return new ReplicaSplit(canary, stable);
    }

    /** The share of traffic the canary actually gets, in percent. */
    public int effectiveWeight() {
        return (int) Math.round(100.0 * canary / (canary + stable));
    }
}
