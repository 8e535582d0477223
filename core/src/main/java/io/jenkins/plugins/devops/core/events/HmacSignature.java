package io.jenkins.plugins.devops.core.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signature of a request body, sent as {@code X-Devops-Signature-256: sha256=<hex>} (the GitHub
 * webhook convention), so a receiver can check that an event comes from this Jenkins and was not changed.
 */
public final class HmacSignature {
    /** The request header that carries the signature. */
    public static final String HEADER = "X-Devops-Signature-256";

    // Mac.getInstance looks up providers on every call; one instance per thread keeps signing cheap at 1000s/s.
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });

    private HmacSignature() {}

    /** {@code sha256=<lower-case hex of HMAC-SHA256(secret, body)>}. */
    public static String sign(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an HMAC secret must not be empty");
        }
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** True if {@code signature} is the signature of {@code body} (compared in constant time). */
    public static boolean verify(String secret, byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
