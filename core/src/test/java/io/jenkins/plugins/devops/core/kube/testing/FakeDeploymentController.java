package io.jenkins.plugins.devops.core.kube.testing;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the Kubernetes Deployment controller (and the kubelet) against the fabric8 mock server: for every
 * Deployment it keeps one ReplicaSet per pod template (named {@code <deployment>-<hash>}, label
 * {@code pod-template-hash}, revision annotation as the real controller numbers them), scales the newest to the
 * desired replicas and the older ones to 0, creates and deletes pods, and writes the Deployment status
 * (observedGeneration, replicas, updated/ready/available, conditions Available and Progressing with reasons
 * ReplicaSetUpdated, NewReplicaSetAvailable or ProgressDeadlineExceeded).
 *
 * <p>Replacing pods follows the Deployment's strategy: Recreate removes every old pod first; RollingUpdate honours
 * maxSurge and maxUnavailable (25% each when absent) and removes old pods that are not ready first, so tests can
 * count the ready pods a rollout leaves.
 *
 * <p>Faults are chosen per image: {@link #neverReady} pods never pass readiness, {@link #crashLoopBackOff} pods wait
 * in CrashLoopBackOff and {@link #imagePullFails} pods in ImagePullBackOff (for all three the Deployment reports
 * ProgressDeadlineExceeded after {@link #deadlineAfter}); {@link #crashLoop} pods are ready between restarts but
 * count 5 restarts. {@link #readyDelay} and {@link #readyAfter} make new pods take a while to become ready.
 */
public final class FakeDeploymentController implements AutoCloseable {
    private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization SERIALIZATION =
            new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private final KubernetesClient client;
    private final String namespace;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-deployment-controller");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> neverReady = ConcurrentHashMap.newKeySet();
    private final Set<String> crashLoop = ConcurrentHashMap.newKeySet();
    private final Set<String> crashLoopBackOff = ConcurrentHashMap.newKeySet();
    private final Set<String> imagePullFails = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> readyAfter = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> markedComplete = new ConcurrentHashMap<>();
    private final Map<String, Instant> podReadyAt = new ConcurrentHashMap<>();
    private volatile Duration deadlineAfter = Duration.ofMillis(300);
    private volatile Duration readyDelay = Duration.ZERO;
    private SharedIndexInformer<Deployment> informer;

    /**
     * @param client a client whose User-Agent contains {@link RecordingDispatcher#CONTROLLER_AGENT}
     */
    public FakeDeploymentController(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public FakeDeploymentController start() {
        informer = client.apps().deployments().inNamespace(namespace).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment d) {
                schedule(d.getMetadata().getName(), Duration.ZERO);
            }

            @Override
            public void onUpdate(Deployment oldD, Deployment d) {
                schedule(d.getMetadata().getName(), Duration.ZERO);
            }

            @Override
            public void onDelete(Deployment d, boolean unknown) {
                loop.execute(() -> cleanUp(d));
            }
        });
        return this;
    }

    /** Pods running {@code image} never become ready. */
    public FakeDeploymentController neverReady(String image) {
        neverReady.add(image);
        return this;
    }

    /** Pods running {@code image} crash and restart (5 restarts, ready between restarts). */
    public FakeDeploymentController crashLoop(String image) {
        crashLoop.add(image);
        return this;
    }

    /**
     * Pods running {@code image} crash as the kubelet reports it: not ready, container waiting in
     * {@code CrashLoopBackOff} after 2 restarts.
     */
    public FakeDeploymentController crashLoopBackOff(String image) {
        crashLoopBackOff.add(image);
        return this;
    }

    /** Pods running {@code image} cannot pull it: not ready, container waiting in {@code ImagePullBackOff}. */
    public FakeDeploymentController imagePullFails(String image) {
        imagePullFails.add(image);
        return this;
    }

    /** New pods running {@code image} take {@code delay} to become ready (overrides {@link #readyDelay}). */
    public FakeDeploymentController readyAfter(String image, Duration delay) {
        readyAfter.put(image, delay);
        return this;
    }

    /** How long a rollout without progress takes to report ProgressDeadlineExceeded (default 300 ms). */
    public FakeDeploymentController deadlineAfter(Duration after) {
        deadlineAfter = after;
        return this;
    }

    /** How long a new pod takes to become ready (default 0). */
    public FakeDeploymentController readyDelay(Duration delay) {
        readyDelay = delay;
        return this;
    }

    /** When the controller wrote the status that completes {@code deployment}'s rollout (latest), or null. */
    public Instant markedComplete(String deployment) {
        return markedComplete.get(deployment);
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
        loop.shutdownNow();
    }

    private void schedule(String name, Duration delay) {
        if (!loop.isShutdown()) {
            loop.schedule(() -> safely(name), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void safely(String name) {
        try {
            reconcile(name);
        } catch (RuntimeException e) {
            // Conflicts with the engine's writes are normal; the next event or retry reconciles again.
            schedule(name, Duration.ofMillis(50));
        }
    }

    private void reconcile(String name) {
        Deployment d = informer.getStore().getByKey(namespace + "/" + name);
        if (d == null) {
            return;
        }
        List<Pod> allPods = client.pods().inNamespace(namespace).list().getItems();
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        PodTemplateSpec template = d.getSpec().getTemplate();
        String hash = hash(template);
        List<ReplicaSet> owned = owned(d);
        long maxRevision = owned.stream()
                .mapToLong(FakeDeploymentController::revision)
                .max()
                .orElse(0);
        ReplicaSet current = owned.stream()
                .filter(rs -> hash.equals(rs.getMetadata().getLabels().get("pod-template-hash")))
                .findFirst()
                .orElse(null);
        if (current == null) {
            current = client.apps()
                    .replicaSets()
                    .inNamespace(namespace)
                    .resource(newReplicaSet(d, hash, maxRevision + 1, 0))
                    .create();
            owned.add(current);
        }
        String currentName = current.getMetadata().getName();
        Map<String, List<Pod>> podsByReplicaSet = new HashMap<>();
        for (ReplicaSet rs : owned) {
            podsByReplicaSet.put(rs.getMetadata().getName(), podsOf(rs, allPods));
        }
        Map<String, Integer> wants = wants(d, desired, owned, currentName, podsByReplicaSet);
        boolean oldLeft = false;
        for (ReplicaSet rs : owned) {
            String rsName = rs.getMetadata().getName();
            int want = wants.get(rsName);
            boolean isCurrent = rsName.equals(currentName);
            long rev = isCurrent && revision(rs) < maxRevision ? maxRevision + 1 : revision(rs);
            if (!Objects.equals(rs.getSpec().getReplicas(), want) || rev != revision(rs)) {
                client.apps()
                        .replicaSets()
                        .inNamespace(namespace)
                        .withName(rsName)
                        .edit(x -> {
                            x.getMetadata()
                                    .getAnnotations()
                                    .put("deployment.kubernetes.io/revision", String.valueOf(rev));
                            x.getSpec().setReplicas(want);
                            return x;
                        });
                if (isCurrent) {
                    current.getMetadata()
                            .getAnnotations()
                            .put("deployment.kubernetes.io/revision", String.valueOf(rev));
                }
            }
            oldLeft |= !isCurrent && want > 0;
        }
        int total = 0;
        int ready = 0;
        int updated = 0;
        boolean waitingForReady = false;
        String image = template.getSpec().getContainers().get(0).getImage();
        for (ReplicaSet rs : owned) {
            boolean isCurrent = rs.getMetadata().getName().equals(currentName);
            List<Pod> pods = syncPods(rs, wants.get(rs.getMetadata().getName()), allPods);
            for (Pod p : pods) {
                total++;
                if (isCurrent) {
                    updated++;
                }
                if (isReady(p)) {
                    ready++;
                } else {
                    waitingForReady = true;
                }
            }
        }
        if (waitingForReady && !stuck(image)) {
            schedule(name, Duration.ofMillis(Math.max(20, readyDelay(image).toMillis() / 2)));
        } else if (oldLeft || updated < desired) {
            // A rolling update goes on as soon as the pods it waited for are ready.
            schedule(name, Duration.ofMillis(20));
        }
        writeStatus(d, current, total, updated, ready, desired, image);
    }

    /**
     * How many pods each ReplicaSet should have now, as the Deployment controller decides it: Recreate stops every
     * old pod before the new ReplicaSet gets any; RollingUpdate keeps at most desired + maxSurge pods and at least
     * desired - maxUnavailable ready ones (maxSurge rounded up, maxUnavailable down, both 25% by default), removing
     * old pods that are not ready first.
     */
    private static Map<String, Integer> wants(
            Deployment d,
            int desired,
            List<ReplicaSet> owned,
            String currentName,
            Map<String, List<Pod>> podsByReplicaSet) {
        Map<String, Integer> wants = new HashMap<>();
        List<ReplicaSet> old = owned.stream()
                .filter(rs -> !rs.getMetadata().getName().equals(currentName))
                .toList();
        int currentSpec = owned.stream()
                .filter(rs -> rs.getMetadata().getName().equals(currentName))
                .map(rs -> rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas())
                .findFirst()
                .orElse(0);
        int oldPods = old.stream()
                .mapToInt(rs -> podsByReplicaSet.get(rs.getMetadata().getName()).size())
                .sum();
        var strategy = d.getSpec().getStrategy();
        if (strategy != null && "Recreate".equals(strategy.getType())) {
            old.forEach(rs -> wants.put(rs.getMetadata().getName(), 0));
            wants.put(currentName, oldPods > 0 ? 0 : desired);
            return wants;
        }
        if (oldPods == 0) {
            old.forEach(rs -> wants.put(rs.getMetadata().getName(), 0));
            wants.put(currentName, desired);
            return wants;
        }
        var rolling = strategy == null ? null : strategy.getRollingUpdate();
        int surge = count(rolling == null ? null : rolling.getMaxSurge(), desired, true);
        int unavailable = count(rolling == null ? null : rolling.getMaxUnavailable(), desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        int newWant = Math.min(desired, Math.max(currentSpec, desired + surge - oldPods));
        wants.put(currentName, newWant);
        int readyAll = podsByReplicaSet.values().stream()
                .flatMap(List::stream)
                .mapToInt(p -> isReady(p) ? 1 : 0)
                .sum();
        int removableReady = Math.max(0, readyAll - (desired - unavailable));
        for (ReplicaSet rs : old) {
            List<Pod> pods = podsByReplicaSet.get(rs.getMetadata().getName());
            int unready = (int) pods.stream().filter(p -> !isReady(p)).count();
            int readyHere = pods.size() - unready;
            int removeReady = Math.min(readyHere, removableReady);
            removableReady -= removeReady;
            wants.put(rs.getMetadata().getName(), pods.size() - unready - removeReady);
        }
        return wants;
    }

    /** maxSurge (rounded up) or maxUnavailable (rounded down) as a pod count; 25% when absent. */
    private static int count(io.fabric8.kubernetes.api.model.IntOrString value, int desired, boolean roundUp) {
        if (value != null && value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value == null || value.getStrVal() == null ? "25%" : value.getStrVal();
        int percent = Integer.parseInt(text.replace("%", ""));
        return roundUp ? (desired * percent + 99) / 100 : desired * percent / 100;
    }

    private static List<Pod> podsOf(ReplicaSet rs, List<Pod> allPods) {
        String rsName = rs.getMetadata().getName();
        return allPods.stream()
                .filter(p -> p.getMetadata().getName().startsWith(rsName + "-"))
                .toList();
    }

    private List<Pod> syncPods(ReplicaSet rs, int want, List<Pod> allPods) {
        String rsName = rs.getMetadata().getName();
        List<Pod> pods = new ArrayList<>(podsOf(rs, allPods));
        // Like the ReplicaSet controller: pods that are not ready go first, then the newest.
        pods.sort(
                java.util.Comparator.comparing((Pod p) -> isReady(p)).reversed().thenComparing(p -> p.getMetadata()
                        .getName()));
        while (pods.size() > want) {
            Pod extra = pods.remove(pods.size() - 1);
            client.pods()
                    .inNamespace(namespace)
                    .withName(extra.getMetadata().getName())
                    .delete();
            podReadyAt.remove(extra.getMetadata().getName());
        }
        String image =
                rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        for (int i = 0; i < pods.size(); i++) {
            Pod p = pods.get(i);
            boolean shouldBeReady = shouldBeReady(p.getMetadata().getName(), image);
            if (shouldBeReady != isReady(p)) {
                pods.set(
                        i,
                        client.pods()
                                .inNamespace(namespace)
                                .withName(p.getMetadata().getName())
                                .edit(x -> withStatus(x, image, shouldBeReady)));
            }
        }
        for (int i = 0; pods.size() < want; i++) {
            String podName = rsName + "-" + i;
            if (pods.stream().anyMatch(p -> p.getMetadata().getName().equals(podName))) {
                continue;
            }
            podReadyAt.put(podName, Instant.now().plus(readyDelay(image)));
            Pod pod = new PodBuilder()
                    .withNewMetadata()
                    .withName(podName)
                    .withNamespace(namespace)
                    .withLabels(rs.getSpec().getTemplate().getMetadata().getLabels())
                    .withAnnotations(rs.getSpec().getTemplate().getMetadata().getAnnotations())
                    .withOwnerReferences(new OwnerReferenceBuilder()
                            .withApiVersion("apps/v1")
                            .withKind("ReplicaSet")
                            .withName(rsName)
                            .withUid(rs.getMetadata().getUid())
                            .withController(true)
                            .build())
                    .endMetadata()
                    .withSpec(rs.getSpec().getTemplate().getSpec())
                    .build();
            withStatus(pod, image, shouldBeReady(podName, image));
            pods.add(client.pods().inNamespace(namespace).resource(pod).create());
            if (neverReady.contains(image)) {
                warn(pod, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503");
            } else if (crashLoop.contains(image) || crashLoopBackOff.contains(image)) {
                warn(pod, "BackOff", "Back-off restarting failed container");
            } else if (imagePullFails.contains(image)) {
                warn(pod, "Failed", "Failed to pull image \"" + image + "\": manifest unknown");
            }
        }
        return pods;
    }

    private Duration readyDelay(String image) {
        return readyAfter.getOrDefault(image, readyDelay);
    }

    /** Pods of this image never become ready: the rollout can only end by its progress deadline. */
    private boolean stuck(String image) {
        return neverReady.contains(image) || crashLoopBackOff.contains(image) || imagePullFails.contains(image);
    }

    /** Records a Warning event about a pod, as the kubelet would. */
    private void warn(Pod pod, String reason, String message) {
        client.v1()
                .events()
                .inNamespace(namespace)
                .resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                        .withNewMetadata()
                        .withName(pod.getMetadata().getName() + "." + reason.toLowerCase())
                        .withNamespace(namespace)
                        .endMetadata()
                        .withType("Warning")
                        .withReason(reason)
                        .withMessage(message)
                        .withLastTimestamp(Instant.now().toString())
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withName(pod.getMetadata().getName())
                        .withNamespace(namespace)
                        .endInvolvedObject()
                        .build())
                .createOr(existing -> existing.update());
    }

    private boolean shouldBeReady(String podName, String image) {
        if (stuck(image)) {
            return false;
        }
        Instant at = podReadyAt.get(podName);
        return at == null || !Instant.now().isBefore(at);
    }

    private Pod withStatus(Pod pod, String image, boolean ready) {
        String container = pod.getSpec().getContainers().get(0).getName();
        int restarts = crashLoop.contains(image) ? 5 : crashLoopBackOff.contains(image) ? 2 : 0;
        var state = new io.fabric8.kubernetes.api.model.ContainerStateBuilder();
        if (crashLoopBackOff.contains(image)) {
            state.withNewWaiting()
                    .withReason("CrashLoopBackOff")
                    .withMessage("back-off 20s restarting failed container=" + container + " pod="
                            + pod.getMetadata().getName())
                    .endWaiting();
        } else if (imagePullFails.contains(image)) {
            state.withNewWaiting()
                    .withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"" + image + "\"")
                    .endWaiting();
        } else {
            state.withNewRunning().endRunning();
        }
        ContainerStatus cs = new ContainerStatusBuilder()
                .withName(container)
                .withImage(image)
                .withReady(ready)
                .withRestartCount(restarts)
                .withState(state.build())
                .build();
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Running")
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .withContainerStatuses(cs)
                .build());
        return pod;
    }

    private static boolean isReady(Pod p) {
        return p.getStatus() != null
                && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void writeStatus(
            Deployment d, ReplicaSet current, int total, int updated, int ready, int desired, String image) {
        String name = d.getMetadata().getName();
        long generation =
                d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        String key = name + "@" + generation;
        firstSeen.putIfAbsent(key, Instant.now());
        boolean complete = updated == desired && total == desired && ready >= desired;
        DeploymentCondition progressing;
        if (complete) {
            progressing = condition(
                    "Progressing",
                    "True",
                    "NewReplicaSetAvailable",
                    "ReplicaSet " + current.getMetadata().getName() + " has successfully progressed.");
        } else if (stuck(image)
                && Duration.between(firstSeen.get(key), Instant.now()).compareTo(deadlineAfter) >= 0) {
            progressing = condition(
                    "Progressing",
                    "False",
                    "ProgressDeadlineExceeded",
                    "ReplicaSet " + current.getMetadata().getName() + " has timed out progressing.");
        } else {
            progressing = condition(
                    "Progressing",
                    "True",
                    "ReplicaSetUpdated",
                    "ReplicaSet " + current.getMetadata().getName() + " is progressing.");
            if (stuck(image)) {
                schedule(name, deadlineAfter);
            }
        }
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(total)
                .withUpdatedReplicas(updated)
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .withUnavailableReplicas(Math.max(0, desired - ready))
                .withConditions(
                        condition("Available", ready >= desired ? "True" : "False", "MinimumReplicasAvailable", ""),
                        progressing)
                .build();
        String revision = current.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision");
        if (sameStatus(d.getStatus(), status) && revision.equals(annotation(d, "deployment.kubernetes.io/revision"))) {
            return;
        }
        if (complete) {
            markedComplete.put(name, Instant.now());
        }
        // One JSON patch request (a merge patch would merge the conditions list in the mock server). A status
        // computed from an older generation is harmless: the engine only trusts an observedGeneration at least
        // as new as its own write, and the next event reconciles again.
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(Map.of("op", "add", "path", "/status", "value", status));
        if (d.getMetadata().getAnnotations() == null) {
            ops.add(Map.of(
                    "op",
                    "add",
                    "path",
                    "/metadata/annotations",
                    "value",
                    Map.of("deployment.kubernetes.io/revision", revision)));
        } else {
            ops.add(Map.of(
                    "op",
                    "add",
                    "path",
                    "/metadata/annotations/deployment.kubernetes.io~1revision",
                    "value",
                    revision));
        }
        client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(name)
                .patch(
                        io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON),
                        SERIALIZATION.asJson(ops));
    }

    private static boolean sameStatus(DeploymentStatus a, DeploymentStatus b) {
        if (a == null) {
            return false;
        }
        return Objects.equals(a.getObservedGeneration(), b.getObservedGeneration())
                && Objects.equals(a.getReplicas(), b.getReplicas())
                && Objects.equals(a.getUpdatedReplicas(), b.getUpdatedReplicas())
                && Objects.equals(a.getReadyReplicas(), b.getReadyReplicas())
                && reasons(a).equals(reasons(b));
    }

    private static List<String> reasons(DeploymentStatus s) {
        return s.getConditions() == null
                ? List.of()
                : s.getConditions().stream()
                        .map(c -> c.getType() + "=" + c.getReason())
                        .toList();
    }

    private static String annotation(Deployment d, String key) {
        return d.getMetadata().getAnnotations() == null
                ? null
                : d.getMetadata().getAnnotations().get(key);
    }

    private static DeploymentCondition condition(String type, String status, String reason, String message) {
        return new DeploymentConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .build();
    }

    private ReplicaSet newReplicaSet(Deployment d, String hash, long revision, int replicas) {
        PodTemplateSpec template =
                client.getKubernetesSerialization().clone(d.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
        labels.put("pod-template-hash", hash);
        template.getMetadata().setLabels(labels);
        Map<String, String> selector = new HashMap<>(d.getSpec().getSelector().getMatchLabels());
        selector.put("pod-template-hash", hash);
        return new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(d.getMetadata().getName() + "-" + hash)
                .withNamespace(namespace)
                .withLabels(labels)
                .addToAnnotations("deployment.kubernetes.io/revision", String.valueOf(revision))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("Deployment")
                        .withName(d.getMetadata().getName())
                        .withUid(d.getMetadata().getUid())
                        .withController(true)
                        .build())
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
    }

    private List<ReplicaSet> owned(Deployment d) {
        String uid = d.getMetadata().getUid();
        return new ArrayList<>(client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences() != null
                        && rs.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid.equals(o.getUid())))
                .toList());
    }

    private void cleanUp(Deployment d) {
        for (ReplicaSet rs : owned(d)) {
            client.pods()
                    .inNamespace(namespace)
                    .withLabel("pod-template-hash", rs.getMetadata().getLabels().get("pod-template-hash"))
                    .delete();
            client.apps()
                    .replicaSets()
                    .inNamespace(namespace)
                    .withName(rs.getMetadata().getName())
                    .delete();
        }
    }

    private static long revision(ReplicaSet rs) {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        String r = a == null ? null : a.get("deployment.kubernetes.io/revision");
        return r == null ? 0 : Long.parseLong(r);
    }

    /** Like the real controller: a hash of the pod template names its ReplicaSet. */
    static String hash(PodTemplateSpec template) {
        try {
            // Canonical JSON (sorted keys): the same template must give the same hash however its maps are ordered.
            Object tree =
                    new io.fabric8.kubernetes.client.utils.KubernetesSerialization().convertValue(template, Map.class);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
