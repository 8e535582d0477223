package io.jenkins.plugins.devops.core.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real Prometheus (the Debian package), evaluating constant PromQL expressions. */
class PrometheusAvailabilityTest {
    @TempDir
    static Path dir;

    private static Process prometheus;
    private static URI url;

    @BeforeAll
    static void startPrometheus() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        prometheus = new ProcessBuilder(
                        "/usr/bin/prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        url = URI.create("http://127.0.0.1:" + port);
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> client.send(
                                        HttpRequest.newBuilder(url.resolve("/-/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");

    @Test
    void theQueryResultIsTheAvailability() {
        var source = new PrometheusAvailability(url, "vector(0.9995)", Duration.ofSeconds(10));
        assertThat(source.availability("checkout", "production", FROM, TO)).hasValue(0.9995);
        assertThat(source.lastProblem()).isEmpty();
    }

    @Test
    void placeholdersAreFilledIn() {
        // a $window left in the query would not parse; the label carries $service and $environment
        var source = new PrometheusAvailability(
                url,
                "label_replace(avg_over_time(vector(0.998)[$window:1d]), \"svc\", \"$service-$environment\","
                        + " \"\", \"\")",
                Duration.ofSeconds(10));
        assertThat(source.availability("checkout", "production", FROM, TO)).hasValue(0.998);
    }

    @Test
    void aBadQueryFallsBackToTheLedgerAndSaysWhy() {
        var source = new PrometheusAvailability(url, "sum(", Duration.ofSeconds(10));
        assertThat(source.availability("checkout", "production", FROM, TO)).isEmpty();
        assertThat(source.lastProblem()).startsWith("Prometheus answered HTTP 400");
        var outOfRange = new PrometheusAvailability(url, "vector(42)", Duration.ofSeconds(10));
        assertThat(outOfRange.availability("checkout", "production", FROM, TO)).isEmpty();
        assertThat(outOfRange.lastProblem()).contains("not a value between 0 and 1");
    }

    @Test
    void anUnreachablePrometheusFallsBackToTheLedger() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var source =
                new PrometheusAvailability(URI.create("http://127.0.0.1:" + port), "vector(1)", Duration.ofSeconds(2));
        DoraSummary summary = new DoraCalculator(DoraCalculatorTest.WEEK, source)
                .calculate(DoraCalculatorTest.index(DoraCalculatorTest.workedExample()), DoraCalculatorTest.TO);
        assertThat(summary.services().get(0).figures().availabilitySource()).isEqualTo("failed-state time");
        assertThat(source.lastProblem()).contains("could not be asked");
    }

    @Test
    void aUrlThatIsNotHttpIsRejected() {
        assertThatThrownBy(() -> new PrometheusAvailability(URI.create("prometheus:9090"), "up", Duration.ofSeconds(1)))
                .hasMessageContaining("is not an http(s) URL");
    }
}
