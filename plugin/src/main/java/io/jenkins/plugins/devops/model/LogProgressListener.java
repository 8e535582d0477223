package io.jenkins.plugins.devops.model;

import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.deploy.DeploymentState;
import io.jenkins.plugins.devops.core.deploy.PhaseRecord;
import io.jenkins.plugins.devops.core.deploy.ProgressListener;
import io.jenkins.plugins.devops.core.gate.GateResult;
import java.io.PrintStream;

/**
 * Prints a deployment's progress to the build log, one line per event, prefixed with the service and environment,
 * and passes checkpoints on so the step can resume after a restart. Gate reasons and messages come from core,
 * which keeps secrets out of them.
 */
public class LogProgressListener implements ProgressListener {
    private final PrintStream log;
    private final String prefix;
    private final DeploymentProgress progress;
    private volatile String phase = "starting";

    public LogProgressListener(TaskListener listener, String service, String environment, DeploymentProgress progress) {
        this.log = listener.getLogger();
        this.prefix = "[devops] " + service + " → " + environment + ": ";
        this.progress = progress;
    }

    @Override
    public void phaseStarted(String name, int index, int phaseCount) {
        phase = name;
        line(name + " (phase " + (index + 1) + "/" + phaseCount + ") started");
    }

    @Override
    public void phaseFinished(PhaseRecord record) {
        line(record.name() + " " + record.result() + " (weight " + record.weight() + "%)");
    }

    @Override
    public void weightChanged(int weight) {
        line(phase + " — new version receives " + weight + "% of traffic");
    }

    @Override
    public void podsReady(String deployment, int ready, int desired) {
        line(phase + " — " + deployment + " " + ready + "/" + desired + " pods ready");
    }

    @Override
    public void gateEvaluated(GateResult result) {
        line(phase + " — gate " + result.gate() + " " + result.verdict().name().toLowerCase(java.util.Locale.ROOT)
                + (result.reason().isEmpty() ? "" : ": " + result.reason()));
    }

    @Override
    public void checkpoint(DeploymentState state) {
        progress.checkpoint(state.toJson());
    }

    @Override
    public void message(String text) {
        line(text);
    }

    private void line(String text) {
        log.println(prefix + text);
        progress.status(text);
    }
}
