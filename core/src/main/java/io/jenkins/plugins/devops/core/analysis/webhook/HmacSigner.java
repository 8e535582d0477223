package io.jenkins.plugins.devops.core.analysis.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies as GitHub does: header {@value #HEADER} carries {@code sha256=} and the lower-case hex
 * HMAC-SHA256 of the exact body bytes under the shared secret.
 *
 * <pre>{@code
 * String header = new HmacSigner(secret).sign(body);   // "sha256=5d61..."
 * }</pre>
 */
public final class HmacSigner {
    /** The request header holding the signature. */
    public static final String HEADER = "X-Devops-Signature-256";

    private final SecretKeySpec key;

    public HmacSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value for {@code body}. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Verifies a header value in constant time, for receivers written in Java. */
    public boolean verify(byte[] body, String header) {
        return header != null
                && java.security.MessageDigest.isEqual(
                        sign(body).getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "HmacSigner[secret hidden]";
    }
}
