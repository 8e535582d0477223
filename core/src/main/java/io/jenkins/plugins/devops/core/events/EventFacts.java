package io.jenkins.plugins.devops.core.events;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.util.List;

/**
 * What the events of a deployment say beyond its record: whether the request declared it rework, the incidents it
 * opens or closes (which depend on the deployments before it; see {@link IncidentTracker}), and whether to describe
 * the artifact with {@code artifact.packaged} / {@code artifact.published}.
 *
 * @param rework the request declared the deployment rework (a hot fix)
 * @param incidents the incident events to emit, in order
 * @param artifacts emit the artifact events
 */
public record EventFacts(boolean rework, List<IncidentChange> incidents, boolean artifacts) {
    public EventFacts {
        incidents = List.copyOf(incidents);
    }

    /**
     * What the record alone tells: a failed deployment is an incident detected at its finish; no resolution (that
     * needs the deployments after it), no artifact events, not rework. The events of {@link DeploymentEvents#of}.
     */
    public static EventFacts fromRecordAlone(DeploymentRecord record) {
        boolean failed = record.kind() == DeploymentKind.DEPLOY
                && (record.outcome() == Outcome.FAILED_ROLLED_BACK || record.outcome() == Outcome.FAILED);
        return new EventFacts(
                false,
                failed ? List.of(IncidentChange.detected(record.deploymentId(), record.finishedAt())) : List.of(),
                false);
    }
}
