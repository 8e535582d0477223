package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import java.util.Locale;

/** The closing lines of {@code devops deploy} and {@code devops rollback}: how it ended and why. */
final class Outcomes {
    private Outcomes() {}

    static String summary(DeploymentRecord record) {
        String what = record.kind() == DeploymentKind.ROLLBACK ? "rollback of " : "deployment of ";
        StringBuilder text = new StringBuilder()
                .append(record.outcome())
                .append(": ")
                .append(what)
                .append(record.service())
                .append(' ')
                .append(record.version().isEmpty() ? "(unknown version)" : record.version())
                .append(" to ")
                .append(record.environment())
                .append(" (namespace ")
                .append(record.namespace())
                .append(record.strategy().isEmpty() ? "" : ", " + record.strategy())
                .append(") in ")
                .append(String.format(Locale.ROOT, "%.1f s", record.duration().toMillis() / 1000.0))
                .append('\n');
        if (!record.previousVersion().isEmpty()) {
            text.append("previous version: ").append(record.previousVersion()).append('\n');
        }
        if (!record.failureReason().isEmpty()) {
            text.append("reason: ").append(record.failureReason()).append('\n');
        }
        text.append("deployment id: ").append(record.deploymentId()).append('\n');
        return text.toString();
    }
}
