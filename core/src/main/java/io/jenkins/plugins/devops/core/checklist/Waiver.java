package io.jenkins.plugins.devops.core.checklist;

/**
 * Why an item's result did or did not count for the policy beyond its status: suppressed by the configuration,
 * known from the baseline, or a suppression that expired (listed so that it is reviewed; the item counts again).
 *
 * @param item the item id
 * @param kind what happened
 * @param detail one sentence: the reason, the expiry day or what the baseline knew
 */
public record Waiver(String item, Kind kind, String detail) {
    public enum Kind {
        /** A suppression in force: the item does not count for the policy. */
        SUPPRESSED,
        /** The baseline knew this result: the item does not count for the policy. */
        BASELINE,
        /** A suppression past its expiry: the item counts again. */
        SUPPRESSION_EXPIRED;

        /** Whether the item is left out of the policy. */
        public boolean waives() {
            return this != SUPPRESSION_EXPIRED;
        }
    }
}
