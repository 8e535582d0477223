package io.jenkins.plugins.devops.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devops.core.dora.DoraJson;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import java.util.LinkedHashMap;

/**
 * What {@code devopsDora} returns: core's JSON view of a report as a map of plain values (numbers, strings,
 * lists) under DORA's names, e.g. {@code r.deploymentFrequency} (per day), {@code r.leadTimeForChanges} (seconds),
 * {@code r.changeFailureRate}, {@code r.failedDeploymentRecoveryTime} (seconds), {@code r.deploymentReworkRate},
 * {@code r.bands.leadTimeForChanges}.
 */
public final class DoraResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DoraResults() {}

    public static LinkedHashMap<String, Object> toMap(DoraReport report) {
        return JSON.convertValue(DoraJson.toJson(report), new TypeReference<LinkedHashMap<String, Object>>() {});
    }
}
