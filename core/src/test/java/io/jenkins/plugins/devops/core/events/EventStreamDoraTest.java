package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.dora.DoraCalculator;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSettings;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.core.dora.EventStreamDora;
import io.jenkins.plugins.devops.core.ledger.DeploymentLedger;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events we emit are enough for a consumer: DORA computed from our own JSONL event stream equals DORA from the
 * ledger, the incident events alone give the same recovery time, and every event links to its deployment.
 */
class EventStreamDoraTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void doraFromOurOwnEventStreamEqualsDoraFromTheLedger(@TempDir Path dir) throws Exception {
        Random random = new Random(2026);
        List<DeploymentRecord> records = new ArrayList<>();
        List<Boolean> rework = new ArrayList<>();
        Map<String, Instant> clock = new HashMap<>();
        Map<String, String> running = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String service = "svc" + random.nextInt(3);
            String environment = random.nextInt(3) == 0 ? "staging" : "production";
            String key = service + "/" + environment;
            Instant started = clock.getOrDefault(key, T0).plusSeconds(60 + random.nextInt(10 * 3600));
            Instant finished = started.plusSeconds(30 + random.nextInt(900));
            clock.put(key, finished);
            boolean isRollback = random.nextInt(7) == 0;
            Outcome outcome = random.nextInt(4) == 0
                    ? Outcome.values()[1 + random.nextInt(Outcome.values().length - 1)]
                    : Outcome.SUCCEEDED;
            String version = "1." + i;
            String previous = running.getOrDefault(key, "");
            List<Commit> commits = new ArrayList<>();
            for (int c = isRollback ? 0 : 1 + random.nextInt(3); c > 0; c--) {
                commits.add(new Commit(
                        Integer.toHexString(0x1000000 + random.nextInt(0xffffff)) + "abcdef",
                        started.minusSeconds(random.nextInt(3 * 86_400))));
            }
            records.add(new DeploymentRecord(
                    "d" + i,
                    isRollback ? DeploymentKind.ROLLBACK : DeploymentKind.DEPLOY,
                    service,
                    environment,
                    "shop",
                    "rolling",
                    outcome,
                    version,
                    previous,
                    "registry.example.com/shop/" + service + ":" + version + "@sha256:"
                            + "0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427",
                    started,
                    finished,
                    commits,
                    "test",
                    outcome == Outcome.SUCCEEDED ? "" : "error rate above 1%",
                    List.of(),
                    List.of(),
                    List.of()));
            rework.add(!isRollback && random.nextInt(8) == 0);
            if (outcome == Outcome.SUCCEEDED) {
                running.put(key, version);
            }
        }

        Path stream = dir.resolve("events.jsonl");
        int published = 0;
        try (DeploymentLedger ledger = DeploymentLedger.open(dir.resolve("ledger"));
                EventPublisher publisher = EventPublisher.builder(dir.resolve("outbox"), URI.create("/devops-cli"))
                        .jsonl("file", stream)
                        .consumerEvents()
                        .build()) {
            for (int i = 0; i < records.size(); i++) {
                ledger.append(LedgerEntry.of(records.get(i), rework.get(i)));
                published += publisher.publish(records.get(i), rework.get(i)).size();
            }
            int expected = published;
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            Files.exists(stream) && Files.readAllLines(stream).size() == expected);

            EventStreamDora fromEvents = EventStreamDora.read(stream);
            assertThat(fromEvents.entries()).hasSize(records.size());
            Instant end = clock.values().stream().max(Instant::compareTo).orElseThrow();
            for (Duration window : List.of(Duration.ofDays(3650), Duration.ofDays(7), Duration.ofDays(2))) {
                DoraSettings settings = DoraSettings.defaults().withWindow(window);
                for (Instant to : List.of(end, end.minus(Duration.ofDays(3)), end.minus(Duration.ofHours(31)))) {
                    DoraSummary expectedSummary = new DoraCalculator(settings).calculate(ledger.index(), to);
                    DoraSummary actual = new DoraCalculator(settings).calculate(fromEvents.index(), to);
                    assertThat(actual).as("window %s to %s", window, to).isEqualTo(expectedSummary);
                    // the incident events alone give the same failed deployment recovery time
                    DoraReport overall = expectedSummary.overall();
                    assertThat(fromEvents.recoveryTimeFromIncidents(overall.from(), overall.to()))
                            .as("recovery from incidents, window %s to %s", window, to)
                            .isEqualTo(overall.figures().failedDeploymentRecoveryTime());
                }
            }
            DoraReport all = new DoraCalculator(DoraSettings.defaults().withWindow(Duration.ofDays(3650)))
                    .calculate(ledger.index(), end)
                    .overall();
            // the comparison covered every kind of figure
            assertThat(all.figures().recoveries()).isGreaterThan(10);
            assertThat(all.figures().reworkDeclared()).isPositive();
            assertThat(all.figures().reworkAfterFailure()).isPositive();
            assertThat(fromEvents.incidents().stream()
                            .filter(x -> x.resolved().isPresent())
                            .count())
                    .isEqualTo(all.figures().recoveries());
        }
    }

    @Test
    void consumerEventsValidateLinkTheirChainAndShareThePackageUrl(@TempDir Path dir) throws IOException {
        Path stream = dir.resolve("events.jsonl");
        List<CloudEvent> events = new ArrayList<>();
        try (EventPublisher publisher = EventPublisher.builder(dir.resolve("outbox"), URI.create("/devops-cli"))
                .jsonl("file", stream)
                .consumerEvents()
                .build()) {
            // a good deployment, a failed one (incident opens), a fix (incident resolved), rework declared
            events.addAll(publisher.publish(at(DeploymentEventsTest.firstInstall(record("a", Outcome.SUCCEEDED)), 10)));
            events.addAll(publisher.publish(at(record("b", Outcome.FAILED), 70)));
            events.addAll(publisher.publish(at(record("c", Outcome.SUCCEEDED), 95), true));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> publisher.outboxes().get(0).pending() == 0);
        }
        Map<String, List<JsonNode>> byType = new HashMap<>();
        for (CloudEvent event : events) {
            JsonNode data = JSON.readTree(event.getData().toBytes());
            byType.computeIfAbsent(event.getType(), t -> new ArrayList<>()).add(data);
            if (CdEventsSchemas.covers(event.getType())) {
                assertThat(CdEventsSchemas.validate(data)).as(data.toString()).isEmpty();
            }
        }
        List<JsonNode> published = byType.get(DeploymentEvents.ARTIFACT_PUBLISHED);
        List<JsonNode> packaged = byType.get(DeploymentEvents.ARTIFACT_PACKAGED);
        assertThat(published).hasSize(3);
        assertThat(packaged).hasSize(3);
        JsonNode upgraded = byType.get(DeploymentEvents.SERVICE_UPGRADED).get(0); // c
        JsonNode cPublished = published.get(2);
        // the same package URL as the service event's artifactId, in the same chain
        assertThat(cPublished.path("subject").path("id").asText())
                .isEqualTo(upgraded.path("subject")
                        .path("content")
                        .path("artifactId")
                        .asText())
                .startsWith("pkg:oci/checkout@sha256");
        assertThat(cPublished.path("context").path("chainId"))
                .isEqualTo(upgraded.path("context").path("chainId"));
        assertThat(packaged.get(2)
                        .path("subject")
                        .path("content")
                        .path("change")
                        .path("id")
                        .asText())
                .isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        // the artifact schemas are not in the shared folder: check their required shape by hand
        for (JsonNode artifact : published) {
            assertThat(artifact.path("context").path("specversion").asText()).isEqualTo("0.5.1");
            assertThat(artifact.path("context").path("timestamp").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(artifact.path("subject").path("content").isObject()).isTrue();
        }
        // the incident of b is detected when b fails and resolved by c, both in b's chain
        JsonNode detected = byType.get(DeploymentEvents.INCIDENT_DETECTED).get(0);
        JsonNode resolved = byType.get(DeploymentEvents.INCIDENT_RESOLVED).get(0);
        assertThat(detected.path("subject").path("id").asText()).isEqualTo("incident-b");
        assertThat(resolved.path("subject").path("id").asText()).isEqualTo("incident-b");
        assertThat(resolved.path("context").path("chainId"))
                .isEqualTo(detected.path("context").path("chainId"));
        assertThat(detected.path("context").path("chainId").asText()).isEqualTo(DeploymentEvents.chainId("b"));
        assertThat(Instant.parse(detected.path("context").path("timestamp").asText()))
                .isEqualTo(Deployments.T0.plus(Duration.ofMinutes(70)));
        assertThat(Instant.parse(resolved.path("context").path("timestamp").asText()))
                .isEqualTo(Deployments.T0.plus(Duration.ofMinutes(95)));
        // the declared rework is in the record and the CDEvents
        JsonNode completedC = JSON.readTree(events.stream()
                .filter(e -> e.getType().equals(DeploymentEvents.DEPLOYMENT_COMPLETED)
                        && e.getSubject().equals("shop/checkout"))
                .reduce((x, y) -> y)
                .orElseThrow()
                .getData()
                .toBytes());
        assertThat(completedC.path("rework").asBoolean()).isTrue();
        assertThat(upgraded.path("customData").path("rework").asText()).isEqualTo("declared");
        assertThat(EventStreamDora.read(stream).entries())
                .extracting(LedgerEntry::rework)
                .containsExactly(false, false, true);
    }

    private static DeploymentRecord record(String id, Outcome outcome) {
        return io.jenkins.plugins.devops.core.ledger.Deployments.record(id, "checkout", outcome, 0);
    }

    private static DeploymentRecord at(DeploymentRecord r, long minutes) {
        return DeploymentEventsTest.at(r, Deployments.T0.plus(Duration.ofMinutes(minutes)));
    }

    /** The fixtures' epoch. */
    private static final class Deployments {
        static final Instant T0 = io.jenkins.plugins.devops.core.ledger.Deployments.T0;
    }
}
