package io.jenkins.plugins.devops.core.checklist.items;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code infra.auto-scaling}: scaling and availability of each Deployment, StatefulSet and Rollout, as kube-score
 * and Polaris judge it (HorizontalPodAutoscaler with minReplicas >= 2, replicas, PodDisruptionBudget).
 */
final class AvailabilityCheck {
    private AvailabilityCheck() {}

    static ItemOutcome autoScaling(EvidenceContext context) {
        List<KubernetesObject> workloads = context.workloads().stream()
                .filter(KubernetesObject::isScalable)
                .toList();
        List<KubernetesObject> scalers = new ArrayList<>(context.kubernetes("HorizontalPodAutoscaler"));
        scalers.addAll(context.kubernetes("ScaledObject"));
        List<KubernetesObject> budgets = context.kubernetes("PodDisruptionBudget");
        List<Evidence> terraform = EvidenceLines.of(context.grepTerraform(
                "resource\\s+\"(aws_autoscaling_group|aws_appautoscaling_target|google_compute_autoscaler"
                        + "|azurerm_monitor_autoscale_setting|aws_eks_node_group|google_container_node_pool)\""));
        if (workloads.isEmpty()) {
            if (!terraform.isEmpty()) {
                return ItemOutcome.pass("auto-scaling is configured in Terraform", terraform);
            }
            return ItemOutcome.notApplicable("no Deployment, StatefulSet or auto-scaling group found");
        }
        List<Evidence> evidence = new ArrayList<>();
        double total = 0;
        int single = 0;
        for (KubernetesObject workload : workloads) {
            KubernetesObject scaler = scalers.stream()
                    .filter(s -> s.namespace().equals(workload.namespace())
                            && workload.name().equals(s.document().string("spec.scaleTargetRef.name")))
                    .findFirst()
                    .orElse(null);
            boolean budget = budgets.stream()
                    .anyMatch(pdb -> pdb.namespace().equals(workload.namespace())
                            && LabelSelector.of(
                                            pdb.document().at("spec.selector").orElse(null))
                                    .matches(workload.podLabels()));
            String replicasText = workload.document().string("spec.replicas");
            int replicas = replicasText == null ? 1 : parseInt(replicasText, 1);
            int score;
            if (scaler != null) {
                String min = scaler.document().string("spec.minReplicas");
                if (min == null) {
                    min = scaler.document().string("spec.minReplicaCount");
                }
                int minReplicas = min == null ? 1 : parseInt(min, 1);
                score = minReplicas >= 2 ? 10 : 7;
                evidence.add(scaler.evidence("scales " + workload.displayName() + " from " + minReplicas + " replicas"
                        + (minReplicas < 2 ? " (minReplicas < 2: one pod failure is an outage)" : "")));
            } else if (replicas >= 2) {
                score = 6;
                evidence.add(workload.evidence(replicas + " fixed replicas, no HorizontalPodAutoscaler"));
            } else {
                score = 0;
                single++;
                evidence.add(workload.evidence(replicas + " replica and no HorizontalPodAutoscaler"));
            }
            // like kube-score: a budget is expected unless the workload asks for fewer than two replicas
            boolean fewerThanTwo = replicasText != null && replicas < 2 && scaler == null;
            if (!budget && !fewerThanTwo) {
                score = Math.max(0, score - 2);
                evidence.add(workload.evidence("no PodDisruptionBudget selects its pods"));
            }
            total += score;
        }
        int score = (int) Math.round(total / workloads.size());
        if (score >= 10) {
            return ItemOutcome.pass(
                    "every workload auto-scales from >= 2 replicas with a PodDisruptionBudget", evidence);
        }
        if (single > 0 && score < 5) {
            return ItemOutcome.fail(
                    score,
                    single + " of " + workloads.size() + " workloads run a single replica without auto-scaling",
                    evidence);
        }
        return ItemOutcome.warn(Math.max(1, score), "auto-scaling or disruption budgets are incomplete", evidence);
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
