package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.Measurement;
import io.jenkins.plugins.devops.core.gate.Verdict;
import io.jenkins.plugins.devops.core.ledger.Deployments;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeploymentEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeploymentEvents EVENTS =
            new DeploymentEvents(URI.create("https://jenkins.example.com/job/shop/42/"));

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyCdEventOfEveryOutcomeIsValidAgainstTheCdEvents051Schemas(Outcome outcome) throws IOException {
        for (DeploymentRecord record : List.of(
                Deployments.record("d-" + outcome, "checkout", outcome, 10),
                firstInstall(Deployments.record("f-" + outcome, "checkout", outcome, 10)),
                rollback(Deployments.record("r-" + outcome, "checkout", outcome, 10)))) {
            for (CloudEvent event : EVENTS.of(record)) {
                if (event.getType().startsWith("dev.cdevents.")) {
                    JsonNode cdEvent = JSON.readTree(event.getData().toBytes());
                    assertThat(CdEventsSchemas.validate(cdEvent))
                            .as(event.getType() + " " + cdEvent)
                            .isEmpty();
                    assertThat(cdEvent.path("context").path("specversion").asText())
                            .isEqualTo("0.5.1");
                    assertThat(event.getSubject())
                            .isEqualTo(cdEvent.path("subject").path("id").asText());
                    assertThat(event.getId())
                            .isEqualTo(cdEvent.path("context").path("id").asText());
                }
            }
        }
    }

    @Test
    void manyEventsAtWholeMinutesSecondsAndFractionsAllValidateWithFormatAssertionsOn() throws IOException {
        java.util.Random random = new java.util.Random(13);
        int validated = 0;
        for (int i = 0; i < 300; i++) {
            Outcome outcome = Outcome.values()[i % Outcome.values().length];
            DeploymentRecord base = Deployments.record("m-" + i, "checkout", outcome, 0);
            // a third at whole minutes (the case that lost its seconds), a third at whole seconds, a third with
            // a fraction of a second
            java.time.Instant finished = Deployments.T0.plusSeconds(60L * random.nextInt(500_000));
            if (i % 3 == 1) {
                finished = finished.plusSeconds(1 + random.nextInt(59));
            } else if (i % 3 == 2) {
                finished = finished.plusNanos(1 + random.nextInt(999_999_999));
            }
            DeploymentRecord record = at(i % 4 == 3 ? rollback(base) : base, finished);
            for (CloudEvent event : EVENTS.of(record)) {
                if (event.getType().startsWith("dev.cdevents.")) {
                    JsonNode cdEvent = JSON.readTree(event.getData().toBytes());
                    assertThat(CdEventsSchemas.validate(cdEvent))
                            .as(event.getType() + " " + cdEvent)
                            .isEmpty();
                    assertThat(java.time.Instant.parse(
                                    cdEvent.path("context").path("timestamp").asText()))
                            .isEqualTo(finished);
                    validated++;
                }
            }
        }
        assertThat(validated).isGreaterThanOrEqualTo(300);
    }

    @Test
    void theSchemaCheckRejectsATimestampWithoutSeconds() throws IOException {
        CloudEvent upgraded = EVENTS.of(Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10))
                .get(1);
        ObjectNode event = (ObjectNode) JSON.readTree(upgraded.getData().toBytes());
        assertThat(event.path("context").path("timestamp").asText()).isEqualTo("2026-11-01T00:10:00Z");
        ((ObjectNode) event.path("context")).put("timestamp", "2026-11-01T00:10Z");
        assertThat(CdEventsSchemas.validate(event)).isNotEmpty();
    }

    @Test
    void theSchemasRejectAnEventWithoutItsRequiredFields() throws IOException {
        CloudEvent upgraded = EVENTS.of(Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10))
                .get(1);
        ObjectNode event = (ObjectNode) JSON.readTree(upgraded.getData().toBytes());
        ((ObjectNode) event.path("subject").path("content")).remove("artifactId");
        assertThat(CdEventsSchemas.validate(event)).isNotEmpty();
    }

    @Test
    void theSpecsOwnConformanceExamplesAreValid() throws IOException {
        for (String name : List.of("service_deployed", "service_upgraded", "service_rolledback", "incident_detected")) {
            String example = CdEventsSchemas.read(
                    CdEventsSchemas.directory().resolve("conformance").resolve(name + ".json"));
            assertThat(CdEventsSchemas.validate(JSON.readTree(example)))
                    .as(name)
                    .isEmpty();
        }
    }

    @Test
    void eachOutcomeProducesTheDocumentedEventTypes() {
        assertThat(types(Deployments.record("d", "s", Outcome.SUCCEEDED, 1)))
                .containsExactly(DeploymentEvents.DEPLOYMENT_COMPLETED, DeploymentEvents.SERVICE_UPGRADED);
        assertThat(types(firstInstall(Deployments.record("d", "s", Outcome.SUCCEEDED, 1))))
                .containsExactly(DeploymentEvents.DEPLOYMENT_COMPLETED, DeploymentEvents.SERVICE_DEPLOYED);
        assertThat(types(Deployments.record("d", "s", Outcome.FAILED_ROLLED_BACK, 1)))
                .containsExactly(
                        DeploymentEvents.DEPLOYMENT_COMPLETED,
                        DeploymentEvents.SERVICE_ROLLEDBACK,
                        DeploymentEvents.INCIDENT_DETECTED);
        assertThat(types(Deployments.record("d", "s", Outcome.FAILED, 1)))
                .containsExactly(DeploymentEvents.DEPLOYMENT_COMPLETED, DeploymentEvents.INCIDENT_DETECTED);
        assertThat(types(Deployments.record("d", "s", Outcome.ABORTED, 1)))
                .containsExactly(DeploymentEvents.DEPLOYMENT_COMPLETED, DeploymentEvents.SERVICE_ROLLEDBACK);
        assertThat(types(rollback(Deployments.record("d", "s", Outcome.SUCCEEDED, 1))))
                .containsExactly(DeploymentEvents.DEPLOYMENT_COMPLETED, DeploymentEvents.SERVICE_ROLLEDBACK);
    }

    @Test
    void idsAreStablePerDeploymentAndDifferBetweenDeployments() {
        List<String> first = ids(Deployments.record("d1", "s", Outcome.FAILED_ROLLED_BACK, 1));
        assertThat(ids(Deployments.record("d1", "s", Outcome.FAILED_ROLLED_BACK, 1)))
                .isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
        assertThat(ids(Deployments.record("d2", "s", Outcome.FAILED_ROLLED_BACK, 1)))
                .doesNotContainAnyElementsOf(first);
    }

    @Test
    void deploymentCompletedHasTheSeedShapePlusTheDeploymentDetails() throws IOException {
        DeploymentRecord base = Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10);
        var measured = new GateResult(
                "prometheus",
                GatePoint.STEP,
                100,
                Verdict.PASSED,
                "",
                List.of(
                        new Measurement("request-success-rate", Deployments.T0, 99.5, Verdict.PASSED, ""),
                        new Measurement("response-time-p99", Deployments.T0, 0.182, Verdict.PASSED, "")));
        DeploymentRecord record = new DeploymentRecord(
                base.deploymentId(),
                base.kind(),
                base.service(),
                base.environment(),
                base.namespace(),
                base.strategy(),
                base.outcome(),
                base.version(),
                base.previousVersion(),
                base.artifact(),
                base.startedAt(),
                base.finishedAt(),
                base.commits(),
                base.triggeredBy(),
                "",
                List.of(),
                List.of(measured),
                List.of());
        CloudEvent event = EVENTS.of(record).get(0);
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.path("event").asText()).isEqualTo("deployment.completed");
        assertThat(data.path("environment").asText()).isEqualTo("production");
        assertThat(data.path("version").asText()).isEqualTo("1.4.2");
        assertThat(data.path("status").asText()).isEqualTo("healthy");
        assertThat(data.path("metrics").path("response_time").asDouble()).isEqualTo(0.182);
        assertThat(data.path("metrics").path("error_rate").asDouble())
                .isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(data.path("service").asText()).isEqualTo("checkout");
        assertThat(data.path("deployment_id").asText()).isEqualTo("d1");
        assertThat(data.path("strategy").asText()).isEqualTo("canary");
        assertThat(data.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(data.path("duration_seconds").asDouble()).isEqualTo(300.0);
        assertThat(data.path("commits").get(0).path("sha").asText()).startsWith("9fceb02");
        assertThat(event.getType()).isEqualTo("io.jenkins.devops.deployment.completed");
        assertThat(event.getSource()).isEqualTo(URI.create("https://jenkins.example.com/job/shop/42/"));
    }

    @Test
    void theArtifactIdIsAnOciPackageUrlWithTheDigest() throws IOException {
        CloudEvent upgraded = EVENTS.of(Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10))
                .get(1);
        String artifactId = JSON.readTree(upgraded.getData().toBytes())
                .path("subject")
                .path("content")
                .path("artifactId")
                .asText();
        assertThat(artifactId)
                .isEqualTo("pkg:oci/checkout@sha256%3A0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427"
                        + "?repository_url=registry.example.com/shop/checkout&tag=1.4.2");
    }

    @Test
    void aRecordWithoutEnvironmentIsRejectedWithAClearMessage() {
        DeploymentRecord base = Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10);
        DeploymentRecord noEnv = new DeploymentRecord(
                base.deploymentId(),
                base.kind(),
                base.service(),
                "",
                base.namespace(),
                base.strategy(),
                base.outcome(),
                base.version(),
                base.previousVersion(),
                base.artifact(),
                base.startedAt(),
                base.finishedAt(),
                base.commits(),
                "",
                "",
                null,
                null,
                null);
        assertThatThrownBy(() -> EVENTS.of(noEnv)).hasMessageContaining("has no environment");
    }

    static DeploymentRecord firstInstall(DeploymentRecord r) {
        return new DeploymentRecord(
                r.deploymentId(),
                r.kind(),
                r.service(),
                r.environment(),
                r.namespace(),
                r.strategy(),
                r.outcome(),
                r.version(),
                "",
                r.artifact(),
                r.startedAt(),
                r.finishedAt(),
                r.commits(),
                r.triggeredBy(),
                r.failureReason(),
                r.phases(),
                r.gateResults(),
                r.events());
    }

    static DeploymentRecord rollback(DeploymentRecord r) {
        return new DeploymentRecord(
                r.deploymentId(),
                DeploymentKind.ROLLBACK,
                r.service(),
                r.environment(),
                r.namespace(),
                r.strategy(),
                r.outcome(),
                "1.4.1",
                "1.4.2",
                "",
                r.startedAt(),
                r.finishedAt(),
                List.of(),
                r.triggeredBy(),
                r.failureReason(),
                r.phases(),
                r.gateResults(),
                r.events());
    }

    static DeploymentRecord at(DeploymentRecord r, java.time.Instant finished) {
        return new DeploymentRecord(
                r.deploymentId(),
                r.kind(),
                r.service(),
                r.environment(),
                r.namespace(),
                r.strategy(),
                r.outcome(),
                r.version(),
                r.previousVersion(),
                r.artifact(),
                finished.minus(r.duration()),
                finished,
                r.commits().stream()
                        .map(c ->
                                new io.jenkins.plugins.devops.core.deploy.Commit(c.sha(), finished.minusSeconds(2700)))
                        .toList(),
                r.triggeredBy(),
                r.failureReason(),
                r.phases(),
                r.gateResults(),
                r.events());
    }

    private static List<String> types(DeploymentRecord record) {
        return EVENTS.of(record).stream().map(CloudEvent::getType).toList();
    }

    private static List<String> ids(DeploymentRecord record) {
        return EVENTS.of(record).stream().map(CloudEvent::getId).toList();
    }
}
