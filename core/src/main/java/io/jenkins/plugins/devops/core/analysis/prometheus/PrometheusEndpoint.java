package io.jenkins.plugins.devops.core.analysis.prometheus;

import io.jenkins.plugins.devops.core.analysis.http.HttpAuth;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a metric is queried. Holds the credentials <em>id</em> only; the secret itself is resolved when the gate is
 * built and lives in the {@link PrometheusClient}.
 *
 * @param url the Prometheus base URL, e.g. {@code http://prometheus.monitoring:9090}
 * @param credentialsId the credentials to authenticate with, or empty for none
 * @param auth how the secret is sent
 * @param timeout the time limit for one query
 */
public record PrometheusEndpoint(URI url, String credentialsId, HttpAuth auth, Duration timeout) {
    public PrometheusEndpoint {
        Objects.requireNonNull(url, "url");
        credentialsId = credentialsId == null ? "" : credentialsId;
        auth = auth == null ? HttpAuth.BEARER : auth;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
