package io.jenkins.plugins.devops.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.TransientActionFactory;

/**
 * Gives a job a DORA page for each service and environment its last few builds deployed. Only the newest
 * {@value #BUILDS_TO_LOOK_AT} builds are looked at, so a job with a long history costs no more than a short one.
 */
@Extension
@SuppressWarnings("rawtypes")
public class DoraJobActionFactory extends TransientActionFactory<Job> {
    static final int BUILDS_TO_LOOK_AT = 5;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return DoraJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Set<List<String>> targets = new LinkedHashSet<>();
        Run<?, ?> run = target.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_LOOK_AT; i++, run = run.getPreviousBuild()) {
            for (DeploymentAction deployment : run.getActions(DeploymentAction.class)) {
                targets.add(List.of(deployment.getService(), deployment.getEnvironment()));
            }
        }
        return targets.stream()
                .map(t -> new DoraJobAction((Job<?, ?>) target, t.get(0), t.get(1)))
                .toList();
    }
}
