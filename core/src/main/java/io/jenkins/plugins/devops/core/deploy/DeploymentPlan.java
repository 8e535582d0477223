package io.jenkins.plugins.devops.core.deploy;

import java.util.List;
import java.util.Map;

/**
 * The ordered phases a deployment will go through, computed from the request and the cluster's current state
 * without writing anything. {@link #render()} gives the text the command line prints for a dry run.
 *
 * @param service the service
 * @param environment the environment
 * @param namespace the namespace
 * @param strategy the strategy name
 * @param version the new version
 * @param previousVersion the version serving now, empty for a first install
 * @param phases the phases in execution order
 * @param notes remarks on how the plan was derived (e.g. replica rounding), one sentence each
 * @param targets names of the objects the new version runs as, for gates (e.g. {@code canaryDeployment},
 *     {@code stableDeployment}, {@code previewDeployment}, {@code activeService}, always {@code newDeployment})
 */
public record DeploymentPlan(
        String service,
        String environment,
        String namespace,
        String strategy,
        String version,
        String previousVersion,
        List<DeploymentPhase> phases,
        List<String> notes,
        Map<String, String> targets) {
    public DeploymentPlan {
        phases = List.copyOf(phases);
        notes = List.copyOf(notes);
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    /** The traffic weight of the new version after each phase. */
    public List<Integer> weights() {
        return phases.stream().map(DeploymentPhase::weight).toList();
    }

    /** Printable plan, one line per phase followed by the objects it writes. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Plan: ")
                .append(strategy)
                .append(" deployment of ")
                .append(service)
                .append(" to ")
                .append(environment)
                .append(" (namespace ")
                .append(namespace)
                .append("): ")
                .append(previousVersion.isEmpty() ? "first install" : previousVersion)
                .append(" -> ")
                .append(version)
                .append('\n');
        for (int i = 0; i < phases.size(); i++) {
            DeploymentPhase p = phases.get(i);
            out.append(String.format("%2d. %-22s weight %3d%%", i + 1, p.name(), p.weight()));
            if (!p.waitBefore().isZero()) {
                out.append("  after ").append(p.waitBefore().toSeconds()).append(" s");
            }
            if (!p.gates().isEmpty()) {
                out.append("  gates ").append(p.gates());
            }
            if (!p.pauseAfter().isZero()) {
                out.append("  pause ").append(p.pauseAfter().toSeconds()).append(" s");
            }
            out.append('\n');
            for (String w : p.writtenObjects()) {
                out.append("      writes ").append(w).append('\n');
            }
            for (String a : p.awaitRollout()) {
                out.append("      waits for Deployment/").append(a).append('\n');
            }
        }
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }
}
