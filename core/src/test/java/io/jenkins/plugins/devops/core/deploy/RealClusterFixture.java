package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.devops.core.kube.testing.RealCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Base of the real-cluster suite: a client for the control plane of {@code ../shared/k8s}, a namespace of the
 * test's own (deleted afterwards), manifests with the fake kubelet's pod annotations, and a pod watch that samples
 * how many pods are ready.
 */
abstract class RealClusterFixture {
    /** Fake kubelet: the pod never becomes Ready (readiness probe failing). */
    static final String NEVER_READY = "sim.devops.io/never-ready";
    /** Fake kubelet: the container crash-loops (CrashLoopBackOff, restarts counting up). */
    static final String CRASHLOOP = "sim.devops.io/crashloop";
    /** Fake kubelet: the pod becomes Ready this many seconds after it started. */
    static final String READY_AFTER = "sim.devops.io/ready-after-seconds";

    KubernetesClient client;
    String ns;
    DeploymentEngine engine;

    @BeforeEach
    void connect(TestInfo test) {
        client = RealCluster.connect();
        String purpose = test.getTestMethod()
                .map(m -> m.getName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT))
                .orElse("test");
        ns = RealCluster.createNamespace(client, purpose.substring(0, Math.min(30, purpose.length())));
        engine = new DeploymentEngine(client, EngineOptions.defaults());
    }

    @AfterEach
    void cleanUp() {
        RealCluster.deleteNamespace(client, ns);
        if (client != null) {
            client.close();
        }
    }

    /** ConfigMap, Service and Deployment {@code shop} with pod annotations for the fake kubelet. */
    static String manifests(String image, int replicas, Map<String, String> podAnnotations) {
        StringBuilder annotations = new StringBuilder();
        podAnnotations.forEach((k, v) -> annotations
                .append("\n        ")
                .append(k)
                .append(": \"")
                .append(v)
                .append('"'));
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: shop-config
                data:
                  greeting: hello
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: shop
                spec:
                  selector:
                    app: shop
                  ports:
                    - port: 80
                      targetPort: 8080
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop
                  labels:
                    app: shop
                spec:
                  replicas: %2$d
                  selector:
                    matchLabels:
                      app: shop
                  template:
                    metadata:
                      labels:
                        app: shop
                      annotations:
                        sim.devops.io/test: "true"%3$s
                    spec:
                      containers:
                        - name: shop
                          image: %1$s
                          ports:
                            - containerPort: 8080
                """
                .formatted(image, replicas, annotations);
    }

    DeploymentRequest.Builder request(String image, int replicas, StrategySettings strategy) {
        return request(image, replicas, strategy, Map.of());
    }

    DeploymentRequest.Builder request(
            String image, int replicas, StrategySettings strategy, Map<String, String> podAnnotations) {
        return DeploymentRequest.builder()
                .service("shop")
                .environment("test")
                .namespace(ns)
                .manifests(manifests(image, replicas, podAnnotations))
                .strategy(strategy)
                .progressDeadline(Duration.ofSeconds(60))
                .triggeredBy("real-cluster-suite");
    }

    DeploymentRecord deploy(DeploymentRequest request) {
        return engine.deploy(request, List.of(), null);
    }

    Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    String image(String name) {
        return deployment(name)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    /**
     * Deployments, Services and ConfigMaps of the namespace as a user compares them: spec/data, labels and
     * annotations, without what the cluster itself changes (status, revision, resourceVersion, generation, uid).
     */
    Map<String, Object> objects() {
        Map<String, Object> out = new TreeMap<>();
        var ser = client.getKubernetesSerialization();
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.apps().deployments().inNamespace(ns).list().getItems());
        all.addAll(client.services().inNamespace(ns).list().getItems());
        all.addAll(client.configMaps().inNamespace(ns).list().getItems().stream()
                .filter(c -> !c.getMetadata().getName().equals("kube-root-ca.crt"))
                .toList());
        for (HasMetadata o : all) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = new TreeMap<>(ser.convertValue(o, Map.class));
            tree.remove("status");
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = new TreeMap<>((Map<String, Object>) tree.get("metadata"));
            for (String k : List.of("resourceVersion", "generation", "uid", "creationTimestamp", "managedFields")) {
                meta.remove(k);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = meta.get("annotations") == null
                    ? new TreeMap<>()
                    : new TreeMap<>((Map<String, Object>) meta.get("annotations"));
            annotations.remove("deployment.kubernetes.io/revision");
            meta.put("annotations", annotations);
            tree.put("metadata", meta);
            out.put(o.getKind() + "/" + o.getMetadata().getName(), ser.asJson(tree));
        }
        return out;
    }

    /**
     * Counts the ready pods of the service (stable, canary, blue and green alike: every pod its Service could send
     * traffic to) on every pod event, and keeps the lowest count seen since {@link #reset}. A pod being deleted no
     * longer counts: the endpoints controller drops it from the Service at once.
     */
    final class ReadyPods implements AutoCloseable {
        private final SharedIndexInformer<Pod> informer;
        private final AtomicInteger min = new AtomicInteger(Integer.MAX_VALUE);
        private final List<Integer> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean sampling;

        ReadyPods() {
            informer = client.pods().inNamespace(ns).withLabel("app", "shop").inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod pod) {
                    sample();
                }

                @Override
                public void onUpdate(Pod oldPod, Pod newPod) {
                    sample();
                }

                @Override
                public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                    sample();
                }
            });
        }

        int readyNow() {
            return (int) informer.getStore().list().stream()
                    .filter(RealClusterFixture::serving)
                    .count();
        }

        private void sample() {
            if (sampling) {
                int ready = readyNow();
                samples.add(ready);
                min.accumulateAndGet(ready, Math::min);
            }
        }

        /** Starts sampling from now, with the current count as the first sample. */
        void reset() {
            min.set(Integer.MAX_VALUE);
            samples.clear();
            sampling = true;
            sample();
        }

        int min() {
            return min.get();
        }

        List<Integer> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        @Override
        public void close() {
            informer.close();
        }
    }

    static boolean serving(Pod p) {
        return p.getMetadata().getDeletionTimestamp() == null
                && p.getStatus() != null
                && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
