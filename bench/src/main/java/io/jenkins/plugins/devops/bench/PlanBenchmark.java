package io.jenkins.plugins.devops.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import io.jenkins.plugins.devops.core.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of the engine's pure part: validating a request (safe YAML parse of Deployment + Service + ConfigMap,
 * typing, checks) and planning a canary of 3 steps against an in-memory cluster view. The cluster round trips
 * are measured by {@link DeploymentEngineMeasurement}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlanBenchmark {
    private static final String MANIFESTS = TestManifests.app("shop", "registry/shop:1.0.0", 10, "hello");
    private DeploymentRequest request;
    private ClusterView cluster;

    @Setup
    public void setUp() {
        request = build();
        HasMetadata stable = request.objects().workload();
        cluster = new ClusterView() {
            @Override
            public <T extends HasMetadata> T find(Class<T> type, String name) {
                return type.isInstance(stable) && stable.getMetadata().getName().equals(name)
                        ? type.cast(stable)
                        : null;
            }
        };
    }

    private static DeploymentRequest build() {
        return DeploymentRequest.builder()
                .service("shop")
                .environment("prod")
                .namespace("shop")
                .manifests(MANIFESTS)
                .image("registry/shop:1.1.0")
                .strategy(StrategySettings.canary(List.of(10, 50, 100)))
                .build();
    }

    @Benchmark
    public DeploymentRequest validateRequest() {
        return build();
    }

    @Benchmark
    public DeploymentPlan planCanary() {
        return DeploymentStrategy.of(request.strategy()).plan(request, "bench", cluster);
    }
}
