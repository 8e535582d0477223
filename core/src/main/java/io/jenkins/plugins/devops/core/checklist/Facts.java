package io.jenkins.plugins.devops.core.checklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the caller knows about the build that the workspace cannot show. Every field is optional: an absent fact
 * leaves the item to workspace evidence. The Jenkins step fills this from the run; the CLI from {@code --fact}.
 *
 * <p>Example: {@code Facts.none().withStages(List.of("Build", "Test")).withCanRollBack(true)}.
 *
 * @param stagesRan names of pipeline stages that ran
 * @param tests test counts, or null
 * @param canRollBack whether the deployment strategy can roll back, or null
 * @param auditLoggingEnabled whether audit logging is on for the deploy target / Jenkins, or null
 * @param credentialsUsed ids of credentials the run used (ids only, never values)
 * @param other further named facts, shown as evidence by custom items
 */
public record Facts(
        List<String> stagesRan,
        TestCounts tests,
        Boolean canRollBack,
        Boolean auditLoggingEnabled,
        List<String> credentialsUsed,
        Map<String, String> other) {
    public Facts {
        stagesRan = stagesRan == null ? List.of() : List.copyOf(stagesRan);
        credentialsUsed = credentialsUsed == null ? List.of() : List.copyOf(credentialsUsed);
        other = other == null ? Map.of() : Map.copyOf(other);
    }

    /** No facts: evidence comes from the workspace only. */
    public static Facts none() {
        return new Facts(List.of(), null, null, null, List.of(), Map.of());
    }

    public Facts withStages(List<String> stages) {
        return new Facts(stages, tests, canRollBack, auditLoggingEnabled, credentialsUsed, other);
    }

    public Facts withTests(TestCounts counts) {
        return new Facts(stagesRan, counts, canRollBack, auditLoggingEnabled, credentialsUsed, other);
    }

    public Facts withCanRollBack(Boolean value) {
        return new Facts(stagesRan, tests, value, auditLoggingEnabled, credentialsUsed, other);
    }

    public Facts withAuditLoggingEnabled(Boolean value) {
        return new Facts(stagesRan, tests, canRollBack, value, credentialsUsed, other);
    }

    public Facts withCredentialsUsed(List<String> ids) {
        return new Facts(stagesRan, tests, canRollBack, auditLoggingEnabled, ids, other);
    }

    public Optional<TestCounts> testCounts() {
        return Optional.ofNullable(tests);
    }
}
