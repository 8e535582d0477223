package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.devops.core.events.HmacSignature;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.ledger.DeploymentLedger;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devops deploy} and {@code devops rollback} record into a ledger and publish their events through the
 * outbox to a real local HTTP server and a JSONL file, signed with a secret read from a file.
 */
class DeployEventsCommandTest {
    private static final String IMAGE = "ghcr.io/example/checkout:";
    private static final String SECRET = "s3cr3t-hmac-value";

    @TempDir
    Path temp;

    private MockCluster cluster;
    private Path kubeconfig;
    private HttpServer sink;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Received(String type, String id, String signature, byte[] body) {}

    @BeforeEach
    void start() throws Exception {
        cluster = MockCluster.start("shop");
        kubeconfig = Samples.kubeconfig(temp, cluster.url());
        sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("ce-type"),
                    exchange.getRequestHeaders().getFirst("ce-id"),
                    exchange.getRequestHeaders().getFirst(HmacSignature.HEADER),
                    body));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sink.start();
    }

    @AfterEach
    void stop() {
        sink.stop(0);
        cluster.close();
    }

    @Test
    void deployAndRollbackPublishSignedEventsToHttpAndJsonlAndRecordTheLedger() throws Exception {
        Path secret = Files.writeString(temp.resolve("hmac"), SECRET + "\n");
        Path jsonl = temp.resolve("events.jsonl");
        Path ledger = temp.resolve("ledger");

        CliResult first = deploy("1.4.1", "--commit", "3f2a9c1@2026-11-20T10:00:00Z");
        CliResult hotfix = deploy("1.4.2", "--rework", "--commit", "9fceb02@2026-11-20T11:00:00Z");
        CliResult rollback = CliResult.inProcess(with(
                new String[] {
                    "rollback",
                    "--service",
                    "checkout",
                    "--environment",
                    "staging",
                    "--namespace",
                    "shop",
                    "--kubeconfig",
                    kubeconfig.toString()
                },
                recording(secret, jsonl, ledger)));

        for (CliResult result : List.of(first, hotfix, rollback)) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.err()).doesNotContain("not delivered");
            assertThat(result.out() + result.err()).doesNotContain(SECRET);
        }
        List<String> types = received.stream().map(Received::type).toList();
        assertThat(types)
                .contains(
                        "io.jenkins.devops.deployment.completed",
                        "dev.cdevents.service.deployed.0.3.0",
                        "dev.cdevents.service.upgraded.0.3.0",
                        "dev.cdevents.artifact.packaged.0.3.0",
                        "dev.cdevents.artifact.published.0.3.0",
                        "dev.cdevents.service.rolledback.0.3.0",
                        // rolled back by hand within 24 h: the hot fix was an incident, resolved by the rollback
                        "dev.cdevents.incident.detected.0.3.0",
                        "dev.cdevents.incident.resolved.0.3.0");
        for (Received event : received) {
            assertThat(HmacSignature.verify(SECRET, event.body(), event.signature()))
                    .as("signature of " + event.type())
                    .isTrue();
        }
        // the same events, once each, in the JSONL file
        List<String> fileIds = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            fileIds.add(CliJson.MAPPER.readTree(line).path("id").asText());
        }
        assertThat(fileIds)
                .containsExactlyInAnyOrderElementsOf(
                        received.stream().map(Received::id).toList());
        JsonNode hotfixCompleted = received.stream()
                .filter(e -> e.type().equals("io.jenkins.devops.deployment.completed"))
                .map(e -> readTree(e.body()))
                .filter(d -> d.path("version").asText().equals("1.4.2"))
                .findFirst()
                .orElseThrow();
        assertThat(hotfixCompleted.path("rework").asBoolean()).isTrue();
        try (DeploymentLedger opened = DeploymentLedger.open(ledger)) {
            assertThat(opened.entries()).extracting(LedgerEntry::rework).containsExactly(false, true, false);
        }
        CliResult dora = CliResult.inProcess(
                "dora", "--ledger", ledger.toString(), "--at", "latest", "--window", "3650d", "--format", "json");
        JsonNode overall = CliJson.MAPPER.readTree(dora.out()).path("overall");
        assertThat(overall.path("reworkDeclared").asInt()).isEqualTo(1);
        assertThat(overall.path("changeFailures").asInt()).isEqualTo(1); // the hot fix, rolled back by hand
        assertThat(Files.readString(temp.resolve("outbox").resolve("incidents.json")))
                .doesNotContain(SECRET);
    }

    @Test
    void aSinkThatIsDownLeavesTheEventsInTheOutboxAndTheNextCommandDeliversThem() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort + "/events";
        CliResult result = deploy(
                "1.4.1",
                "--events-url",
                down,
                "--events-outbox",
                temp.resolve("outbox2").toString(),
                "--events-wait",
                "1");
        assertThat(result.exitCode()).as(result.toString()).isZero(); // deployed: events are a side channel
        assertThat(result.err())
                .contains("event(s) not delivered yet to 'http-")
                .contains("wait in the outbox");
        assertThat(result.out()).contains("SUCCEEDED");
    }

    @Test
    void badEventSettingsAreAUsageErrorBeforeAnyWrite() throws IOException {
        CliResult badUrl = deploy("1.4.1", "--events-url", "ftp://events.example.com/x");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err().strip())
                .startsWith("devops deploy: sink 'http-")
                .contains("is not an http(s) URL");
        assertThat(badUrl.err().lines()).hasSize(1);

        CliResult secretAlone = deploy("1.4.1", "--events-secret-env", "SOME_VAR");
        assertThat(secretAlone.exitCode()).isEqualTo(2);
        assertThat(secretAlone.err()).contains("need --events-url or --events-file");

        CliResult missingSecret = deploy(
                "1.4.1",
                "--events-url",
                "http://127.0.0.1:1/x",
                "--events-secret-file",
                temp.resolve("nope").toString(),
                "--events-outbox",
                temp.resolve("o3").toString());
        assertThat(missingSecret.exitCode()).isEqualTo(2);
        assertThat(missingSecret.err()).contains("secret file").contains("does not exist");
        assertThat(cluster.traffic().writes()).isEmpty();
    }

    private String[] recording(Path secret, Path jsonl, Path ledger) {
        return new String[] {
            "--events-url", "http://127.0.0.1:" + sink.getAddress().getPort() + "/events",
            "--events-secret-file", secret.toString(),
            "--events-file", jsonl.toString(),
            "--events-outbox", temp.resolve("outbox").toString(),
            "--events-wait", "30",
            "--ledger", ledger.toString()
        };
    }

    private CliResult deploy(String version, String... extra) throws IOException {
        String[] base = {
            "deploy",
            "-f",
            Samples.CHECKOUT.toString(),
            "--service",
            "checkout",
            "--environment",
            "staging",
            "--image",
            IMAGE + version,
            "--kubeconfig",
            kubeconfig.toString()
        };
        boolean events = List.of(extra).stream().anyMatch(a -> a.startsWith("--events"));
        if (!events) {
            Path secret = Files.writeString(temp.resolve("hmac"), SECRET);
            return CliResult.inProcess(
                    with(with(base, extra), recording(secret, temp.resolve("events.jsonl"), temp.resolve("ledger"))));
        }
        return CliResult.inProcess(with(base, extra));
    }

    private static String[] with(String[] base, String[] extra) {
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return CliJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
