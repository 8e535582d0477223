package io.jenkins.plugins.devops.core.analysis.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** How the secret behind a {@code credentialsId} is sent over HTTP (Prometheus queries, smoke checks). */
public enum HttpAuth {
    /** {@code Authorization: Bearer <secret>}. */
    BEARER,
    /** {@code Authorization: Basic base64(<secret>)}; the secret is {@code username:password}. */
    BASIC;

    /** Parses {@code bearer} or {@code basic}; returns {@code null} for anything else. */
    public static HttpAuth parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "bearer" -> BEARER;
            case "basic" -> BASIC;
            default -> null;
        };
    }

    /** The value of the {@code Authorization} header for {@code secret}. */
    public String headerValue(String secret) {
        return switch (this) {
            case BEARER -> "Bearer " + secret;
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        };
    }
}
