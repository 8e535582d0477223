package io.jenkins.plugins.devops.core.dora;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;

/**
 * The JSON form of a {@link DoraSummary} (for {@code devops dora --format json}, the {@code devopsDora} step's result
 * map and the plugin's REST API). The five DORA metrics carry DORA's names; units are in the documentation, not the
 * names: {@code deploymentFrequency} per day, {@code leadTimeForChanges} and {@code failedDeploymentRecoveryTime} in
 * seconds, {@code changeFailureRate} and {@code deploymentReworkRate} as fractions (0.05 = 5%). Bands and targets
 * are keyed by the same names.
 */
public final class DoraJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DoraJson() {}

    public static ObjectNode toJson(DoraSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("from", summary.from().toString());
        root.put("to", summary.to().toString());
        root.set("overall", toJson(summary.overall()));
        ArrayNode environments = root.putArray("environments");
        summary.environments().forEach(r -> environments.add(toJson(r)));
        ArrayNode services = root.putArray("services");
        summary.services().forEach(r -> services.add(toJson(r)));
        return root;
    }

    public static ObjectNode toJson(DoraReport report) {
        DoraFigures f = report.figures();
        ObjectNode node = JSON.createObjectNode();
        node.put("scope", report.scope());
        node.put("service", report.service());
        node.put("environment", report.environment());
        node.put("deploymentFrequency", round(f.deploymentFrequency()));
        putSeconds(node, "leadTimeForChanges", f.leadTimeForChanges());
        putFraction(node, "changeFailureRate", f.changeFailureRate());
        putSeconds(node, "failedDeploymentRecoveryTime", f.failedDeploymentRecoveryTime());
        putFraction(node, "deploymentReworkRate", f.deploymentReworkRate());
        node.put("deployments", f.deployments());
        node.put("successfulDeployments", f.successfulDeployments());
        node.put("deploymentDaysPerWeek", round(f.deploymentDaysPerWeek()));
        node.put("changeFailures", f.changeFailures());
        node.put("recoveries", f.recoveries());
        node.put("openFailures", f.openFailures());
        node.put("reworkDeployments", f.reworkDeployments());
        node.put("reworkDeclared", f.reworkDeclared());
        node.put("reworkAfterFailure", f.reworkAfterFailure());
        if (Double.isNaN(f.availability())) {
            node.putNull("availability");
        } else {
            node.put("availability", Math.round(f.availability() * 1_000_000) / 1_000_000.0);
        }
        node.put("availabilitySource", f.availabilitySource());
        node.put("bandsYear", report.bandsYear());
        ObjectNode bands = node.putObject("bands");
        ObjectNode targets = node.putObject("targetsMet");
        for (DoraMetric metric : DoraMetric.values()) { // in DORA's order, not the map's
            Band band = report.bands().get(metric);
            if (band != null) {
                bands.put(metric.key(), band.name());
            }
            Boolean met = report.targetsMet().get(metric);
            if (met != null) {
                targets.put(metric.key(), met);
            }
        }
        return node;
    }

    private static void putSeconds(ObjectNode node, String field, Optional<Duration> value) {
        if (value.isPresent()) {
            node.put(field, value.get().toSeconds());
        } else {
            node.putNull(field);
        }
    }

    private static void putFraction(ObjectNode node, String field, java.util.OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, round(value.getAsDouble()));
        } else {
            node.putNull(field);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
