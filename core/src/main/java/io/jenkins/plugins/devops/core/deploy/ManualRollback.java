package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.devops.core.deploy.strategy.Labels;
import io.jenkins.plugins.devops.core.kube.ResourceWriter;
import io.jenkins.plugins.devops.core.kube.RolloutFailedException;
import io.jenkins.plugins.devops.core.kube.RolloutWatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manual rollback from the deployment history the cluster keeps:
 *
 * <ul>
 *   <li>blue-green: scale the idle slot back up if it was scaled down, then switch the Services' selector to it;
 *   <li>rolling, recreate and canary: put the pod template of an earlier ReplicaSet of the (stable) Deployment back
 *       into the Deployment, as {@code kubectl rollout undo} does; ReplicaSets are ordered by their
 *       {@code deployment.kubernetes.io/revision} annotation.
 * </ul>
 */
final class ManualRollback {
    private final KubernetesClient client;
    private final EngineOptions options;
    private final Clock clock;
    private final RunLog log;

    ManualRollback(KubernetesClient client, EngineOptions options, Clock clock, RunLog log) {
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.log = log;
    }

    DeploymentRecord run(RollbackRequest request, String id, Instant started) {
        List<Deployment> deployments = client.apps()
                .deployments()
                .inNamespace(request.namespace())
                .withLabel(Labels.SERVICE, request.service())
                .withLabel(Labels.ENVIRONMENT, request.environment())
                .list()
                .getItems();
        if (deployments.isEmpty()) {
            throw new InvalidRequestException("no Deployment of service " + request.service() + " in environment "
                    + request.environment() + " (labels " + Labels.SERVICE + ", " + Labels.ENVIRONMENT + ") in "
                    + "namespace " + request.namespace() + "; only deployments made by this engine can be rolled back");
        }
        boolean blueGreen = deployments.stream().anyMatch(d -> label(d, Labels.SLOT) != null);
        Target target = blueGreen ? blueGreenTarget(request, deployments) : revisionTarget(request, deployments);
        String strategy = blueGreen ? StrategySettings.BLUE_GREEN : strategyOf(deployments);
        Instant phaseStart = clock.instant();
        log.listener().phaseStarted(target.phaseName(), 0, 1);
        ResourceWriter writer = new ResourceWriter(client, options.conflictRetries(), log::event);
        Outcome outcome = Outcome.SUCCEEDED;
        String reason = "";
        try (RolloutWatcher watcher = new RolloutWatcher(client, request.namespace(), log::event)) {
            Deployment live = watcher.cached(target.deployment().getMetadata().getName());
            if (SurgeOnly.needed(live, target.deployment())) {
                // The old template comes back without taking a ready pod away, whatever the Deployment's strategy.
                await(watcher, writer.write(SurgeOnly.of(target.deployment()), live));
            }
            Deployment written = writer.write(target.deployment());
            await(watcher, written);
            for (Service s : target.services()) {
                writer.write(s);
                log.event("switched Service/" + s.getMetadata().getName() + " to "
                        + written.getMetadata().getName());
            }
            // Not a traffic weight of "the new version": a rollback hands all traffic back to an older one.
            log.event("all traffic now goes to version " + target.version() + " (Deployment/"
                    + written.getMetadata().getName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.ABORTED;
            reason = "aborted while rolling back; check Deployment/"
                    + target.deployment().getMetadata().getName();
        } catch (RolloutFailedException | io.fabric8.kubernetes.client.KubernetesClientException e) {
            outcome = Outcome.FAILED;
            reason = DeploymentRun.describe(e);
        }
        log.phase(new PhaseRecord(
                target.phaseName(),
                100,
                phaseStart,
                clock.instant(),
                outcome.isSuccess() ? "passed" : "failed: " + reason));
        return new DeploymentRecord(
                id,
                DeploymentKind.ROLLBACK,
                request.service(),
                request.environment(),
                request.namespace(),
                strategy,
                outcome,
                target.version(),
                target.fromVersion(),
                target.deployment()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage(),
                started,
                clock.instant(),
                List.of(),
                request.triggeredBy(),
                reason,
                log.phases,
                log.gates,
                log.events);
    }

    private void await(RolloutWatcher watcher, Deployment written) throws InterruptedException {
        Long g = written.getMetadata().getGeneration();
        watcher.awaitRollout(
                written.getMetadata().getName(),
                g == null ? 0 : g,
                options.rollbackTimeout(),
                log.listener()::podsReady);
    }

    private Target blueGreenTarget(RollbackRequest request, List<Deployment> deployments) {
        List<Service> services = client
                .services()
                .inNamespace(request.namespace())
                .withLabel(Labels.SERVICE, request.service())
                .withLabel(Labels.ENVIRONMENT, request.environment())
                .list()
                .getItems()
                .stream()
                .filter(s -> s.getSpec().getSelector() != null
                        && s.getSpec().getSelector().containsKey(Labels.SLOT))
                .toList();
        if (services.isEmpty()) {
            throw new InvalidRequestException(
                    "no Service of " + request.service() + " selects a blue-green slot; " + "nothing to switch back");
        }
        String active = services.get(0).getSpec().getSelector().get(Labels.SLOT);
        Deployment activeDeployment = deployments.stream()
                .filter(d -> active.equals(label(d, Labels.SLOT)))
                .findFirst()
                .orElse(null);
        Deployment idle = deployments.stream()
                .filter(d -> label(d, Labels.SLOT) != null && !active.equals(label(d, Labels.SLOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("service " + request.service() + " has only the "
                        + active + " slot; there is no previous version to switch back to"));
        String idleVersion = versionOf(idle.getSpec().getTemplate());
        if (!request.revision().isEmpty() && !request.revision().equals(idleVersion)) {
            throw new InvalidRequestException("the idle slot " + label(idle, Labels.SLOT) + " runs version "
                    + idleVersion + ", not " + request.revision() + "; blue-green keeps only the previous version, "
                    + "deploy " + request.revision() + " instead");
        }
        int replicas = activeDeployment == null || activeDeployment.getSpec().getReplicas() == null
                ? 1
                : activeDeployment.getSpec().getReplicas();
        Deployment scaled = client.getKubernetesSerialization().clone(idle);
        scaled.setStatus(null);
        if (scaled.getSpec().getReplicas() == null || scaled.getSpec().getReplicas() == 0) {
            scaled.getSpec().setReplicas(replicas);
        }
        List<Service> switched = services.stream()
                .map(s -> {
                    Service copy = client.getKubernetesSerialization().clone(s);
                    Map<String, String> selector = new HashMap<>(copy.getSpec().getSelector());
                    selector.put(Labels.SLOT, label(idle, Labels.SLOT));
                    copy.getSpec().setSelector(selector);
                    copy.setStatus(null);
                    return copy;
                })
                .toList();
        String from = activeDeployment == null
                ? ""
                : versionOf(activeDeployment.getSpec().getTemplate());
        return new Target("switch back to " + label(idle, Labels.SLOT), scaled, switched, idleVersion, from);
    }

    private Target revisionTarget(RollbackRequest request, List<Deployment> deployments) {
        Deployment workload = deployments.stream()
                .filter(d -> label(d, Labels.TRACK) == null)
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("no stable Deployment of " + request.service()));
        String uid = workload.getMetadata().getUid();
        List<ReplicaSet> history =
                client.apps().replicaSets().inNamespace(request.namespace()).list().getItems().stream()
                        .filter(rs -> ownedBy(rs, uid))
                        .sorted(Comparator.comparingLong(ManualRollback::revision)
                                .reversed())
                        .toList();
        long current = revisionOf(workload.getMetadata().getAnnotations());
        String wanted = request.revision();
        Optional<ReplicaSet> chosen;
        if (wanted.isEmpty()) {
            chosen = history.stream().filter(rs -> revision(rs) < current).findFirst();
        } else if (wanted.matches("\\d+")) {
            chosen = history.stream()
                    .filter(rs -> revision(rs) == Long.parseLong(wanted))
                    .findFirst();
        } else {
            chosen = history.stream()
                    .filter(rs -> wanted.equals(versionOf(rs.getSpec().getTemplate())))
                    .findFirst();
        }
        String name = workload.getMetadata().getName();
        ReplicaSet rs = chosen.orElseThrow(() -> new InvalidRequestException("Deployment/" + name + " has no "
                + (wanted.isEmpty() ? "revision before " + current : "revision or version '" + wanted + "'")
                + " in its history (" + history.size() + " ReplicaSets kept; see revisionHistoryLimit)"));
        Deployment restored = client.getKubernetesSerialization().clone(workload);
        restored.setStatus(null);
        PodTemplateSpec template =
                client.getKubernetesSerialization().clone(rs.getSpec().getTemplate());
        Map<String, String> podLabels = new HashMap<>(template.getMetadata().getLabels());
        podLabels.remove("pod-template-hash");
        template.getMetadata().setLabels(podLabels);
        restored.getSpec().setTemplate(template);
        String version = versionOf(template);
        Map<String, String> annotations =
                new HashMap<>(orEmpty(restored.getMetadata().getAnnotations()));
        annotations.put(Labels.VERSION, version);
        restored.getMetadata().setAnnotations(annotations);
        return new Target(
                "rollback to revision " + revision(rs) + " (" + version + ")",
                restored,
                List.of(),
                version,
                versionOf(workload.getSpec().getTemplate()));
    }

    private static String strategyOf(List<Deployment> deployments) {
        String s = orEmpty(deployments.get(0).getMetadata().getAnnotations()).get(Labels.STRATEGY);
        return s == null ? "" : s;
    }

    private static boolean ownedBy(ReplicaSet rs, String uid) {
        List<OwnerReference> owners = rs.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(o -> uid != null && uid.equals(o.getUid()));
    }

    private static long revision(ReplicaSet rs) {
        return revisionOf(rs.getMetadata().getAnnotations());
    }

    private static long revisionOf(Map<String, String> annotations) {
        String r = orEmpty(annotations).get(Labels.REVISION);
        try {
            return r == null ? 0 : Long.parseLong(r);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String versionOf(PodTemplateSpec template) {
        String v = orEmpty(template.getMetadata().getAnnotations()).get(Labels.VERSION);
        if (v != null) {
            return v;
        }
        return DeploymentRequest.versionOf(
                template.getSpec().getContainers().get(0).getImage());
    }

    private static String label(Deployment d, String key) {
        return orEmpty(d.getMetadata().getLabels()).get(key);
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }

    /** What the rollback writes: the Deployment to restore, then the Services to switch. */
    private record Target(
            String phaseName, Deployment deployment, List<Service> services, String version, String fromVersion) {}
}
