package io.jenkins.plugins.devops.core.checklist.items;

import static io.jenkins.plugins.devops.core.checklist.items.EvidenceLines.concat;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.evidence.DeliveryPlan;
import io.jenkins.plugins.devops.core.checklist.evidence.DeliveryPlans;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.LabelSelector;
import io.jenkins.plugins.devops.core.checklist.evidence.Scalars;
import io.jenkins.plugins.devops.core.deploy.strategy.Labels;
import io.jenkins.plugins.devops.core.deploy.strategy.ReplicaSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cicd.progressive-delivery-safety}: what makes a canary or blue-green rollout of the deploy engine unsafe or
 * impossible, judged from the manifests against the strategy the pipeline uses — checks no manifest checker can
 * make because they do not know the strategy:
 *
 * <ul>
 *   <li>every container of a progressively deployed Deployment has a readiness probe (without one a pod counts as
 *       ready at start, so the canary receives traffic and passes gates before it can serve);
 *   <li>a PodDisruptionBudget selecting its pods neither forbids every disruption nor allows all pods down;
 *   <li>the replica count (an HPA's minReplicas, else {@code spec.replicas}) can realise the canary weights: with
 *       replica-ratio canaries a weight is canary pods / all pods, so its granularity is 1/replicas;
 *   <li>Services select both tracks where the strategy needs it, and not where it must not: a Service pinning the
 *       engine's track label gives one track no traffic; no Service at all leaves nothing to shift or switch; with
 *       an HTTPRoute a Service selecting both tracks splits its traffic by pod count, bypassing the route;
 *   <li>{@code progressDeadlineSeconds} (default 600) covers the analysis ({@code initialDelay + interval × count}).
 * </ul>
 */
final class ProgressiveDeliveryCheck {
    private static final int DEFAULT_PROGRESS_DEADLINE = 600;

    private ProgressiveDeliveryCheck() {}

    static ItemOutcome evaluate(EvidenceContext context) {
        List<DeliveryPlan> plans = DeliveryPlans.find(context).stream()
                .filter(DeliveryPlan::isProgressive)
                .toList();
        if (plans.isEmpty()) {
            return ItemOutcome.notApplicable("no canary or blue-green deployment known (fact 'strategy' or a"
                    + " devopsDeploy call with a literal strategy)");
        }
        List<Evidence> failures = new ArrayList<>();
        List<Evidence> warnings = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        int checked = 0;
        for (DeliveryPlan plan : plans) {
            List<KubernetesObject> targets = targets(context, plan);
            good.add(plan.source());
            for (KubernetesObject workload : targets) {
                checked++;
                probes(workload, plan, failures);
                int replicas = replicas(context, workload, plan, warnings);
                budgets(context, workload, replicas, warnings);
                services(context, workload, plan, failures, warnings);
                deadline(workload, plan, warnings);
            }
        }
        if (checked == 0) {
            return ItemOutcome.notApplicable(
                    plans.get(0).strategy() + " deployment known but no Deployment manifest found to check");
        }
        int score = Math.max(0, 10 - 3 * failures.size() - warnings.size());
        String strategies = String.join(
                " and ", plans.stream().map(DeliveryPlan::strategy).distinct().toList());
        String summary = checked + (checked == 1 ? " Deployment" : " Deployments") + " rolled out with " + strategies
                + ": " + failures.size() + " blocking and " + warnings.size() + " risky settings";
        if (!failures.isEmpty()) {
            return ItemOutcome.fail(Math.min(score, 4), summary, concat(concat(failures, warnings), good));
        }
        if (!warnings.isEmpty()) {
            return ItemOutcome.warn(Math.max(1, Math.min(score, 9)), summary, concat(warnings, good));
        }
        return ItemOutcome.pass(
                "probes, disruption budgets, replica counts, Service selectors and deadlines fit the " + strategies
                        + " rollout",
                good);
    }

    /** The Deployment named after the plan's service, else every Deployment (the engine deploys Deployments). */
    private static List<KubernetesObject> targets(EvidenceContext context, DeliveryPlan plan) {
        List<KubernetesObject> deployments = context.kubernetes("Deployment");
        List<KubernetesObject> named = deployments.stream()
                .filter(d -> d.name().equals(plan.service()))
                .toList();
        return named.isEmpty() ? deployments : named;
    }

    private static void probes(KubernetesObject workload, DeliveryPlan plan, List<Evidence> failures) {
        for (Map<String, Object> container : workload.appContainers()) {
            if (container.get("readinessProbe") == null) {
                failures.add(workload.evidence("container " + container.get("name") + " has no readinessProbe: with "
                        + plan.strategy() + " the new pods get traffic before they can serve"));
            }
        }
    }

    /** The fewest pods the rollout may run with: the HPA's minReplicas, else spec.replicas (default 1). */
    private static int replicas(
            EvidenceContext context, KubernetesObject workload, DeliveryPlan plan, List<Evidence> warnings) {
        Optional<KubernetesObject> scaler = context.kubernetes("HorizontalPodAutoscaler").stream()
                .filter(h -> h.namespace().equals(workload.namespace())
                        && workload.name().equals(h.document().string("spec.scaleTargetRef.name")))
                .findFirst();
        Long count = scaler.map(h -> Scalars.integer(h.document().string("spec.minReplicas")))
                .orElseGet(() -> Scalars.integer(workload.document().string("spec.replicas")));
        int replicas = count == null ? 1 : (int) Math.max(1, count);
        if (plan.isReplicaRatioCanary()) {
            List<String> impossible = new ArrayList<>();
            for (int weight : plan.steps()) {
                if (weight < 100) {
                    int effective = ReplicaSplit.of(replicas, weight).effectiveWeight();
                    if (effective != weight) {
                        impossible.add(weight + "% → " + effective + "%");
                    }
                }
            }
            if (!impossible.isEmpty()) {
                KubernetesObject where = scaler.orElse(workload);
                warnings.add(where.evidence((scaler.isPresent() ? "minReplicas " : "replicas ") + replicas
                        + " cannot realise the canary weights " + plan.steps() + " by pod ratio (granularity "
                        + Math.round(100.0 / replicas) + "%): " + String.join(", ", impossible)
                        + "; raise the replicas or route traffic with an HTTPRoute"));
            }
        }
        return replicas;
    }

    private static void budgets(
            EvidenceContext context, KubernetesObject workload, int replicas, List<Evidence> warnings) {
        for (KubernetesObject pdb : context.kubernetes("PodDisruptionBudget")) {
            if (!pdb.namespace().equals(workload.namespace())
                    || !LabelSelector.of(pdb.document().at("spec.selector").orElse(null))
                            .matches(workload.podLabels())) {
                continue;
            }
            Object min = pdb.document().at("spec.minAvailable").orElse(null);
            Object max = pdb.document().at("spec.maxUnavailable").orElse(null);
            Integer minAvailable = min == null ? null : Scalars.countOf(min, replicas);
            Integer maxUnavailable = max == null ? null : Scalars.countOf(max, replicas);
            if ((maxUnavailable != null && maxUnavailable <= 0) || (minAvailable != null && minAvailable >= replicas)) {
                warnings.add(pdb.evidence("allows no disruption of " + workload.displayName() + " (" + replicas
                        + " replicas): evictions and node drains block for the whole rollout, since the new"
                        + " version's starting pods already leave fewer healthy pods than the budget demands"));
            } else if ((minAvailable != null && minAvailable <= 0)
                    || (maxUnavailable != null && maxUnavailable >= replicas)) {
                warnings.add(pdb.evidence("allows all " + replicas + " pods of " + workload.displayName()
                        + " down at once: a drain during the rollout can take both tracks away"));
            }
        }
    }

    private static void services(
            EvidenceContext context,
            KubernetesObject workload,
            DeliveryPlan plan,
            List<Evidence> failures,
            List<Evidence> warnings) {
        Map<String, Object> stable = new HashMap<>(workload.podLabels());
        Map<String, Object> next = new HashMap<>(workload.podLabels());
        String label = plan.isCanary() ? Labels.TRACK : Labels.SLOT;
        if (plan.isCanary()) {
            if (!plan.isReplicaRatioCanary()) {
                stable.put(Labels.TRACK, "stable");
            }
            next.put(Labels.TRACK, "canary");
        } else {
            stable.put(Labels.SLOT, "blue");
            next.put(Labels.SLOT, "green");
        }
        boolean any = false;
        for (KubernetesObject service : context.kubernetes("Service")) {
            if (!service.namespace().equals(workload.namespace())) {
                continue;
            }
            Map<String, Object> selector = new HashMap<>(LabelSelector.ofServiceSelector(
                            service.document().at("spec.selector").orElse(null))
                    .matchLabels());
            if (!plan.isCanary()) {
                selector.remove(Labels.SLOT); // the engine sets the active slot on switch
            }
            LabelSelector effective = LabelSelector.ofServiceSelector(selector);
            boolean selectsStable = effective.matches(stable);
            boolean selectsNext = effective.matches(next);
            if (!selectsStable && !selectsNext) {
                continue;
            }
            any = true;
            if (selectsStable != selectsNext) {
                failures.add(service.evidence("selects only the " + (selectsStable ? "stable" : "new") + " track of "
                        + workload.displayName() + " (its selector fixes " + label + "): the "
                        + (selectsStable ? "new version" : "stable version") + " gets no traffic through it"));
            } else if (plan.isCanary() && !plan.isReplicaRatioCanary()) {
                warnings.add(service.evidence("selects both tracks of " + workload.displayName()
                        + ": traffic that does not pass HTTPRoute/" + plan.httpRoute()
                        + " is split by pod count, not by the canary weights"));
            }
        }
        if (!any) {
            failures.add(workload.evidence("no Service selects its pods: " + plan.strategy() + " has no traffic to "
                    + (plan.isCanary() ? "shift" : "switch")));
        }
    }

    private static void deadline(KubernetesObject workload, DeliveryPlan plan, List<Evidence> warnings) {
        if (plan.analysis().isZero()) {
            return;
        }
        Long written = Scalars.integer(workload.document().string("spec.progressDeadlineSeconds"));
        long deadline = written == null ? DEFAULT_PROGRESS_DEADLINE : written;
        if (Duration.ofSeconds(deadline).compareTo(plan.analysis()) < 0) {
            warnings.add(workload.evidence("progressDeadlineSeconds " + deadline
                    + (written == null ? " (default)" : "") + " is shorter than the analysis ("
                    + plan.analysis().toSeconds() + " s = initialDelay + interval × count): the rollout is"
                    + " reported as stalled before its gates can decide"));
        }
    }
}
