package io.jenkins.plugins.devops.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.devops.core.deploy.DeploymentEngine;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.EngineOptions;
import io.jenkins.plugins.devops.core.deploy.ProgressListener;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import io.jenkins.plugins.devops.core.kube.testing.RealCluster;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the deployment engine on the real control plane of {@code ../shared/k8s} (kube-apiserver,
 * kube-controller-manager and kube-scheduler v1.20.2, fake kubelet), canary 1.0.0 → 1.1.0 with steps
 * {@value #STEPS_TEXT}:
 *
 * <ul>
 *   <li>API requests of the engine's client per phase, from the start of a phase to the start of the next
 *       (counted by an interceptor on that client: every request, a watch once when opened);
 *   <li>per phase, how long after a separate watch saw the last awaited Deployment's status report its rollout
 *       complete the engine noticed it (its pods-ready callback with ready = desired);
 *   <li>the fewest ready pods of the service (stable and canary, not being deleted) during each phase, sampled on
 *       every pod event, for 3, 4 and 10 replicas whose new pods become Ready only 3 s after they start;
 *   <li>the time from the first canary pod reported in CrashLoopBackOff to the engine rolling back.
 * </ul>
 *
 * Run with {@code bench/scripts/real-cluster.sh} once the control plane runs ({@code bash ../shared/k8s/start.sh}).
 */
public final class RealClusterMeasurement {
    private static final String STEPS_TEXT = "25, 50, 100";
    private static final List<Integer> STEPS = List.of(25, 50, 100);

    private RealClusterMeasurement() {}

    public static void main(String[] args) throws Exception {
        String kubeconfig = Files.readString(RealCluster.lab().resolve("kubeconfig"));
        List<Integer> replicaCounts = args.length > 0
                ? List.of(args[0].split(",")).stream().map(Integer::parseInt).toList()
                : List.of(3, 4, 10);
        System.out.printf(Locale.ROOT, "canary steps [%s], new pods Ready 3 s after start%n", STEPS_TEXT);
        for (int replicas : replicaCounts) {
            canary(kubeconfig, replicas);
        }
        crashLoop(kubeconfig);
    }

    /** The engine's client, counting its requests. */
    private static KubernetesClient countingClient(String kubeconfig, List<String> requests) {
        Config config = KubernetesClients.withRetryPolicy(Config.fromKubeconfig(null, kubeconfig, null));
        Interceptor counter = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                requests.add(request.method() + " " + request.uri().getPath()
                        + (request.uri().getQuery() == null
                                ? ""
                                : "?" + request.uri().getQuery()));
            }
        };
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count", counter))
                .build();
    }

    private static DeploymentRequest request(String ns, int replicas, String version, Map<String, String> pods) {
        StringBuilder annotations = new StringBuilder();
        pods.forEach((k, v) -> annotations
                .append("\n        ")
                .append(k)
                .append(": \"")
                .append(v)
                .append('"'));
        String yaml =
                """
                apiVersion: v1
                kind: Service
                metadata:
                  name: shop
                spec:
                  selector:
                    app: shop
                  ports:
                    - port: 80
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop
                spec:
                  replicas: %d
                  selector:
                    matchLabels:
                      app: shop
                  template:
                    metadata:
                      labels:
                        app: shop
                      annotations:
                        bench: "true"%s
                    spec:
                      containers:
                        - name: shop
                          image: registry/shop:1.0.0
                """
                        .formatted(replicas, annotations);
        return DeploymentRequest.builder()
                .service("shop")
                .environment("bench")
                .namespace(ns)
                .manifests(yaml)
                .image("registry/shop:" + version)
                .strategy(StrategySettings.canary(STEPS))
                .progressDeadline(Duration.ofSeconds(60))
                .triggeredBy("bench")
                .build();
    }

    private static void canary(String kubeconfig, int replicas) throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (KubernetesClient admin = RealCluster.connect();
                KubernetesClient engineClient = countingClient(kubeconfig, requests)) {
            String ns = RealCluster.createNamespace(admin, "bench-" + replicas);
            try {
                DeploymentEngine engine = new DeploymentEngine(engineClient, EngineOptions.defaults());
                engine.deploy(request(ns, replicas, "1.0.0", Map.of()), List.of(), null);
                Map<String, Long> completeSeen = new ConcurrentHashMap<>();
                SharedIndexInformer<Deployment> deployments = admin.apps()
                        .deployments()
                        .inNamespace(ns)
                        .inform(new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(Deployment d) {
                                onUpdate(null, d);
                            }

                            @Override
                            public void onUpdate(Deployment old, Deployment d) {
                                if (complete(d)) {
                                    completeSeen.putIfAbsent(key(d), System.nanoTime());
                                } else {
                                    completeSeen.remove(key(d));
                                }
                            }

                            @Override
                            public void onDelete(Deployment d, boolean unknown) {}
                        });
                ReadyPods ready = new ReadyPods(admin, ns);
                Map<String, Integer> minReady = new LinkedHashMap<>();
                Map<String, Integer> requestsAtStart = new LinkedHashMap<>();
                Map<String, Long> noticedMs = new LinkedHashMap<>();
                String[] phase = {""};
                Map<String, Long> noticed = new ConcurrentHashMap<>();
                ProgressListener listener = new ProgressListener() {
                    @Override
                    public void phaseStarted(String name, int index, int count) {
                        phase[0] = name;
                        requestsAtStart.put(name, requests.size());
                        noticed.clear();
                        ready.reset();
                    }

                    @Override
                    public void phaseFinished(io.jenkins.plugins.devops.core.deploy.PhaseRecord record) {
                        minReady.put(record.name(), ready.min());
                        // The Deployment that became ready last held the phase up: how long after the controller
                        // reported it (seen by a separate watch) did the engine notice? Two watches race, so a
                        // value at or below 0 means "at once".
                        noticed.entrySet().stream()
                                .filter(e -> completeSeen.containsKey(ns + "/" + e.getKey()))
                                .max(java.util.Comparator.comparingLong(e -> completeSeen.get(ns + "/" + e.getKey())))
                                .ifPresent(e -> noticedMs.put(
                                        record.name(),
                                        (e.getValue() - completeSeen.get(ns + "/" + e.getKey())) / 1_000_000));
                    }

                    @Override
                    public void podsReady(String deployment, int readyPods, int desired) {
                        if (readyPods == desired) {
                            noticed.putIfAbsent(deployment, System.nanoTime());
                        }
                    }
                };
                int before = requests.size();
                DeploymentRecord record = engine.deploy(
                        request(ns, replicas, "1.1.0", Map.of("sim.devops.io/ready-after-seconds", "3")),
                        List.of(),
                        listener);
                int after = requests.size();
                Map<String, Integer> requestsPerPhase = new LinkedHashMap<>();
                List<String> names = new ArrayList<>(requestsAtStart.keySet());
                for (int i = 0; i < names.size(); i++) {
                    int end = i + 1 < names.size() ? requestsAtStart.get(names.get(i + 1)) : after;
                    requestsPerPhase.put(names.get(i), end - requestsAtStart.get(names.get(i)));
                    if (System.getenv("BENCH_VERBOSE") != null) {
                        System.out.println(
                                names.get(i) + ": " + requests.subList(requestsAtStart.get(names.get(i)), end));
                    }
                }
                ready.close();
                deployments.close();
                System.out.printf(
                        Locale.ROOT,
                        "%n%d replicas: %s in %.1f s, %d API requests in all%n",
                        replicas,
                        record.outcome(),
                        record.duration().toMillis() / 1000.0,
                        requests.size() - before);
                System.out.printf(
                        Locale.ROOT,
                        "  %d requests before the first phase (discovery, reads, dry runs, lease, snapshot)%n",
                        names.isEmpty() ? 0 : requestsAtStart.get(names.get(0)) - before);
                System.out.println("  phase                  requests  min ready (desired " + replicas
                        + ")  ready reported -> noticed (ms)");
                minReady.forEach((name, min) -> System.out.printf(
                        Locale.ROOT,
                        "  %-22s %9d  %19d  %s%n",
                        name,
                        requestsPerPhase.get(name),
                        min,
                        noticedMs.containsKey(name) ? noticedMs.get(name).toString() : "-"));
            } finally {
                RealCluster.deleteNamespace(admin, ns);
            }
        }
    }

    private static void crashLoop(String kubeconfig) throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (KubernetesClient admin = RealCluster.connect();
                KubernetesClient engineClient = countingClient(kubeconfig, requests)) {
            String ns = RealCluster.createNamespace(admin, "bench-crash");
            try {
                DeploymentEngine engine = new DeploymentEngine(engineClient, EngineOptions.defaults());
                engine.deploy(request(ns, 4, "1.0.0", Map.of()), List.of(), null);
                long[] firstCrash = {0};
                SharedIndexInformer<Pod> pods = admin.pods().inNamespace(ns).inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod p) {
                        onUpdate(null, p);
                    }

                    @Override
                    public void onUpdate(Pod old, Pod p) {
                        boolean crashing = p.getStatus() != null
                                && p.getStatus().getContainerStatuses() != null
                                && p.getStatus().getContainerStatuses().stream()
                                        .anyMatch(c -> c.getState() != null
                                                && c.getState().getWaiting() != null
                                                && "CrashLoopBackOff"
                                                        .equals(c.getState()
                                                                .getWaiting()
                                                                .getReason()));
                        if (crashing && firstCrash[0] == 0) {
                            firstCrash[0] = System.nanoTime();
                        }
                    }

                    @Override
                    public void onDelete(Pod p, boolean unknown) {}
                });
                long[] rollingBack = {0};
                ProgressListener listener = new ProgressListener() {
                    @Override
                    public void message(String text) {
                        if (text.startsWith("rolling back") && rollingBack[0] == 0) {
                            rollingBack[0] = System.nanoTime();
                        }
                    }
                };
                DeploymentRecord record = engine.deploy(
                        request(ns, 4, "1.1.0", Map.of("sim.devops.io/crashloop", "true")), List.of(), listener);
                pods.close();
                System.out.printf(
                        Locale.ROOT,
                        "%ncrash loop (progress deadline 60 s): %s; first CrashLoopBackOff -> rolling back: %s%n"
                                + "  reason: %s%n",
                        record.outcome(),
                        firstCrash[0] == 0 || rollingBack[0] == 0
                                ? "n/a"
                                : String.format(Locale.ROOT, "%.1f s", (rollingBack[0] - firstCrash[0]) / 1e9),
                        record.failureReason());
            } finally {
                RealCluster.deleteNamespace(admin, ns);
            }
        }
    }

    /** The controller reports every desired pod ready (what the engine's pods-ready callback reports too). */
    private static boolean complete(Deployment d) {
        var s = d.getStatus();
        int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        return s != null
                && s.getObservedGeneration() != null
                && s.getObservedGeneration() >= d.getMetadata().getGeneration()
                && n(s.getReadyReplicas()) == want;
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }

    private static String key(Deployment d) {
        return d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
    }

    /** The fewest ready pods of the service since the last reset, sampled on every pod event. */
    private static final class ReadyPods implements AutoCloseable {
        private final SharedIndexInformer<Pod> informer;
        private final AtomicInteger min = new AtomicInteger(Integer.MAX_VALUE);

        ReadyPods(KubernetesClient client, String ns) {
            informer = client.pods().inNamespace(ns).withLabel("app", "shop").inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod p) {
                    sample();
                }

                @Override
                public void onUpdate(Pod o, Pod p) {
                    sample();
                }

                @Override
                public void onDelete(Pod p, boolean unknown) {
                    sample();
                }
            });
        }

        private void sample() {
            int ready = (int) informer.getStore().list().stream()
                    .filter(p -> p.getMetadata().getDeletionTimestamp() == null
                            && p.getStatus() != null
                            && p.getStatus().getConditions() != null
                            && p.getStatus().getConditions().stream()
                                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                    .count();
            min.accumulateAndGet(ready, Math::min);
        }

        void reset() {
            min.set(Integer.MAX_VALUE);
            sample();
        }

        int min() {
            return min.get();
        }

        @Override
        public void close() {
            informer.close();
        }
    }
}
