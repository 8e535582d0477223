package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows the Deployments, ReplicaSets and pods of one namespace with one informer each (one list, then one watch,
 * re-established by the client when the server drops it) and lets the engine wait until a rollout is complete.
 * Waiting costs no API requests: every watch event wakes the waiters, who judge the cached Deployment with
 * {@link RolloutStatus} and the cached pods of its new ReplicaSet with a {@link PodFailureDetector}, so a
 * crash-looping pod or an image that cannot be pulled fails the wait as soon as the kubelet reports it.
 *
 * <p>Without the right to list pods or ReplicaSets the watcher still works from the Deployment status alone (no
 * early failure, ready counts from the status); the engine's events say so.
 */
public final class RolloutWatcher implements AutoCloseable {
    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Pod> pods;
    private final String namespace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Pods-ready callback: deployment name, ready pods of its new ReplicaSet, desired. */
    @FunctionalInterface
    public interface ReadyListener {
        void podsReady(String deployment, int ready, int desired);
    }

    public RolloutWatcher(KubernetesClient client, String namespace) {
        this(client, namespace, message -> {});
    }

    /**
     * @param events hears why pods are not watched (e.g. no right to list them)
     */
    public RolloutWatcher(KubernetesClient client, String namespace, java.util.function.Consumer<String> events) {
        this.namespace = namespace;
        this.deployments = client.apps().deployments().inNamespace(namespace).inform(new Wakeup<>(), 0);
        SharedIndexInformer<ReplicaSet> rs = null;
        SharedIndexInformer<Pod> p = null;
        try {
            rs = client.apps().replicaSets().inNamespace(namespace).inform(new Wakeup<>(), 0);
            p = client.pods().inNamespace(namespace).inform(new Wakeup<>(), 0);
        } catch (KubernetesClientException e) {
            events.accept("cannot watch the pods of namespace " + namespace + " (" + e.getCode() + "): crash loops "
                    + "and image pull errors are found only by the progress deadline and the gates");
            if (rs != null) {
                rs.close();
                rs = null;
            }
        }
        this.replicaSets = rs;
        this.pods = p;
    }

    /** Blocks until Deployment {@code name} has rolled out; judges nothing but the Deployment's status. */
    public Deployment awaitRollout(String name, long minGeneration, Duration timeout, ReadyListener listener)
            throws InterruptedException {
        return awaitRollout(name, minGeneration, timeout, PodFailureDetector.NONE, listener);
    }

    /**
     * Blocks until Deployment {@code name} has rolled out.
     *
     * @param minGeneration the generation the engine's own write produced; older cached states (the informer may
     *     not have seen the write yet) never count as complete
     * @param podFailures judges the pods of the new ReplicaSet on every event
     * @param listener hears the ready pods of the new ReplicaSet (old pods never count) against the desired replicas
     * @throws RolloutFailedException when a pod of the new ReplicaSet fails, the Deployment reports
     *     ProgressDeadlineExceeded or {@code timeout} passes
     * @throws InterruptedException when the deployment is aborted
     */
    public Deployment awaitRollout(
            String name, long minGeneration, Duration timeout, PodFailureDetector podFailures, ReadyListener listener)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int lastReady = -1;
        int lastDesired = -1;
        lock.lockInterruptibly();
        try {
            while (true) {
                Deployment d = deployments.getStore().getByKey(namespace + "/" + name);
                if (d != null && generation(d) >= minGeneration) {
                    RolloutStatus status = RolloutStatus.of(d);
                    Optional<List<Pod>> newPods = podsOfNewReplicaSet(d);
                    // Pods of a Deployment that is scaling down stay ready until they are gone: never "4/3".
                    int ready = Math.min(
                            status.desired(),
                            newPods.map(RolloutWatcher::readyCount).orElse(status.ready()));
                    if (ready != lastReady || status.desired() != lastDesired) {
                        lastReady = ready;
                        lastDesired = status.desired();
                        listener.podsReady(name, lastReady, lastDesired);
                    }
                    Optional<String> podFailure =
                            newPods.flatMap(podFailures::failureOf).map(f -> "Deployment " + name + ": " + f);
                    if (podFailure.isPresent()) {
                        throw new RolloutFailedException(podFailure.get());
                    }
                    if (status.failed()) {
                        throw new RolloutFailedException(status.failureReason());
                    }
                    if (status.complete()) {
                        return d;
                    }
                }
                long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMillis <= 0) {
                    throw new RolloutFailedException("Deployment " + name + " did not finish rolling out within "
                            + timeout.toSeconds() + " s (" + Math.max(lastReady, 0) + "/" + Math.max(lastDesired, 0)
                            + " new pods ready); check the pods' events, or raise the progress deadline");
                }
                changed.await(waitMillis, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The cached pods of the Deployment's current ReplicaSet: the one it owns whose revision is the Deployment's
     * (the controller writes both before it reports the generation observed). Empty when pods are not watched or
     * the ReplicaSet is not cached yet.
     */
    private Optional<List<Pod>> podsOfNewReplicaSet(Deployment d) {
        if (replicaSets == null || pods == null) {
            return Optional.empty();
        }
        String revision = annotation(d, "deployment.kubernetes.io/revision");
        String uid = d.getMetadata().getUid();
        if (revision == null || uid == null) {
            return Optional.empty();
        }
        Optional<ReplicaSet> current = replicaSets.getStore().list().stream()
                .filter(rs -> ownedBy(rs, uid))
                .filter(rs -> revision.equals(annotation(rs, "deployment.kubernetes.io/revision")))
                .findFirst();
        return current.map(rs -> pods.getStore().list().stream()
                .filter(p -> ownedBy(p, rs.getMetadata().getUid()))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .toList());
    }

    private static int readyCount(List<Pod> pods) {
        return (int) pods.stream().filter(RolloutWatcher::isReady).count();
    }

    /** The pod's Ready condition is True. */
    public static boolean isReady(Pod p) {
        return p.getStatus() != null
                && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static boolean ownedBy(HasMetadata o, String uid) {
        return uid != null
                && o.getMetadata().getOwnerReferences() != null
                && o.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
    }

    private static String annotation(HasMetadata o, String key) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        return a == null ? null : a.get(key);
    }

    private static long generation(Deployment d) {
        Long g = d.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }

    /** The cached Deployment, or null. */
    public Deployment cached(String name) {
        return deployments.getStore().getByKey(namespace + "/" + name);
    }

    @Override
    public void close() {
        deployments.close();
        if (replicaSets != null) {
            replicaSets.close();
        }
        if (pods != null) {
            pods.close();
        }
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Wakeup<T> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            wake();
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            wake();
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            wake();
        }
    }
}
