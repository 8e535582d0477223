package io.jenkins.plugins.devops.core.deploy;

import io.jenkins.plugins.devops.core.gate.GateResult;
import java.util.ArrayList;
import java.util.List;

/** What happened during one run, collected for the {@link DeploymentRecord}; forwards to the listener. */
final class RunLog {
    final List<PhaseRecord> phases = new ArrayList<>();
    final List<GateResult> gates = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    private final ProgressListener listener;

    RunLog(ProgressListener listener) {
        this.listener = listener;
    }

    ProgressListener listener() {
        return listener;
    }

    synchronized void event(String text) {
        events.add(text);
        listener.message(text);
    }

    synchronized void phase(PhaseRecord record) {
        phases.add(record);
        listener.phaseFinished(record);
    }

    synchronized void gate(GateResult result) {
        gates.add(result);
        listener.gateEvaluated(result);
    }
}
