package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * POSTs each event to a URL as a CloudEvents 1.0 HTTP message (binary or structured), with the configured headers,
 * timeouts and HMAC signature. Any response other than 2xx, and any connection problem, is a failed delivery.
 */
public final class HttpSink implements EventSink {
    private final SinkConfig config;
    private final HttpClient client;

    public HttpSink(SinkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return config.name();
    }

    public SinkConfig config() {
        return config;
    }

    /** The request this sink sends for {@code event} (exposed for {@code devops events send --dry-run} and tests). */
    public HttpRequest request(CloudEvent event) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url()).timeout(config.requestTimeout());
        config.headers().forEach(request::header);
        byte[][] body = {new byte[0]};
        var writer = HttpMessageFactory.createWriter(request::header, bytes -> body[0] = bytes);
        if (config.mode() == EventMode.STRUCTURED) {
            writer.writeStructured(event, EventJson.format());
        } else {
            writer.writeBinary(event);
        }
        if (!config.hmacSecret().isEmpty()) {
            request.header(HmacSignature.HEADER, HmacSignature.sign(config.hmacSecret(), body[0]));
        }
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(body[0])).build();
    }

    @Override
    public void deliver(CloudEvent event) throws IOException {
        HttpResponse<String> response;
        try {
            response = client.send(request(event), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to sink '" + config.name() + "'", e);
        } catch (IOException e) {
            throw new IOException(
                    "sink '" + config.name() + "' (" + config.url() + ") unreachable: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new IOException("sink '" + config.name() + "' answered HTTP " + status
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }
}
