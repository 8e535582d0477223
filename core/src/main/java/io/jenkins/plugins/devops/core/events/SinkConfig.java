package io.jenkins.plugins.devops.core.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how to send events over HTTP.
 *
 * <pre>{@code
 * SinkConfig sink = SinkConfig.http("audit", "https://events.example.com/cd")
 *         .withHmacSecret(secretValue)             // resolved from Jenkins credentials by the caller
 *         .withHeader("X-Team", "payments");
 * }</pre>
 *
 * @param name a short name, used for the outbox directory and in messages ({@code [a-z0-9-]})
 * @param url the http(s) URL that receives one POST per event
 * @param mode binary (default) or structured CloudEvents
 * @param hmacSecret the HMAC-SHA256 secret value; empty for no signature. Never printed by {@link #toString()}
 * @param headers extra request headers
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for the response
 */
public record SinkConfig(
        String name,
        URI url,
        EventMode mode,
        String hmacSecret,
        Map<String, String> headers,
        Duration connectTimeout,
        Duration requestTimeout) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    public SinkConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("sink name '" + name
                    + "' must be 1-63 lower-case letters, digits or dashes, e.g. 'audit' or 'devlake'");
        }
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("sink '" + name + "' URL '" + url
                    + "' is not an http(s) URL; use e.g. https://events.example.com/cd");
        }
        mode = mode == null ? EventMode.BINARY : mode;
        hmacSecret = hmacSecret == null ? "" : hmacSecret;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (String header : headers.keySet()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (!HEADER.matcher(header).matches()) {
                throw new IllegalArgumentException("sink '" + name + "': '" + header + "' is not a valid header name");
            }
            if (lower.startsWith("ce-")
                    || lower.equals("content-type")
                    || lower.equals(HmacSignature.HEADER.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("sink '" + name + "': header '" + header
                        + "' is set by the event itself; remove it from the extra headers");
            }
        }
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connectTimeout");
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(10), "requestTimeout");
    }

    private static Duration positive(Duration value, Duration fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
        return value;
    }

    /** A binary-mode sink without signature, 5 s connect and 10 s request timeouts. */
    public static SinkConfig http(String name, String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("sink '" + name + "' URL '" + url + "' is not a valid URL: "
                    + e.getReason() + "; use e.g. https://events.example.com/cd");
        }
        return new SinkConfig(name, uri, EventMode.BINARY, "", Map.of(), null, null);
    }

    public SinkConfig withMode(EventMode newMode) {
        return new SinkConfig(name, url, newMode, hmacSecret, headers, connectTimeout, requestTimeout);
    }

    public SinkConfig withHmacSecret(String secret) {
        return new SinkConfig(name, url, mode, secret, headers, connectTimeout, requestTimeout);
    }

    public SinkConfig withHeader(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new SinkConfig(name, url, mode, hmacSecret, more, connectTimeout, requestTimeout);
    }

    public SinkConfig withTimeouts(Duration connect, Duration request) {
        return new SinkConfig(name, url, mode, hmacSecret, headers, connect, request);
    }

    /** Shows whether a secret is set, never the secret. */
    @Override
    public String toString() {
        return "SinkConfig[name=" + name + ", url=" + url + ", mode=" + mode + ", hmac="
                + (hmacSecret.isEmpty() ? "off" : "on") + ", headers=" + headers.keySet() + ", connectTimeout="
                + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
