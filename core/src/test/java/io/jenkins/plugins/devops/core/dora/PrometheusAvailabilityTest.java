package io.jenkins.plugins.devops.core.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.analysis.testing.LocalPrometheus;
import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real Prometheus (the Debian package), evaluating constant PromQL expressions. */
class PrometheusAvailabilityTest {
    private static LocalPrometheus prometheus;
    private static URI url;

    @BeforeAll
    static void startPrometheus() throws Exception {
        // No scrape targets: the queries are constant expressions.
        prometheus = LocalPrometheus.start(List.of());
        url = URI.create(prometheus.url());
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
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
        try (RefusedPort down = RefusedPort.reserve()) {
            var source = new PrometheusAvailability(URI.create(down.url("")), "vector(1)", Duration.ofSeconds(2));
            DoraSummary summary = new DoraCalculator(DoraCalculatorTest.WEEK, source)
                    .calculate(DoraCalculatorTest.index(DoraCalculatorTest.workedExample()), DoraCalculatorTest.TO);
            assertThat(summary.services().get(0).figures().availabilitySource()).isEqualTo("failed-state time");
            assertThat(source.lastProblem()).contains("could not be asked");
        }
    }

    @Test
    void aUrlThatIsNotHttpIsRejected() {
        assertThatThrownBy(() -> new PrometheusAvailability(URI.create("prometheus:9090"), "up", Duration.ofSeconds(1)))
                .hasMessageContaining("is not an http(s) URL");
    }
}
