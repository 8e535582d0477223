package io.jenkins.plugins.devops.model;

import io.jenkins.plugins.devops.credentials.ClusterConnection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a deployment was asked for, as plain serializable values: the {@code devopsDeploy} step and the
 * freestyle builder both copy their fields into one of these and hand it to {@link DeployOperation}, and a step
 * execution keeps it across a controller restart. It holds a credentials id, never a secret.
 */
public final class DeploySettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String environment;
    private String namespace = "";
    private String manifests = "";
    private String image = "";
    private String version = "";
    private String strategy = "rolling";
    private LinkedHashMap<String, Object> strategyOptions = new LinkedHashMap<>();
    private ArrayList<LinkedHashMap<String, Object>> analysis = new ArrayList<>();
    private ArrayList<LinkedHashMap<String, Object>> smokeTests = new ArrayList<>();
    private ArrayList<LinkedHashMap<String, Object>> webhooks = new ArrayList<>();
    private String gatesYaml = "";
    private ClusterConnection connection = new ClusterConnection("", "", "", false, "", "");
    /** 0: the manifest's progressDeadlineSeconds, else Kubernetes' 600. */
    private int progressDeadlineSeconds;
    private boolean markUnstable;

    public DeploySettings(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    public String service() {
        return service;
    }

    public String environment() {
        return environment;
    }

    public String namespace() {
        return namespace;
    }

    public DeploySettings namespace(String value) {
        namespace = blankToEmpty(value);
        return this;
    }

    /** A workspace glob ({@code k8s/*.yaml}) or the YAML itself. */
    public String manifests() {
        return manifests;
    }

    public DeploySettings manifests(String value) {
        manifests = blankToEmpty(value);
        return this;
    }

    public String image() {
        return image;
    }

    public DeploySettings image(String value) {
        image = blankToEmpty(value);
        return this;
    }

    public String version() {
        return version;
    }

    public DeploySettings version(String value) {
        version = blankToEmpty(value);
        return this;
    }

    public String strategy() {
        return strategy;
    }

    public DeploySettings strategy(String value) {
        strategy = value == null || value.isBlank() ? "rolling" : value.trim();
        return this;
    }

    /** Only the options the user set, keyed as {@code StrategySettings.fromOptions} expects. */
    public Map<String, Object> strategyOptions() {
        return strategyOptions;
    }

    public DeploySettings strategyOption(String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            strategyOptions.put(key, value instanceof List<?> list ? new ArrayList<>(list) : value);
        }
        return this;
    }

    public List<LinkedHashMap<String, Object>> analysis() {
        return analysis;
    }

    public DeploySettings analysis(List<? extends Map<?, ?>> value) {
        analysis = PlainValues.copyMaps(value, "analysis");
        return this;
    }

    public List<LinkedHashMap<String, Object>> smokeTests() {
        return smokeTests;
    }

    public DeploySettings smokeTests(List<? extends Map<?, ?>> value) {
        smokeTests = PlainValues.copyMaps(value, "smokeTests");
        return this;
    }

    /**
     * Health gates as YAML (top-level {@code analysis}, {@code smokeTests}, {@code webhooks}), the freestyle
     * builder's way of saying what the Pipeline step says with its list parameters; empty when unused.
     */
    public String gatesYaml() {
        return gatesYaml;
    }

    public DeploySettings gatesYaml(String value) {
        gatesYaml = blankToEmpty(value);
        return this;
    }

    public List<LinkedHashMap<String, Object>> webhooks() {
        return webhooks;
    }

    public DeploySettings webhooks(List<? extends Map<?, ?>> value) {
        webhooks = PlainValues.copyMaps(value, "webhooks");
        return this;
    }

    public ClusterConnection connection() {
        return connection;
    }

    public DeploySettings connection(ClusterConnection value) {
        connection = value;
        return this;
    }

    public int progressDeadlineSeconds() {
        return progressDeadlineSeconds;
    }

    public DeploySettings progressDeadlineSeconds(int value) {
        progressDeadlineSeconds = value;
        return this;
    }

    /** Whether a failed deployment marks the build unstable instead of failing the step. */
    public boolean markUnstable() {
        return markUnstable;
    }

    public DeploySettings markUnstable(boolean value) {
        markUnstable = value;
        return this;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
