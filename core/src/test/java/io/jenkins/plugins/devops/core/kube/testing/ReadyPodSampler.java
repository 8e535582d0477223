package io.jenkins.plugins.devops.core.kube.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.devops.core.deploy.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, on every pod and Service watch event, the ready pods behind one Service (its live selector, so a
 * blue-green switch is followed), and remembers the minimum per deployment phase. As a {@link ProgressListener} it
 * learns the phase names from the engine (a rollback counts as phase {@code rollback}) and, at every reported traffic
 * weight, the ready pods behind every Service of the namespace — what a capacity test asserts on.
 *
 * <pre>{@code
 * try (ReadyPodSampler sampler = ReadyPodSampler.start(client, "shop", "shop")) {
 *     engine.deploy(request, gates, sampler);
 *     assertThat(sampler.minimum()).isGreaterThanOrEqualTo(4);
 * }
 * }</pre>
 *
 * Works the same against the mock server and a real API server (pods count when their Ready condition is True and
 * they are not being deleted).
 */
public final class ReadyPodSampler implements ProgressListener, AutoCloseable {
    /** The ready pods behind each Service when the engine reported a traffic weight. */
    public record WeightSample(int weight, Map<String, Integer> readyBehind) {}

    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Service> services;
    private final String service;
    private final Map<String, Pod> podState = new java.util.HashMap<>();
    private final Map<String, Service> serviceState = new java.util.HashMap<>();
    private final Map<String, Integer> minimumByPhase = new LinkedHashMap<>();
    private final List<WeightSample> weights = new ArrayList<>();
    private String phase = "before";
    private int minimum = Integer.MAX_VALUE;
    private int samples;
    private boolean armed;

    private ReadyPodSampler(KubernetesClient client, String namespace, String service) {
        this.service = service;
        // The counts come from the events themselves, one at a time, not from the informers' stores (which may
        // already be ahead of the event being handled): a short dip in ready pods is seen, not skipped.
        this.services = client.services().inNamespace(namespace).inform(new Follow<>(serviceState), 0);
        this.pods = client.pods().inNamespace(namespace).inform(new Follow<>(podState), 0);
        armWhenCaughtUp();
    }

    /**
     * The informers hand over their initial lists one event at a time; counting while they do would record the
     * partial sums as dips. Sampling starts once every listed object has arrived.
     */
    private void armWhenCaughtUp() {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            synchronized (this) {
                if (podState.size() >= pods.getStore().list().size()
                        && serviceState.size() >= services.getStore().list().size()) {
                    armed = true;
                    sample();
                    return;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
        }
        throw new IllegalStateException("the pod and Service watches did not deliver their initial lists in 10 s");
    }

    /** Keeps one kind's objects as the events describe them and samples after each event. */
    private final class Follow<T extends io.fabric8.kubernetes.api.model.HasMetadata>
            implements ResourceEventHandler<T> {
        private final Map<String, T> state;

        Follow(Map<String, T> state) {
            this.state = state;
        }

        @Override
        public void onAdd(T obj) {
            changed(obj.getMetadata().getName(), obj);
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            changed(newObj.getMetadata().getName(), newObj);
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            changed(obj.getMetadata().getName(), null);
        }

        private void changed(String name, T now) {
            synchronized (ReadyPodSampler.this) {
                if (now == null) {
                    state.remove(name);
                } else {
                    state.put(name, now);
                }
                sample();
            }
        }
    }

    /** Starts watching; the first sample is the state right now. */
    public static ReadyPodSampler start(KubernetesClient client, String namespace, String service) {
        return new ReadyPodSampler(client, namespace, service);
    }

    /** The fewest ready pods behind the Service seen so far. */
    public synchronized int minimum() {
        return minimum;
    }

    /** The fewest ready pods per phase, in phase order ({@code before} is the time before the first phase). */
    public synchronized Map<String, Integer> minimumByPhase() {
        return new LinkedHashMap<>(minimumByPhase);
    }

    /** How many watch events were judged. */
    public synchronized int samples() {
        return samples;
    }

    public synchronized List<WeightSample> weights() {
        return List.copyOf(weights);
    }

    /** Ready pods behind Service {@code name} now (from the watch cache). */
    public synchronized int readyBehind(String name) {
        Service s = serviceState.get(name);
        if (s == null || s.getSpec() == null || s.getSpec().getSelector() == null) {
            return 0;
        }
        Map<String, String> selector = s.getSpec().getSelector();
        return (int) podState.values().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getMetadata().getLabels() != null
                        && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .filter(ReadyPodSampler::isReady)
                .count();
    }

    private synchronized void sample() {
        if (!armed) {
            return;
        }
        int ready = readyBehind(service);
        samples++;
        minimum = Math.min(minimum, ready);
        minimumByPhase.merge(phase, ready, Math::min);
    }

    @Override
    public synchronized void phaseStarted(String name, int index, int phaseCount) {
        phase = name;
        sample();
    }

    @Override
    public synchronized void weightChanged(int weight) {
        Map<String, Integer> behind = new TreeMap<>();
        for (String name : serviceState.keySet()) {
            behind.put(name, readyBehind(name));
        }
        weights.add(new WeightSample(weight, behind));
    }

    @Override
    public synchronized void message(String text) {
        if (text.startsWith("rolling back")) {
            phase = "rollback";
            sample();
        }
    }

    private static boolean isReady(Pod p) {
        return p.getStatus() != null
                && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void close() {
        pods.close();
        services.close();
    }
}
