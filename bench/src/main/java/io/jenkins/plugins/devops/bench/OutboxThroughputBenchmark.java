package io.jenkins.plugins.devops.bench;

import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.events.DeploymentEvents;
import io.jenkins.plugins.devops.core.events.EventPublisher;
import io.jenkins.plugins.devops.core.events.RetryPolicy;
import io.jenkins.plugins.devops.core.events.SinkConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through the durable outbox to a local HTTP sink (com.sun.net.httpserver on 127.0.0.1) that
 * acknowledged them, in CloudEvents binary mode with an HMAC signature. Each invocation moves 2,000 events and
 * waits until the sink has received all of them.
 *
 * <ul>
 *   <li>{@code publishEachDeployment}: 1,000 separate {@code publish} calls, each forcing its 2 events to disk
 *       (one fsync per deployment, as in production), then delivery;
 *   <li>{@code deliverBacklog}: 2,000 events stored with one fsync, then delivered: the rate at which the outbox
 *       drains a backlog (after a sink outage).
 * </ul>
 *
 * <pre>java -jar bench/target/benchmarks.jar OutboxThroughputBenchmark -f 1 -wi 2 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class OutboxThroughputBenchmark {
    private static final int DEPLOYMENTS = 1000;
    private static final int EVENTS = 2 * DEPLOYMENTS;

    @Param({"1", "4"})
    public int parallelism;

    private HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private Path dir;
    private EventPublisher publisher;
    private int round;
    private final List<CloudEvent> backlog = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        dir = Files.createTempDirectory("outbox-bench");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        publisher = EventPublisher.builder(dir, URI.create("/bench"))
                .http(SinkConfig.http("bench", url).withHmacSecret("bench-secret"))
                .retry(RetryPolicy.defaults())
                .parallelism(parallelism)
                .build();
        DeploymentEvents events = new DeploymentEvents(URI.create("/bench"));
        Instant now = Instant.now();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            backlog.addAll(events.of(record("backlog-" + i, i, now)));
        }
    }

    private static DeploymentRecord record(String id, int i, Instant now) {
        return new DeploymentRecord(
                id,
                DeploymentKind.DEPLOY,
                "svc" + (i % 50),
                "production",
                "shop",
                "canary",
                Outcome.SUCCEEDED,
                "1." + i,
                "1." + (i - 1),
                "registry.example.com/shop/svc:1." + i,
                now.minusSeconds(60),
                now,
                List.of(new Commit("9fceb02d0ae598e95dc970b74767f19372d61af8", now.minusSeconds(600))),
                "bench",
                "",
                List.of(),
                List.of(),
                List.of());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int deliverBacklog() throws Exception {
        int target = received.get() + EVENTS;
        publisher.outboxes().get(0).enqueue(backlog);
        while (received.get() < target) {
            Thread.onSpinWait();
        }
        return received.get();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int publishEachDeployment() throws Exception {
        int target = received.get() + EVENTS;
        round++;
        Instant now = Instant.now();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            publisher.publish(record("bench-" + round + "-" + i, i, now));
        }
        while (received.get() < target) {
            Thread.onSpinWait();
        }
        return received.get();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        publisher.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
