package io.jenkins.plugins.devops.model;

import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.Measurement;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One gate verdict as the REST API shows it. */
@ExportedBean(defaultVisibility = 3)
public class GateVerdict {
    private final GateResult result;

    GateVerdict(GateResult result) {
        this.result = result;
    }

    static List<GateVerdict> of(DeploymentRecord record) {
        return record.gateResults().stream().map(GateVerdict::new).toList();
    }

    @Exported
    public String getGate() {
        return result.gate();
    }

    @Exported
    public String getPoint() {
        return result.point().name();
    }

    @Exported
    public int getWeight() {
        return result.weight();
    }

    @Exported
    public String getVerdict() {
        return result.verdict().name();
    }

    @Exported
    public String getReason() {
        return result.reason();
    }

    /** Each measurement as "metric = value (verdict) note". */
    @Exported
    public List<String> getMeasurements() {
        return result.measurements().stream().map(GateVerdict::describe).toList();
    }

    private static String describe(Measurement m) {
        return m.metric() + " = " + m.value() + " (" + m.verdict().name() + ")"
                + (m.note().isEmpty() ? "" : " " + m.note());
    }
}
