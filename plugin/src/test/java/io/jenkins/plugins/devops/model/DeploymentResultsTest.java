package io.jenkins.plugins.devops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.deploy.PhaseRecord;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import io.jenkins.plugins.devops.core.gate.GateResult;
import io.jenkins.plugins.devops.core.gate.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentResultsTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void mapHasThePlainValuesAPipelineReads() {
        Map<String, Object> map = DeploymentResults.toMap(record(Outcome.SUCCEEDED, ""));

        assertEquals("SUCCEEDED", map.get("outcome"));
        assertEquals(true, map.get("success"));
        assertEquals("1.4.2", map.get("revision"));
        assertEquals("1.4.1", map.get("previousRevision"));
        assertEquals(List.of(10, 50, 100), map.get("weights"));
        assertEquals(312L, map.get("durationSeconds"));
        assertEquals(
                "prometheus",
                ((List<Map<String, Object>>) map.get("analysis")).get(0).get("gate"));
    }

    @Test
    void failureMessageSaysWhatHappenedAndWhy() {
        DeploymentRecord record = record(Outcome.FAILED_ROLLED_BACK, "error-rate 3.1% is above the maximum 1%");

        assertEquals(
                "Deployment of shop 1.4.2 to production failed and was rolled back to 1.4.1: error-rate 3.1% is above"
                        + " the maximum 1%",
                DeploymentResults.failureMessage(record));
    }

    private static DeploymentRecord record(Outcome outcome, String reason) {
        List<PhaseRecord> phases = List.of(
                new PhaseRecord("canary 10%", 10, START, START.plusSeconds(60), "passed"),
                new PhaseRecord("canary 50%", 50, START.plusSeconds(60), START.plusSeconds(120), "passed"),
                new PhaseRecord("canary 100%", 100, START.plusSeconds(120), START.plusSeconds(300), "passed"),
                new PhaseRecord("promote", 100, START.plusSeconds(300), START.plusSeconds(312), "passed"));
        GateResult gate =
                new GateResult("prometheus", GatePoint.STEP, 10, Verdict.PASSED, "error-rate 0.2%", List.of());
        return new DeploymentRecord(
                "shop-production-1",
                DeploymentKind.DEPLOY,
                "shop",
                "production",
                "shop",
                "canary",
                outcome,
                "1.4.2",
                "1.4.1",
                "registry.example.com/shop:1.4.2",
                START,
                START.plusSeconds(312),
                List.of(),
                "job/shop/1",
                reason,
                phases,
                List.of(gate),
                List.of());
    }
}
