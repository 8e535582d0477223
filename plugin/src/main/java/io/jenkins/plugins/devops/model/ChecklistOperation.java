package io.jenkins.plugins.devops.model;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.context.PipelineStage;
import io.jenkins.plugins.devops.core.context.StandardScore;
import io.jenkins.plugins.devops.core.context.StepRun;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One checklist evaluation for one build, shared by {@code devopsChecklist} and the freestyle build step: collect
 * the run's facts, evaluate the workspace where it is, record the report, update the workspace context.
 */
public class ChecklistOperation {
    /**
     * @return the recorded report; its verdict says whether the build should fail or be unstable
     * @throws hudson.AbortException for a configuration file that cannot be used, with what to fix
     */
    public ChecklistAction evaluate(
            ChecklistSettings settings, Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        List<PipelineStage> stages = PipelineStages.of(run);
        List<DeploymentAction> deployments = run.getActions(DeploymentAction.class);
        List<String> credentials = new ArrayList<>();
        for (DeploymentAction deployment : deployments) {
            if (!deployment.getConnection().isEmpty() && !credentials.contains(deployment.getConnection())) {
                credentials.add(deployment.getConnection());
            }
        }
        Map<String, String> delivery = new HashMap<>();
        if (!deployments.isEmpty()) {
            // the progressive-delivery checks judge the manifests against the strategy this run deployed with
            DeploymentAction last = deployments.get(deployments.size() - 1);
            if (last.getStrategy() != null && !last.getStrategy().isEmpty()) {
                delivery.put("strategy", last.getStrategy());
                if (last.getService() != null) {
                    delivery.put("service", last.getService());
                }
                if (!last.getWeights().isEmpty()) {
                    delivery.put(
                            "steps",
                            last.getWeights().stream().map(String::valueOf).collect(Collectors.joining(",")));
                }
            }
        }
        String json = workspace.act(new ChecklistEvaluation(
                settings,
                stages.stream().map(PipelineStage::name).toList(),
                credentials,
                deployments.isEmpty() ? null : Boolean.TRUE,
                delivery));
        ChecklistAction action = ChecklistAction.create(run, json);
        run.addAction(action);
        listener.getLogger()
                .println("[devops] checklists: score " + action.getScore() + " " + action.getChecklistScores() + " → "
                        + action.getVerdict());
        for (String reason : action.getReasons()) {
            listener.getLogger().println("[devops]   " + reason);
        }
        WorkspaceContextRecorder.write(
                workspace,
                WorkspaceContextRecorder.contextOf(run)
                        .step(new StepRun(
                                "devopsChecklist",
                                status(action.getVerdict()),
                                started,
                                Instant.now(),
                                "score " + action.getScore(),
                                null))
                        .standards(standards(action))
                        .build(),
                listener);
        return action;
    }

    private static List<StandardScore> standards(ChecklistAction action) {
        List<StandardScore> standards = new ArrayList<>();
        for (Map<String, Object> checklist : action.getChecklists()) {
            List<String> failed = new ArrayList<>();
            String worst = "PASS";
            for (Map<String, Object> item : ChecklistAction.maps(checklist.get("items"))) {
                Object status = item.get("status");
                if ("FAIL".equals(status) || "WARN".equals(status)) {
                    failed.add(String.valueOf(item.get("id")));
                    worst = "FAIL".equals(status) || "FAIL".equals(worst) ? "FAIL" : "WARN";
                }
            }
            double score = checklist.get("score") instanceof Number n ? Math.max(0, n.doubleValue()) : 0;
            standards.add(new StandardScore(
                    String.valueOf(checklist.get("category")).toLowerCase(Locale.ROOT), score, worst, failed));
        }
        return standards;
    }

    private static String status(String verdict) {
        return switch (verdict) {
            case "FAILURE" -> "FAILURE";
            case "UNSTABLE" -> "UNSTABLE";
            default -> "SUCCESS";
        };
    }
}
