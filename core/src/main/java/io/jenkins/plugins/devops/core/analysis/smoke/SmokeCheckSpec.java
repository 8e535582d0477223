package io.jenkins.plugins.devops.core.analysis.smoke;

import io.jenkins.plugins.devops.core.analysis.http.HttpAuth;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP smoke check.
 *
 * @param name the check's name in results
 * @param method HTTP method, e.g. {@code GET}
 * @param url the URL, with placeholders such as {@code {{targets.canaryDeployment}}}
 * @param headers request headers (placeholders allowed)
 * @param body request body, empty for none
 * @param expectedStatus the accepted status codes
 * @param bodyContains text the response body must contain, empty for no check
 * @param jsonPath a JSON path into the response, or {@code null}
 * @param jsonEquals the value at {@link #jsonPath} as text (numbers compare numerically)
 * @param retries further attempts after a failed one
 * @param retryInterval wait between attempts
 * @param timeout time limit of one attempt
 * @param points the gate points at which the check runs
 * @param credentialsId credentials sent in the {@code Authorization} header, or empty for none
 * @param auth how those credentials are sent
 */
public record SmokeCheckSpec(
        String name,
        String method,
        String url,
        Map<String, String> headers,
        String body,
        Set<Integer> expectedStatus,
        String bodyContains,
        JsonPath jsonPath,
        String jsonEquals,
        int retries,
        Duration retryInterval,
        Duration timeout,
        Set<GatePoint> points,
        String credentialsId,
        HttpAuth auth) {
    public SmokeCheckSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        expectedStatus = Set.copyOf(expectedStatus);
        bodyContains = bodyContains == null ? "" : bodyContains;
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(timeout, "timeout");
        points = Set.copyOf(points);
        credentialsId = credentialsId == null ? "" : credentialsId;
        auth = auth == null ? HttpAuth.BEARER : auth;
    }
}
