package io.jenkins.plugins.devops.core.checklist;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A team's decision that an item's result does not count for the policy, with the reason and, optionally, until
 * when. An expired suppression stops suppressing and is listed in the report, so the decision gets looked at again.
 *
 * <p>Configured under {@code suppressions:} (docs/checklists.md): {@code - item: security.network-security},
 * {@code reason: "policies are managed by the platform team (PLAT-123)"}, {@code expires: 2027-03-31}.
 *
 * @param item the item id (built-in or custom)
 * @param reason why, never blank
 * @param expires the last day it applies, or null for no expiry
 */
public record Suppression(String item, String reason, LocalDate expires) {
    public Suppression {
        Objects.requireNonNull(item, "item");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a suppression of " + item + " needs a reason");
        }
    }

    /** Expired after its {@code expires} day. */
    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** {@code "reason" (until 2027-03-31)}. */
    public String describe() {
        return "\"" + reason + "\"" + (expires == null ? "" : " (until " + expires + ")");
    }
}
