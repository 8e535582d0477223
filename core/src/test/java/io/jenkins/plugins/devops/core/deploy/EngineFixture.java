package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared helpers of the engine tests. */
final class EngineFixture {
    static final String NS = "shop";

    private EngineFixture() {}

    static DeploymentRequest.Builder request(String image, int replicas, StrategySettings strategy) {
        return DeploymentRequest.builder()
                .service("shop")
                .environment("prod")
                .namespace(NS)
                .manifests(TestManifests.app("shop", "registry/shop:1.0.0", replicas, "hello"))
                .image(image)
                .strategy(strategy)
                .progressDeadline(Duration.ofSeconds(30))
                .triggeredBy("alice");
    }

    static Deployment deployment(MockCluster cluster, String name) {
        return cluster.admin()
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    static String image(MockCluster cluster, String name) {
        return deployment(cluster, name)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    /**
     * What a user would call "the objects as they are": for every Deployment, Service, ConfigMap of the namespace,
     * its spec/data, labels and annotations, minus what the cluster itself changes (revision annotation, status,
     * resourceVersion, generation).
     */
    static Map<String, Object> objects(MockCluster cluster) {
        Map<String, Object> out = new TreeMap<>();
        var ser = cluster.admin().getKubernetesSerialization();
        for (HasMetadata o : concat(
                cluster.admin().apps().deployments().inNamespace(NS).list().getItems(),
                cluster.admin().services().inNamespace(NS).list().getItems(),
                cluster.admin().configMaps().inNamespace(NS).list().getItems())) {
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

    private static List<HasMetadata> concat(List<? extends HasMetadata>... lists) {
        List<HasMetadata> all = new java.util.ArrayList<>();
        for (List<? extends HasMetadata> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** Remembers everything the engine reports. */
    static final class Recorder implements ProgressListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Integer> weights = new CopyOnWriteArrayList<>();
        final List<DeploymentState> checkpoints = new CopyOnWriteArrayList<>();
        final List<GateResult> gates = new CopyOnWriteArrayList<>();

        @Override
        public void phaseStarted(String phase, int index, int phaseCount) {
            lines.add("start " + phase);
        }

        @Override
        public void phaseFinished(PhaseRecord phase) {
            lines.add("finish " + phase.name() + " " + phase.result());
        }

        @Override
        public void weightChanged(int weight) {
            weights.add(weight);
        }

        @Override
        public void podsReady(String deployment, int ready, int desired) {
            lines.add(deployment + " " + ready + "/" + desired + " pods ready");
        }

        @Override
        public void gateEvaluated(GateResult result) {
            gates.add(result);
        }

        @Override
        public void checkpoint(DeploymentState state) {
            checkpoints.add(state);
        }

        @Override
        public void message(String text) {
            lines.add(text);
        }
    }
}
