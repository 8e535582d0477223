package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.Deployments;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSinkTest {
    private static final CloudEvent EVENT = new DeploymentEvents(URI.create("/jenkins/job/shop"))
            .of(Deployments.record("d1", "checkout", Outcome.SUCCEEDED, 10))
            .get(1);

    @Test
    void binaryModePutsAttributesInHeadersAndSignsTheBody() throws IOException {
        try (RecordingHttpSink server = new RecordingHttpSink()) {
            SinkConfig config = SinkConfig.http("audit", server.url())
                    .withHmacSecret("s3cret")
                    .withHeader("X-Team", "payments");
            new HttpSink(config).deliver(EVENT);

            RecordingHttpSink.Received got = server.received().get(0);
            assertThat(got.headers())
                    .containsEntry("ce-id", EVENT.getId())
                    .containsEntry("ce-type", "dev.cdevents.service.upgraded.0.3.0")
                    .containsEntry("ce-specversion", "1.0")
                    .containsEntry("ce-subject", "shop/checkout")
                    .containsEntry("content-type", "application/json")
                    .containsEntry("x-team", "payments")
                    .doesNotContainKey("ce-datacontenttype");
            assertThat(got.body()).isEqualTo(EVENT.getData().toBytes());
            assertThat(HmacSignature.verify("s3cret", got.body(), got.headers().get("x-devops-signature-256")))
                    .isTrue();
            assertThat(HmacSignature.verify("wrong", got.body(), got.headers().get("x-devops-signature-256")))
                    .isFalse();
            assertThat(got.event()).isEqualTo(EVENT);
        }
    }

    @Test
    void structuredModeSendsTheWholeEventAsCloudEventsJson() throws IOException {
        try (RecordingHttpSink server = new RecordingHttpSink()) {
            new HttpSink(SinkConfig.http("audit", server.url()).withMode(EventMode.STRUCTURED)).deliver(EVENT);
            RecordingHttpSink.Received got = server.received().get(0);
            assertThat(got.headers().get("content-type")).startsWith("application/cloudevents+json");
            assertThat(got.headers()).doesNotContainKey("ce-id").doesNotContainKey("x-devops-signature-256");
            assertThat(got.event().getId()).isEqualTo(EVENT.getId());
            assertThat(got.event().getData().toBytes())
                    .isEqualTo(EVENT.getData().toBytes());
        }
    }

    @Test
    void aRefusalIsAFailedDeliveryThatSaysWhatTheSinkAnswered() throws IOException {
        try (RecordingHttpSink server = new RecordingHttpSink()) {
            server.failNext(1, 503);
            assertThatThrownBy(() -> new HttpSink(SinkConfig.http("audit", server.url())).deliver(EVENT))
                    .isInstanceOf(IOException.class)
                    .hasMessage("sink 'audit' answered HTTP 503: busy, try later");
        }
    }

    @Test
    void badSinkSettingsAreRejectedWithWhatToDo() {
        assertThatThrownBy(() -> SinkConfig.http("audit", "ftp://events.example.com"))
                .hasMessage("sink 'audit' URL 'ftp://events.example.com' is not an http(s) URL;"
                        + " use e.g. https://events.example.com/cd");
        assertThatThrownBy(() -> SinkConfig.http("audit", "events.example.com/cd"))
                .hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> SinkConfig.http("Audit Sink", "https://x.example.com"))
                .hasMessageContaining("must be 1-63 lower-case letters");
        assertThatThrownBy(
                        () -> SinkConfig.http("audit", "https://x.example.com").withHeader("ce-id", "1"))
                .hasMessageContaining("is set by the event itself");
        assertThatThrownBy(() -> SinkConfig.http("audit", "https://x.example.com")
                        .withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connectTimeout must be positive");
    }

    @Test
    void theSecretNeverAppearsInTheConfigsText() {
        SinkConfig config = SinkConfig.http("audit", "https://x.example.com").withHmacSecret("s3cret-value");
        assertThat(config.toString()).doesNotContain("s3cret-value").contains("hmac=on");
    }
}
