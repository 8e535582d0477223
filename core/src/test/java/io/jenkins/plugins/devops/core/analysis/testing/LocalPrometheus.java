package io.jenkins.plugins.devops.core.analysis.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server (the Debian package's /usr/bin/prometheus) on a free loopback port with its own
 * configuration and storage in a temporary directory, scraping the given targets every 500 ms.
 */
public final class LocalPrometheus implements AutoCloseable {
    private static final Path BINARY = Path.of(System.getProperty("prometheus.binary", "/usr/bin/prometheus"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final int PORT_ATTEMPTS = 5;

    private final Path directory;
    private final int port;
    private Process process;

    private LocalPrometheus(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts Prometheus scraping {@code targets} ("127.0.0.1:1234") and waits until it is ready. */
    public static LocalPrometheus start(List<String> targets) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: these tests need a real Prometheus; install the"
                    + " Debian package 'prometheus' (bash .ci/run does it)");
        }
        Path directory = Files.createTempDirectory("devops-prometheus-");
        String config =
                """
                global:
                  scrape_interval: 500ms
                  scrape_timeout: 400ms
                  evaluation_interval: 500ms
                scrape_configs:
                  - job_name: exporter
                    static_configs:
                      - targets: [%s]
                """
                        .formatted(String.join(
                                ", ", targets.stream().map(t -> "'" + t + "'").toList()));
        Files.writeString(directory.resolve("prometheus.yml"), config);
        // The port is free when chosen but Prometheus binds it a moment later; should another process take it
        // in between, Prometheus exits with "address already in use" and a new port is tried.
        for (int attempt = 1; ; attempt++) {
            LocalPrometheus prometheus = new LocalPrometheus(directory, freePort());
            try {
                prometheus.startProcess();
                return prometheus;
            } catch (PortTaken e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Prometheus could not listen on its port because another process took it first. */
    private static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server (SIGTERM) and waits for it; its data stays for {@link #restart()}. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts the server again on the same port with the same data. */
    public void restart() throws IOException {
        startProcess();
    }

    /** Whether the server has at least {@code samples} samples of {@code query} over the last {@code seconds}. */
    public boolean hasSamples(String query, int seconds, int samples) {
        double end = System.currentTimeMillis() / 1000.0;
        String params = "query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start="
                + (end - seconds) + "&end=" + end + "&step=1";
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/api/v1/query_range?" + params))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode series = JSON.readTree(response.body()).path("data").path("result");
            return !series.isEmpty() && series.get(0).path("values").size() >= samples;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void startProcess() throws IOException {
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + directory.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + directory.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("prometheus.log").toFile()))
                .start();
        await("Prometheus on port " + port + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(this::ready);
    }

    private boolean ready() {
        if (!process.isAlive()) {
            String log = log();
            String message = "Prometheus exited with " + process.exitValue() + ": " + log;
            throw log.contains("address already in use") ? new PortTaken(message) : new IllegalStateException(message);
        }
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
