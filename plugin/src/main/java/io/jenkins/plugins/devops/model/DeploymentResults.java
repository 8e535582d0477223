package io.jenkins.plugins.devops.model;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.PhaseRecord;
import io.jenkins.plugins.devops.core.gate.GateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * What {@code devopsDeploy} and {@code devopsRollback} return to the Pipeline: a map of plain values (the sandbox
 * allows {@code r.outcome}, {@code r['revision']}), never live objects.
 */
public final class DeploymentResults {
    private DeploymentResults() {}

    /**
     * @return {@code deploymentId, kind, outcome, success, service, environment, namespace, strategy, revision,
     *     previousRevision, artifact, durationSeconds, weights, analysis, failureReason, rolledBack}
     */
    public static LinkedHashMap<String, Object> toMap(DeploymentRecord record) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("deploymentId", record.deploymentId());
        map.put("kind", record.kind().name().toLowerCase(Locale.ROOT));
        map.put("outcome", record.outcome().name());
        map.put("success", record.outcome().isSuccess());
        map.put("service", record.service());
        map.put("environment", record.environment());
        map.put("namespace", record.namespace());
        map.put("strategy", record.strategy());
        map.put("revision", record.version());
        map.put("previousRevision", record.previousVersion());
        map.put("artifact", record.artifact());
        map.put("durationSeconds", record.duration().toSeconds());
        map.put("weights", weights(record));
        map.put("analysis", verdicts(record));
        map.put("failureReason", record.failureReason());
        map.put("rolledBack", record.rolledBackAutomatically());
        return map;
    }

    /** The traffic weights the deployment went through, in order, e.g. {@code [10, 50, 100]}. */
    public static ArrayList<Integer> weights(DeploymentRecord record) {
        ArrayList<Integer> weights = new ArrayList<>();
        for (PhaseRecord phase : record.phases()) {
            if (weights.isEmpty() || weights.get(weights.size() - 1) != phase.weight()) {
                weights.add(phase.weight());
            }
        }
        return weights;
    }

    /** One map per gate verdict: gate, point, weight, verdict, reason. */
    public static ArrayList<LinkedHashMap<String, Object>> verdicts(DeploymentRecord record) {
        ArrayList<LinkedHashMap<String, Object>> verdicts = new ArrayList<>();
        for (GateResult result : record.gateResults()) {
            LinkedHashMap<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("gate", result.gate());
            verdict.put("point", result.point().name());
            verdict.put("weight", result.weight());
            verdict.put("verdict", result.verdict().name());
            verdict.put("reason", result.reason());
            verdicts.add(verdict);
        }
        return verdicts;
    }

    /** The sentence a failed step ends with. */
    public static String failureMessage(DeploymentRecord record) {
        String what = record.kind() == DeploymentKind.ROLLBACK ? "Rollback of " : "Deployment of ";
        String how =
                switch (record.outcome()) {
                    case FAILED_ROLLED_BACK -> " failed and was rolled back to " + orNone(record.previousVersion());
                    case ABORTED -> " was aborted and rolled back";
                    case FAILED -> " failed and could not be rolled back completely";
                    case SUCCEEDED -> " succeeded";
                };
        String reason = record.failureReason().isEmpty() ? "" : ": " + record.failureReason();
        return what + record.service() + " " + orNone(record.version()) + " to " + record.environment() + how + reason;
    }

    private static String orNone(String version) {
        return version.isEmpty() ? "(no version)" : version;
    }
}
