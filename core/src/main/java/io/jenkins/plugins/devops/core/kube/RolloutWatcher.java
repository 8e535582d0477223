package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows the Deployments of one namespace with a single informer (one list, then one watch, re-established by the
 * client when the server drops it) and lets the engine wait until a rollout is complete. Waiting costs no API
 * requests: every watch event wakes the waiters, who judge the cached object with {@link RolloutStatus}.
 */
public final class RolloutWatcher implements AutoCloseable {
    private final SharedIndexInformer<Deployment> informer;
    private final String namespace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /** Pods-ready callback: deployment name, ready, desired. */
    @FunctionalInterface
    public interface ReadyListener {
        void podsReady(String deployment, int ready, int desired);
    }

    public RolloutWatcher(KubernetesClient client, String namespace) {
        this.namespace = namespace;
        this.informer = client.apps().deployments().inNamespace(namespace).inform(new Wakeup(), 0);
    }

    /**
     * Blocks until Deployment {@code name} has rolled out.
     *
     * @param minGeneration the generation the engine's own write produced; older cached states (the informer may
     *     not have seen the write yet) never count as complete
     * @throws RolloutFailedException when the Deployment reports ProgressDeadlineExceeded or {@code timeout} passes
     * @throws InterruptedException when the deployment is aborted
     */
    public Deployment awaitRollout(String name, long minGeneration, Duration timeout, ReadyListener listener)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int lastReady = -1;
        int lastDesired = -1;
        lock.lockInterruptibly();
        try {
            while (true) {
                Deployment d = informer.getStore().getByKey(namespace + "/" + name);
                if (d != null && generation(d) >= minGeneration) {
                    RolloutStatus status = RolloutStatus.of(d);
                    if (status.ready() != lastReady || status.desired() != lastDesired) {
                        lastReady = status.ready();
                        lastDesired = status.desired();
                        listener.podsReady(name, lastReady, lastDesired);
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
                            + " pods ready); check the pods' events, or raise the progress deadline");
                }
                changed.await(waitMillis, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private static long generation(Deployment d) {
        Long g = d.getMetadata().getGeneration();
        return g == null ? 0 : g;
    }

    /** The cached Deployment, or null. */
    public Deployment cached(String name) {
        return informer.getStore().getByKey(namespace + "/" + name);
    }

    @Override
    public void close() {
        informer.close();
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private final class Wakeup implements ResourceEventHandler<Deployment> {
        @Override
        public void onAdd(Deployment obj) {
            wake();
        }

        @Override
        public void onUpdate(Deployment oldObj, Deployment newObj) {
            wake();
        }

        @Override
        public void onDelete(Deployment obj, boolean deletedFinalStateUnknown) {
            wake();
        }
    }
}
