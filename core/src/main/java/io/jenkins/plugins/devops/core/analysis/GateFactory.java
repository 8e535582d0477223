package io.jenkins.plugins.devops.core.analysis;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalGate;
import io.jenkins.plugins.devops.core.analysis.approval.Approver;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeGate;
import io.jenkins.plugins.devops.core.analysis.judge.CanaryJudgeSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.MetricAnalysisSpec;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusAnalysisGate;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusClient;
import io.jenkins.plugins.devops.core.analysis.prometheus.PrometheusEndpoint;
import io.jenkins.plugins.devops.core.analysis.smoke.SmokeCheckSpec;
import io.jenkins.plugins.devops.core.analysis.smoke.SmokeTestGate;
import io.jenkins.plugins.devops.core.analysis.webhook.WebhookGate;
import io.jenkins.plugins.devops.core.analysis.webhook.WebhookSpec;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link HealthGate}s of a {@link GateSpec}, resolving credentials on the way; a missing credential is
 * reported here, before the deployment starts.
 *
 * <pre>{@code
 * List<HealthGate> gates = new GateFactory(credentialsId -> lookUp(credentialsId), HttpClient.newHttpClient())
 *         .withApprover(inputStepApprover)
 *         .create(GateSpec.fromYaml(yaml));
 * }</pre>
 *
 * <p>Gates come in this order: webhooks, smoke tests, Prometheus analysis, canary judges, approval — cheap
 * checks first, a person last. Each gate says at which points it runs.
 */
public final class GateFactory {
    private final SecretResolver secrets;
    private final HttpClient http;
    private final Approver approver;

    public GateFactory(SecretResolver secrets, HttpClient http) {
        this(secrets, http, null);
    }

    /** A factory with its own HTTP client (5 s connect timeout, follows no redirects). */
    public GateFactory(SecretResolver secrets) {
        this(
                secrets,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                null);
    }

    private GateFactory(SecretResolver secrets, HttpClient http, Approver approver) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.http = Objects.requireNonNull(http, "http");
        this.approver = approver;
    }

    /** A factory whose approval gates ask {@code approver}. */
    public GateFactory withApprover(Approver approver) {
        return new GateFactory(secrets, http, Objects.requireNonNull(approver, "approver"));
    }

    /**
     * @throws InvalidGateConfigurationException when a credential cannot be resolved or approval is configured but
     *     no {@link Approver} was given
     */
    public List<HealthGate> create(GateSpec spec) {
        List<HealthGate> gates = new ArrayList<>();
        for (WebhookSpec webhook : spec.webhooks()) {
            String secret = webhook.credentialsId().isEmpty()
                    ? null
                    : secret(webhook.credentialsId(), "webhook '" + webhook.name() + "'");
            gates.add(new WebhookGate(webhook, http, secret));
        }
        if (!spec.smokeTests().isEmpty()) {
            Map<String, String> smokeSecrets = new HashMap<>();
            for (SmokeCheckSpec check : spec.smokeTests()) {
                if (!check.credentialsId().isEmpty()) {
                    smokeSecrets.put(
                            check.credentialsId(), secret(check.credentialsId(), "smoke check '" + check.name() + "'"));
                }
            }
            gates.add(new SmokeTestGate("smoke-tests", spec.smokeTests(), http, smokeSecrets));
        }
        if (!spec.metrics().isEmpty()) {
            List<PrometheusAnalysisGate.MetricProbe> probes = new ArrayList<>();
            for (MetricAnalysisSpec metric : spec.metrics()) {
                probes.add(new PrometheusAnalysisGate.MetricProbe(
                        metric, client(metric.endpoint(), "analysis metric '" + metric.name() + "'")));
            }
            gates.add(new PrometheusAnalysisGate("prometheus-analysis", probes));
        }
        for (CanaryJudgeSpec judge : spec.judges()) {
            gates.add(new CanaryJudgeGate(judge, client(judge.endpoint(), "canary judge '" + judge.name() + "'")));
        }
        if (spec.approval() != null) {
            if (approver == null) {
                throw new InvalidGateConfigurationException(
                        "approval is configured but this runner cannot ask anyone; run it where approval is possible"
                                + " (Jenkins) or remove the approval setting");
            }
            gates.add(new ApprovalGate(spec.approval(), approver));
        }
        return List.copyOf(gates);
    }

    private PrometheusClient client(PrometheusEndpoint endpoint, String user) {
        String secret = endpoint.credentialsId().isEmpty() ? null : secret(endpoint.credentialsId(), user);
        return new PrometheusClient(http, endpoint, secret);
    }

    private String secret(String credentialsId, String user) {
        String secret = secrets.resolve(credentialsId);
        if (secret == null || secret.isEmpty()) {
            throw new InvalidGateConfigurationException(user + ": credentials '" + credentialsId
                    + "' were not found or are empty; create them or fix credentialsId");
        }
        return secret;
    }
}
