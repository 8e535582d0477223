package io.jenkins.plugins.devops.model;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.devops.core.context.PipelineStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.graph.BlockEndNode;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;

/**
 * The stages a Pipeline run has executed so far, with their status, from its flow graph (evidence for the checklists
 * and the workspace context). Freestyle builds have none.
 */
public final class PipelineStages {
    private PipelineStages() {}

    /** Stages in the order they started; empty for a run that is not a Pipeline. */
    public static List<PipelineStage> of(Run<?, ?> run) {
        if (!(run instanceof FlowExecutionOwner.Executable executable)) {
            return List.of();
        }
        FlowExecutionOwner owner = executable.asFlowExecutionOwner();
        FlowExecution execution = owner == null ? null : owner.getOrNull();
        if (execution == null) {
            return List.of();
        }
        Map<String, BlockEndNode<?>> ends = new HashMap<>();
        List<BlockStartNode> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        NodeStepTypePredicate isStage = new NodeStepTypePredicate("stage");
        for (FlowNode node : new DepthFirstScanner().allNodes(execution)) {
            if (node instanceof BlockEndNode<?> end) {
                ends.put(end.getStartNode().getId(), end);
            } else if (node instanceof BlockStartNode start && isStage.apply(node)) {
                LabelAction label = node.getPersistentAction(LabelAction.class);
                if (label != null) {
                    starts.add(start);
                    names.add(label.getDisplayName());
                }
            }
        }
        // the scanner walks from the newest node back
        Collections.reverse(starts);
        Collections.reverse(names);
        List<PipelineStage> stages = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            stages.add(new PipelineStage(names.get(i), status(ends.get(starts.get(i).getId())), null));
        }
        return stages;
    }

    private static String status(BlockEndNode<?> end) {
        if (end == null) {
            return "IN_PROGRESS";
        }
        if (end.getError() != null) {
            return Result.FAILURE.toString();
        }
        WarningAction warning = end.getPersistentAction(WarningAction.class);
        return warning != null ? warning.getResult().toString() : Result.SUCCESS.toString();
    }
}
