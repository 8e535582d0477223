package io.jenkins.plugins.devops.core.analysis.testing;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A small HTTP exporter whose request counters the test controls: for each service and track it simulates a
 * request rate, an error ratio and a latency. Counters advance by elapsed time at every scrape, so rates seen by
 * Prometheus follow what the test set, with no background thread.
 *
 * <p>Series: {@code http_requests_total{service,namespace,track,pod,status}} and
 * {@code http_request_duration_seconds_bucket{service,namespace,track,pod,le}}, where {@code pod} is named as the
 * deployment engine's pods are: {@code <service>-canary-<hash>-<suffix>} for the canary,
 * {@code <service>-<hash>-<suffix>} for stable.
 */
public final class TrafficExporter implements AutoCloseable {
    private final CollectorRegistry registry = new CollectorRegistry();
    private final Counter requests = Counter.build("http_requests_total", "Requests served")
            .labelNames("service", "namespace", "track", "pod", "status")
            .register(registry);
    private final Histogram duration = Histogram.build("http_request_duration_seconds", "Request duration")
            .labelNames("service", "namespace", "track", "pod")
            .buckets(0.05, 0.1, 0.25, 0.5, 1, 2.5)
            .register(registry);
    private final Map<String, Flow> flows = new HashMap<>();
    private final HttpServer server;

    private static final class Flow {
        final String[] labels;
        double requestsPerSecond;
        double errorRatio;
        double latencySeconds;
        long last = System.nanoTime();
        double total;
        long emitted;
        long emittedErrors;

        Flow(String[] labels) {
            this.labels = labels;
        }
    }

    public TrafficExporter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = scrape();
            exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE_004);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The scrape target, e.g. {@code 127.0.0.1:40123}. */
    public String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the simulated traffic of one service and track from now on. */
    public synchronized void set(
            String service,
            String namespace,
            String track,
            double requestsPerSecond,
            double errorRatio,
            double latencySeconds) {
        Flow flow = flows.computeIfAbsent(service + "/" + namespace + "/" + track, k -> {
            String pod = track.equals("canary") ? service + "-canary-7d9f8b6c4-x2x9k" : service + "-5c8d7f9b7-abcde";
            Flow created = new Flow(new String[] {service, namespace, track, pod});
            requests.labels(service, namespace, track, pod, "200").inc(0);
            requests.labels(service, namespace, track, pod, "500").inc(0);
            return created;
        });
        advance(flow);
        flow.requestsPerSecond = requestsPerSecond;
        flow.errorRatio = errorRatio;
        flow.latencySeconds = latencySeconds;
        // Restart the error accounting so the new ratio applies to new requests only.
        flow.total = 0;
        flow.emitted = 0;
        flow.emittedErrors = 0;
    }

    private synchronized byte[] scrape() throws IOException {
        flows.values().forEach(this::advance);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            TextFormat.write004(writer, registry.metricFamilySamples());
        }
        return out.toByteArray();
    }

    private void advance(Flow flow) {
        long now = System.nanoTime();
        flow.total += (now - flow.last) / 1e9 * flow.requestsPerSecond;
        flow.last = now;
        long all = (long) flow.total - flow.emitted;
        long errors = (long) (flow.total * flow.errorRatio) - flow.emittedErrors;
        if (all <= 0) {
            return;
        }
        errors = Math.min(errors, all);
        String[] l = flow.labels;
        requests.labels(l[0], l[1], l[2], l[3], "500").inc(errors);
        requests.labels(l[0], l[1], l[2], l[3], "200").inc(all - errors);
        Histogram.Child child = duration.labels(l[0], l[1], l[2], l[3]);
        for (long i = 0; i < Math.min(all, 2_000); i++) {
            child.observe(flow.latencySeconds);
        }
        flow.emitted += all;
        flow.emittedErrors += errors;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
