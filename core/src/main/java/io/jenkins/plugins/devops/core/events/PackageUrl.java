package io.jenkins.plugins.devops.core.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The CDEvents {@code artifactId} of an image reference: an OCI package URL such as
 * {@code pkg:oci/web@sha256%3Aabc…?repository_url=registry.example.com/shop/web&tag=1.4.2}.
 */
final class PackageUrl {
    private PackageUrl() {}

    /**
     * @param image an image reference, e.g. {@code registry.example.com/shop/web:1.4.2@sha256:abc…}; may be empty
     * @param service used when there is no image
     * @param version used as the tag when the image has none
     */
    static String of(String image, String service, String version) {
        if (image == null || image.isBlank()) {
            return "pkg:generic/" + encode(service) + (version.isEmpty() ? "" : "@" + encode(version));
        }
        String digest = "";
        String reference = image.strip();
        int at = reference.indexOf('@');
        if (at >= 0) {
            digest = reference.substring(at + 1);
            reference = reference.substring(0, at);
        }
        String tag = "";
        int colon = reference.lastIndexOf(':');
        if (colon > reference.lastIndexOf('/')) {
            tag = reference.substring(colon + 1);
            reference = reference.substring(0, colon);
        }
        if (tag.isEmpty()) {
            tag = version;
        }
        String name = reference.substring(reference.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        StringBuilder purl = new StringBuilder("pkg:oci/").append(encode(name));
        if (!digest.isEmpty()) {
            purl.append('@').append(encode(digest));
        }
        purl.append("?repository_url=")
                .append(encode(reference.toLowerCase(Locale.ROOT)).replace("%2F", "/"));
        if (!tag.isEmpty()) {
            purl.append("&tag=").append(encode(tag));
        }
        return purl.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
