package io.jenkins.plugins.devops.model;

import hudson.model.Run;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.config.EnvironmentConfig;
import io.jenkins.plugins.devops.config.EventSinkConfig;
import io.jenkins.plugins.devops.core.context.AnalysisMetric;
import io.jenkins.plugins.devops.core.context.DeploymentTarget;
import io.jenkins.plugins.devops.core.context.DoraTargets;
import io.jenkins.plugins.devops.core.context.EventSinkRef;
import io.jenkins.plugins.devops.core.context.ObjectRef;
import io.jenkins.plugins.devops.core.context.ServiceMonitoring;
import io.jenkins.plugins.devops.core.context.StepContext;
import io.jenkins.plugins.devops.core.context.StepRun;
import io.jenkins.plugins.devops.core.context.TaskEnvironment;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.credentials.ClusterConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a deployment or rollback tells the workspace context: where the service runs and how it is watched. */
final class DeploymentContext {
    private DeploymentContext() {}

    static StepContext of(
            String step,
            Run<?, ?> run,
            DeploymentRecord record,
            ClusterConnection connection,
            Optional<EnvironmentConfig> environment,
            List<? extends Map<String, Object>> analysis,
            List<? extends Map<String, Object>> smokeTests) {
        Boolean production = environment.map(EnvironmentConfig::isProduction).orElse(null);
        String cluster = connection.usesCloud() ? connection.getCloud() : emptyToNull(connection.getContext());
        DevopsConfiguration config = DevopsConfiguration.get();
        return WorkspaceContextRecorder.contextOf(run)
                .step(new StepRun(
                        step,
                        record.outcome().isSuccess() ? "SUCCESS" : "FAILURE",
                        record.startedAt(),
                        record.finishedAt(),
                        record.outcome().isSuccess()
                                ? record.strategy() + " " + record.version() + " "
                                        + record.outcome().name()
                                : DeploymentResults.failureMessage(record),
                        record.deploymentId()))
                .environment(new TaskEnvironment(record.environment(), record.namespace(), production))
                .infrastructure(new DeploymentTarget(
                        record.service(),
                        record.environment(),
                        record.namespace(),
                        cluster,
                        production,
                        emptyToNull(record.strategy()),
                        emptyToNull(record.artifact()),
                        emptyToNull(record.version()),
                        List.of(new ObjectRef("Deployment", record.service()))))
                .monitoring(new ServiceMonitoring(
                        record.service(),
                        record.environment(),
                        prometheusUrl(analysis),
                        metrics(analysis),
                        urls(smokeTests),
                        config.getEventSinks().stream()
                                .map(DeploymentContext::describe)
                                .toList()))
                .dora(new DoraTargets(
                        config.getDoraWindowDays(),
                        config.getDeploymentFrequencyTargetPerDay(),
                        config.getLeadTimeTargetHours(),
                        config.getTimeToRestoreTargetHours() * 60,
                        config.getChangeFailureRateTargetPercent() / 100,
                        config.getAvailabilityTargetPercent() / 100))
                .build();
    }

    private static String prometheusUrl(List<? extends Map<String, Object>> analysis) {
        return analysis.stream()
                .map(m -> m.get("prometheusUrl"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst()
                .orElse(null);
    }

    private static List<AnalysisMetric> metrics(List<? extends Map<String, Object>> analysis) {
        List<AnalysisMetric> metrics = new ArrayList<>();
        for (Map<String, Object> each : analysis) {
            Object name = each.getOrDefault("name", each.get("template"));
            if (name != null) {
                metrics.add(new AnalysisMetric(String.valueOf(name), number(each.get("min")), number(each.get("max"))));
            }
        }
        return metrics;
    }

    private static List<String> urls(List<? extends Map<String, Object>> smokeTests) {
        return smokeTests.stream()
                .map(m -> m.get("url"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(url -> !url.contains("{{")) // templated URLs are resolved per deployment, not a fixed address
                .toList();
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A sink is described by URL (without user info or query) and mode; its HMAC secret never reaches the workspace. */
    static EventSinkRef describe(EventSinkConfig sink) {
        return new EventSinkRef(sink.getUrl(), sink.getMode().name().toLowerCase(Locale.ROOT));
    }
}
